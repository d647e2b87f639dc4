/**
 * Reading a design file over HTTP. Never throws: network failures, error statuses and web pages
 * served in place of a design all become a LoadError that says what happened.
 */
import { shortened, type LoadResult } from '../model/index.ts';
import { loadDrawableDocument } from './canvasLimits.ts';

export type Fetch = (url: string) => Promise<Response>;

/** Fetches `url` and loads it as a Sagaboard design. */
export async function fetchDesign(url: string, fetchFn: Fetch = (u) => fetch(u)): Promise<LoadResult> {
  const where = shortened(url, 80);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    return { ok: false, error: { message: `the file could not be downloaded (${(e as Error).message})` } };
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, error: { message: `the server answered ${status}: there is no design at ${where}` } };
  }
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    return { ok: false, error: { message: `the server sent a web page, not a design file: there is no design at ${where}` } };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    return { ok: false, error: { message: `the download was interrupted (${(e as Error).message})` } };
  }
  return loadDrawableDocument(text);
}
