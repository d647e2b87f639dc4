/**
 * The collaboration server, started for real on a loopback port, with people connecting as the app
 * will (@hocuspocus/provider): they see each other's changes; a view link changes nothing; the board
 * outlives a restart; changes over the caps, malformed messages, floods and other sites are refused
 * without disturbing anyone else.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { writeDesign } from '../src/collab/applyDiff.ts';
import { readDesign } from '../src/collab/project.ts';
import { newRoomId } from '../src/collab/rooms.ts';
import { edit, withoutEmptyLists } from '../src/collab/testing/peers.ts';
import { addNode, moveNodes, updateDocument } from '../src/model/operations.ts';
import { example } from '../src/model/testing/builder.ts';
import { startCollabServer, type CollabServer, type CollabServerOptions } from './collabServer.ts';
import type { ServerLimits } from './limits.ts';
import { eventually, join, newRoomAt, originOf, synced, uploaded, webSocketFrom, type Person } from './testing/clients.ts';
import { temporaryFolders } from './testing/serveProcess.ts';

const folders = temporaryFolders('sagaboard-collab-');
afterAll(folders.removeAll);
const dataFolder = folders.make;

const start = (options: Partial<CollabServerOptions> = {}) => startCollabServer({ port: 0, host: '127.0.0.1', dataDir: dataFolder(), ...options });

const people: Person[] = [];
afterEach(() => people.splice(0).forEach((p) => p.leave()));
const enter = (server: CollabServer, room: string, key: string) => {
  const person = join(server.port, room, key);
  people.push(person);
  return person;
};

const read = (ydoc: Y.Doc) => readDesign(ydoc).doc;

/** A socket of our own, to send what no provider would. */
async function rawSocket(server: CollabServer): Promise<{ ws: WebSocket; received: Uint8Array[]; closed: Promise<{ code: number; reason: string }> }> {
  const Socket = webSocketFrom(originOf(server.port));
  const ws = new Socket(`ws://127.0.0.1:${server.port}/collaboration`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, received, closed };
}

