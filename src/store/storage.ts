/**
 * The browser's design library, shared by everything that reads or writes it, and what the user
 * must know about it: whether changes are being saved, a design another tab changed meanwhile, a
 * saved design that is damaged, and when the saved designs changed.
 */
import { create } from 'zustand';
import { ConflictError, connectLibrary, StorageError, type DesignLibrary, type StorageProblem } from '../persistence/design-library.ts';

/** The library, opened on first use; a refusal is retried on the next use. */
export const getLibrary: () => Promise<DesignLibrary> = connectLibrary();

/**
 * For each saved design this tab has open or has written, the revision its document is based on:
 * the next save claims the revision after it (see DesignLibrary.save).
 */
export const knownRevisions = new Map<string, number>();

/** A design whose changes here were not saved because another tab saved it first. */
export interface Conflict {
  id: string;
  name: string;
}

/** A saved design that cannot be opened; kept exactly as it is. */
export interface DamagedDesign {
  id: string;
  /** Its name, when the record still says one. */
  name: string | undefined;
  /** Why it cannot be opened. */
  message: string;
  /** The record as it is stored. */
  raw: unknown;
}

export interface StorageState {
  /** Why changes are not being saved, as long as they are not. */
  problem: string | null;
  /** What kind of failure `problem` is, so the warning can say what to do. */
  problemKind: StorageProblem | null;
  /** Some change is not written yet. */
  unsaved: boolean;
  /** Increases with every successful write (here or in another tab), so a list of designs on screen can refresh. */
  revision: number;
  /** Designs changed both here and in another tab, waiting for the user to choose. */
  conflicts: readonly Conflict[];
  /** The saved design that could not be opened last, until dismissed. */
  damaged: DamagedDesign | null;
}

export const useStorageStore = create<StorageState>(() => ({ problem: null, problemKind: null, unsaved: false, revision: 0, conflicts: [], damaged: null }));

/** A write succeeded: storage works (again). */
export function storageWorked(): void {
  useStorageStore.setState((s) => ({ problem: null, problemKind: null, revision: s.revision + 1 }));
}

/** The saved designs changed elsewhere (another tab): lists refresh. */
export function libraryChanged(): void {
  useStorageStore.setState((s) => ({ revision: s.revision + 1 }));
}

/** Storage failed; the warning stays until a write succeeds. A conflict is not a storage failure. */
export function storageFailed(error: unknown): void {
  if (error instanceof ConflictError) return;
  useStorageStore.setState({ problem: error instanceof Error ? error.message : String(error), problemKind: error instanceof StorageError ? error.kind : 'failed' });
}

export function reportConflict(conflict: Conflict): void {
  useStorageStore.setState((s) => ({ conflicts: [...s.conflicts.filter((c) => c.id !== conflict.id), conflict] }));
}

export function clearConflict(id: string): void {
  useStorageStore.setState((s) => ({ conflicts: s.conflicts.filter((c) => c.id !== id) }));
}

export function reportDamaged(damaged: DamagedDesign | null): void {
  useStorageStore.setState({ damaged });
}

/**
 * Runs `task` with the library. A storage failure is shown as the storage warning and rethrown as
 * a StorageError (a ConflictError is rethrown as it is); a write that succeeds clears the warning.
 */
export async function withLibrary<T>(task: (library: DesignLibrary) => Promise<T>, kind: 'read' | 'write'): Promise<T> {
  try {
    const result = await task(await getLibrary());
    if (kind === 'write') storageWorked();
    return result;
  } catch (e) {
    storageFailed(e);
    if (e instanceof ConflictError || e instanceof StorageError) throw e;
    throw new StorageError(e instanceof Error ? e.message : String(e));
  }
}
