/**
 * Lays out a design off the main thread. elkjs (about 1 MB) loads with the worker on first use,
 * never with the page.
 */
import type { Position, SagaDocument } from '../model/index.ts';
import type { Direction } from './elk-layout.ts';
import type { LayoutReply, LayoutRequest } from './layout.worker.ts';
import type { Size } from './nodeSize.ts';

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve(p: Map<string, Position>): void; reject(e: Error): void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!request) return;
    if (reply.ok) request.resolve(new Map(reply.positions));
    else request.reject(new Error(reply.message));
  };
  w.onerror = (event) => {
    // The worker could not start or crashed: every pending layout fails, the next one starts a new worker.
    for (const request of waiting.values()) request.reject(new Error(event.message || 'the layout worker stopped'));
    waiting.clear();
    worker = undefined;
  };
  worker = w;
  return w;
}

/** Positions for every node; `sizes` are the sizes drawn on the canvas where known. */
export function layoutInWorker(doc: SagaDocument, direction: Direction = 'RIGHT', sizes: ReadonlyMap<string, Size> = new Map()): Promise<Map<string, Position>> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    const request: LayoutRequest = { id, doc, direction, sizes: [...sizes] };
    layoutWorker().postMessage(request);
  });
}

/** True when some node has no position (written by hand, imported): such designs are laid out on open. */
export const needsLayout = (doc: SagaDocument): boolean => doc.nodes.some((n) => n.position === undefined);

/** The document with every node placed by the layout; unchanged when every node has a position. */
export async function withLayout(doc: SagaDocument): Promise<SagaDocument> {
  if (!needsLayout(doc)) return doc;
  try {
    const positions = await layoutInWorker(doc);
    return { ...doc, nodes: doc.nodes.map((n) => (n.position || !positions.has(n.id) ? n : { ...n, position: positions.get(n.id)! })) };
  } catch {
    return doc; // the canvas's fallback layout places them
  }
}
