/**
 * Generated designs of a given size for benchmarks, in realistic shapes: an orchestrated saga,
 * and a choreography of event chains and fan-outs hanging off one trigger. Deterministic.
 */
import type { SagaDocument, SagaEdge, SagaNode } from '../src/model/index.ts';

export type Shape = 'orchestrated' | 'choreography';

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

function doc(name: string, declaredStyle: 'orchestration' | 'choreography', d: Drawing): SagaDocument {
  return { format: 'sagaboard', version: 1, name, declaredStyle, nodes: d.nodes, edges: d.edges };
}

export function generateDesign(shape: Shape, size: number): SagaDocument {
  return shape === 'orchestrated' ? orchestrated(size) : choreography(size);
}
