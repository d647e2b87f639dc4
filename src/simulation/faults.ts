/**
 * Injected faults (spec §4.6): which fault applies to a delivery or a handling, how often it
 * has fired, and checks that give a clear message for impossible settings.
 */
import { edgeMeaning, explainIssue, FAULT_KINDS, faultSchema, LIMITS, MAX_LISTED, shortened, shortListing, type Fault, type SagaDocument, type SagaEdge, type SagaNode } from '../model/index.ts';
import type { Random } from './random.ts';
import { countText } from '../model/countText.ts';

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

/** A setting of a fault that the form asks for: each kind uses some of them (FAULT_FORM). */
export type FaultField = 'times' | 'probability' | 'delayMs';

/** One setting of one kind of fault, in the form's words. */
export interface FaultFieldSpec {
  field: FaultField;
  /** The question the form asks: never the attribute's name. */
  label: string;
  /** Shown after the value: `ms`, `%`. */
  unit?: string;
  /** What an empty field means. */
  placeholder: string;
  help: string;
  /** The fault cannot be injected without it. */
  required?: boolean;
}

export interface FaultKindSpec {
  /** The choice in the form's list, and the name of the kind in messages. */
  label: string;
  /** What it does to the run. */
  help: string;
  /** The settings it uses, in the order the form asks for them; the others are never shown. */
  fields: readonly FaultFieldSpec[];
}

const chance = (when: string): FaultFieldSpec => ({ field: 'probability', label: 'Chance', unit: '%', placeholder: '100', help: `${when}. Empty: always.` });
const count = (label: string, placeholder: string, help: string): FaultFieldSpec => ({ field: 'times', label, placeholder, help });

/**
 * The one table of what each kind of fault asks for (spec §4.6): the form shows the fields of the
 * chosen kind and no others, and every message names a field by its label here.
 */
export const FAULT_FORM: Readonly<Record<FaultKind, FaultKindSpec>> = {
  businessFailure: {
    label: 'Business failure',
    help: 'The handling fails on a business rule (a card is declined): its failure events are published and it is not retried.',
    fields: [count('How many times', 'every time', 'Then it succeeds. Empty: it always fails.'), chance('Each time it is handled')],
  },
  transient: {
    label: 'Transient failure',
    help: 'The handling fails for a moment (a lost connection): the command’s retry policy tries again; when its attempts run out, it counts as a business failure.',
    fields: [count('Failed attempts', 'every one', 'Then one succeeds. Empty: every attempt fails.'), chance('At each attempt')],
  },
  crash: {
    label: 'Service crash',
    help: 'The service that handles the message goes down when it arrives, losing the work in progress; messages wait until it restarts.',
    fields: [
      { field: 'delayMs', label: 'Restarts after', unit: 'ms', placeholder: 'never', help: 'How long it is down. Empty: it stays down.' },
      count('How many crashes', '1', 'Each when a message arrives. Empty: one.'),
      chance('When a message arrives'),
    ],
  },
  duplicate: {
    label: 'Delivered twice',
    help: 'The broker delivers the message twice: an idempotent handler ignores the copy, any other handles it again.',
    fields: [count('How many messages', 'every one', 'That get a copy. Empty: every one.'), chance('At each delivery')],
  },
  delay: {
    label: 'Arrives late',
    help: 'Delivery takes longer than usual, which may exceed the sender’s timeout.',
    fields: [
      { field: 'delayMs', label: 'How much later', unit: 'ms', placeholder: '500', help: 'On top of the usual delivery time.', required: true },
      count('How many messages', 'every one', 'That are late. Empty: every one.'),
      chance('At each delivery'),
    ],
  },
};

/** The kind's name in the form's list. */
export const FAULT_LABEL: Readonly<Record<FaultKind, string>> = Object.fromEntries(FAULT_KINDS.map((k) => [k, FAULT_FORM[k].label])) as Record<FaultKind, string>;

export { FAULT_KINDS };

/** The most times a fault may be set to happen (the format's bound). */
const MAX_TIMES = 1_000_000;

/** How an attribute's value is written in the form: a chance as a percentage, the rest as is. */
const FORM_SCALE: Readonly<Record<FaultField, number>> = { probability: 100, times: 1, delayMs: 1 };

/** What a field's value must be, in words, as typed in the form. */
function formRange(spec: FaultFieldSpec): string {
  switch (spec.field) {
    case 'probability':
      return 'a percentage from 0 to 100';
    case 'times':
      return `a whole number from 0 to ${countText(MAX_TIMES)}`;
    case 'delayMs':
      return `a number of milliseconds from 0 to ${countText(LIMITS.maxDurationMs)} (a day)`;
  }
}

export type ParsedFaultField = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * What a person typed into one field of the fault form: the attribute's value (a chance typed
 * as `30` or `30%` is 0.3), undefined when empty, or a sentence that names the field by its label.
 */
export function parseFaultField(spec: FaultFieldSpec, text: string): ParsedFaultField {
  const trimmed = text.trim().replace(/\s*(%|ms)$/i, '');
  if (trimmed === '') return spec.required ? { ok: false, message: `${spec.label}: enter ${formRange(spec)}.` } : { ok: true, value: undefined };
  const typed = Number(trimmed);
  const value = typed / FORM_SCALE[spec.field];
  const wrong = { ok: false as const, message: `${spec.label}: ${formRange(spec)}, not ${shortened(text.trim())}.` };
  if (!Number.isFinite(typed)) return wrong;
  return faultSchema.shape[spec.field].safeParse(value).success ? { ok: true, value } : wrong;
}


