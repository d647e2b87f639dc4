/**
 * Plans connections in a worker, so an edit of a big design paints before its connections are
 * planned again (a 2,000-node design takes tens of milliseconds to plan). Only the newest request
 * matters: a reply to an older one, overtaken by a newer edit, is dropped. Where no worker can
 * start (tests in Node, a worker that failed), the plan is made on this thread, in a task of its own.
 */
import type { ConnectionPlan } from './plan.ts';
import type { PlanReply, PlanRequest } from './plan.worker.ts';
import type { Box } from './geometry.ts';
import { planUnplanned, type Unplanned } from '../adapter.ts';

let worker: Worker | null | undefined;
let newest = 0;
let waiting: { id: number; resolve(plans: Map<string, ConnectionPlan> | null): void } | undefined;
/** The plans the worker last made, as its replies told them (a reply to a move holds only what changed). */
let known = new Map<string, ConnectionPlan>();

function planWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<PlanReply>) => {
      // Every reply, an overtaken one too, brings the plans to what the worker last planned.
      const { id, kind, plans } = event.data;
      if (kind === 'all') known = new Map(plans);
      else for (const [connection, plan] of plans) known.set(connection, plan);
      if (waiting?.id !== id) return;
      waiting.resolve(new Map(known));
      waiting = undefined;
    };
    w.onerror = () => {
      // From now on on this thread; the request under way is planned here.
      worker = null;
      sent = undefined;
      const stranded = waiting;
      waiting = undefined;
      if (stranded) setTimeout(() => stranded.resolve(null), 0);
    };
    return (worker = w);
  } catch {
    return (worker = null);
  }
}

/** What the worker was last sent: its connections (the edges array they came with) and boxes. */
let sent: { edges: Unplanned['edges']; boxes: Map<string, Box> } | undefined;

/** The whole design the first time and after any change but moves; after a move, the boxes that moved. */
function requestFor(id: number, { edges, toPlan, boxes }: Unplanned): PlanRequest {
  const before = sent;
  sent = { edges, boxes };
  if (before?.edges === edges && before.boxes.size === boxes.size) {
    const moved: [string, Box][] = [];
    for (const [node, box] of boxes) if (before.boxes.get(node) !== box) moved.push([node, box]);
    return { id, kind: 'moved', boxes: moved };
  }
  const connections = toPlan.map(({ sourceBox: _s, targetBox: _t, ...ends }) => ends);
  return { id, kind: 'all', connections, boxes: [...boxes] };
}

/** The plans of `unplanned`'s connections, or null when a newer request overtook this one. */
export function planLater(unplanned: Unplanned): Promise<Map<string, ConnectionPlan> | null> {
  const id = ++newest;
  waiting?.resolve(null);
  waiting = undefined;
  return new Promise((resolve) => {
    const w = planWorker();
    if (w) {
      waiting = { id, resolve: (plans) => resolve(plans ?? (id === newest ? planUnplanned(unplanned) : null)) };
      w.postMessage(requestFor(id, unplanned));
    } else {
      setTimeout(() => resolve(id === newest ? planUnplanned(unplanned) : null), 0);
    }
  });
}
