/**
 * Generated designs of a given size for benchmarks, in realistic shapes: an orchestrated saga,
 * a choreography of event chains and fan-outs hanging off one trigger, a laid-out system map
 * of many small sagas and choreographies (about 1.5 connections per node, for the canvas
 * benchmark), and a laid-out broadcast of one event to hundreds of subscribers (for the playback
 * benchmark: hundreds of messages in flight at once). Deterministic.
 */
import { CURRENT_VERSION, type Position, type SagaDocument, type SagaEdge, type SagaNode } from '../src/model/index.ts';

export type Shape = 'orchestrated' | 'choreography' | 'system' | 'broadcast';

/** A node without its id (distributes over the node kinds). */
type NewNode = SagaNode extends infer N ? (N extends SagaNode ? Omit<N, 'id'> : never) : never;

class Drawing {
  nodes: SagaNode[] = [];
  edges: SagaEdge[] = [];
  private n = 0;
  add(node: NewNode): string {
    const id = `n${this.nodes.length}`;
    this.nodes.push({ ...node, id, position: { x: (this.nodes.length % 40) * 240, y: Math.floor(this.nodes.length / 40) * 120 } } as SagaNode);
    return id;
  }
  link(source: string, target: string, extra: Partial<SagaEdge> = {}): void {
    this.edges.push({ id: `e${this.n++}`, source, target, ...extra });
  }
}

/** One orchestrator running steps of 6 nodes each: command, service, reply, failure reply, compensation and its reply. */
function orchestrated(size: number): SagaDocument {
  const d = new Drawing();
  const actor = d.add({ kind: 'actor', name: 'Customer' });
  const start = d.add({ kind: 'command', name: 'StartSaga' });
  const saga = d.add({ kind: 'orchestrator', name: 'BigSaga' });
  d.link(actor, start);
  d.link(start, saga);
  let previous = start;
  for (let i = 0; d.nodes.length + 6 <= size; i++) {
    const step = d.add({ kind: 'command', name: `RunStep${i}`, timeoutMs: 5000 });
    const service = d.add({ kind: 'service', name: `Step${i}Service`, idempotent: true });
    const done = d.add({ kind: 'event', name: `Step${i}Completed` });
    const failed = d.add({ kind: 'event', name: `Step${i}Failed`, outcome: 'failure' });
    const undo = d.add({ kind: 'command', name: `UndoStep${i}`, retry: { maxAttempts: 0 } });
    const undone = d.add({ kind: 'event', name: `Step${i}Undone` });
    d.link(saga, step, { on: [previous] });
    d.link(step, service);
    d.link(service, done, { on: [step] });
    d.link(service, failed, { on: [step] });
    d.link(done, saga);
    d.link(failed, saga);
    d.link(step, undo);
    d.link(saga, undo);
    d.link(undo, service);
    d.link(service, undone, { on: [undo] });
    d.link(undone, saga);
    previous = done;
  }
  return doc('Generated orchestrated saga', 'orchestration', d);
}

/** One event from outside starts the process; chains of 2–8 services react to it, each able to fail and compensate; some events fan out. */
function choreography(size: number): SagaDocument {
  const d = new Drawing();
  // The process starts with an event from outside (no producer): the trigger.
  const created = d.add({ kind: 'event', name: 'OrderCreated' });
  for (let chain = 0; d.nodes.length + 8 <= size; chain++) {
    const length = 2 + (chain % 7);
    let input = created;
    const upstream: { service: string; input: string }[] = [];
    for (let i = 0; i < length && d.nodes.length + 4 <= size; i++) {
      const service = d.add({ kind: 'service', name: `C${chain}S${i}Service`, idempotent: true, failureRate: 0.01 });
      const done = d.add({ kind: 'event', name: `C${chain}S${i}Completed`, terminal: i === length - 1 });
      d.link(input, service);
      d.link(service, done, { on: [input] });
      if (i > 0) {
        // every earlier participant of the chain compensates when this step fails
        const failed = d.add({ kind: 'event', name: `C${chain}S${i}Failed`, outcome: 'failure', terminal: true });
        d.link(service, failed, { on: [input] });
        for (const u of upstream) d.link(failed, u.service, { compensates: u.input });
      }
      if (i % 3 === 2 && d.nodes.length + 2 <= size) {
        const audit = d.add({ kind: 'service', name: `C${chain}S${i}AuditService`, idempotent: true });
        const logged = d.add({ kind: 'event', name: `C${chain}S${i}Audited`, terminal: true });
        d.link(done, audit);
        d.link(audit, logged);
      }
      upstream.push({ service, input });
      input = done;
    }
  }
  return doc('Generated choreography', 'choreography', d);
}

