/**
 * Who may do what in a room. Only the server mints rooms: a room's edit key is the HMAC of its id
 * under the server's secret, so no room needs storing and no key can be guessed; its view key is
 * derived from the edit key one way (src/collab/rooms.ts), so a view link never grants editing.
 * Instances that serve the same rooms share the secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode128, is128Bits, newRoomId, viewKeyOf, type Access } from '../src/collab/rooms.ts';

/** Where the secret is kept when SAGABOARD_SECRET does not give it. */
export const SECRET_FILE = 'server-secret';
const MIN_SECRET_CHARS = 32;

/**
 * The server's secret: `fromEnv` when given, else the one in the data folder, made on first start
 * (atomically, so instances starting together on one folder agree on it).
 */
export function serverSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_CHARS) throw new Error(`SAGABOARD_SECRET must be at least ${MIN_SECRET_CHARS} characters`);
    return Buffer.from(fromEnv, 'utf8');
  }
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, SECRET_FILE);
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(draft, { force: true });
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_SECRET_CHARS) throw new Error(`${path} must hold at least ${MIN_SECRET_CHARS} characters`);
  return Buffer.from(secret, 'utf8');
}

/** The key that grants editing a room. */
export function editKeyOf(secret: Buffer, room: string): string {
  return encode128(createHmac('sha256', secret).update(`sagaboard edit key\0${room}`).digest());
}

/** What `key` grants in `room`: editing, viewing, or nothing (a malformed room or key grants nothing). */
export function accessOf(secret: Buffer, room: string, key: string): Access | undefined {
  if (!is128Bits(room) || !is128Bits(key)) return undefined;
  const edit = editKeyOf(secret, room);
  if (sameKey(edit, key)) return 'edit';
  if (sameKey(viewKeyOf(edit), key)) return 'view';
  return undefined;
}

/** A new room and its two keys. */
export function newRoom(secret: Buffer): { room: string; edit: string; view: string } {
  const room = newRoomId();
  const edit = editKeyOf(secret, room);
  return { room, edit, view: viewKeyOf(edit) };
}

/** Compares in constant time (both are 22 characters, checked before). */
const sameKey = (a: string, b: string): boolean => timingSafeEqual(Buffer.from(a), Buffer.from(b));
