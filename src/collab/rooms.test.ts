/** Room ids, access keys and the links of live boards. */
import { describe, expect, it } from 'vitest';
import { decode128, is128Bits, liveLinkHref, newRoomId, readLiveLink, viewKeyOf } from './rooms.ts';

describe('rooms and links', () => {
  it('names a room by 128 random bits, 22 base64url characters', () => {
    const ids = new Set(Array.from({ length: 200 }, newRoomId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(is128Bits(id)).toBe(true);
      expect(decode128(id)).toHaveLength(16);
    }
  });

  it.each(['', 'short', 'AAAAAAAAAAAAAAAAAAAAAB', 'AAAAAAAAAAAAAAAAAAAAA=', 'AAAAAAAAAAAAAAAAAAAA/A', 'AAAAAAAAAAAAAAAAAAAAAAA', '../../etc/passwd00000A'])('refuses %j as a room id', (s) => {
    expect(is128Bits(s)).toBe(false);
  });

  it('derives a view key from an edit key, always the same, never the edit key', () => {
    const edit = newRoomId();
    expect(viewKeyOf(edit)).toBe(viewKeyOf(edit));
    expect(is128Bits(viewKeyOf(edit))).toBe(true);
    expect(viewKeyOf(edit)).not.toBe(edit);
    expect(viewKeyOf(newRoomId())).not.toBe(viewKeyOf(edit));
  });

  it('writes and reads the links that grant editing and viewing, the key in the fragment', () => {
    const room = newRoomId();
    const key = newRoomId();
    const edit = liveLinkHref('https://sagaboard.example/', { room, access: 'edit', key });
    expect(edit).toBe(`https://sagaboard.example/?live=${room}#edit=${key}`);
    expect(readLiveLink(edit)).toEqual({ room, access: 'edit', key });
    const view = liveLinkHref('https://sagaboard.example', { room, access: 'view', key: viewKeyOf(key) });
    expect(readLiveLink(view)).toEqual({ room, access: 'view', key: viewKeyOf(key) });
  });

  it.each(['not a url', 'https://x/?live=abc#edit=def', 'https://x/?design=abc', `https://x/?live=${'A'.repeat(22)}`, `https://x/?live=${'A'.repeat(22)}#admin=${'A'.repeat(22)}`])('reads no live board from %j', (s) => {
    expect(readLiveLink(s)).toBeUndefined();
  });
});
