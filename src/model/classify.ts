/**
 * Classification (spec §2.5): is the design an orchestration, a choreography, a hybrid, or too
 * small to say? With human reasons and a confidence.
 */
import { listing, structural, type Analysis, type StructureEdit } from './analysis.ts';
import { consumersOf, isMessage, isParticipant, outputLinks, producersOf, type Link } from './graph.ts';
import type { ParticipantNode, SagaNode } from './schema.ts';

export type Style = 'orchestration' | 'choreography' | 'hybrid' | 'undetermined';

export interface Classification {
  style: Style;
  /** 0..1: how clearly the design shows its style. */
  confidence: number;
  reasons: string[];
  /** The node that coordinates the flow: the orchestrator, or a hidden orchestrator (hub). */
  coordinator?: string;
}

export interface Hub {
  participant: ParticipantNode;
  consumed: number;
  of: number;
  producers: string[];
}

/** Commands that one participant sends to another (the trigger excepted: actors are not participants), by ids. */
export function commandsBetweenParticipants(a: Analysis): { sender: string; command: string }[] {
  const out = [];
  for (const link of a.graph.links) {
    if (link.meaning !== 'sends' || !isParticipant(link.source)) continue;
    out.push({ sender: link.source.id, command: link.target.id });
  }
  return out;
}

/**
 * What the style is read from, by ids (an incremental validation keeps it while edits only
 * rename): the commands between participants, the subscriptions between them, and, when one
 * participant sends every command, the outputs of the others that someone else consumes.
 */
interface Evidence {
  participants: number;
  commands: { sender: string; command: string }[];
  eventHops: number;
  senders: string[];
  /** Message, index of its emitter among the document's nodes, and the participant that consumes it. */
  bypass: [string, number, string][];
}

/**
 * The subscriptions to an event between participants: by a subscriber other than a participant
 * that publishes it (each connection counted, as drawn).
 */
function hopsFrom(producers: readonly SagaNode[], consumers: readonly SagaNode[]): number {
  let publisher: string | undefined;
  for (const p of producers) {
    if (!isParticipant(p)) continue;
    // Two publishers: every subscriber hears another participant.
    if (publisher !== undefined && p.id !== publisher) return consumers.length;
    publisher = p.id;
  }
  if (publisher === undefined) return 0;
  let hops = 0;
  for (const c of consumers) if (c.id !== publisher) hops++;
  return hops;
}

function evidenceOf(a: Analysis): Evidence {
  let participants = 0;
  for (const n of a.doc.nodes) if (isParticipant(n)) participants++;
  const commands = participants === 0 ? [] : commandsBetweenParticipants(a);
  let eventHops = 0;
  if (participants > 0) {
    for (const n of a.doc.nodes) {
      if (n.kind !== 'event') continue;
      // Of two nodes with one id, the graph holds one.
      const e = a.graph.at(n.id)!;
      if (e.node === n) eventHops += hopsFrom(e.producers, e.consumers);
    }
  }
  const senders = [...new Set(commands.map((c) => c.sender))];
  const bypass: [string, number, string][] = [];
  if (senders.length === 1) {
    // Participants' outputs must go only to the coordinator.
    const coordinator = senders[0]!;
    a.doc.nodes.forEach((p, i) => {
      if (!isParticipant(p) || p.id === coordinator) return;
      for (const link of outputLinks(a.graph, p.id)) {
        for (const c of consumersOf(a.graph, link.target.id)) if (c.id !== coordinator && c.id !== p.id) bypass.push([link.target.id, i, c.id]);
      }
    });
  }
  return { participants, commands, eventHops, senders, bypass };
}

/**
 * The evidence after an edit that only added links (and nodes), from the evidence before, when
 * that is quick to say: no new command between participants, no new reply that bypasses the
 * coordinator, none before either. Then only the participants and the subscriptions between them
 * are counted again (the latter only for the events at the ends of the new links).
 */