function doc(name: string, declaredStyle: 'orchestration' | 'choreography' | 'auto', d: Drawing): SagaDocument {
  return { format: 'sagaboard', version: CURRENT_VERSION, name, declaredStyle, nodes: d.nodes, edges: d.edges };
}

/** Geometry of the system map, in flow pixels (names stay within 22 characters: at most 232 px wide). */
export const SYSTEM_GRID = { column: 264, row: 92, blockGap: 120, stripColumns: 10 } as const;

/** A block of the system map: its nodes' places in columns and rows of SYSTEM_GRID, and its size in rows. */
interface Block {
  cells: Map<string, { column: number; row: number }>;
  rows: number;
}

/**
 * An orchestrated saga like the FTGO CreateOrderSaga (Richardson, Microservices Patterns): an actor
 * starts it; the orchestrator runs six steps (compensatable, query, compensatable, pivot, two
 * retriable) on four services. 26 nodes, 42 connections. Laid out in columns: actor, start,
 * orchestrator, commands, compensations, services, then the replies.
 */
function sagaBlock(d: Drawing, k: number): Block {
  const cells = new Map<string, { column: number; row: number }>();
  const put = (id: string, column: number, row: number) => (cells.set(id, { column, row }), id);
  const actor = put(d.add({ kind: 'actor', name: `Consumer${k}` }), 0, 2);
  const start = put(d.add({ kind: 'command', name: `PlaceOrder${k}` }), 1, 2);
  const saga = put(d.add({ kind: 'orchestrator', name: `CreateOrderSaga${k}` }), 2, 2);
  d.link(actor, start);
  d.link(start, saga);
  const services = new Map<string, string>();
  const serviceOf = (name: string, row: number) => {
    let id = services.get(name);
    if (id === undefined) services.set(name, (id = put(d.add({ kind: 'service', name: `${name}${k}`, idempotent: true }), 5, row)));
    return id;
  };
  let previous = start;
  const step = (row: number, command: string, service: string, done: string, opts: { failed?: string; undo?: [string, string]; stepType?: 'compensatable' | 'query' | 'pivot' | 'retriable' }) => {
    const retriable = opts.stepType === 'retriable';
    const cmd = put(d.add({ kind: 'command', name: `${command}${k}`, stepType: opts.stepType, timeoutMs: 5000, ...(retriable ? { retry: { maxAttempts: 5 } } : {}) }), 3, row);
    const svc = serviceOf(service, row);
    const ok = put(d.add({ kind: 'event', name: `${done}${k}` }), 6, row);
    d.link(saga, cmd, { on: [previous] });
    d.link(cmd, svc);
    d.link(svc, ok, { on: [cmd] });
    d.link(ok, saga);
    if (opts.failed) {
      const failed = put(d.add({ kind: 'event', name: `${opts.failed}${k}`, outcome: 'failure' }), 7, row);
      d.link(svc, failed, { on: [cmd] });
      d.link(failed, saga);
    }
    if (opts.undo) {
      const undo = put(d.add({ kind: 'command', name: `${opts.undo[0]}${k}`, retry: { maxAttempts: 5 } }), 4, row);
      const undone = put(d.add({ kind: 'event', name: `${opts.undo[1]}${k}` }), opts.failed ? 8 : 7, row);
      d.link(cmd, undo);
      d.link(saga, undo);
      d.link(undo, svc);
      d.link(svc, undone, { on: [undo] });
      d.link(undone, saga);
    }
    previous = ok;
  };
  step(0, 'CreateOrder', 'OrderService', 'OrderCreated', { stepType: 'compensatable', undo: ['RejectOrder', 'OrderRejected'] });
  step(1, 'VerifyConsumer', 'ConsumerService', 'ConsumerVerified', { stepType: 'query', failed: 'ConsumerRefused' });
  step(2, 'CreateTicket', 'KitchenService', 'TicketCreated', { stepType: 'compensatable', failed: 'TicketRefused', undo: ['RejectTicket', 'TicketRejected'] });
  step(3, 'AuthorizeCard', 'AccountingService', 'CardAuthorized', { stepType: 'pivot', failed: 'CardDeclined' });
  step(4, 'ApproveTicket', 'KitchenService', 'TicketApproved', { stepType: 'retriable' });
  step(5, 'ApproveOrder', 'OrderService', 'OrderApproved', { stepType: 'retriable' });
  return { cells, rows: 6 };
}

