/**
 * Opening a design: download an example or file, or read a saved one from this browser, then
 * show it, or keep the current one and say what went wrong.
 */
import { shortened, type SagaDocument } from '../model/index.ts';
import { nameInRecord, type Viewport } from '../persistence/design-library.ts';
import { exampleTitle, exampleUrl } from '../persistence/examples.ts';
import { fetchDesign, type Fetch } from '../persistence/fetchDesign.ts';
import { withLayout } from '../layout/layoutInWorker.ts';
import { useDesignStore, type DesignSource, type LoadProblem } from './designStore.ts';
import { knownRevisions, reportDamaged, withLibrary } from './storage.ts';
import { validationOf } from './validation.ts';

const BASE_URL: string = import.meta.env?.BASE_URL ?? '/';

type DownloadedSource = Extract<DesignSource, { kind: 'example' | 'file' }>;

export function urlOfSource(source: DownloadedSource): string {
  return source.kind === 'example' ? exampleUrl(source.id, BASE_URL) : source.url;
}

/** "example “Checkout fan-out (choreographed)”", "file “/designs/x.sagaboard.json”" or "saved design “…”". */
export function describeSource(source: DesignSource, name?: string): string {
  switch (source.kind) {
    case 'example':
      return `example “${exampleTitle(source.id)}”`;
    case 'file':
      return `file “${shortened(source.url, 80)}”`;
    case 'saved':
      return `saved design “${shortened(name ?? source.id, 80)}”`;
    case 'shared':
      return 'shared link';
    case 'live':
      return 'live board';
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const preparers = new Set<(doc: SagaDocument) => void>();

/**
 * Work a view does for each opened design before it is shown, in a task of its own (the canvas
 * derives what it draws), so that showing it is a shorter task. Returns how to stop.
 */
export function prepareBeforeShowing(prepare: (doc: SagaDocument) => void): () => void {
  preparers.add(prepare);
  return () => preparers.delete(prepare);
}

/** A design read, or why not (no `problem`: a damaged saved design, reported on its own). */
type Opened = { ok: true; doc: SagaDocument; viewport?: Viewport; revision?: number } | { ok: false; problem?: LoadProblem };

/**
 * Opens `source`; resolves to true when it is now on screen. A slower earlier request never
 * replaces a later one.
 */
export async function openDesign(source: DesignSource, fetchFn?: Fetch): Promise<boolean> {
  const store = useDesignStore.getState();
  store.startLoading(source);
  const read: Opened =
    source.kind === 'saved'
      ? await readSaved(source)
      : source.kind === 'shared'
        ? await readShared(source)
        : source.kind === 'live'
          ? // A live board opens through its shared document (store/liveBoard.ts), never from here.
            { ok: false, problem: { what: describeSource(source), message: 'a live board opens from its link' } }
          : await download(source, fetchFn);
  // Designs written by hand or elsewhere may lack positions: they are laid out before they show.
  const result = read.ok ? { ...read, doc: await withLayout(read.doc) } : read;
  // Reading and checking a design is one task, validating it another, drawing it a third: the
  // page answers in between, and none alone holds the main thread as long as all would.
  if (result.ok) {
    await nextTask();
    validationOf(result.doc);
    for (const prepare of preparers) {
      await nextTask();
      prepare(result.doc);
    }
  }
  await nextTask();
  if (useDesignStore.getState().pending !== source) return false;
  if (result.ok) {
    // What the next save of a saved design builds on, so that it never writes over another tab's save.
    if (source.kind === 'saved' && result.revision !== undefined) knownRevisions.set(source.id, result.revision);
    store.showDesign(result.doc, source, result.viewport);
  } else if (result.problem) store.failLoading(result.problem);
  else useDesignStore.setState({ pending: null, loadProblem: null });
  return result.ok;
}

async function download(source: DownloadedSource, fetchFn?: Fetch): Promise<Opened> {
  const result = await fetchDesign(urlOfSource(source), fetchFn);
  return result.ok ? result : { ok: false, problem: { what: describeSource(source), message: result.error.message } };
}

async function readShared(source: Extract<DesignSource, { kind: 'shared' }>): Promise<Opened> {
  // The compression library loads only for share links.
  const { readShareFragment } = await import('../persistence/shareLink.ts');
  const result = readShareFragment(source.fragment);
  return result.ok ? result : { ok: false, problem: { what: describeSource(source), message: result.error.message } };
}

async function readSaved(source: Extract<DesignSource, { kind: 'saved' }>): Promise<Opened> {
  let read;
  try {
    read = await withLibrary((library) => library.read(source.id), 'read');
  } catch (e) {
    return { ok: false, problem: { what: describeSource(source), message: (e as Error).message } };
  }
  if (read === undefined) {
    return { ok: false, problem: { what: describeSource(source), message: 'there is no saved design with this id in this browser; it may have been deleted' } };
  }
  if (!read.ok) {
    // A damaged record is reported (DamagedDesignBanner) and left exactly as it is: nothing is written over it.
    reportDamaged({ id: source.id, name: nameInRecord(read.raw), message: read.message, raw: read.raw });
    return { ok: false };
  }
  const { doc, viewport, revision } = read.design;
  return viewport ? { ok: true, doc, viewport, revision } : { ok: true, doc, revision };
}