function evidenceAfter(a: Analysis, before: Evidence, edit: StructureEdit): Evidence | undefined {
  if (edit.linksLost || before.bypass.length > 0) return undefined;
  let participants = 0;
  for (const n of a.doc.nodes) if (isParticipant(n)) participants++;
  if ((participants === 0) !== (before.participants === 0)) return undefined;
  if (participants === 0 || edit.linksAdded.length === 0) return participants === before.participants ? before : { ...before, participants };
  const coordinator = before.senders.length === 1 ? before.senders[0] : undefined;
  const events = new Set<string>();
  for (const l of edit.linksAdded) {
    if (l.meaning === 'sends' && isParticipant(l.source)) return undefined;
    if (coordinator !== undefined && bypasses(a, l, coordinator)) return undefined;
    if (l.source.kind === 'event') events.add(l.source.id);
    if (l.target.kind === 'event') events.add(l.target.id);
  }
  // Each event's subscriptions now, less what they were without the new links.
  const added = new Set<Link>(edit.linksAdded);
  const old = (l: Link) => !added.has(l);
  let eventHops = before.eventHops;
  for (const id of events) {
    const e = a.graph.at(id)!;
    eventHops += hopsFrom(e.producers, e.consumers) - hopsFrom(e.in.filter(old).map((l) => l.source), e.out.filter(old).map((l) => l.target));
  }
  return { ...before, participants, eventHops };
}

/** Whether the new link `l` makes a participant other than the coordinator reach another participant directly (a new entry of the evidence's `bypass`). */
function bypasses(a: Analysis, l: Link, coordinator: string): boolean {
  // A new output of a participant, consumed by another.
  if (isParticipant(l.source) && l.source.id !== coordinator && consumersOf(a.graph, l.target.id).some((c) => c.id !== coordinator && c.id !== l.source.id)) return true;
  // A new consumer of what a participant emits.
  return isParticipant(l.target) && l.target.id !== coordinator && producersOf(a.graph, l.source.id).some((p) => isParticipant(p) && p.id !== coordinator && p.id !== l.target.id);
}

/**
 * A hub is a participant that consumes most of the message types the other participants emit,
 * from at least two of them, and drives the flow (emits something another participant consumes).
 * Only looked for when there are three participants or more.
 */
export function findHub(a: Analysis): Hub | undefined {
  const participants = a.doc.nodes.filter(isParticipant);
  if (participants.length < 3 || !mayHaveHub(a, participants)) return undefined;
  // Which participants emit each message type.
  const emitters = new Map<string, Set<string>>();
  for (const p of participants) {
    for (const link of outputLinks(a.graph, p.id)) {
      let set = emitters.get(link.target.id);
      if (!set) emitters.set(link.target.id, (set = new Set()));
      set.add(p.id);
    }
  }
  // Message types each participant alone emits: they are not "the others'" for it.
  const soleEmitter = new Map<string, number>();
  for (const set of emitters.values()) {
    if (set.size === 1) {
      const [only] = set;
      soleEmitter.set(only!, (soleEmitter.get(only!) ?? 0) + 1);
    }
  }
  let best: Hub | undefined;
  for (const p of participants) {
    const of = emitters.size - (soleEmitter.get(p.id) ?? 0);
    // It cannot consume most of them with fewer inputs than that.
    if (of === 0 || a.graph.inputs(p.id).length * 2 <= of) continue;
    let consumed = 0;
    const producers = new Set<string>();
    for (const reaction of a.reactions.get(p.id)?.reactions ?? []) {
      const set = emitters.get(reaction.input.id);
      if (!set || (set.size === 1 && set.has(p.id))) continue;
      consumed++;
      for (const q of set) if (q !== p.id) producers.add(q);
    }
    if (consumed * 2 <= of || producers.size < 2) continue;
    const drives = outputLinks(a.graph, p.id).some((l) => consumersOf(a.graph, l.target.id).some((c) => c.id !== p.id));
    if (!drives) continue;
    if (!best || consumed / of > best.consumed / best.of) best = { participant: p, consumed, of, producers: [...producers] };
  }
  return best;
}

/**
 * Whether some participant has enough inputs to consume most of the message types the others emit
 * (the first test of findHub), counted without listing who emits what: most designs have none.
 */
function mayHaveHub(a: Analysis, participants: readonly ParticipantNode[]): boolean {
  let emitted = 0;
  const sole = new Map<string, number>();
  for (const n of a.doc.nodes) {
    if (!isMessage(n)) continue;
    // Of two nodes with one id, the graph holds one.
    const e = a.graph.at(n.id)!;
    if (e.node !== n) continue;
    let first: string | undefined;
    let several = false;
    for (const p of e.producers) {
      if (!isParticipant(p)) continue;
      if (first === undefined) first = p.id;
      else if (p.id !== first) several = true;
    }
    if (first === undefined) continue;
    emitted++;
    if (!several) sole.set(first, (sole.get(first) ?? 0) + 1);
  }
  return participants.some((p) => {
    const of = emitted - (sole.get(p.id) ?? 0);
    return of > 0 && a.graph.inputs(p.id).length * 2 > of;
  });
}

