/**
 * Designs are never lost: every edit of the design on screen, and every move of its view, is
 * saved in this browser. An example (or a design file) is shown as it is; its first edit saves it
 * as a new design, so the example itself never changes. A tab being hidden or closed saves at once.
 *
 * Other tabs: when another tab saves the design on screen, this tab shows that version if it has
 * no changes of its own waiting; otherwise nothing more of it is written and the user chooses
 * (ConflictBanner): the other tab's version, theirs overwritten by this one, or this one as a copy.
 */
import { useEffect } from 'react';
import type { SagaDocument } from '../../model/index.ts';
import { perform } from '../../actions/action.ts';
import { patchDesign } from '../../actions/design.ts';
import { updateDocument } from '../../model/operations.ts';
import { createAutosave } from '../../persistence/autosave.ts';
import { listenToOtherTabs, newDesignId, type LibraryChange, type Viewport } from '../../persistence/design-library.ts';
import { copyName } from '../../persistence/design-names.ts';
import { checkedViewport } from '../../persistence/viewport.ts';
import { useDesignStore, type DesignState } from '../../store/designStore.ts';
import { flushTyping } from '../../store/typing.ts';
import {
  clearConflict,
  getLibrary,
  knownRevisions,
  libraryChanged,
  reportConflict,
  storageFailed,
  storageWorked,
  useStorageStore,
  withLibrary,
} from '../../store/storage.ts';
import { writeSourceToUrl } from '../urlState.ts';

export const autosave = createAutosave({
  library: getLibrary,
  revisions: knownRevisions,
  onSaved: storageWorked,
  onFailed: storageFailed,
  onConflict: (id, doc) => reportConflict({ id, name: doc?.name ?? nameOnScreen(id) ?? 'This design' }),
  onUnsavedChange: (unsaved) => useStorageStore.setState({ unsaved }),
});

let viewport: Viewport | undefined;
/** Set while the document on screen is replaced by another tab's version: that is not an edit to save. */
let replacing = false;
/** The last version shown from another tab: the document on screen is still that one unless edited. */
let shownFromOtherTab: SagaDocument | undefined;

/** Where the view of the design on screen is, if known. */
export const currentViewport = (): Viewport | undefined => viewport;

/** The id of the design on screen, when it is a saved one. */
function savedOnScreen(): string | undefined {
  const { source } = useDesignStore.getState();
  return source?.kind === 'saved' ? source.id : undefined;
}

function nameOnScreen(id: string): string | undefined {
  return savedOnScreen() === id ? useDesignStore.getState().doc?.name : undefined;
}

