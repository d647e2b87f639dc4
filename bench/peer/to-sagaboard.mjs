#!/usr/bin/env node
// Converts a gen-diagram graph (the shared bpmn-bench gen-diagram.mjs, diagram-N.json) into a Sagaboard
// design (*.sagaboard.json, spec §1) with the same N nodes, the same |E| connections, the same ids
// and the same grid, so the app draws exactly the graph bpmn-js draws.
//
//   node to-sagaboard.mjs diagram-N.json > diagram-N.sagaboard.json
//
// Kinds, by grid column (col % 4, the generator puts gateways in col % 4 == 0):
//   col%4 == 0  (gateways, the start event)  -> command   "Task i"
//   col%4 == 1  (tasks)                      -> service   "Task i"   (idempotent)
//   col%4 == 2  (tasks)                      -> event     "Done i"   (past tense, so G005 is quiet)
//   col%4 == 3  (tasks, the end event)       -> service   "Task i"   (idempotent)
// Every generated edge then joins an allowed pair (spec §1.2, src/model/connections.ts):
//   horizontal  command->service  handled by | service->event publishes | event->service subscribed by
//               | service->command sends
//   vertical    (from gateways, col%4==0)  command->command  compensated by
//   diagonal    (from col%4==2 tasks)      event->service    subscribed by
// A col%4==3 service that consumes two events gets `on` (both) on its output (rule G013).
//
// Geometry: the generator's cell is 150 x 130 px with 50 px gaps round a 100 x 80 task. A Sagaboard
// node is 140 x 56 (nodeSize() of an 8-character name; src/layout/nodeSize.ts), so cells become
// 190 x 106 (same 50 px gaps; node area 7,840 vs 8,000 px^2, nodes per diagram px^2 within 3%):
// each node is centred on its generated cell centre scaled by (190/150, 106/130). Gateways and
// events (50 x 50, 36 x 36 in BPMN) are full-size nodes here.
import { readFileSync } from 'node:fs';

export const SX = 190 / 150, SY = 106 / 130;
export const NODE_W = 140, NODE_H = 56;

export function toSagaboard(g) {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const kindOf = (n) => ['command', 'service', 'event', 'service'][n.col % 4];
  const num = (id) => id.replace(/^\D+_/, '');
  const nodes = g.nodes.map((n) => {
    const kind = kindOf(n);
    const cx = (n.x + n.width / 2) * SX, cy = (n.y + n.height / 2) * SY;
    const node = { id: n.id, kind, name: kind === 'event' ? `Done ${num(n.id)}` : `Task ${num(n.id)}` };
    if (kind === 'service') node.idempotent = true;
    node.position = { x: Math.round(cx - NODE_W / 2), y: Math.round(cy - NODE_H / 2) };
    return node;
  });
  const kind = new Map(nodes.map((n) => [n.id, n.kind]));
  const inputs = new Map(); // service id -> messages it consumes
  for (const e of g.edges) {
    const t = kind.get(e.target), s = kind.get(e.source);
    if ((t === 'service') && (s === 'command' || s === 'event')) (inputs.get(e.target) ?? inputs.set(e.target, []).get(e.target)).push(e.source);
  }
  const edges = g.edges.map((e) => {
    const out = { id: e.id, source: e.source, target: e.target };
    const ins = inputs.get(e.source);
    if (ins && ins.length > 1) out.on = ins;
    return out;
  });
  for (const e of edges) {
    const s = kind.get(e.source), t = kind.get(e.target);
    const ok = { command: ['service', 'command'], service: ['command', 'event'], event: ['service'] }[s]?.includes(t);
    if (!ok) throw new Error(`edge ${e.id}: ${s} -> ${t} is not allowed`);
    if (!byId.has(e.source) || !byId.has(e.target)) throw new Error(`edge ${e.id}: missing end`);
  }
  return {
    format: 'sagaboard',
    version: 1,
    name: `Generated grid, ${g.meta.n} nodes (bpmn-bench gen-diagram)`,
    description: 'The bpmn-bench grid diagram as a Sagaboard design (bench/peer/to-sagaboard.mjs).',
    declaredStyle: 'auto',
    nodes,
    edges,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const g = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  process.stdout.write(JSON.stringify(toSagaboard(g)) + '\n');
}
