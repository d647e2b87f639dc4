/**
 * Plans connections off the main thread (edges/plan.ts). The worker keeps the last design's
 * connections and node boxes: a move sends only the boxes that moved (planInWorker.ts), and the
 * reply to a move holds only the plans that changed (a tidy up of 500 nodes moves them twenty at a
 * time: reading every plan back after each slice took the page 2–3 ms a slice).
 */
import { planChanges, planConnections, type ConnectionPlan, type ConnectionToPlan } from './plan.ts';
import type { Box } from './geometry.ts';

/** A connection without its boxes: they are looked up by node id. */
export type ConnectionEnds = Omit<ConnectionToPlan, 'sourceBox' | 'targetBox'>;

export type PlanRequest =
  | { id: number; kind: 'all'; connections: ConnectionEnds[]; boxes: [string, Box][] }
  | { id: number; kind: 'moved'; boxes: [string, Box][] };

/** Every plan (`all`), or the plans that changed since the last reply (`changed`, after a move). */
export interface PlanReply {
  id: number;
  kind: 'all' | 'changed';
  plans: [string, ConnectionPlan][];
}

let connections: ConnectionEnds[] = [];
let boxes = new Map<string, Box>();
/** The plans of the last reply: the page holds them too. */
let replied = new Map<string, ConnectionPlan>();

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const request = event.data;
  if (request.kind === 'all') {
    connections = request.connections;
    boxes = new Map(request.boxes);
  } else {
    for (const [id, box] of request.boxes) boxes.set(id, box);
  }
  const toPlan = connections.map((c) => ({ ...c, sourceBox: boxes.get(c.source)!, targetBox: boxes.get(c.target)! }));
  const plans = planConnections(toPlan, [...boxes.values()]);
  const reply: PlanReply = request.kind === 'all' ? { id: request.id, kind: 'all', plans: [...plans] } : { id: request.id, kind: 'changed', plans: planChanges(replied, plans) };
  replied = plans;
  self.postMessage(reply);
};