/** The canvas reports where its view came to rest. */
export function viewportMoved(next: Viewport): void {
  // A view the canvas could not show again (NaN from a damaged one, say) is never written.
  if (checkedViewport(next) === undefined) return;
  if (viewport && viewport.x === next.x && viewport.y === next.y && viewport.zoom === next.zoom) return;
  viewport = next;
  const id = savedOnScreen();
  if (id !== undefined) autosave.viewportChanged(id, next);
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
  if (replacing || state.doc === previous.doc || state.doc === null || state.source === null) return;
  // A live board is kept in its room, and in this browser by its own copy (app/live/liveBoard.ts).
  if (state.source.kind === 'live') return;
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

/** Shows `doc`, saved at `revision` by another tab, in place of the design on screen. */
function showOtherVersion(id: string, doc: SagaDocument, revision: number): void {
  knownRevisions.set(id, revision);
  shownFromOtherTab = doc;
  replacing = true;
  try {
    useDesignStore.getState().replaceDocument(doc);
  } finally {
    replacing = false;
  }
}

function holdConflict(id: string): void {
  autosave.hold(id);
  reportConflict({ id, name: nameOnScreen(id) ?? autosave.waitingDocument(id)?.name ?? 'This design' });
}

/**
 * Another tab may have saved design `id` (at `revision`, when known): when it is on screen, show
 * the newer version, or, if this tab has changes of its own not yet saved, let the user choose.
 */
export async function checkOtherTabs(id: string, revision?: number): Promise<void> {
  // Keys typed a moment ago count as changes of this tab's, not to be replaced by the other's.
  flushTyping();
  if (savedOnScreen() !== id || useStorageStore.getState().conflicts.some((c) => c.id === id)) return;
  const known = knownRevisions.get(id) ?? 0;
  if (revision !== undefined && revision <= known) return;
  if (autosave.pending(id)) {
    if (revision !== undefined) holdConflict(id);
    // Without a revision (the tab came back into view), the pending write finds out by itself.
    return;
  }
  const before = useDesignStore.getState().doc;
  let read;
  try {
    read = await (await getLibrary()).read(id);
  } catch {
    return; // storage problems show when something is written
  }
  if (!read?.ok || read.design.revision <= (knownRevisions.get(id) ?? 0)) return;
  if (savedOnScreen() !== id) return;
  const now = useDesignStore.getState().doc;
  if ((now !== before && now !== shownFromOtherTab) || autosave.pending(id)) {
    // Edited while the other version was being read: both changed.
    holdConflict(id);
    return;
  }
  showOtherVersion(id, read.design.doc, read.design.revision);
}

function onOtherTab(change: LibraryChange): void {
  libraryChanged();
  if (change.kind === 'saved') void checkOtherTabs(change.id, change.revision);
}

/** The changes of conflicted design `id` kept here: the document on screen, or the one held. */
function myVersion(id: string): SagaDocument | undefined {
  return savedOnScreen() === id ? (useDesignStore.getState().doc ?? undefined) : autosave.waitingDocument(id);
}

/** Conflict, first choice: drop the changes made here and show the version the other tab saved. */
export async function takeTheirs(id: string): Promise<void> {
  autosave.discard(id);
  clearConflict(id);
  let read;
  try {
    read = await withLibrary((library) => library.read(id), 'read');
  } catch {
    return;
  }
  if (read?.ok && savedOnScreen() === id) showOtherVersion(id, read.design.doc, read.design.revision);
}

/** Conflict, second choice: save the version made here over the one the other tab saved. */
export async function keepMine(id: string): Promise<void> {
  const doc = myVersion(id);
  let read;
  try {
    read = await withLibrary((library) => library.read(id), 'read');
  } catch {
    return; // the warning says why; the conflict stays to be resolved
  }
  // Build on what is saved now: it is knowingly written over.
  knownRevisions.set(id, read === undefined ? 0 : read.ok ? read.design.revision : ((read.raw as { revision?: number }).revision ?? 0));
  clearConflict(id);
  if (doc) autosave.documentChanged(id, doc, savedOnScreen() === id ? viewport : undefined);
  autosave.release(id);
  await autosave.flush();
}

/**
 * Conflict, third choice: save the version made here as a new design, named “… (copy)”, and
 * leave the other tab's version as it is. When the design is on screen, the copy takes its place.
 */
export async function saveMineAsCopy(id: string): Promise<void> {
  const doc = myVersion(id);
  autosave.discard(id);
  clearConflict(id);
  if (!doc) return;
  let taken: string[] = [];
  try {
    taken = (await withLibrary((library) => library.list(), 'read')).map((d) => d.name);
  } catch {
    // the copy is named without looking
  }
  const name = copyName(doc.name, taken);
  const copy = newDesignId();
  if (savedOnScreen() === id) {
    const store = useDesignStore.getState();
    store.adoptSource({ kind: 'saved', id: copy });
    writeSourceToUrl({ kind: 'saved', id: copy }, 'replace');
    rememberLastOpened(copy);
    // The new name is an edit like any other: it saves the copy.
    perform(patchDesign, { patch: { name } });
    await autosave.flush();
    return;
  }
  try {
    const revision = await withLibrary((library) => library.save({ id: copy, doc: updateDocument(doc, { name }), updatedAt: Date.now() }), 'write');
    knownRevisions.set(copy, revision);
  } catch {
    // shown as the storage warning
  }
}

/** “Try again now”: writes what is waiting, or, with nothing waiting, checks that storage works again. */
export function retrySaving(): void {
  if (autosave.unsaved) {
    autosave.retry();
    return;
  }
  const id = savedOnScreen();
  if (id !== undefined) rememberLastOpened(id);
  else getLibrary().then(storageWorked, storageFailed);
}

/** Starts saving the design on screen as it changes; returns how to stop. */
export function startSaving(): () => void {
  // Say at once when this browser will not store anything, not only after the first edit.
  getLibrary().catch(storageFailed);
  const unsubscribe = useDesignStore.subscribe(onDesignChange);
  // Storage that works again (space freed by deleting designs, say) takes the waiting changes at once.
  const unsubscribeStorage = useStorageStore.subscribe((state, previous) => {
    if (state.problem === null && previous.problem !== null && autosave.unsaved) autosave.retry();
  });
  const stopListening = listenToOtherTabs(onOtherTab);
  // What is being typed counts too: applied first, then written.
  const flush = () => {
    flushTyping();
    void autosave.flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
    else {
      // Back in view: another tab may have saved this design while messages were not heard.
      const id = savedOnScreen();
      if (id !== undefined) void checkOtherTabs(id);
    }
  };
  // Closing the tab while changes cannot be saved would lose them: ask first.
  const onBeforeUnload = (e: Event) => {
    const { problem, conflicts } = useStorageStore.getState();
    if ((problem !== null || conflicts.length > 0) && autosave.unsaved) e.preventDefault();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    unsubscribe();
    unsubscribeStorage();
    stopListening();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}

/** Saves the design on screen as it changes, for as long as the app is open. */
export function useAutosave(): void {
  useEffect(startSaving, []);
}