/** The label of a fault's attribute for its kind, for messages about a fault read from a file. */
function fieldLabel(kind: FaultKind | undefined, field: string): string {
  if (field === 'kind') return 'The kind of fault';
  if (field === 'target') return 'The fault’s target';
  const spec = kind ? FAULT_FORM[kind].fields.find((f) => f.field === field) : undefined;
  if (spec) return spec.label;
  return field === 'probability' ? 'Chance' : field === 'times' ? 'How many times' : field === 'delayMs' ? 'Delay' : 'A setting';
}

/** What a value of a fault read from a file must be, in words: a chance there is a probability. */
const FILE_RANGE: Readonly<Record<FaultField, string>> = {
  probability: 'a probability from 0 to 1',
  times: `a whole number from 0 to ${countText(MAX_TIMES)}`,
  delayMs: `a number of milliseconds from 0 to ${countText(LIMITS.maxDurationMs)}`,
};

/**
 * What is wrong with a fault, in words for the user, or undefined when it can be injected:
 * its settings are in range and its target is a node or connection of the design.
 */
export function faultProblem(doc: SagaDocument, fault: unknown): string | undefined {
  const parsed = faultSchema.safeParse(fault, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const kind = (fault as { kind?: unknown } | null)?.kind;
    const label = fieldLabel(FAULT_KINDS.includes(kind as FaultKind) ? (kind as FaultKind) : undefined, field);
    if (field === 'kind') return `${label} is one of ${FAULT_KINDS.map((k) => `${FAULT_FORM[k].label.toLowerCase()} (${k})`).join(', ')}: ${explainIssue(issue)}`;
    const input = 'input' in issue ? issue.input : undefined;
    if (field in FILE_RANGE && typeof input === 'number') return `${label}: ${FILE_RANGE[field as FaultField]}, not ${input}`;
    if (field in FILE_RANGE) return `${label}: ${FILE_RANGE[field as FaultField]}; ${explainIssue(issue)}`;
    return `${label}: ${explainIssue(issue)}`;
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
  if (f.kind === 'delay' && f.delayMs === undefined) return `${FAULT_FORM.delay.fields[0]!.label}: say how many milliseconds later the message arrives (0 or more)`;
  return undefined;
}

/** What a fault can be injected on, as far as the kinds that do something there go. */
type TargetSort = 'handled' | 'carried' | 'actor' | 'unhandled' | 'compensatedBy' | 'other';

/**
 * Which kinds of fault do something on each sort of target (the simulator looks faults up by the
 * handling's connection, its message and its participant, and by the connection a message was
 * sent on): a handling by a service fails, crashes, is late or doubled; a message to the
 * orchestrator, an event, or a connection that sends or publishes is only late or doubled.
 */
const KINDS_ON: Readonly<Record<TargetSort, readonly FaultKind[]>> = {
  handled: FAULT_KINDS,
  carried: ['duplicate', 'delay'],
  actor: [],
  unhandled: [],
  compensatedBy: [],
  other: [],
};

/** Why nothing can be injected on a sort of target, with what to select instead. */
const NOTHING_ON: Readonly<Record<TargetSort, string>> = {
  handled: '',
  carried: '',
  actor: 'An actor only starts the process: select the command it sends, or the connection it travels on.',
  unhandled: 'Nothing handles this message yet: connect it to a service first.',
  compensatedBy: 'Nothing travels on a compensated-by connection: select the compensation command, or the connection that sends it.',
  other: 'This connection is not allowed in the design, so nothing travels on it.',
};

function sortOf(doc: SagaDocument, target: string): TargetSort {
  const { nodes, edges } = targetsOf(doc);
  const node = nodes.get(target);
  const byService = (messageId: string) => doc.edges.some((e) => e.source === messageId && nodes.get(e.target)?.kind === 'service');
  const consumed = (messageId: string) => doc.edges.some((e) => e.source === messageId && isParticipantKind(nodes.get(e.target)?.kind));
  if (node) {
    switch (node.kind) {
      case 'service':
        return 'handled';
      case 'orchestrator':
        return 'carried';
      case 'actor':
        return 'actor';
      case 'command':
        return byService(node.id) ? 'handled' : consumed(node.id) ? 'carried' : 'unhandled';
      case 'event':
        return consumed(node.id) ? 'carried' : 'unhandled';
    }
  }
  const edge = edges.get(target);
  const source = edge && nodes.get(edge.source);
  const to = edge && nodes.get(edge.target);
  if (!source || !to) return 'other';
  const meaning = edgeMeaning(source.kind, to.kind);
  if (meaning === 'handledBy' || meaning === 'subscribedBy') return to.kind === 'service' ? 'handled' : 'carried';
  if (meaning === 'sends' || meaning === 'publishes') return consumed(to.id) ? 'carried' : 'unhandled';
  return meaning === 'compensatedBy' ? 'compensatedBy' : 'other';
}

const isParticipantKind = (kind: string | undefined) => kind === 'service' || kind === 'orchestrator';

/** The kinds of fault that do something on this node or connection, in the form's order; none for an actor. */
export function faultKindsFor(doc: SagaDocument, target: string): readonly FaultKind[] {
  return KINDS_ON[sortOf(doc, target)];
}

/** Why no fault can be injected on this target (when faultKindsFor gives none). */
export function noFaultsReason(doc: SagaDocument, target: string): string {
  return NOTHING_ON[sortOf(doc, target)];
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
