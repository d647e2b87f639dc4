/**
 * Independent branches of a design, so that the failure runs of a large design simulate only the
 * part a failure touches. Take the triggers and the actors out of the design: what stays
 * connected is a branch (e.g. each chain of reactions hanging off one trigger event, or each saga
 * of a system map). Branches share no participant, so in a nominal run (no randomness) they run
 * exactly as they would side by side: the messages of the whole saga when a step fails are the
 * whole happy path's, minus its branch's happy messages, plus its branch's messages with the
 * failure — the same count as simulating the whole design, at a fraction of the cost.
 */
import { isParticipant, type DesignGraph, type Link, type SagaDocument, type SagaEdge, type SagaNode } from '../model/index.ts';
import type { HappyStep } from '../model/measures/index.ts';
import { compilePlan, MAX_MESSAGES, simulate, type SimulationPlan } from '../simulation/index.ts';

/** The business failure of one step, as a fault of the simulator. */
export const stepFailure = (step: Pick<HappyStep, 'via'>) => ({ target: step.via, kind: 'businessFailure' as const });

/** Messages one saga of `plan` sends when `step` fails (nominal run). */
const wholeRun = (plan: SimulationPlan, step: HappyStep): number => simulate(plan, { nominal: true, trace: false, faults: [stepFailure(step)] }).messages;

/**
 * For each step, the messages one saga sends when that step fails with a business failure.
 * `happyMessages` is the whole design's nominal happy run's count.
 */
export function failureMessages(plan: SimulationPlan, happyMessages: number, steps: readonly HappyStep[]): number[] {
  const branchOf = steps.length > 1 && happyMessages < MAX_MESSAGES ? branches(plan.analysis.graph) : undefined;
  if (!branchOf) return steps.map((s) => wholeRun(plan, s));
  const byBranch = new Map<number, number[]>();
  steps.forEach((s, i) => {
    const b = branchOf.of.get(s.participant)!;
    const list = byBranch.get(b);
    if (list) list.push(i);
    else byBranch.set(b, [i]);
  });
  if (byBranch.size < 2) return steps.map((s) => wholeRun(plan, s));
  const out = new Array<number>(steps.length);
  for (const [b, indices] of byBranch) {
    const sub = compilePlan(branchOf.document(b));
    const happyHere = simulate(sub, { nominal: true, trace: false }).messages;
    for (const i of indices) {
      const failed = wholeRun(sub, steps[i]!);
      // A run that reaches the message bound in its branch would stop elsewhere in the whole design.
      out[i] = failed >= MAX_MESSAGES ? wholeRun(plan, steps[i]!) : happyMessages - happyHere + failed;
    }
  }
  return out;
}

interface Branches {
  /** Branch number of every node that is neither a trigger nor an actor. */
  of: Map<string, number>;
  /** The branch as a design of its own: its nodes, the triggers that reach it and their actors. */
  document(branch: number): SagaDocument;
}

/** The design's branches, or undefined when a participant also sends a trigger (then triggers do not separate branches). */
export function branches(g: DesignGraph): Branches | undefined {
  const doc = g.doc;
  const outside = new Set<string>();
  for (const n of doc.nodes) if (n.kind === 'actor') outside.add(n.id);
  for (const n of doc.nodes) {
    if (n.kind !== 'command' && n.kind !== 'event') continue;
    const producers = g.producers(n.id);
    const byActor = producers.some((p) => p.kind === 'actor');
    if (!byActor && (producers.length > 0 || g.consumers(n.id).length === 0 || g.isCompensation(n.id))) continue;
    if (producers.some(isParticipant)) return undefined;
    outside.add(n.id);
  }
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const parent = doc.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const l of g.links) {
    if (outside.has(l.source.id) || outside.has(l.target.id)) continue;
    const x = find(index.get(l.source.id)!);
    const y = find(index.get(l.target.id)!);
    if (x !== y) parent[x] = y;
  }
  const of = new Map<string, number>();
  const members = new Map<number, number[]>();
  doc.nodes.forEach((n, i) => {
    if (outside.has(n.id)) return;
    const b = find(i);
    of.set(n.id, b);
    push(members, b, i);
  });
  // Each branch's connections, and the actors' sends of each trigger.
  const links = new Map<number, Link[]>();
  const sends = new Map<string, Link[]>();
  for (const l of g.links) {
    const b = of.get(l.target.id) ?? of.get(l.source.id);
    if (b !== undefined) push(links, b, l);
    else if (l.source.kind === 'actor') push(sends, l.target.id, l);
  }
  const document = (branch: number): SagaDocument => {
    const edges: SagaEdge[] = [];
    const indices = [...(members.get(branch) ?? [])];
    const entered = new Set<string>();
    const enter = (node: SagaNode) => {
      if (!outside.has(node.id) || entered.has(node.id)) return;
      entered.add(node.id);
      indices.push(index.get(node.id)!);
      for (const l of sends.get(node.id) ?? []) {
        edges.push(l.edge);
        enter(l.source);
      }
    };
    for (const l of links.get(branch) ?? []) {
      edges.push(l.edge);
      enter(l.source);
    }
    const nodes: SagaNode[] = indices.sort((x, y) => x - y).map((i) => doc.nodes[i]!);
    return { format: 'sagaboard', version: doc.version, name: doc.name, nodes, edges };
  };
  return { of, document };
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
