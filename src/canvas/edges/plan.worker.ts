/** Plans connections off the main thread (edges/plan.ts): one request in, the plans out. */
import { planConnections, type ConnectionPlan, type ConnectionToPlan } from './plan.ts';
import type { Box } from './geometry.ts';

export interface PlanRequest {
  id: number;
  toPlan: ConnectionToPlan[];
  boxes: Box[];
}

export interface PlanReply {
  id: number;
  plans: [string, ConnectionPlan][];
}

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const { id, toPlan, boxes } = event.data;
  const reply: PlanReply = { id, plans: [...planConnections(toPlan, boxes)] };
  self.postMessage(reply);
};
