/**
 * Saving designs without being asked. A change is written once edits pause for `delayMs`, and at
 * the latest `maxWaitMs` after the first change not yet written, so a tab that dies loses at most
 * about a second of work; `flush()` writes at once (the tab is being hidden or closed).
 *
 * A write that fails is kept and tried again: with the next change, on `retry()`, and by itself
 * after a growing pause, so storage that comes back catches up. A write refused because another
 * tab saved the design meanwhile (a conflict) is held: nothing of that design is written until
 * the user decides (`release` or `discard`). Pure: no React, no DOM.
 */
import type { SagaDocument } from '../model/index.ts';
import { ConflictError, StorageError, type DesignLibrary, type Viewport } from './design-library.ts';

/** A change is written once edits pause this long… */
export const AUTOSAVE_DELAY_MS = 300;
/** …or at the latest this long after the first change not yet written. */
export const AUTOSAVE_MAX_WAIT_MS = 1000;
/** Pauses before trying a failed write again by itself; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [2000, 4000, 8000, 15_000];

export interface AutosaveOptions {
  /** The library to write to, opened on demand (see `connectLibrary`); may reject. */
  library: () => Promise<Pick<DesignLibrary, 'save' | 'saveViewport'>>;
  /**
   * The revision of each design that the document on screen is based on: a write claims the
   * next one, and records it here when it succeeds. A design not in here is new (revision 0).
   */
  revisions?: Map<string, number>;
  delayMs?: number;
  maxWaitMs?: number;
  retryDelaysMs?: readonly number[];
  now?: () => number;
  /** A write of design `id` succeeded (its document at `revision`, or only its view). */
  onSaved?(id: string, revision: number | undefined): void;
  /** A write of design `id` failed; its changes stay waiting. */
  onFailed?(error: StorageError, id: string): void;
  /** Another tab saved design `id` since this one read it: its changes are held. */
  onConflict?(id: string, doc: SagaDocument | undefined): void;
  /** Whether some change is not yet written. */
  onUnsavedChange?(unsaved: boolean): void;
}

export interface Autosave {
  /**
   * The document of saved design `id` changed. `viewport` is where its view is now: the record is
   * written whole, so give it whenever it is known (else the stored one is dropped).
   */
  documentChanged(id: string, doc: SagaDocument, viewport: Viewport | undefined): void;
  /** The view of saved design `id` moved: written without touching its document or date. */
  viewportChanged(id: string, viewport: Viewport): void;
  /** Forgets the unwritten changes of `id` (it is being deleted, or the user chose another tab's version). */
  discard(id: string): void;
  /** Holds the changes of `id`: none is written until `release` or `discard` (a conflict is being resolved). */
  hold(id: string): void;
  /** Writes the held changes of `id`, based on the revision now in `revisions`. */
  release(id: string): void;
  /** The document of `id` waiting to be written, if any. */
  waitingDocument(id: string): SagaDocument | undefined;
  /** Whether `id` has changes not yet written (waiting, held, or being written). */
  pending(id: string): boolean;
  /** Tries the failed writes again now. */
  retry(): void;
  /** Writes every waiting change now; resolves when all writes started so far have finished. */
  flush(): Promise<void>;
  /** True while some change is not yet written (waiting, being written, held, or failed). */
  readonly unsaved: boolean;
}

interface Change {
  id: string;
  doc?: SagaDocument;
  viewport?: Viewport;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const {
    library,
    revisions = new Map<string, number>(),
    delayMs = AUTOSAVE_DELAY_MS,
    maxWaitMs = AUTOSAVE_MAX_WAIT_MS,
    retryDelaysMs = RETRY_DELAYS_MS,
    now = Date.now,
  } = options;
  const waiting = new Map<string, Change>();
  /** Designs being written: one write per design at a time, so each claims the revision after the last. */
  const writing = new Map<string, Promise<boolean>>();
  const held = new Set<string>();
  const discarded = new Set<string>();
  let pause: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let unsaved = false;

  const report = () => {
    const next = waiting.size > 0 || writing.size > 0;
    if (next !== unsaved) {
      unsaved = next;
      options.onUnsavedChange?.(next);
    }
  };

