/**
 * Saving designs without being asked. A change is written once edits pause for `delayMs`, or at
 * once on `flush()` (the tab is being hidden or closed). A failed write is reported and kept: the
 * next change or flush tries again, so storage that comes back catches up. Pure: no React, no DOM.
 */
import type { SagaDocument } from '../model/index.ts';
import { StorageError, type DesignLibrary, type Viewport } from './design-library.ts';

/** At most this long passes between the last change and its write. */
export const AUTOSAVE_DELAY_MS = 300;

export interface AutosaveOptions {
  /** The library to write to, opened on demand (see `connectLibrary`); may reject. */
  library: () => Promise<Pick<DesignLibrary, 'save' | 'saveViewport'>>;
  delayMs?: number;
  now?: () => number;
  /** A write of design `id` succeeded. */
  onSaved?(id: string): void;
  /** A write of design `id` failed; its changes stay waiting. */
  onFailed?(error: StorageError, id: string): void;
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
  /** Forgets the unwritten changes of `id` (it is being deleted). */
  discard(id: string): void;
  /** Writes every waiting change now; resolves when all writes started so far have finished. */
  flush(): Promise<void>;
  /** True while some change is not yet written (waiting, being written, or failed). */
  readonly unsaved: boolean;
}

interface Change {
  id: string;
  doc?: SagaDocument;
  viewport?: Viewport;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const { library, delayMs = AUTOSAVE_DELAY_MS, now = Date.now } = options;
  const waiting = new Map<string, Change>();
  const writing = new Set<Promise<void>>();
  const discarded = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;

  const report = () => {
    const next = waiting.size > 0 || writing.size > 0;
    if (next !== unsaved) {
      unsaved = next;
      options.onUnsavedChange?.(next);
    }
  };

  const attempt = async (change: Change) => {
    try {
      const lib = await library();
      if (change.doc) {
        const { id, doc, viewport } = change;
        await lib.save(viewport ? { id, doc, updatedAt: now(), viewport } : { id, doc, updatedAt: now() });
      } else if (change.viewport) {
        await lib.saveViewport(change.id, change.viewport);
      }
      options.onSaved?.(change.id);
    } catch (e) {
      if (!discarded.has(change.id)) {
        // Newer changes win; what they do not cover is kept for the next attempt.
        const newer = waiting.get(change.id);
        waiting.set(change.id, { id: change.id, doc: newer?.doc ?? change.doc, viewport: newer?.viewport ?? change.viewport });
      }
      options.onFailed?.(e instanceof StorageError ? e : new StorageError(e instanceof Error ? e.message : String(e)), change.id);
    }
  };

  const write = (change: Change) => {
    const run: Promise<void> = attempt(change).finally(() => {
      writing.delete(run);
      report();
    });
    writing.add(run);
  };

  const writeWaiting = (except?: string) => {
    for (const change of [...waiting.values()]) {
      if (change.id === except) continue;
      waiting.delete(change.id);
      write(change);
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      writeWaiting();
    }, delayMs);
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
      report();
    },
    async flush() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      writeWaiting();
      report();
      await Promise.all([...writing]);
    },
    get unsaved() {
      return unsaved;
    },
  };
}
