/**
 * An index over a document: nodes by id and its well-formed connections by meaning, built
 * once per validation so that every rule runs in time linear in the size of the design.
 */
import { edgeMeaning, type EdgeMeaning } from './connections.ts';
import type { MessageNode, ParticipantNode, SagaDocument, SagaEdge, SagaNode } from './schema.ts';

/** A connection whose ends exist and whose kinds may be joined. */
export interface Link {
  edge: SagaEdge;
  meaning: EdgeMeaning;
  source: SagaNode;
  target: SagaNode;
}

/** A connection between kinds that may not be joined (G002). */
export interface ForbiddenEdge {
  edge: SagaEdge;
  source: SagaNode;
  target: SagaNode;
}

export interface DesignGraph {
  doc: SagaDocument;
  node: ReadonlyMap<string, SagaNode>;
  links: readonly Link[];
  /** Connections to a missing node (G001). */
  dangling: readonly SagaEdge[];
  /** Connections between kinds that may not be joined (G002). */
  forbidden: readonly ForbiddenEdge[];
  outgoing(id: string): readonly Link[];
  incoming(id: string): readonly Link[];
  /** Nodes that emit a message: senders of a command, publishers of an event. */
  producers(messageId: string): readonly SagaNode[];
  /** Participants that consume a message: handlers of a command, subscribers of an event. */
  consumers(messageId: string): readonly ParticipantNode[];
  /** The connections by which a participant receives messages (handled by, subscribed by). */
  inputs(participantId: string): readonly Link[];
  /** The connections by which a node emits messages (sends, publishes). */
  outputs(nodeId: string): readonly Link[];
  /** True when some command names this one as its compensation. */
  isCompensation(commandId: string): boolean;
}

const NONE: readonly never[] = [];

/**
 * Everything known about one node's connections. Lists are created on first use; every field
 * exists from the start so that all entries share one shape (much faster in V8).
 */
interface Entry {
  node: SagaNode;
  out: Link[] | undefined;
  in: Link[] | undefined;
  producers: SagaNode[] | undefined;
  consumers: ParticipantNode[] | undefined;
  inputs: Link[] | undefined;
  outputs: Link[] | undefined;
  /** Some command names this one as its compensation. */
  compensation: boolean;
}

const entryOf = (node: SagaNode): Entry => ({
  node,
  out: undefined,
  in: undefined,
  producers: undefined,
  consumers: undefined,
  inputs: undefined,
  outputs: undefined,
  compensation: false,
});

export function buildGraph(doc: SagaDocument): DesignGraph {
  const entries = new Map<string, Entry>();
  const node = new Map<string, SagaNode>();
  for (const n of doc.nodes) {
    entries.set(n.id, entryOf(n));
    node.set(n.id, n);
  }
  const links: Link[] = [];
  const dangling: SagaEdge[] = [];
  const forbidden: ForbiddenEdge[] = [];
  for (const edge of doc.edges) {
    const from = entries.get(edge.source);
    const to = entries.get(edge.target);
    if (!from || !to) {
      dangling.push(edge);
      continue;
    }
    const source = from.node;
    const target = to.node;
    const meaning = edgeMeaning(source.kind, target.kind);
    if (!meaning) {
      forbidden.push({ edge, source, target });
      continue;
    }
    const link: Link = { edge, meaning, source, target };
    links.push(link);
    (from.out ??= []).push(link);
    (to.in ??= []).push(link);
    if (meaning === 'sends' || meaning === 'publishes') {
      (to.producers ??= []).push(source);
      (from.outputs ??= []).push(link);
    } else if (meaning === 'handledBy' || meaning === 'subscribedBy') {
      (from.consumers ??= []).push(target as ParticipantNode);
      (to.inputs ??= []).push(link);
    } else {
      to.compensation = true;
    }
  }
  return {
    doc,
    node,
    links,
    dangling,
    forbidden,
    outgoing: (id) => entries.get(id)?.out ?? NONE,
    incoming: (id) => entries.get(id)?.in ?? NONE,
    producers: (id) => entries.get(id)?.producers ?? NONE,
    consumers: (id) => entries.get(id)?.consumers ?? NONE,
    inputs: (id) => entries.get(id)?.inputs ?? NONE,
    outputs: (id) => entries.get(id)?.outputs ?? NONE,
    isCompensation: (id) => entries.get(id)?.compensation === true,
  };
}

export const isParticipant = (n: SagaNode): n is ParticipantNode => n.kind === 'service' || n.kind === 'orchestrator';
export const isMessage = (n: SagaNode): n is MessageNode => n.kind === 'command' || n.kind === 'event';
export const isFailureEvent = (n: SagaNode): boolean => n.kind === 'event' && n.outcome === 'failure';

/** Nodes that emit this message (senders of a command, publishers of an event). */
export const producersOf = (g: DesignGraph, messageId: string): readonly SagaNode[] => g.producers(messageId);
/** Participants that consume this message (handlers of a command, subscribers of an event). */
export const consumersOf = (g: DesignGraph, messageId: string): readonly ParticipantNode[] => g.consumers(messageId);
/** The connections by which a participant receives messages. */
export const inputLinks = (g: DesignGraph, participantId: string): readonly Link[] => g.inputs(participantId);
/** The connections by which a node emits messages (sends and publishes). */
export const outputLinks = (g: DesignGraph, nodeId: string): readonly Link[] => g.outputs(nodeId);

/** The command that undoes `commandId`, when a compensated-by connection is drawn. */
export function compensationOf(g: DesignGraph, commandId: string): SagaNode | undefined {
  return g.outgoing(commandId).find((l) => l.meaning === 'compensatedBy')?.target;
}

/** True when some command names this one as its compensation. */
export const isCompensationCommand = (g: DesignGraph, commandId: string): boolean => g.isCompensation(commandId);

/**
 * Triggers start the process (spec §1.3): messages sent by an actor, and consumed messages that
 * no node produces (compensation commands excepted: the orchestrator sends those).
 */
export function triggersOf(g: DesignGraph): MessageNode[] {
  const triggers: MessageNode[] = [];
  for (const n of g.doc.nodes) {
    if (!isMessage(n)) continue;
    const producers = g.producers(n.id);
    if (producers.some((p) => p.kind === 'actor')) triggers.push(n);
    else if (producers.length === 0 && g.consumers(n.id).length > 0 && !isCompensationCommand(g, n.id)) triggers.push(n);
  }
  return triggers;
}
