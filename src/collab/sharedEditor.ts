/**
 * Editing a design that lives in a shared Y.Doc, as one person does: each change they make is
 * written as a diff, field by field, under their own origin; `Y.UndoManager` tracks that origin
 * only, so their undo takes back their own changes and never someone else's. After every
 * transaction (theirs, someone else's, an undo, a reconnection) the design is read back —
 * it always loads — keeping unchanged objects, and listeners hear about it.
 *
 * History policies, as in the store (store/history.ts): `record` starts a new undo step,
 * `squash` continues the step given while it is still this person's last, `ignore` writes under
 * an origin the undo manager does not track. No network here: see connection.ts.
 */
import * as Y from 'yjs';
import type { SagaDocument } from '../model/schema.ts';
import { applyDiff } from './applyDiff.ts';
import { diffDesigns } from './diff.ts';
import { keepUnchanged } from './keepUnchanged.ts';
import { readDesign } from './project.ts';
import { collectionRoot, COLLECTIONS, designRoot } from './sharedDesign.ts';

export type HistoryPolicy = 'record' | 'squash' | 'ignore';

export interface SharedStep {
  label: string;
  history: HistoryPolicy;
}

/** The origin of writes that no undo takes back (opening a board with a design, `ignore`). */
export const UNTRACKED = Symbol('sagaboard: not undoable');

const LABEL = 'label';

export class SharedEditor {
  /** The origin of this person's changes: what their undo manager tracks. */
  readonly origin = { who: 'this person' };
  readonly undoManager: Y.UndoManager;
  private current: SagaDocument;
  private problems: string[];
  private readonly listeners = new Set<(doc: SagaDocument) => void>();
  /** The name of the change being written now. */
  private writing: string | undefined;

  constructor(readonly ydoc: Y.Doc) {
    const projection = readDesign(ydoc);
    this.current = projection.doc;
    this.problems = projection.repairs;
    // Steps are cut by `commit` (stopCapturing), never by time: a field edit typed slowly is still one step.
    this.undoManager = new Y.UndoManager([designRoot(ydoc), ...COLLECTIONS.map((c) => collectionRoot(ydoc, c))], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: Number.POSITIVE_INFINITY,
    });
    this.undoManager.on('stack-item-added', ({ stackItem }) => {
      // Undoing makes a redo step of the step undone, and the other way round: it keeps its name.
      const label = (this.undoManager.currStackItem?.meta.get(LABEL) as string | undefined) ?? this.writing ?? 'edit';
      stackItem.meta.set(LABEL, label);
    });
    // After the undo manager's own handler, so that its steps are up to date when listeners read them.
    ydoc.on('afterTransaction', this.onTransaction);
  }

  /** The design the shared document holds now. */
  get design(): SagaDocument {
    return this.current;
  }

  /** What had to be repaired for the design to load, last time it was read. */
  get repairs(): readonly string[] {
    return this.problems;
  }

  /** Hears every new version of the design; returns how to stop. */
  subscribe(listener: (doc: SagaDocument) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Writes the change from `before` (the design as shown) to `after`, one transaction. `continuing`,
   * a step `lastStep()` gave, is continued when the policy says so and it is still the last one.
   */
  commit(before: SagaDocument, after: SagaDocument, step: SharedStep, continuing?: unknown): void {
    const diff = diffDesigns(before, after);
    if (step.history === 'ignore') return applyDiff(this.ydoc, diff, UNTRACKED);
    if (continuing === undefined || continuing !== this.lastStep()) this.undoManager.stopCapturing();
    this.writing = step.label;
    try {
      applyDiff(this.ydoc, diff, this.origin);
    } finally {
      this.writing = undefined;
    }
  }

  /** This person's last undo step, a token for `commit`'s `continuing`. */
  lastStep(): unknown {
    return this.undoManager.undoStack.at(-1);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  undoLabel(): string | null {
    return (this.undoManager.undoStack.at(-1)?.meta.get(LABEL) as string | undefined) ?? null;
  }

  redoLabel(): string | null {
    return (this.undoManager.redoStack.at(-1)?.meta.get(LABEL) as string | undefined) ?? null;
  }

  destroy(): void {
    this.ydoc.off('afterTransaction', this.onTransaction);
    this.undoManager.destroy();
    this.listeners.clear();
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) {
      // Nothing in the design changed, but the undo steps may have (a step undone that did nothing).
      for (const listener of this.listeners) listener(this.current);
      return;
    }
    const projection = readDesign(this.ydoc);
    this.current = keepUnchanged(this.current, projection.doc);
    this.problems = projection.repairs;
    for (const listener of this.listeners) listener(this.current);
  };
}
