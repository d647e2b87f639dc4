/** Choreography rules C001–C008 (spec §2.4). */
import { listing, othersIn, shortListing, structural, structuralPart, type Analysis, type PartReads } from '../analysis.ts';
import { failureRateOf } from '../attributes.ts';
import { hubOf } from '../classify.ts';
import { defined, diagnostic, type Diagnostic } from '../diagnostic.ts';
import { consumersOf, isFailureEvent, isParticipant, targetId, type Link, type NodeLinks } from '../graph.ts';
import type { SagaNode } from '../schema.ts';
import { cyclesOf } from './cycles.ts';

/**
 * `orchestrators`: for a hybrid whose orchestrated part the orchestration rules check, the ids of
 * its orchestrators. The choreography rules then check the rest, the reactions between
 * participants: a command one participant sends another is O002's (not C003's), cycles are not
 * followed through an orchestrator, and C005 leaves to the orchestrator the changes it
 * compensates (its own handlings and those of the commands it sends).
 */
export function choreographyRules(a: Analysis, orchestrators: ReadonlySet<string> = NONE): Diagnostic[] {
  const perNode = (rule: (a: Analysis, n: SagaNode, e: NodeLinks) => Diagnostic | undefined) => defined(a.doc.nodes.map((n) => rule(a, n, a.graph.at(n.id)!)));
  return [
    ...(hasActor(a) ? perNode(unpublished) : []),
    ...perNode(unconsumed),
    ...(orchestrators.size > 0 ? [] : defined(a.graph.links.map((l) => directCommand(a, l)))),
    ...eventStorms(a, orchestrators),
    ...unheardFailures(a, orchestrators),
    ...hiddenOrchestrator(a),
    ...perNode(sharedEvent),
  ];
}

const NONE: ReadonlySet<string> = new Set();

/** C001 is reported only when the design has an actor: without one, events nobody publishes are the entry points of the process, not mistakes. */
export const hasActor = (a: Analysis): boolean => a.doc.nodes.some((n) => n.kind === 'actor');

/** C001 for one event consumed but never published (in a design with an actor). */
export function unpublished(a: Analysis, n: SagaNode, { producers, consumers }: NodeLinks): Diagnostic | undefined {
  if (n.kind !== 'event' || producers.length > 0 || consumers.length === 0) return undefined;
  return diagnostic(
    'C001',
    `${a.names(consumers.map((c) => c.id))} ${consumers.length === 1 ? 'subscribes' : 'subscribe'} to ${n.name}, but nobody publishes it.`,
    `Connect the service that publishes ${n.name}, or delete the subscription.`,
    { nodes: [n.id, ...consumers.map((c) => c.id)] },
  );
}

/** C006 for a failure event nobody subscribes to, C002 for another event nobody consumes. */
export function unconsumed(a: Analysis, n: SagaNode, { producers: publishers, consumers }: NodeLinks): Diagnostic | undefined {
  if (n.kind !== 'event' || consumers.length > 0 || publishers.length === 0) return undefined;
  if (isFailureEvent(n)) {
    return diagnostic(
      'C006',
      `Nobody subscribes to the failure event ${n.name} from ${a.names(publishers.map((p) => p.id))}: the failure goes unheard and nothing is compensated.`,
      `Subscribe the participants that must undo their work to ${n.name}.`,
      { nodes: [n.id, ...publishers.map((p) => p.id)] },
    );
  }
  if (n.terminal) return undefined;
  return diagnostic(
    'C002',
    `${n.name} is published by ${a.names(publishers.map((p) => p.id))}, but nobody consumes it.`,
    `Subscribe the participant that reacts to ${n.name}, or mark it terminal if it ends the process.`,
    { nodes: [n.id] },
  );
}

/** C003 for one command a participant sends to another (not reported where the orchestration rules' O002 names it). */
export function directCommand(a: Analysis, l: Link): Diagnostic | undefined {
  if (l.meaning !== 'sends' || !isParticipant(l.source)) return undefined;
  const handlers = othersIn(consumersOf(a.graph, l.target.id), l.source.id);
  if (handlers.count === 0) return undefined;
  const ids = handlers.first.map((h) => h.id);
  const names = shortListing(ids.map(a.name), handlers.count);
  return diagnostic(
    'C003',
    `${l.source.name} sends the command ${l.target.name} to ${names}: that part is orchestrated, so the design is a hybrid.`,
    `Publish an event that ${names} reacts to instead, or declare the design a hybrid by leaving the style on auto.`,
    { nodes: [l.source.id, l.target.id, ...ids], edges: [l.edge.id] },
  );
}