/** A Hocuspocus message: the room, then the message's own fields. */
function message(room: string, ...fields: (number | string | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  for (const f of fields) {
    if (typeof f === 'number') encoding.writeVarUint(encoder, f);
    else if (typeof f === 'string') encoding.writeVarString(encoder, f);
    else encoding.writeVarUint8Array(encoder, f);
  }
  return encoding.toUint8Array(encoder);
}
const AUTH = 2;
const SYNC = 0;
const AWARENESS = 1;
const CLOSE = 7;
const YJS_UPDATE = 2;

describe('a live board', () => {
  let server: CollabServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('two people in one room see each other’s changes', async () => {
    // given Ada opens a new room with a design, and Bob opens her edit link
    const { room, edit: key } = await newRoomAt(server.port);
    const ada = enter(server, room, key);
    await synced(ada);
    writeDesign(ada.ydoc, example('order-orchestrated'), 'ada');
    const bob = enter(server, room, key);
    await synced(bob);
    // then Bob sees her design
    await eventually(() => expect(read(bob.ydoc)).toEqual(withoutEmptyLists(example('order-orchestrated'))));
    expect(bob.provider.authorizedScope).toBe('read-write');
    // when Bob moves a node, Ada sees it moved
    const id = read(bob.ydoc).nodes[2]!.id;
    edit(bob.ydoc, (d) => moveNodes(d, new Map([[id, { x: 4321, y: 1234 }]])), 'bob');
    await eventually(() => expect(read(ada.ydoc).nodes.find((n) => n.id === id)?.position).toEqual({ x: 4321, y: 1234 }));
  });

  it('a view link shows the board, and the server refuses every change made through it', async () => {
    // given a room with a design, and Vic on its view link
    const { room, edit: key, view } = await newRoomAt(server.port);
    const ada = enter(server, room, key);
    await synced(ada);
    writeDesign(ada.ydoc, example('checkout-fanout'));
    await uploaded(ada);
    const vic = enter(server, room, view);
    await synced(vic);
    expect(vic.provider.authorizedScope).toBe('readonly');
    expect(read(vic.ydoc).name).toBe(example('checkout-fanout').name);
    // when Vic's copy changes anyway (a modified client) and Ada then edits
    edit(vic.ydoc, (d) => updateDocument(d, { name: 'Defaced' }));
    edit(ada.ydoc, (d) => updateDocument(d, { description: 'after the viewer tried' }));
    // then Vic gets Ada's change, the server never acknowledges Vic's, and nobody else has it
    await eventually(() => expect(read(vic.ydoc).description).toBe('after the viewer tried'));
    expect(vic.provider.hasUnsyncedChanges).toBe(true);
    expect(read(ada.ydoc).name).toBe(example('checkout-fanout').name);
    expect(read(server.hocuspocus.documents.get(room)!).name).toBe(example('checkout-fanout').name);
    const late = enter(server, room, key);
    await synced(late);
    expect(read(late.ydoc).name).toBe(example('checkout-fanout').name);
  });

  it('a wrong key, or a room the server did not make, opens nothing', async () => {
    const { room } = await newRoomAt(server.port);
    const mallory = enter(server, room, newRoomId());
    const stranger = enter(server, newRoomId(), newRoomId());
    await eventually(() => expect([...mallory.refusals, ...stranger.refusals]).toEqual(['invalid-link', 'invalid-link']));
    expect(mallory.provider.isSynced).toBe(false);
  });

  it('refuses WebSockets opened by other sites, or saying no origin', async () => {
    const statusFrom = (ws: WebSocket) =>
      new Promise<number>((resolve) => {
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(-1));
      });
    const Evil = webSocketFrom('http://evil.example');
    expect(await statusFrom(new Evil(`ws://127.0.0.1:${server.port}/collaboration`))).toBe(403);
    expect(await statusFrom(new WebSocket(`ws://127.0.0.1:${server.port}/collaboration`))).toBe(403);
    const denied = await fetch(`${originOf(server.port)}/collaboration/rooms`, { method: 'POST', headers: { Origin: 'http://evil.example' } });
    expect(denied.status).toBe(403);
  });

  it('a malformed message closes its sender’s connection only; the room carries on', async () => {
    // given Ada and Bob in a room
    const { room, edit: key } = await newRoomAt(server.port);
    const ada = enter(server, room, key);
    const bob = enter(server, room, key);
    await Promise.all([synced(ada), synced(bob)]);
    writeDesign(ada.ydoc, example('credit-reservation'));
    await eventually(() => expect(read(bob.ydoc).nodes).toHaveLength(example('credit-reservation').nodes.length));
    // when Mallory, with the edit key, sends a broken update, and another socket sends bytes that are no message
    const mallory = await rawSocket(server);
    mallory.ws.send(message(room, AUTH, 0, key));
    await eventually(() => expect(mallory.received.length).toBeGreaterThan(0));
    const real = Y.encodeStateAsUpdate(ada.ydoc);
    mallory.ws.send(message(room, SYNC, YJS_UPDATE, real.slice(0, real.length >> 1)));
    const noise = await rawSocket(server);
    noise.ws.send(new Uint8Array([0xff, 0xff, 0xff, 0x01]));
    // then Mallory's connection to the room is closed, saying why; the noise's socket is closed
    await eventually(() => expect(mallory.received.some((m) => m[1 + room.length] === CLOSE)).toBe(true));
    expect((await noise.closed).code).toBe(1007);
    // and Ada and Bob go on working together
    edit(bob.ydoc, (d) => addNode(d, 'service', { x: 5, y: 5 }).doc);
    await eventually(() => expect(read(ada.ydoc).nodes).toHaveLength(example('credit-reservation').nodes.length + 1));
    expect(ada.closes).toEqual([]);
    mallory.ws.terminate();
  });

  it('serves no files when it has no build, and asks for a WebSocket at /collaboration', async () => {
    expect((await fetch(`${originOf(server.port)}/`)).status).toBe(404);
    expect((await fetch(`${originOf(server.port)}/collaboration`)).status).toBe(426);
  });
});