/** Participants of the choreographies: the service, the fact when it succeeds, the fact when it fails. */
const PARTICIPANTS = [
  ['Payment', 'Captured', 'Declined'],
  ['Stock', 'Reserved', 'Exhausted'],
  ['Fraud', 'Cleared', 'Flagged'],
  ['Shipping', 'Booked', 'Refused'],
  ['Invoice', 'Issued', 'Rejected'],
  ['Loyalty', 'Credited', 'Denied'],
  ['Tax', 'Computed', 'Disputed'],
  ['Label', 'Printed', 'Jammed'],
] as const;

const TRIGGERS = ['CartCheckedOut', 'ReturnRequested', 'SubscriptionRenewed', 'PreorderReleased', 'GiftCardBought'] as const;

/**
 * A choreography of `steps` participants hanging off one trigger event: each step publishes a
 * success event (on the first row) that the next step subscribes to and, after the first, a
 * failure event (second row) that every earlier participant subscribes to, to compensate.
 * 3 × steps nodes; 4 steps: 12 nodes, 17 connections.
 */
function chainBlock(d: Drawing, k: number, steps: number): Block {
  const cells = new Map<string, { column: number; row: number }>();
  const put = (id: string, column: number, row: number) => (cells.set(id, { column, row }), id);
  let input = put(d.add({ kind: 'event', name: `${TRIGGERS[k % TRIGGERS.length]}${k}` }), 0, 0);
  const upstream: { service: string; input: string }[] = [];
  for (let i = 0; i < steps; i++) {
    const [name, success, failure] = PARTICIPANTS[(k + i) % PARTICIPANTS.length]!;
    const service = put(d.add({ kind: 'service', name: `${name}${k}Service`, idempotent: true, failureRate: 0.01 }), 1 + 2 * i, 0);
    const done = put(d.add({ kind: 'event', name: `${name}${k}${success}`, terminal: i === steps - 1 }), 2 + 2 * i, 0);
    d.link(input, service);
    d.link(service, done, { on: [input] });
    if (i > 0) {
      const failed = put(d.add({ kind: 'event', name: `${name}${k}${failure}`, outcome: 'failure', terminal: true }), 2 + 2 * i, 1);
      d.link(service, failed, { on: [input] });
      for (const u of upstream) d.link(failed, u.service, { compensates: u.input });
    }
    upstream.push({ service, input });
    input = done;
  }
  return { cells, rows: steps > 1 ? 2 : 1 };
}

/**
 * A system map: one document holding many small processes, as a team's overview board would.
 * Repeats one orchestrated saga (26 nodes, 42 connections) and three 4-step choreographies
 * (12 nodes, 17 connections each): 62 nodes and 93 connections, 1.5 per node; the last few nodes
 * are shorter choreographies. Blocks are stacked in strips, about 1.3 times as wide overall as
 * tall (the canvas beside the sidebar), with room between them for the lanes of backward
 * connections. Every node has a position. The validator calls the design a hybrid and reports
 * nothing (no badges, an empty problem list), so the canvas draws the nodes as they usually look.
 */