/** C004: a cycle in "handling m emits m'" over messages. */
export function eventStorms(a: Analysis, orchestrators: ReadonlySet<string>): Diagnostic[] {
  const cycles = structural(
    a,
    `storms without ${[...orchestrators].join('\u0000')}`,
    () => stormCycles(a, orchestrators),
    (before, edit) => (before.length === 0 && !edit.reactionsAdded.some((x) => !orchestrators.has(x.participant) && leadsTo(a, x.output, x.input, orchestrators)) ? before : undefined),
  );
  return cycles.map((component) => stormDiagnostic(a, component, orchestrators));
}

/**
 * Whether handling `from` leads, reaction after reaction, to `to` (the orchestrators' handlings not
 * followed): a new handling "to emits from" closes a cycle exactly then. With no cycle before, an
 * edit that adds no such handling leaves none.
 */
function leadsTo(a: Analysis, from: string, to: string, orchestrators: ReadonlySet<string>): boolean {
  return downstream(a, from, orchestrators).messages.includes(to);
}

/** The cycles of "handling m emits m'" over messages (ids), leaving out the orchestrators' handlings. */
function stormCycles(a: Analysis, orchestrators: ReadonlySet<string>): string[][] {
  const next = new Map<string, string[]>();
  for (const r of a.reactions.values()) {
    if (orchestrators.has(r.participant.id)) continue;
    for (const reaction of r.reactions) {
      const input = reaction.via.edge.source;
      let list = next.get(input);
      if (!list) next.set(input, (list = []));
      for (const l of reaction.onSuccess) list.push(targetId(l));
      for (const l of reaction.onFailure) list.push(targetId(l));
    }
  }
  return cyclesOf(next.keys(), (m) => next.get(m) ?? NO_IDS);
}

function stormDiagnostic(a: Analysis, component: string[], orchestrators: ReadonlySet<string>): Diagnostic {
  const inCycle = new Set(component);
  const participants = new Set<string>();
  let stoppable = false;
  for (const m of component) {
    for (const p of a.graph.consumers(m)) {
      const reaction = a.reactions.get(p.id)!.byInput.get(m)!;
      if (orchestrators.has(p.id) || !reaction.onSuccess.some((l) => inCycle.has(l.target.id))) continue;
      participants.add(p.id);
      if (reaction.onFailure.length > 0 || failureRateOf(p, reaction.via) > 0) stoppable = true;
    }
  }
  return diagnostic(
    'C004',
    `${a.names(component)} trigger each other in a cycle through ${a.names([...participants])}${stoppable ? '; only a failure stops it' : ', and nothing on the cycle can stop it: an event storm'}.`,
    stoppable
      ? 'Make sure the cycle ends: add a condition (a failure outcome) or break the loop with a terminal event.'
      : 'Break the loop: let one participant publish a different, terminal event instead of feeding the cycle.',
    { nodes: [...component, ...participants], severity: stoppable ? 'warning' : 'error' },
  );
}

/**
 * C005: every participant whose handling lies upstream of a business failure (a change it
 * completed earlier in the flow) must hear of the failure, directly or through what follows it.
 * Query steps change nothing; the failing participant knows of its own failure.
 */
export function unheardFailures(a: Analysis, orchestrators: ReadonlySet<string>): Diagnostic[] {
  // In a hybrid, the orchestrator's steps are its to compensate: the failure must reach the orchestrator, not their handlers.
  const steps = stepsOfOrchestrators(a, orchestrators);
  const family = `unheard failures without ${[...orchestrators].join('\u0000')}, steps ${[...steps].join('\u0000')}`;
  const emittedBy = new Emitters(a, steps);
  const out: Diagnostic[] = [];
  for (const r of a.reactions.values()) {
    for (const reaction of r.reactions) {
      const failures = reaction.onFailure;
      for (let i = 0; i < failures.length; i++) {
        const failure = failures[i]!;
        const found = a.kept
          ? structuralPart(a, family, reaction, i, () => unheardFailureOf(a, r.participant.id, reaction.input.id, failure, emittedBy))
          : unheardFailureOf(a, r.participant.id, reaction.input.id, failure, emittedBy).value;
        if (found) out.push(unheardFailure(a, found));
      }
    }
  }
  return out;
}

