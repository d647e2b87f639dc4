/**
 * Plans connections off the main thread (edges/plan.ts). The worker keeps the last design's
 * connections and node boxes: a move sends only the boxes that moved (planInWorker.ts).
 */
import { planConnections, type ConnectionPlan, type ConnectionToPlan } from './plan.ts';
import type { Box } from './geometry.ts';

/** A connection without its boxes: they are looked up by node id. */
export type ConnectionEnds = Omit<ConnectionToPlan, 'sourceBox' | 'targetBox'>;

export type PlanRequest =
  | { id: number; kind: 'all'; connections: ConnectionEnds[]; boxes: [string, Box][] }
  | { id: number; kind: 'moved'; boxes: [string, Box][] };

export interface PlanReply {
  id: number;
  plans: [string, ConnectionPlan][];
}

let connections: ConnectionEnds[] = [];
let boxes = new Map<string, Box>();

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const request = event.data;
  if (request.kind === 'all') {
    connections = request.connections;
    boxes = new Map(request.boxes);
  } else {
    for (const [id, box] of request.boxes) boxes.set(id, box);
  }
  const toPlan = connections.map((c) => ({ ...c, sourceBox: boxes.get(c.source)!, targetBox: boxes.get(c.target)! }));
  const reply: PlanReply = { id: request.id, plans: [...planConnections(toPlan, [...boxes.values()])] };
  self.postMessage(reply);
};