  const keep = (change: Change) => {
    // Newer changes win; what they do not cover is kept for the next attempt.
    const newer = waiting.get(change.id);
    waiting.set(change.id, { id: change.id, doc: newer?.doc ?? change.doc, viewport: newer?.viewport ?? change.viewport });
  };

  const scheduleRetry = () => {
    if (retryTimer !== undefined) return;
    const wait = retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1] ?? retryDelaysMs.at(-1) ?? 5000;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      writeWaiting();
    }, wait);
  };

  /** Writes one change; resolves to whether it was written. */
  const attempt = async (change: Change): Promise<boolean> => {
    const { id, doc, viewport } = change;
    // Decided now, before anything is awaited: the revision this write claims.
    const base = revisions.get(id) ?? 0;
    try {
      const lib = await library();
      let revision: number | undefined;
      if (doc) {
        revision = await lib.save(viewport ? { id, doc, updatedAt: now(), viewport } : { id, doc, updatedAt: now() }, base);
        if (!discarded.has(id)) revisions.set(id, Math.max(revision, revisions.get(id) ?? 0));
      } else if (viewport) {
        await lib.saveViewport(id, viewport);
      }
      failures = 0;
      options.onSaved?.(id, revision);
      return true;
    } catch (e) {
      if (discarded.has(id)) return false;
      keep(change);
      if (e instanceof ConflictError) {
        held.add(id);
        options.onConflict?.(id, waiting.get(id)?.doc);
        return false;
      }
      failures++;
      scheduleRetry();
      options.onFailed?.(e instanceof StorageError ? e : new StorageError(e instanceof Error ? e.message : String(e)), id);
      return false;
    }
  };

  const write = (id: string): Promise<boolean> | undefined => {
    const change = waiting.get(id);
    if (!change || held.has(id) || writing.has(id)) return undefined;
    waiting.delete(id);
    const run: Promise<boolean> = attempt(change).finally(() => {
      writing.delete(id);
      // A change made while this one was being written goes next.
      if (pause === undefined && deadline === undefined && waiting.has(id) && !held.has(id) && retryTimer === undefined) void write(id);
      report();
    });
    writing.set(id, run);
    return run;
  };

  const clearTimers = () => {
    if (pause !== undefined) clearTimeout(pause);
    if (deadline !== undefined) clearTimeout(deadline);
    pause = undefined;
    deadline = undefined;
  };

  const writeWaiting = (except?: string) => {
    if (except === undefined) clearTimers();
    for (const id of [...waiting.keys()]) if (id !== except) void write(id);
  };

  const schedule = () => {
    if (pause !== undefined) clearTimeout(pause);
    pause = setTimeout(() => writeWaiting(), delayMs);
    // Edits that never pause are still written, at the latest maxWaitMs after the first one.
    deadline ??= setTimeout(() => writeWaiting(), maxWaitMs);
  };

  /** Changes to another design are complete once this one is touched: write them now. */
  const change = (id: string, patch: Omit<Change, 'id'>) => {
    discarded.delete(id);
    writeWaiting(id);
    waiting.set(id, { ...waiting.get(id), ...patch, id });
    schedule();
    report();
  };

  return {
    documentChanged: (id, doc, viewport) => change(id, viewport ? { doc, viewport } : { doc }),
    viewportChanged: (id, viewport) => change(id, { viewport }),
    discard(id) {
      discarded.add(id);
      waiting.delete(id);
      held.delete(id);
      report();
    },
    hold(id) {
      held.add(id);
    },
    release(id) {
      held.delete(id);
      discarded.delete(id);
      void write(id);
      report();
    },
    waitingDocument: (id) => waiting.get(id)?.doc,
    pending: (id) => waiting.has(id) || writing.has(id),
    retry() {
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      writeWaiting();
    },
    async flush() {
      clearTimers();
      // A design whose write fails is not tried twice in one flush; one changed while it was being
      // written is written again once that write is done.
      const failed = new Set<string>();
      const start = () => {
        for (const id of [...waiting.keys()]) {
          if (failed.has(id)) continue;
          void write(id)?.then((ok) => {
            if (!ok) failed.add(id);
          });
        }
      };
      start();
      report();
      while (writing.size > 0) {
        await Promise.all([...writing.values()]);
        start();
      }
    },
    get unsaved() {
      return unsaved;
    },
  };
}
