/**
 * Classification (spec §2.5): is the design an orchestration, a choreography, a hybrid, or too
 * small to say? With human reasons and a confidence.
 */
import { listing, structural, type Analysis } from './analysis.ts';
import { consumersOf, isMessage, isParticipant, outputLinks, producersOf } from './graph.ts';
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

/** Commands that one participant sends to another (the trigger excepted: actors are not participants). */
export function commandsBetweenParticipants(a: Analysis): { sender: ParticipantNode; command: SagaNode; edge: string }[] {
  const out = [];
  for (const link of a.graph.links) {
    if (link.meaning !== 'sends' || !isParticipant(link.source)) continue;
    out.push({ sender: link.source, command: link.target, edge: link.edge.id });
  }
  return out;
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
    if (!isMessage(n) || a.graph.node.get(n.id) !== n) continue;
    let first: string | undefined;
    let several = false;
    for (const p of a.graph.producers(n.id)) {
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
    // Kept by its participant's id: the node object changes when it is renamed.
    const found = structural(a, 'hub', () => {
      const h = findHub(a);
      return h && { ...h, participant: h.participant.id };
    });
    hub = found ? { ...found, participant: a.graph.node.get(found.participant) as ParticipantNode } : null;
    hubs.set(a, hub);
  }
  return hub ?? undefined;
}

/** Classifies the design's style. */
export function classify(a: Analysis): Classification {
  const participants = a.doc.nodes.filter(isParticipant);
  if (participants.length === 0) {
    return { style: 'undetermined', confidence: 0, reasons: ['The design has no services or orchestrators yet.'] };
  }
  const commands = commandsBetweenParticipants(a);
  const eventHops = a.graph.links.filter(
    (l) => l.meaning === 'subscribedBy' && producersOf(a.graph, l.source.id).some((p) => isParticipant(p) && p.id !== l.target.id),
  );
  if (commands.length === 0 && eventHops.length === 0) {
    return {
      style: 'undetermined',
      confidence: 0,
      reasons: ['No command or event passes between participants yet, so the design shows no style.'],
    };
  }
  if (commands.length > 0) return classifyCommanded(a, commands, eventHops.length);

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
  const small = participants.length < 3;
  return {
    style: 'choreography',
    confidence: small ? 0.8 : 1,
    reasons: [
      `Participants react to each other's events (${eventHops.length} subscription${eventHops.length === 1 ? '' : 's'}); no participant sends a command to another.`,
      small ? 'With only two participants, no participant can coordinate the others.' : 'No participant consumes most of the others’ events: nobody holds the whole flow.',
    ],
  };
}

function classifyCommanded(a: Analysis, commands: ReturnType<typeof commandsBetweenParticipants>, eventHops: number): Classification {
  const senders = [...new Set(commands.map((c) => c.sender.id))];
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
  const coordinator = a.graph.node.get(senders[0]!)!;
  // Participants' outputs must go only to the coordinator.
  const bypass: string[] = [];
  for (const p of a.doc.nodes) {
    if (!isParticipant(p) || p.id === coordinator.id) continue;
    for (const link of outputLinks(a.graph, p.id)) {
      const others = consumersOf(a.graph, link.target.id).filter((c) => c.id !== coordinator.id && c.id !== p.id);
      for (const c of others) bypass.push(`${link.target.name} from ${p.name} is consumed by ${c.name}`);
    }
  }
  const commandNames = [...new Set(commands.map((c) => c.command.name))];
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
  return {
    style: 'hybrid',
    confidence: 0.7,
    coordinator: coordinator.id,
    reasons: [
      `${sendsAll.slice(0, -1)}: that part is orchestrated.`,
      `But participants also react to each other directly (choreography): ${bypass.slice(0, 3).join('; ')}${bypass.length > 3 ? `; and ${bypass.length - 3} more` : ''}.`,
    ],
  };
}
