/**
 * The undo history of a design kept in this browser: a list of named steps, each the document
 * before and after one user intent. How an intent enters it is its history policy:
 *
 * - `record`: a step of its own (undo takes it back alone);
 * - `squash`: it continues a step made just before (the next keystrokes of one field edit, the
 *   next slice of a tidy up), when that step is still the last one; otherwise it is recorded;
 * - `ignore`: it changes nothing the history keeps (selection, the view, the shortcut sheet).
 *
 * A live board keeps its history in the shared document instead (collab/sharedEditor.ts), with
 * the same policies: there, undo takes back only what this person did.
 */
import type { SagaDocument } from '../model/index.ts';

export type HistoryPolicy = 'record' | 'squash' | 'ignore';

/** How one change enters the history. */
export interface StepMeta {
  /** What the step did, in words: "connect PaymentService → PaymentProcessed". */
  label: string;
  history: HistoryPolicy;
}

/** One undo step. `after` grows while the step is continued. */
export interface Step {
  readonly label: string;
  readonly before: SagaDocument;
  after: SagaDocument;
}

/** Undo steps kept. */
export const HISTORY_LIMIT = 500;

export class LocalHistory {
  /** Oldest first. */
  past: Step[] = [];
  /** The next redo first. */
  future: Step[] = [];

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** A change from `before` to `after`: a new step, or (squash) the step `continuing` grown. */
  add(before: SagaDocument, after: SagaDocument, label: string, continuing?: Step): void {
    this.future = [];
    if (continuing && this.last(before) === continuing) {
      continuing.after = after;
      return;
    }
    this.past.push({ label, before, after });
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
  }

  /** The last step, when `current` is still the document it made (nothing else changed it since). */
  last(current: SagaDocument | null): Step | undefined {
    const step = this.past.at(-1);
    return step && step.after === current ? step : undefined;
  }

  /** The document before the last step, which moves to the redo list; undefined when there is none. */
  undo(): SagaDocument | undefined {
    const step = this.past.pop();
    if (!step) return undefined;
    this.future.unshift(step);
    return step.before;
  }

  /** The document after the next redo step; undefined when there is none. */
  redo(): SagaDocument | undefined {
    const step = this.future.shift();
    if (!step) return undefined;
    this.past.push(step);
    return step.after;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get undoLabel(): string | null {
    return this.past.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.future[0]?.label ?? null;
  }
}
