/**
 * Opening designs from the address bar, the example picker and the design list, keeping the
 * address bar in step (the back button returns to the previous design).
 */
import type { SagaDocument } from '../model/index.ts';
import { DEFAULT_EXAMPLE, type ExampleId } from '../persistence/examples.ts';
import { useDesignStore, type DesignSource } from '../store/designStore.ts';
import { openDesign } from '../store/openDesign.ts';
import { withLibrary } from '../store/storage.ts';
import { joinLive } from './live/onDemand.ts';
import { requestFromUrl, writeSourceToUrl } from './urlState.ts';

const DEFAULT_SOURCE: DesignSource = { kind: 'example', id: DEFAULT_EXAMPLE };

/** Counts navigations, so a slow start-up never replaces a design the user picked meanwhile. */
let navigations = 0;

async function show(source: DesignSource, mode: 'push' | 'replace'): Promise<boolean> {
  navigations++;
  const shown = await openDesign(source);
  if (shown) writeSourceToUrl(source, mode);
  return shown;
}

/** Shows an example picked by the user; the address bar follows (and the back button returns). */
export async function showExample(id: ExampleId): Promise<void> {
  await show({ kind: 'example', id }, 'push');
}

/** Shows a design saved in this browser; resolves to true when it is on screen. */
export function showSaved(id: string, mode: 'push' | 'replace' = 'push'): Promise<boolean> {
  return show({ kind: 'saved', id }, mode);
}

/** Shows a design just made (and saved, if storage allowed) under `id`. */
export function showMade(doc: SagaDocument, id: string, mode: 'push' | 'replace' = 'push'): void {
  navigations++;
  const source = { kind: 'saved', id } as const;
  useDesignStore.getState().showDesign(doc, source);
  writeSourceToUrl(source, mode);
}

/**
 * Opens whatever the address bar names (at start-up, and on back/forward); with no design named,
 * the saved design opened last. A saved design that cannot be opened is explained; at start-up
 * the default example is shown instead.
 */
export async function openFromUrl(): Promise<void> {
  const turn = ++navigations;
  const request = requestFromUrl(window.location.href);
  if (request.live) {
    // A live board: the design comes from its room (or the copy this browser keeps).
    if (await joinLive(request.live)) return;
    if (turn !== navigations || useDesignStore.getState().doc !== null) return;
    const problem = useDesignStore.getState().loadProblem;
    if ((await openDesign(DEFAULT_SOURCE)) && problem) useDesignStore.getState().failLoading(problem);
    return;
  }
  const last = request.lastOpenedFirst ? await lastOpened() : undefined;
  if (turn !== navigations) return;
  const source = last ?? request.source;
  const shown = await openDesign(source);
  if (turn !== navigations) return;
  const store = useDesignStore.getState();
  if (request.problem) store.failLoading(request.problem);
  if (shown) {
    if (request.problem || last) writeSourceToUrl(source, 'replace');
    return;
  }
  // A saved design or a share link that cannot be opened still leaves something to work on.
  if ((source.kind !== 'saved' && source.kind !== 'shared') || store.doc !== null) return;
  const problem = useDesignStore.getState().loadProblem;
  if (!(await openDesign(DEFAULT_SOURCE)) || turn !== navigations) return;
  if (problem) useDesignStore.getState().failLoading(problem);
  // The address stays `/` when it named nothing, so the next visit tries the last design again.
  if (!last) writeSourceToUrl(DEFAULT_SOURCE, 'replace');
}

/**
 * Opens the design the address bar names, and again whenever the user goes back or forward.
 * Called once at start-up, before the page's first render, so the design downloads while React
 * draws the page around it (in an effect after that render, a 1,000-node design asked for it
 * 150 ms later).
 */
export function followAddressBar(): void {
  void openFromUrl();
  window.addEventListener('popstate', () => void openFromUrl());
}

/** The saved design opened last, if storage can tell. */
async function lastOpened(): Promise<DesignSource | undefined> {
  try {
    const id = await withLibrary((library) => library.lastOpened(), 'read');
    return id === undefined ? undefined : { kind: 'saved', id };
  } catch {
    return undefined; // shown as the storage warning; the default example opens
  }
}