function system(size: number): SagaDocument {
  const d = new Drawing();
  const blocks: Block[] = [];
  for (let k = 0; size - d.nodes.length > 0; k++) {
    const left = size - d.nodes.length;
    if (k % 4 === 0 && left >= 26 + 12) blocks.push(sagaBlock(d, k));
    else if (left >= 3) blocks.push(chainBlock(d, k, Math.min(4, Math.floor(left / 3))));
    else {
      // One or two nodes to spare: a reporting service that follows the first trigger, and what it reports.
      const trigger = d.nodes.find((n) => n.kind === 'event')!.id;
      const cells = new Map<string, { column: number; row: number }>();
      const report = d.add({ kind: 'service', name: 'ReportingService', idempotent: true });
      cells.set(report, { column: 0, row: 0 });
      d.link(trigger, report);
      if (left === 2) {
        const reported = d.add({ kind: 'event', name: 'ReportPublished', terminal: true });
        cells.set(reported, { column: 1, row: 0 });
        d.link(report, reported);
      }
      blocks.push({ cells, rows: 1 });
    }
  }
  const { column, row, blockGap, stripColumns } = SYSTEM_GRID;
  const height = (b: Block) => b.rows * row + blockGap;
  const total = blocks.reduce((sum, b) => sum + height(b), 0);
  const strips = Math.max(1, Math.round(Math.sqrt((1.3 * total) / (stripColumns * column))));
  const bottoms: number[] = Array.from({ length: strips }, () => 0);
  const at = new Map<string, Position>();
  for (const b of blocks) {
    const strip = bottoms.indexOf(Math.min(...bottoms));
    for (const [id, cell] of b.cells) at.set(id, { x: (strip * stripColumns + cell.column) * column, y: bottoms[strip]! + cell.row * row });
    bottoms[strip]! += height(b);
  }
  for (const n of d.nodes) n.position = at.get(n.id)!;
  return doc('Generated system map', 'auto', d);
}

/** Geometry of the broadcast, in flow pixels: names stay within 16 characters (at most 184 px wide). */
const BROADCAST_GRID = { column: 208, row: 84, pairGap: 56, pairs: 12 } as const;

/**
 * A price change broadcast to every store: a merchandiser's ChangePrice command makes the
 * PricingService publish PriceChanged, which (size − 4) / 2 store services subscribe to; each
 * publishes its own terminal StoreNRepriced: about one connection per node. Played back, all the
 * deliveries of PriceChanged are on their way at once (the simulator records them one trace entry
 * after another, two entries per store), so about (size − 4) / 2 tokens are in flight together. The
 * sender's chain stands in a column at the left, half-way down; the stores in rows of 12
 * service + event pairs to its right, about 1.8 times as wide as tall.
 */
function broadcast(size: number): SagaDocument {
  const d = new Drawing();
  const { column, row, pairGap, pairs } = BROADCAST_GRID;
  const stores = Math.max(1, Math.floor((size - 4) / 2));
  const rows = Math.ceil(stores / pairs);
  const at = new Map<string, Position>();
  const middle = Math.floor((rows - 1) / 2) * row;
  const merchandiser = d.add({ kind: 'actor', name: 'Merchandiser' });
  const change = d.add({ kind: 'command', name: 'ChangePrice' });
  const pricing = d.add({ kind: 'service', name: 'PricingService', idempotent: true });
  const changed = d.add({ kind: 'event', name: 'PriceChanged' });
  [merchandiser, change, pricing, changed].forEach((id, i) => at.set(id, { x: i * column, y: middle }));
  d.link(merchandiser, change);
  d.link(change, pricing);
  d.link(pricing, changed, { on: [change] });
  const left = 5 * column;
  for (let i = 0; i < stores; i++) {
    const service = d.add({ kind: 'service', name: `Store${i + 1}Service`, idempotent: true });
    const repriced = d.add({ kind: 'event', name: `Store${i + 1}Repriced`, terminal: true });
    d.link(changed, service);
    d.link(service, repriced, { on: [changed] });
    const x = left + (i % pairs) * (2 * column + pairGap);
    const y = Math.floor(i / pairs) * row;
    at.set(service, { x, y });
    at.set(repriced, { x: x + column, y });
  }
  for (const n of d.nodes) n.position = at.get(n.id)!;
  return doc('Generated broadcast', 'choreography', d);
}

export function generateDesign(shape: Shape, size: number): SagaDocument {
  switch (shape) {
    case 'orchestrated':
      return orchestrated(size);
    case 'choreography':
      return choreography(size);
    case 'system':
      return system(size);
    case 'broadcast':
      return broadcast(size);
  }
}
