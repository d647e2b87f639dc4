/**
 * Reading a design file over HTTP. Never throws: network failures, error statuses and web pages
 * served in place of a design all become a LoadError that says what happened. At most
 * MAX_FILE_CHARS bytes are read.
 */
import { MAX_FILE_CHARS, shortened, type LoadResult } from '../model/index.ts';
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
  let text: string | undefined;
  try {
    text = await textUpTo(response, MAX_FILE_CHARS);
  } catch (e) {
    return { ok: false, error: { message: `the download was interrupted (${(e as Error).message})` } };
  }
  if (text === undefined) {
    const mb = MAX_FILE_CHARS / 1024 / 1024;
    return { ok: false, error: { message: `the file is more than ${mb} MB; Sagaboard opens designs up to ${mb} MB` } };
  }
  return loadDrawableDocument(text);
}

/**
 * The body as text, or undefined when it is longer than `cap` bytes: reading stops there, so a
 * download that never ends (or a huge file) cannot fill the memory.
 */
async function textUpTo(response: Response, cap: number): Promise<string | undefined> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  // As response.text() would: UTF-8, a byte order mark dropped.
  return new TextDecoder().decode(bytes);
}
