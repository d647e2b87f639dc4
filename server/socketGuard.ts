/**
 * Guards one WebSocket before Hocuspocus reads it: a rate limit on its messages and bytes, and only
 * rooms named by 128-bit ids, a few per socket. A socket over its rate, or naming anything else, is
 * closed; nobody else notices. (Hocuspocus replays the messages it queued while authenticating
 * through the same door, so those count twice: a handful.)
 */
import type { WebSocket } from 'ws';
import { is128Bits } from '../src/collab/rooms.ts';
import type { ServerLimits } from './limits.ts';
import { roomOf } from './messages.ts';

/** WebSocket close codes: a policy violation, and data that is not what it should be. */
const POLICY = 1008;
const INVALID = 1007;

export function guardSocket(ws: WebSocket, limits: ServerLimits, now: () => number = Date.now): void {
  const messages = tokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
  const bytes = tokenBucket(limits.bytesPerSecond, limits.byteBurst, now);
  const rooms = new Set<string>();
  const refuse = (code: number, reason: string) => {
    ws.close(code, reason);
    return false;
  };
  const admit = (data: unknown): boolean => {
    if (ws.readyState !== ws.OPEN) return false;
    if (!(data instanceof Uint8Array)) return refuse(INVALID, 'malformed-message');
    if (!messages.take(1) || !bytes.take(data.byteLength)) return refuse(POLICY, 'rate-limited');
    let room: string;
    try {
      room = roomOf(data);
    } catch {
      return refuse(INVALID, 'malformed-message');
    }
    if (!is128Bits(room)) return refuse(POLICY, 'unknown-room');
    if (!rooms.has(room) && rooms.size >= limits.roomsPerSocket) return refuse(POLICY, 'too-many-rooms');
    rooms.add(room);
    return true;
  };
  // Listeners cannot stop a message from reaching the listeners after them: the guard sits in emit.
  const emit = ws.emit.bind(ws);
  ws.emit = ((event: string | symbol, ...args: unknown[]) => (event === 'message' && !admit(args[0]) ? false : emit(event, ...args))) as typeof ws.emit;
}

/** `rate` tokens a second, at most `burst` saved up. */
function tokenBucket(rate: number, burst: number, now: () => number) {
  let tokens = burst;
  let at = now();
  return {
    take(n: number): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - at) / 1000) * rate);
      at = t;
      if (tokens < n) return false;
      tokens -= n;
      return true;
    },
  };
}
