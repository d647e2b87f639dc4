/** Room links: what each key grants, and the secret that signs them. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newRoomId, viewKeyOf } from '../src/collab/rooms.ts';
import { accessOf, editKeyOf, newRoom, SECRET_FILE, serverSecret } from './access.ts';
import { temporaryFolders } from './testing/serveProcess.ts';

const folders = temporaryFolders('sagaboard-access-');
afterAll(folders.removeAll);
const dir = folders.make();

describe('room access', () => {
  const secret = serverSecret(dir);

  it('grants editing to the edit key and viewing to the view key, of that room only', () => {
    const { room, edit, view } = newRoom(secret);
    expect(accessOf(secret, room, edit)).toBe('edit');
    expect(accessOf(secret, room, view)).toBe('view');
    expect(view).toBe(viewKeyOf(edit));
    expect(accessOf(secret, newRoom(secret).room, edit)).toBeUndefined();
    expect(accessOf(secret, room, newRoomId())).toBeUndefined();
    expect(accessOf(secret, room, viewKeyOf(view))).toBeUndefined();
    expect(accessOf(secret, `${room}x`, edit)).toBeUndefined();
    expect(accessOf(secret, room, '')).toBeUndefined();
  });

  it('keeps the secret in the data folder, readable by its owner only, the same on every start', () => {
    expect(serverSecret(dir).equals(secret)).toBe(true);
    expect(statSync(join(dir, SECRET_FILE)).mode & 0o077).toBe(0);
    const room = newRoomId();
    expect(editKeyOf(serverSecret(dir), room)).toBe(editKeyOf(secret, room));
  });

  it('takes the secret from SAGABOARD_SECRET when given, and refuses a short one', () => {
    const given = serverSecret(dir, 'k'.repeat(32));
    expect(given.equals(secret)).toBe(false);
    expect(() => serverSecret(dir, 'short')).toThrow(/at least 32 characters/);
  });
});