const hubs = new WeakMap<Analysis, Hub | null>();

/** The hub of the design, computed once per analysis (the classifier and rule C007 both ask). */
export function hubOf(a: Analysis): Hub | undefined {
  let hub = hubs.get(a);
  if (hub === undefined) {
    // Kept by its participant's id (the node object changes when it is renamed).
    const kept = a.kept?.get('hub', () => {
      const h = findHub(a);
      return h && { ...h, participant: h.participant.id };
    });
    hub = (a.kept ? kept && { ...kept, participant: a.graph.node.get(kept.participant) as ParticipantNode } : findHub(a)) ?? null;
    hubs.set(a, hub);
  }
  return hub ?? undefined;
}

/** Classifies the design's style. */
export function classify(a: Analysis): Classification {
  const evidence = structural(a, 'classification', () => evidenceOf(a), (before, edit) => evidenceAfter(a, before, edit));
  const { participants, commands, eventHops } = evidence;
  if (participants === 0) {
    return { style: 'undetermined', confidence: 0, reasons: ['The design has no services or orchestrators yet.'] };
  }
  if (commands.length === 0 && eventHops === 0) {
    return {
      style: 'undetermined',
      confidence: 0,
      reasons: ['No command or event passes between participants yet, so the design shows no style.'],
    };
  }
  if (commands.length > 0) return classifyCommanded(a, evidence);

  const hub = hubOf(a);
  if (hub) {
    return {
      style: 'hybrid',
      confidence: 0.6,
      coordinator: hub.participant.id,
      reasons: [
        'No participant sends commands to another: the participants react to events.',
        `But ${hub.participant.name} consumes ${hub.consumed} of the ${hub.of} message types the other participants emit (from ${a.names(hub.producers)}) and drives the flow: a hidden orchestrator.`,
      ],
    };
  }
  const small = participants < 3;
  return {
    style: 'choreography',
    confidence: small ? 0.8 : 1,
    reasons: [
      `Participants react to each other's events (${eventHops} subscription${eventHops === 1 ? '' : 's'}); no participant sends a command to another.`,
      small ? 'With only two participants, no participant can coordinate the others.' : 'No participant consumes most of the others’ events: nobody holds the whole flow.',
    ],
  };
}

function classifyCommanded(a: Analysis, { commands, eventHops, senders, bypass }: Evidence): Classification {
  if (senders.length > 1) {
    return {
      style: 'hybrid',
      confidence: 0.7,
      reasons: [
        `Commands between participants are sent by ${senders.length} participants (${a.names(senders)}), so no single node orchestrates.`,
        ...(eventHops > 0 ? [`${eventHops} event subscription${eventHops === 1 ? '' : 's'} between participants follow choreography.`] : []),
      ],
    };
  }
  const node = (id: string) => a.graph.node.get(id)!;
  const coordinator = node(senders[0]!);
  const commandNames = [...new Set(commands.map((c) => node(c.command).name))];
  const shown = commandNames.length > 4 ? `${commandNames.slice(0, 4).join(', ')}, …` : listing(commandNames);
  const sendsAll = `${coordinator.name} sends all ${commandNames.length} command${commandNames.length === 1 ? '' : 's'} between participants (${shown}).`;
  if (bypass.length === 0) {
    const real = coordinator.kind === 'orchestrator';
    return {
      style: 'orchestration',
      confidence: real ? 1 : 0.8,
      coordinator: coordinator.id,
      reasons: [
        sendsAll,
        `Participants reply only to ${coordinator.name}.`,
        ...(real ? [] : [`${coordinator.name} is drawn as a service: mark it as the orchestrator.`]),
      ],
    };
  }
  const said = bypass.slice(0, 3).map(([message, from, to]) => `${node(message).name} from ${a.doc.nodes[from]!.name} is consumed by ${node(to).name}`);
  return {
    style: 'hybrid',
    confidence: 0.7,
    coordinator: coordinator.id,
    reasons: [
      `${sendsAll.slice(0, -1)}: that part is orchestrated.`,
      `But participants also react to each other directly (choreography): ${said.join('; ')}${bypass.length > 3 ? `; and ${bypass.length - 3} more` : ''}.`,
    ],
  };
}
