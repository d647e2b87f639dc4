/** Opening a design: download, load, then show it, or keep the current one and say what went wrong. */
import { exampleTitle, exampleUrl } from '../persistence/examples.ts';
import { fetchDesign, type Fetch } from '../persistence/fetchDesign.ts';
import { useDesignStore, type DesignSource } from './designStore.ts';

const BASE_URL: string = import.meta.env?.BASE_URL ?? '/';

export function urlOfSource(source: DesignSource): string {
  return source.kind === 'example' ? exampleUrl(source.id, BASE_URL) : source.url;
}

/** "example “Checkout fan-out (choreographed)”" or "file “/designs/x.sagaboard.json”". */
export function describeSource(source: DesignSource): string {
  return source.kind === 'example' ? `example “${exampleTitle(source.id)}”` : `file “${source.url}”`;
}

/**
 * Opens `source`; resolves to true when it is now on screen. A slower earlier request never
 * replaces a later one.
 */
export async function openDesign(source: DesignSource, fetchFn?: Fetch): Promise<boolean> {
  const store = useDesignStore.getState();
  store.startLoading(source);
  const result = await fetchDesign(urlOfSource(source), fetchFn);
  if (useDesignStore.getState().pending !== source) return false;
  if (result.ok) store.showDesign(result.doc, source);
  else store.failLoading({ what: describeSource(source), message: result.error.message });
  return result.ok;
}
