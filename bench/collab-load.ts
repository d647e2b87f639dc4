/**
 * bench/collab-load: many people editing one live board on loopback.
 *
 * The server runs as `npm run serve` does, in a process of its own (so its memory is its own);
 * the clients run here, each with its own WebSocket and @hocuspocus/provider, as browsers would.
 * One of them opens a room with the orchestrated order process (21 nodes); then every client moves
 * a node `--rate` times a second (each move one user intent, written as a diff), for `--seconds`.
 *
 * Reports: edits sent per second and updates delivered per second (an edit reaches every other
 * client), the time from an edit to its arrival at each other client (p50, p95, max), the server's
 * memory (resident set, sampled every 500 ms), and whether every copy ends the same.
 *
 * Run: npm run bench:collab -- --clients 50 --seconds 30 --rate 2
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { writeDesign } from '../src/collab/applyDiff.ts';
import { readDesign } from '../src/collab/project.ts';
import { edit } from '../src/collab/testing/peers.ts';
import { moveNodes } from '../src/model/operations.ts';
import { example } from '../src/model/testing/builder.ts';
import { join as joinRoom, newRoomAt, synced, uploaded, type Person } from '../server/testing/clients.ts';
import { startServeProcess, temporaryFolders } from '../server/testing/serveProcess.ts';
import { option } from './args.ts';
import { median, percentile } from './stats.ts';

const CLIENTS = Number(option('--clients') ?? 50);
const SECONDS = Number(option('--seconds') ?? 30);
const RATE = Number(option('--rate') ?? 2);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's resident memory in MB, from /proc (Linux). */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const folders = temporaryFolders('sagaboard-bench-');
  const server = await startServeProcess(folders.make());
  const people: Person[] = [];
  try {
    const baseMb = residentMb(server.pid);
    const { room, edit: key } = await newRoomAt(server.port);
    const owner = joinRoom(server.port, room, key);
    people.push(owner);
    await synced(owner, 20_000);
    writeDesign(owner.ydoc, example('order-orchestrated'));
    await uploaded(owner, 20_000);
    for (let i = 1; i < CLIENTS; i++) people.push(joinRoom(server.port, room, key));
    await Promise.all(people.map((p) => synced(p, 60_000)));
    const nodeIds = readDesign(owner.ydoc).doc.nodes.map((n) => n.id);
    const joinedMb = residentMb(server.pid);

    // Every move puts a node at an x no other move uses: its arrival names the edit.
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    let nextX = 1;
    for (const person of people) {
      person.ydoc.getMap('nodes').observeDeep((events, transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const event of events) {
          if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has('position')) continue;
          const x = (event.target.get('position') as { x: number } | undefined)?.x;
          const t = x === undefined ? undefined : sentAt.get(x);
          if (t !== undefined) latencies.push(now - t);
        }
      });
    }

    let peakMb = joinedMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, residentMb(server.pid))), 500);
    const t0 = performance.now();
    const timers = people.map((person, i) =>
      setTimeout(
        () => {
          const move = () => {
            const x = nextX++;
            const id = nodeIds[(x * 7 + i) % nodeIds.length]!;
            sentAt.set(x, performance.now());
            edit(person.ydoc, (d) => moveNodes(d, new Map([[id, { x, y: i * 10 }]])), 'bench');
          };
          move();
          timers[i] = setInterval(move, 1000 / RATE);
        },
        Math.random() * (1000 / RATE),
      ),
    );
    await sleep(SECONDS * 1000);
    timers.forEach((t) => clearInterval(t));
    const elapsed = (performance.now() - t0) / 1000;
    const sent = nextX - 1;
    // Let the last edits arrive.
    await sleep(2000);
    clearInterval(sampler);
    const endMb = residentMb(server.pid);
    const states = new Set(people.map((p) => Buffer.from(Y.encodeStateVector(p.ydoc)).toString('base64')));
    const designs = new Set(people.map((p) => JSON.stringify(readDesign(p.ydoc).doc)));
    const expected = sent * (CLIENTS - 1);

    console.log(`collab-load: ${CLIENTS} clients × ${SECONDS} s, ${RATE} edits/s each, one board (order-orchestrated, ${nodeIds.length} nodes), server and clients on loopback`);
    console.log(`edits sent: ${sent} (${(sent / elapsed).toFixed(1)}/s); updates delivered to the other clients: ${latencies.length} of ${expected} (${(latencies.length / elapsed).toFixed(0)}/s)`);
    console.log(
      `edit → each other client: p50 ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.reduce((a, b) => Math.max(a, b), 0).toFixed(1)} ms`,
    );
    console.log(`server memory (RSS): ${baseMb.toFixed(0)} MB started, ${joinedMb.toFixed(0)} MB with ${CLIENTS} clients in the room, peak ${peakMb.toFixed(0)} MB, ${endMb.toFixed(0)} MB at the end`);
    console.log(`converged: ${states.size === 1 && designs.size === 1 ? `yes, all ${CLIENTS} copies identical` : `NO (${designs.size} different designs)`}`);
  } finally {
    people.forEach((p) => p.leave());
    await server.stop();
    folders.removeAll();
  }
}

await main();
process.exit(0);