describe('a server that restarts', () => {
  it('still has the board, and its links still open it', async () => {
    // given a board kept in a data folder
    const dataDir = dataFolder();
    let server = await start({ dataDir });
    const { room, edit: key } = await newRoomAt(server.port);
    const ada = enter(server, room, key);
    await synced(ada);
    writeDesign(ada.ydoc, example('create-order-saga'));
    await uploaded(ada);
    // when the server stops (while Ada is still there) and starts again on the same folder
    await server.close();
    ada.leave();
    server = await start({ dataDir });
    // then Bob, on the same link, finds the board
    const bob = enter(server, room, key);
    await synced(bob);
    expect(read(bob.ydoc)).toEqual(withoutEmptyLists(example('create-order-saga')));
    await server.close();
  });
});

describe('caps and floods', () => {
  const limits: Partial<ServerLimits> = { maxRecords: 30, maxEdges: 60, maxDocumentBytes: 64 * 1024, messagesPerSecond: 20, messageBurst: 60 };
  let server: CollabServer;
  beforeAll(async () => {
    server = await start({ limits });
  });
  afterAll(() => server.close());

  /** Ada and Bob in a new room holding the orchestrated order process (21 nodes). */
  async function room() {
    const { room: id, edit: key } = await newRoomAt(server.port);
    const ada = enter(server, id, key);
    const bob = enter(server, id, key);
    await Promise.all([synced(ada), synced(bob)]);
    writeDesign(ada.ydoc, example('order-orchestrated'));
    await eventually(() => expect(read(bob.ydoc).nodes).toHaveLength(21));
    return { id, key, ada, bob };
  }

  it('refuses a change that would put more nodes in a room than the canvas draws', async () => {
    const { id, key, ada, bob } = await room();
    // when Ada pastes 10 more nodes (31 > 30)
    edit(ada.ydoc, (d) => Array.from({ length: 10 }).reduce<typeof d>((doc, _, i) => addNode(doc, 'event', { x: i, y: 0 }).doc, d));
    // then her connection is closed with the reason, and the room never had them
    await eventually(() => expect(ada.closes).toContain('too-many-nodes'));
    expect(read(server.hocuspocus.documents.get(id)!).nodes).toHaveLength(21);
    // and Bob still edits, and a newcomer sees his change and not Ada's paste
    edit(bob.ydoc, (d) => updateDocument(d, { name: 'Still here' }));
    const cyd = enter(server, id, key);
    await synced(cyd);
    await eventually(() => expect(read(cyd.ydoc).name).toBe('Still here'));
    expect(read(cyd.ydoc).nodes).toHaveLength(21);
  });

  it('refuses a change that would make the room’s document too large', async () => {
    const { id, ada } = await room();
    edit(ada.ydoc, (d) => updateDocument(d, { description: 'x'.repeat(70 * 1024) }));
    await eventually(() => expect(ada.closes).toContain('document-too-large'));
    expect(read(server.hocuspocus.documents.get(id)!).description).toBe(example('order-orchestrated').description);
  });

  it('closes a socket that floods the server; the room carries on', async () => {
    const { id, key, ada, bob } = await room();
    const flood = await rawSocket(server);
    flood.ws.send(message(id, AUTH, 0, key));
    for (let i = 0; i < 200; i++) flood.ws.send(message(id, AWARENESS, new Uint8Array([0])));
    expect(await flood.closed).toEqual({ code: 1008, reason: 'rate-limited' });
    edit(ada.ydoc, (d) => updateDocument(d, { name: 'After the flood' }));
    await eventually(() => expect(read(bob.ydoc).name).toBe('After the flood'));
  });
});
