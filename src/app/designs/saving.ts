/**
 * Designs are never lost: every edit of the design on screen, and every move of its view, is
 * saved in this browser. An example (or a design file) is shown as it is; its first edit saves it
 * as a new design, so the example itself never changes. A tab being hidden or closed saves at once.
 */
import { useEffect } from 'react';
import { createAutosave } from '../../persistence/autosave.ts';
import { newDesignId, type Viewport } from '../../persistence/design-library.ts';
import { useDesignStore, type DesignState } from '../../store/designStore.ts';
import { getLibrary, storageFailed, storageWorked, useStorageStore, withLibrary } from '../../store/storage.ts';
import { writeSourceToUrl } from '../urlState.ts';

export const autosave = createAutosave({
  library: getLibrary,
  onSaved: storageWorked,
  onFailed: storageFailed,
  onUnsavedChange: (unsaved) => useStorageStore.setState({ unsaved }),
});

let viewport: Viewport | undefined;

/** Where the view of the design on screen is, if known. */
export const currentViewport = (): Viewport | undefined => viewport;

/** The canvas reports where its view came to rest. */
export function viewportMoved(next: Viewport): void {
  if (viewport && viewport.x === next.x && viewport.y === next.y && viewport.zoom === next.zoom) return;
  viewport = next;
  const { source } = useDesignStore.getState();
  if (source?.kind === 'saved') autosave.viewportChanged(source.id, next);
}

/** Remembers the design to reopen when Sagaboard is opened with no design in the address. */
function rememberLastOpened(id: string): void {
  withLibrary((library) => library.setLastOpened(id), 'write').catch(() => {
    /* shown as the storage warning */
  });
}

function onDesignChange(state: DesignState, previous: DesignState): void {
  if (state.openCount !== previous.openCount) {
    viewport = state.openedViewport ?? undefined;
    if (state.source?.kind === 'saved') rememberLastOpened(state.source.id);
    return;
  }
  if (state.doc === previous.doc || state.doc === null || state.source === null) return;
  let source = state.source;
  if (source.kind !== 'saved') {
    // The first edit of an example or a file: from now on it is a design of its own.
    source = { kind: 'saved', id: newDesignId() };
    useDesignStore.getState().adoptSource(source);
    writeSourceToUrl(source, 'replace');
    rememberLastOpened(source.id);
  }
  autosave.documentChanged(source.id, state.doc, viewport);
}

/** Starts saving the design on screen as it changes; returns how to stop. */
export function startSaving(): () => void {
  // Say at once when this browser will not store anything, not only after the first edit.
  getLibrary().catch(storageFailed);
  const unsubscribe = useDesignStore.subscribe(onDesignChange);
  const flush = () => void autosave.flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  // Closing the tab while storage fails would lose the changes kept in memory: ask first.
  const onBeforeUnload = (e: Event) => {
    if (useStorageStore.getState().problem !== null && autosave.unsaved) e.preventDefault();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}

/** Saves the design on screen as it changes, for as long as the app is open. */
export function useAutosave(): void {
  useEffect(startSaving, []);
}
