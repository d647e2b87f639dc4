/**
 * Two server instances joined through a real Redis (started here on a free loopback port, stopped
 * by its PID): people on different instances work on one board. Skipped, saying why, only when
 * `redis-server` is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeDesign } from '../src/collab/applyDiff.ts';
import { readDesign } from '../src/collab/project.ts';
import { edit, withoutEmptyLists } from '../src/collab/testing/peers.ts';
import { moveNodes, updateDocument } from '../src/model/operations.ts';
import { example } from '../src/model/testing/builder.ts';
import { startCollabServer, type CollabServer } from './collabServer.ts';
import { eventually, join, newRoomAt, synced, uploaded } from './testing/clients.ts';
import { redisMissing, startRedis } from './testing/redis.ts';
import { temporaryFolders } from './testing/serveProcess.ts';

const read = (ydoc: Y.Doc) => readDesign(ydoc).doc;
const title = 'two instances joined through Redis';

describe.skipIf(redisMissing !== undefined)(redisMissing ? `${title} — SKIPPED: ${redisMissing}` : title, () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let one: CollabServer;
  let two: CollabServer;
  const folders = temporaryFolders('sagaboard-redis-');
  beforeAll(async () => {
    redis = await startRedis();
    // Instances on one machine share the data folder: one database, one secret.
    const options = { port: 0, host: '127.0.0.1', dataDir: folders.make(), redisUrl: redis.url };
    [one, two] = await Promise.all([startCollabServer(options), startCollabServer(options)]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await redis?.stop();
    folders.removeAll();
  });

  it('people on different instances see each other’s changes, and the board is stored once for all', async () => {
    // given a room made by one instance, Ada on it and Bob on the other
    const { room, edit: key } = await newRoomAt(one.port);
    const ada = join(one.port, room, key);
    const bob = join(two.port, room, key);
    try {
      await Promise.all([synced(ada), synced(bob)]);
      // when Ada writes a design, Bob gets it through the other instance
      writeDesign(ada.ydoc, example('order-choreographed'));
      await eventually(() => expect(read(bob.ydoc)).toEqual(withoutEmptyLists(example('order-choreographed'))));
      // and when both edit at once, both end with both changes
      const id = read(bob.ydoc).nodes[0]!.id;
      edit(bob.ydoc, (d) => moveNodes(d, new Map([[id, { x: -77, y: 88 }]])));
      edit(ada.ydoc, (d) => updateDocument(d, { name: 'Across instances' }));
      await eventually(() => {
        expect(read(ada.ydoc)).toEqual(read(bob.ydoc));
        expect(read(ada.ydoc)).toMatchObject({ name: 'Across instances' });
        expect(read(ada.ydoc).nodes[0]!.position).toEqual({ x: -77, y: 88 });
      });
      await Promise.all([uploaded(ada), uploaded(bob)]);
    } finally {
      ada.leave();
      bob.leave();
    }
    // then a newcomer on either instance, after everyone left, finds the whole board
    await eventually(() => expect(one.hocuspocus.getDocumentsCount() + two.hocuspocus.getDocumentsCount()).toBe(0), 10_000);
    const cyd = join(two.port, room, key);
    try {
      await synced(cyd);
      expect(read(cyd.ydoc)).toMatchObject({ name: 'Across instances' });
      expect(read(cyd.ydoc).nodes[0]!.position).toEqual({ x: -77, y: 88 });
    } finally {
      cyd.leave();
    }
  });
});
