/**
 * Test helpers: people in a room, as the app will connect them (@hocuspocus/provider over `ws`,
 * Node 20 having no WebSocket of its own), a room made by the server, and waiting for something
 * to become true.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { ROOMS_PATH } from '../collabServer.ts';

/** The origin a page of the server at `port` has (the server accepts its own pages only). */
export const originOf = (port: number): string => `http://127.0.0.1:${port}`;

/** A WebSocket class that says it was opened by a page of `origin`, as a browser would. */
export function webSocketFrom(origin: string): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { origin });
    }
  };
}

export interface Person {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** Reasons the server gave for closing this person's connection, as the provider reported them. */
  closes: string[];
  /** Why authentication failed, if it did. */
  refusals: string[];
  leave(): void;
}

/** Someone opening a live link: room `room` with `key`, on the server at `port`. */
export function join(port: number, room: string, key: string): Person {
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}/collaboration`,
    WebSocketPolyfill: webSocketFrom(originOf(port)),
    maxAttempts: 3,
  });
  const ydoc = new Y.Doc();
  const closes: string[] = [];
  const refusals: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token: key,
    document: ydoc,
    onClose: ({ event }) => closes.push(event.reason),
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
  });
  provider.attach();
  return {
    ydoc,
    provider,
    closes,
    refusals,
    leave: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves once the person has the room's content (first sync done). */
export function synced(person: Person, ms = 5_000): Promise<void> {
  return eventually(() => {
    if (!person.provider.isSynced) throw new Error('not synced yet');
  }, ms);
}

/** Resolves once the server has every change the person made. */
export function uploaded(person: Person, ms = 5_000): Promise<void> {
  return eventually(() => {
    if (person.provider.hasUnsyncedChanges) throw new Error(`${person.provider.unsyncedChanges} changes not acknowledged`);
  }, ms);
}

/** Retries `check` until it stops throwing, at most `ms`; then throws its last error. */
export async function eventually(check: () => void, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** A new room from the server at `port`, asked as a page of the server would. */
export async function newRoomAt(port: number): Promise<{ room: string; edit: string; view: string }> {
  const response = await fetch(`${originOf(port)}${ROOMS_PATH}`, { method: 'POST', headers: { Origin: originOf(port) } });
  if (response.status !== 201) throw new Error(`no room: ${response.status}`);
  return (await response.json()) as { room: string; edit: string; view: string };
}
