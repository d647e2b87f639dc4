/**
 * Injected faults (spec §4.6): which fault applies to a delivery or a handling, how often it
 * has fired, and checks that give a clear message for impossible settings.
 */
import { explainIssue, FAULT_KINDS, faultSchema, MAX_LISTED, shortened, shortListing, type Fault, type SagaDocument, type SagaEdge, type SagaNode } from '../model/index.ts';
import type { Random } from './random.ts';

export type FaultKind = Fault['kind'];

/** How many times a fault fires when `times` is not given. */
const DEFAULT_TIMES: Record<FaultKind, number> = {
  businessFailure: Infinity,
  transient: Infinity,
  crash: 1,
  duplicate: Infinity,
  delay: Infinity,
};

interface ArmedFault {
  fault: Fault;
  left: number;
}

/** The faults of one run, with what is left of their `times`. */
export class FaultBook {
  private readonly byTarget = new Map<string, ArmedFault[]>();
  /** The kinds of fault in the book: a kind with none is answered without looking up targets. */
  private readonly kinds = new Set<FaultKind>();
  readonly empty: boolean;

  constructor(faults: readonly Fault[]) {
    for (const fault of faults) {
      const armed = { fault, left: fault.times ?? DEFAULT_TIMES[fault.kind] };
      this.kinds.add(fault.kind);
      const list = this.byTarget.get(fault.target);
      if (list) list.push(armed);
      else this.byTarget.set(fault.target, [armed]);
    }
    this.empty = faults.length === 0;
  }

  /** True when the book holds a fault of one of these kinds (the engine looks up targets only then). */
  has(...kinds: FaultKind[]): boolean {
    return kinds.some((k) => this.kinds.has(k));
  }

  /**
   * The first fault of `kind` on any of `targets` that fires now: it has times left and its
   * probability comes up. Firing uses up one of its times.
   */
  fire(kind: FaultKind, targets: readonly (string | undefined)[], random: Random): Fault | undefined {
    if (!this.kinds.has(kind)) return undefined;
    for (const target of targets) {
      if (target === undefined) continue;
      const list = this.byTarget.get(target);
      if (!list) continue;
      for (const armed of list) {
        if (armed.fault.kind !== kind || armed.left <= 0) continue;
        const p = armed.fault.probability ?? 1;
        if (p < 1 && random() >= p) continue;
        armed.left--;
        return armed.fault;
      }
    }
    return undefined;
  }

  /** The extra delay of every delay fault on `targets` that fires now. */
  delay(targets: readonly (string | undefined)[], random: Random): number {
    if (!this.kinds.has('delay')) return 0;
    let total = 0;
    for (const target of targets) {
      if (target === undefined) continue;
      for (const armed of this.byTarget.get(target) ?? []) {
        if (armed.fault.kind !== 'delay' || armed.left <= 0) continue;
        const p = armed.fault.probability ?? 1;
        if (p < 1 && random() >= p) continue;
        armed.left--;
        total += armed.fault.delayMs ?? 0;
      }
    }
    return total;
  }
}

export const FAULT_LABEL: Record<FaultKind, string> = {
  businessFailure: 'Always fail',
  transient: 'Fail transiently',
  crash: 'Crash',
  duplicate: 'Deliver twice',
  delay: 'Extra delay',
};

export { FAULT_KINDS };

/**
 * What is wrong with a fault, in words for the user, or undefined when it can be injected:
 * its settings are in range and its target is a node or connection of the design.
 */
export function faultProblem(doc: SagaDocument, fault: unknown): string | undefined {
  const parsed = faultSchema.safeParse(fault, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'fault';
    return `${field}: ${explainIssue(issue)}`;
  }
  return targetProblem(doc, parsed.data);
}

/**
 * What is wrong with the target of a fault in the format's shape, or undefined. The target is
 * looked up by id, so checking every fault of every scenario takes time in proportion to the
 * faults, not to the faults × the size of the design.
 */
function targetProblem(doc: SagaDocument, f: Fault): string | undefined {
  const { nodes, edges } = targetsOf(doc);
  const node = nodes.get(f.target);
  const edge = node ? undefined : edges.get(f.target);
  if (!node && !edge) return `the fault's target '${shortened(f.target)}' is not a node or connection of this design`;
  if (node && (node.kind === 'actor' || node.kind === 'orchestrator') && f.kind !== 'delay' && f.kind !== 'duplicate')
    return `${node.name} is ${node.kind === 'actor' ? 'an actor' : 'the orchestrator'}: inject faults on a command, a service or a connection`;
  if (node?.kind === 'event' && (f.kind === 'businessFailure' || f.kind === 'transient' || f.kind === 'crash'))
    return `${node.name} is an event: make the service that handles or publishes it fail instead`;
  if (f.kind === 'delay' && f.delayMs === undefined) return 'an extra delay needs delayMs (milliseconds, 0 or more)';
  return undefined;
}

interface Targets {
  nodes: Map<string, SagaNode>;
  edges: Map<string, SagaEdge>;
  /** The arrays they were made from: a document given new nodes or connections is indexed again. */
  from: [SagaDocument['nodes'], SagaDocument['edges'], number, number];
}
const indexes = new WeakMap<SagaDocument, Targets>();

/** The nodes and connections of `doc` by id, made once per document. */
function targetsOf(doc: SagaDocument): Targets {
  const known = indexes.get(doc);
  const [nodes, edges, nodeCount, edgeCount] = known?.from ?? [];
  if (known && nodes === doc.nodes && edges === doc.edges && nodeCount === doc.nodes.length && edgeCount === doc.edges.length) return known;
  const made: Targets = {
    nodes: new Map(doc.nodes.map((n) => [n.id, n])),
    edges: new Map(doc.edges.map((e) => [e.id, e])),
    from: [doc.nodes, doc.edges, doc.nodes.length, doc.edges.length],
  };
  indexes.set(doc, made);
  return made;
}

/** The business-failure fault of the CLI's `--fail NAME`: NAME is a command or service, by name or id. */
export function failFault(doc: SagaDocument, nameOrId: string): Fault {
  const wanted = nameOrId.trim();
  const candidates = doc.nodes.filter((n) => (n.kind === 'command' || n.kind === 'service') && (n.id === wanted || n.name.trim() === wanted));
  if (candidates.length === 0) {
    const names = doc.nodes.filter((n) => n.kind === 'command' || n.kind === 'service').map((n) => n.name);
    throw new Error(`--fail ${shortened(nameOrId)}: no command or service has that name or id (there are: ${names.length > 0 ? shortListing(names.slice(0, MAX_LISTED + 1), names.length) : 'none'})`);
  }
  return { target: candidates[0]!.id, kind: 'businessFailure' };
}
