/**
 * Share links: the design compressed into the address's fragment (`#share=v1.…`), which the
 * browser never sends to a server. Links are kept short enough to paste anywhere; what comes
 * back from a link is checked like any file, and a link that would inflate without bound is
 * refused before it can fill the memory.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { parseDocument, parseJsonText, type LoadResult, type SagaDocument } from '../model/index.ts';
import { tooBigToDraw } from './canvasLimits.ts';

const PREFIX = '#share=v1.';
/** Links longer than this are refused: chat tools and mail clients cut longer ones. */
export const MAX_LINK_CHARS = 8 * 1024;
/** A shared design never inflates to more than this; a link that does is hostile or broken. */
export const MAX_SHARED_BYTES = 4 * 1024 * 1024;

export type ShareLink = { ok: true; fragment: string } | { ok: false; message: string };

/** The fragment that carries `doc`, or why it cannot be shared as a link. */
export function shareFragment(doc: SagaDocument): ShareLink {
  const packed = deflateSync(strToU8(JSON.stringify(doc)), { level: 9 });
  const fragment = PREFIX + toBase64Url(packed);
  if (fragment.length > MAX_LINK_CHARS)
    return {
      ok: false,
      message: `This design makes a link of ${(fragment.length / 1024).toFixed(1)} KB; links over ${MAX_LINK_CHARS / 1024} KB get cut off when pasted. Export it as a file and share the file instead.`,
    };
  return { ok: true, fragment };
}

/** The design in a share fragment, checked like a file; a damaged link says what is wrong with it. */
export function readShareFragment(hash: string): LoadResult {
  const fail = (message: string): LoadResult => ({ ok: false, error: { message } });
  if (!hash.startsWith(PREFIX)) return fail('this share link was made by another version of Sagaboard, or it is damaged');
  const data = hash.slice(PREFIX.length);
  if (data.length > MAX_LINK_CHARS * 2) return fail('this share link is far longer than Sagaboard makes them; it is not a design');
  const bytes = fromBase64Url(data);
  if (!bytes) return fail('this share link is damaged: it contains characters a Sagaboard link never has');
  const inflated = inflateCapped(bytes, MAX_SHARED_BYTES);
  if (!inflated.ok) return fail(inflated.message);
  const json = parseJsonText(inflated.text);
  const tooBig = json.ok ? tooBigToDraw(json.value) : undefined;
  if (tooBig !== undefined) return fail(tooBig);
  const loaded: LoadResult = json.ok ? parseDocument(json.value) : { ok: false, error: { message: json.message } };
  return loaded.ok ? loaded : fail(`this share link does not hold a valid design: ${loaded.error.message}`);
}

/** Inflates at most `cap` bytes: a small link that would expand to gigabytes stops at the cap. */
function inflateCapped(bytes: Uint8Array, cap: number): { ok: true; text: string } | { ok: false; message: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > cap) tooBig = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    // Feed in small pieces so that the cap is checked as the output grows.
    for (let i = 0; i < bytes.length && !tooBig; i += 1024) inflate.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
  } catch {
    return { ok: false, message: 'this share link is damaged: its data cannot be unpacked (was it changed by hand?)' };
  }
  if (tooBig) return { ok: false, message: `this share link unpacks to more than ${MAX_SHARED_BYTES / 1024 / 1024} MB; Sagaboard refuses it` };
  if (!ended) return { ok: false, message: 'this share link is incomplete: it was probably cut off when it was copied' };
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  return { ok: true, text: strFromU8(joined) };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
