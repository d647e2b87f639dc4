/**
 * Rooms and the links that open them. A room is named by 128 random bits, 22 base64url characters.
 * A link grants either editing or viewing:
 *
 *   <origin>/?live=<room>#edit=<key>     or     <origin>/?live=<room>#view=<key>
 *
 * The edit key is the server's HMAC of the room id (server/access.ts), so only the server mints
 * rooms; the view key is a one-way hash of the edit key, so whoever can edit can hand out a view
 * link without asking the server, and whoever can only view cannot edit. Keys travel in the `#`
 * fragment, which a browser sends to no server (nor in a Referer); the client gives it to the
 * collaboration server over the WebSocket only.
 */
import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';

export type Access = 'edit' | 'view';

/** 16 bytes as base64url: 21 characters, then one that carries the last 2 bits and 4 zero bits. */
const BITS_128 = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** A room id or an access key: 128 bits, 22 base64url characters. */
export const is128Bits = (s: unknown): s is string => typeof s === 'string' && BITS_128.test(s);

/** 22 base64url characters of the first 16 bytes. */
export const encode128 = (bytes: Uint8Array): string => toBase64UrlEncoded(bytes.subarray(0, 16));

/** The 16 bytes a room id or key stands for. */
export const decode128 = (s: string): Uint8Array => fromBase64UrlEncoded(s);

/** A fresh room id: 128 bits from the platform's secure random source. */
export function newRoomId(): string {
  return encode128(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/** The view key of a room, from its edit key (one way: a view key says nothing of the edit key). */
export function viewKeyOf(editKey: string): string {
  return encode128(digest(new TextEncoder().encode(`sagaboard view key\0${editKey}`)));
}

/** What a link names: the room, what it grants, and the key that proves it. */
export interface LiveLink {
  room: string;
  access: Access;
  key: string;
}

/** The address of a live board for `origin` (e.g. `https://sagaboard.example`). */
export function liveLinkHref(origin: string, link: LiveLink): string {
  return `${origin.replace(/\/+$/, '')}/?live=${link.room}#${link.access}=${link.key}`;
}

/** The live board an address names, or undefined when it names none (or a malformed one). */
export function readLiveLink(address: string | URL): LiveLink | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  const room = url.searchParams.get('live');
  const hash = new URLSearchParams(url.hash.slice(1));
  const access: Access | undefined = hash.has('edit') ? 'edit' : hash.has('view') ? 'view' : undefined;
  const key = access && hash.get(access);
  if (!is128Bits(room) || !access || !is128Bits(key)) return undefined;
  return { room, access, key };
}