/** A failure (C005) that never reaches participants whose changes it must undo, by ids. */
interface UnheardFailure {
  failure: { edge: string; event: string };
  participant: string;
  input: string;
  /** The participants it misses, with the inputs they handled. */
  missed: [string, string[]][];
}

/**
 * Who emits each message on success: the handlings (participant, input) in the order of the
 * reactions table. Found per message when asked (most failures are decided from what they read
 * before), from the message's producers.
 */
class Emitters {
  private readonly byMessage = new Map<string, Emitter[]>();
  /** Per participant, the inputs on which it emits each message on success. */
  private readonly outputs = new Map<string, Map<string, string[]>>();
  private order: Map<string, number> | undefined;

  /** `steps`: the orchestrators' steps, which their handlers do not compensate (upstreamChanges). */
  constructor(
    private readonly a: Analysis,
    private readonly steps: ReadonlySet<string>,
  ) {}

  get(message: string): readonly Emitter[] {
    let found = this.byMessage.get(message);
    if (found) return found;
    found = [];
    for (const p of this.participantsEmitting(message)) for (const input of this.outputsOf(p).get(message) ?? []) found.push({ participant: p, input, changes: this.changes(p, input) });
    this.byMessage.set(message, found);
    return found;
  }

  /** Whether `participant`'s handling of `input` changes something a failure further on must undo (not a query, a step, a compensation or a failure). */
  private changes(participant: string, input: string): boolean {
    const msg = this.a.graph.node.get(input)!;
    const via = this.a.reactions.get(participant)!.byInput.get(input)!.via;
    const isQuery = msg.kind === 'command' && msg.stepType === 'query';
    return !isQuery && !this.steps.has(input) && !via.edge.compensates && !isFailureEvent(msg);
  }

  /** The participants that publish or send `message`, in the order of the reactions table. */
  private participantsEmitting(message: string): string[] {
    const ids: string[] = [];
    for (const p of this.a.graph.producers(message)) if (this.a.reactions.has(p.id) && !ids.includes(p.id)) ids.push(p.id);
    if (ids.length > 1) {
      this.order ??= new Map([...this.a.reactions.keys()].map((id, i) => [id, i]));
      ids.sort((x, y) => this.order!.get(x)! - this.order!.get(y)!);
    }
    return ids;
  }

  private outputsOf(participant: string): Map<string, string[]> {
    let outputs = this.outputs.get(participant);
    if (outputs) return outputs;
    outputs = new Map();
    for (const reaction of this.a.reactions.get(participant)!.reactions) {
      for (const l of reaction.onSuccess) {
        const inputs = outputs.get(l.target.id);
        if (inputs) inputs.push(reaction.input.id);
        else outputs.set(l.target.id, [reaction.input.id]);
      }
    }
    this.outputs.set(participant, outputs);
    return outputs;
  }
}

/** A handling that emits a message on success: by whom, on which input, and whether it changes something (Emitters.changes). */
interface Emitter {
  participant: string;
  input: string;
  changes: boolean;
}

/** C005 for one failure output of `participant` on `input`, and the messages looked at to decide it. */
function unheardFailureOf(
  a: Analysis,
  participant: string,
  input: string,
  failure: Link,
  emittedBy: Emitters,
): { value: UnheardFailure | undefined; reads: PartReads } {
  const { changes: upstream, seen: above } = upstreamChanges(input, emittedBy);
  upstream.delete(participant);
  if (upstream.size === 0) return { value: undefined, reads: { emitters: above, consumers: NO_IDS } };
  const { participants: hearing, messages: below } = downstream(a, failure.target.id);
  const missed: [string, string[]][] = [];
  for (const [q, inputs] of upstream) if (!hearing.has(q)) missed.push([q, inputs]);
  const value = missed.length === 0 ? undefined : { failure: { edge: failure.edge.id, event: failure.target.id }, participant, input, missed };
  return { value, reads: { emitters: above, consumers: below } };
}

const NO_IDS: readonly string[] = [];

