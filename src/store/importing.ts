/**
 * An import waiting for the user's choice: a design read from a file, checked into a copy,
 * to open as a new design or to put in place of the current one. Nothing on screen changes
 * until they choose; a file that is not a design is reported and changes nothing.
 */
import { create } from 'zustand';
import { shortened, type SagaDocument } from '../model/index.ts';
import { withLayout } from '../layout/layoutInWorker.ts';
import { readDesignFile, type PickedFile } from '../persistence/importFile.ts';
import { useDesignStore } from './designStore.ts';

export interface PendingImport {
  fileName: string;
  doc: SagaDocument;
}

export const useImportStore = create<{ pending: PendingImport | null }>(() => ({ pending: null }));

/** Reads a picked or dropped file; a good design waits for the user's choice, a bad one is explained. */
export async function importFile(file: PickedFile): Promise<void> {
  const result = await readDesignFile(file);
  if (!result.ok) {
    useDesignStore.getState().failLoading({ what: `file “${shortened(file.name, 80)}”`, message: result.error.message });
    return;
  }
  useDesignStore.getState().dismissLoadProblem();
  useImportStore.setState({ pending: { fileName: file.name, doc: await withLayout(result.doc) } });
}

export const cancelImport = () => useImportStore.setState({ pending: null });
