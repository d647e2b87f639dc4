/**
 * The browser's design library, shared by everything that reads or writes it, and what the user
 * must know about it: whether changes are being saved, and when the saved designs changed.
 */
import { create } from 'zustand';
import { connectLibrary, StorageError, type DesignLibrary } from '../persistence/design-library.ts';

/** The library, opened on first use; a refusal is retried on the next use. */
export const getLibrary: () => Promise<DesignLibrary> = connectLibrary();

export interface StorageState {
  /** Why changes are not being saved, as long as they are not. */
  problem: string | null;
  /** Some change is not written yet. */
  unsaved: boolean;
  /** Increases with every successful write, so a list of designs on screen can refresh. */
  revision: number;
}

export const useStorageStore = create<StorageState>(() => ({ problem: null, unsaved: false, revision: 0 }));

/** A write succeeded: storage works (again). */
export function storageWorked(): void {
  useStorageStore.setState((s) => ({ problem: null, revision: s.revision + 1 }));
}

/** Storage failed; the warning stays until a write succeeds. */
export function storageFailed(error: unknown): void {
  useStorageStore.setState({ problem: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `task` with the library. A failure is shown as the storage warning and rethrown as a
 * StorageError; a write that succeeds clears the warning.
 */
export async function withLibrary<T>(task: (library: DesignLibrary) => Promise<T>, kind: 'read' | 'write'): Promise<T> {
  try {
    const result = await task(await getLibrary());
    if (kind === 'write') storageWorked();
    return result;
  } catch (e) {
    storageFailed(e);
    throw e instanceof StorageError ? e : new StorageError(e instanceof Error ? e.message : String(e));
  }
}