function unheardFailure(a: Analysis, { failure, participant, input, missed }: UnheardFailure): Diagnostic {
  const event = a.graph.node.get(failure.event)!.name;
  const shown = missed.slice(0, 3).map(([q, inputs]) => `${a.name(q)} (which handled ${a.names(inputs)})`);
  const [first, firstInputs] = missed[0]!;
  return diagnostic(
    'C005',
    `${event} (when ${a.graph.node.get(participant)!.name} fails on ${a.graph.node.get(input)!.name}) never reaches ${missed.length > 3 ? `${shown.join(', ')} and ${missed.length - 3} more` : listing(shown)}: ${missed.length === 1 ? 'that change is' : 'their changes are'} never compensated.`,
    `Subscribe ${missed.length === 1 ? a.name(first) : 'each of them'} to ${event} (or to an event that follows from it), with "compensates" naming what ${missed.length === 1 ? 'it' : 'each'} handled${missed.length === 1 ? ` (${a.name(firstInputs[0]!)})` : ''}.`,
    { nodes: [failure.event, participant, ...missed.map(([q]) => q)], edges: [failure.edge] },
  );
}

/** Participants whose successful, non-query handlings led to `message`, with the inputs they handled. */
function upstreamChanges(message: string, emittedBy: Emitters): { changes: Map<string, string[]>; seen: string[] } {
  const changes = new Map<string, string[]>();
  const seen = new Set([message]);
  const queue = [message];
  // The queue grows as it is read: for…of sees what is pushed.
  for (const m of queue) {
    for (const { participant, input, changes: change } of emittedBy.get(m)) {
      if (change) {
        const list = changes.get(participant);
        if (!list) changes.set(participant, [input]);
        else if (!list.includes(input)) list.push(input);
      }
      if (!seen.has(input)) {
        seen.add(input);
        queue.push(input);
      }
    }
  }
  return { changes, seen: queue };
}

/** The commands the orchestrators send: their steps, which they compensate themselves once they hear of a failure. */
function stepsOfOrchestrators(a: Analysis, orchestrators: ReadonlySet<string>): Set<string> {
  const steps = new Set<string>();
  for (const id of orchestrators) for (const l of a.graph.outputs(id)) if (l.target.kind === 'command') steps.add(l.target.id);
  return steps;
}

/**
 * What follows from `message`, reaction after reaction (on success and on failure): the messages, in
 * the order reached, and the participants that consume them (but the `left` ones, not followed).
 */
function downstream(a: Analysis, message: string, left: ReadonlySet<string> = NONE): { messages: string[]; participants: Set<string> } {
  const participants = new Set<string>();
  const seen = new Set([message]);
  const queue = [message];
  for (const m of queue) {
    for (const c of consumersOf(a.graph, m)) {
      if (left.has(c.id)) continue;
      participants.add(c.id);
      const reaction = a.reactions.get(c.id)?.byInput.get(m);
      if (!reaction) continue;
      follow(reaction.onSuccess, seen, queue);
      follow(reaction.onFailure, seen, queue);
    }
  }
  return { messages: queue, participants };
}

/** Adds to `queue` the targets of `links` not `seen` yet. */
function follow(links: readonly Link[], seen: Set<string>, queue: string[]): void {
  for (let k = 0; k < links.length; k++) {
    const id = targetId(links[k]!);
    if (!seen.has(id)) {
      seen.add(id);
      queue.push(id);
    }
  }
}

/** C007. An orchestrator that coordinates is not hidden: the hub must be a service. */
export function hiddenOrchestrator(a: Analysis): Diagnostic[] {
  const hub = hubOf(a);
  if (!hub || hub.participant.kind === 'orchestrator') return [];
  const p = hub.participant;
  return [
    diagnostic(
      'C007',
      `${p.name} consumes ${hub.consumed} of the ${hub.of} message types the other participants emit and drives the flow: a hidden orchestrator.`,
      `Either make ${p.name} an explicit orchestrator that sends commands, or let the participants react to each other's events directly.`,
      { nodes: [p.id] },
    ),
  ];
}

/** C008 for one event published by several services. */
export function sharedEvent(a: Analysis, n: SagaNode, { producers }: NodeLinks): Diagnostic | undefined {
  if (n.kind !== 'event' || producers.length < 2) return undefined;
  const publishers = [...new Set(producers.filter((p) => p.kind === 'service').map((p) => p.id))];
  if (publishers.length < 2) return undefined;
  return diagnostic(
    'C008',
    `${n.name} is published by ${publishers.length} services (${a.names(publishers)}): subscribers cannot tell whose fact it is.`,
    `Give each service its own event (e.g. ${a.name(publishers[0]!)}${n.name.trim()}), or let one service own ${n.name}.`,
    { nodes: [n.id, ...publishers] },
  );
}
