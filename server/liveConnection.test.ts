/**
 * The app's connection to a live board (src/collab/connection.ts) against the real server: going
 * offline and back, it is live again and what was made meanwhile reaches the others — also when
 * the socket it let go of never says that it closed (a browser whose network is gone may not).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { LiveConnection, type LiveStatus } from '../src/collab/connection.ts';
import { startCollabServer, type CollabServer } from './collabServer.ts';
import { eventually, join, newRoomAt, originOf, synced } from './testing/clients.ts';
import { temporaryFolders } from './testing/serveProcess.ts';

const folders = temporaryFolders('sagaboard-connection-');
let server: CollabServer;
beforeAll(async () => {
  server = await startCollabServer({ port: 0, host: '127.0.0.1', dataDir: folders.make() });
});
afterAll(async () => {
  await server.close();
  folders.removeAll();
});

/** Sockets from the server's own page whose `close()` is never answered while the network is "down". */
function socketsWithNetwork(origin: string) {
  const network = { down: false };
  class Socket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { origin });
    }
    override close(code?: number, reason?: string): void {
      if (!network.down) super.close(code, reason);
    }
  }
  return { Socket, network };
}

it.each([
  ['the socket let go of never says it closed', true],
  ['the socket closes as asked', false],
])('back online after going offline (%s), the board is live again and the edits made offline reach the others', async (_, hangs) => {
  const { room, edit } = await newRoomAt(server.port);
  const { Socket, network } = socketsWithNetwork(originOf(server.port));
  const statuses: LiveStatus[] = [];
  const ydoc = new Y.Doc();
  const mine = new LiveConnection({
    url: `ws://127.0.0.1:${server.port}/collaboration`,
    room,
    key: edit,
    ydoc,
    WebSocketPolyfill: Socket,
    onStatus: (status) => statuses.push(status),
  });
  const other = join(server.port, room, edit);
  try {
    await mine.firstSync;
    await synced(other);
    expect(mine.status).toBe('live');

    network.down = hangs;
    mine.goOffline();
    expect(mine.status).toBe('offline');
    ydoc.getMap('design').set('name', 'Made offline');
    network.down = false;
    mine.goOnline();

    await eventually(() => expect(mine.status).toBe('live'), 5_000);
    await eventually(() => expect(other.ydoc.getMap('design').get('name')).toBe('Made offline'), 5_000);
    expect(statuses).toEqual(['live', 'offline', 'reconnecting', 'live']);
  } finally {
    other.leave();
    mine.destroy();
  }
});
