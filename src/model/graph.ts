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

/** The nodes of a graph by id. */
export interface NodeIndex {
  get(id: string): SagaNode | undefined;
  has(id: string): boolean;
}

export interface DesignGraph {
  doc: SagaDocument;
  node: NodeIndex;
  links: readonly Link[];
  /** Connections to a missing node (G001). */
  dangling: readonly SagaEdge[];
  /** Connections between kinds that may not be joined (G002). */
  forbidden: readonly ForbiddenEdge[];
  /** A node with its connections, or undefined when no node has this id. */
  at(id: string): NodeLinks | undefined;
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

export const NONE: readonly never[] = [];

/**
 * `list` with `item` added at its end: while short, a new list of exactly that size (a list grown
 * by push reserves room for 16 more entries, and a design has a few short lists per node); from
 * three entries on, `list` itself, pushed to. `list` is NONE or a list made here.
 */
export function appended<T>(list: readonly T[], item: T): T[] {
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0]!, item];
    case 2:
      return [list[0]!, list[1]!, item];
    default:
      (list as T[]).push(item);
      return list as T[];
  }
}

/**
 * One node and its well-formed connections, in the order of the document's connections. Never
 * changed once made: a node whose connections (or whose neighbours) change gets a new one, so
 * that what was computed from it can be kept while it stays the same (incremental validation).
 */
export interface NodeLinks {
  readonly node: SagaNode;
  readonly out: readonly Link[];
  readonly in: readonly Link[];
  /** For a message: the nodes that send or publish it. */
  readonly producers: readonly SagaNode[];
  /** For a message: the participants that handle it or subscribe to it. */
  readonly consumers: readonly ParticipantNode[];
  /** For a participant: the connections by which it receives messages. */
  readonly inputs: readonly Link[];
  /** For an actor or a participant: the connections by which it emits messages. */
  readonly outputs: readonly Link[];
  /** Some command names this one as its compensation. */
  readonly compensation: boolean;
}

type Building = { -readonly [K in keyof NodeLinks]: NodeLinks[K] };

const fresh = (node: SagaNode, out: readonly Link[], inbound: readonly Link[]): Building => ({
  node,
  out,
  in: inbound,
  producers: NONE,
  consumers: NONE,
  inputs: NONE,
  outputs: NONE,
  compensation: false,
});

/** A node's entry from its connections: what it emits and consumes follows from the kinds joined. */
export function nodeLinks(node: SagaNode, out: readonly Link[], inbound: readonly Link[]): NodeLinks {
  return completed(fresh(node, out, inbound));
}

/** Fills in what follows from `out` and `in`. */
function completed(e: Building): NodeLinks {
  switch (e.node.kind) {
    case 'actor':
      e.outputs = e.out;
      break;
    case 'service':
    case 'orchestrator':
      // Only messages reach a participant, and a participant only sends or publishes.
      e.inputs = e.in;
      e.outputs = e.out;
      break;
    case 'event':
      if (e.in.length > 0) e.producers = e.in.map(sourceOf);
      if (e.out.length > 0) e.consumers = e.out.map(targetOf) as ParticipantNode[];
      break;
    case 'command': {
      // A command is sent by an actor or a participant, or names its compensation (command to command).
      for (const l of e.in) {
        if (l.meaning === 'sends') e.producers = appended(e.producers, l.source);
        else e.compensation = true;
      }
      for (const l of e.out) if (l.meaning === 'handledBy') e.consumers = appended(e.consumers, l.target as ParticipantNode);
    }
  }
  return e;
}

const sourceOf = (l: Link) => l.source;
const targetOf = (l: Link) => l.target;

/**
 * What `edge` is, given the nodes at its ends: a link, a forbidden connection (a ForbiddenEdge,
 * which has no meaning), or undefined for a connection to a missing node.
 */
export function readEdge(edge: SagaEdge, source: SagaNode | undefined, target: SagaNode | undefined): Link | ForbiddenEdge | undefined {
  if (!source || !target) return undefined;
  const meaning = edgeMeaning(source.kind, target.kind);
  return meaning ? { edge, meaning, source, target } : { edge, source, target };
}

export const isLink = (reading: Link | ForbiddenEdge): reading is Link => 'meaning' in reading;

/**
 * The id of a link's target, read from its connection: nodes come in many shapes (kinds, optional
 * fields), connections in few, and the walks over a graph read these ids more than anything else.
 */
export const targetId = (l: Link): string => l.edge.target;

export function buildGraph(doc: SagaDocument): DesignGraph {
  const entries = new Map<string, Building>();
  for (const n of doc.nodes) entries.set(n.id, fresh(n, NONE, NONE));
  const links: Link[] = [];
  const dangling: SagaEdge[] = [];
  const forbidden: ForbiddenEdge[] = [];
  for (const edge of doc.edges) {
    const from = entries.get(edge.source);
    const to = entries.get(edge.target);
    const link = readEdge(edge, from?.node, to?.node);
    if (!link) dangling.push(edge);
    else if (!isLink(link)) forbidden.push(link);
    else {
      links.push(link);
      from!.out = appended(from!.out, link);
      to!.in = appended(to!.in, link);
    }
  }
  for (const e of entries.values()) completed(e);
  // The nodes are read from their entries: one map of the design's ids, not two.
  return graphOf(doc, { get: (id) => entries.get(id)?.node, has: (id) => entries.has(id) }, entries, links, dangling, forbidden);
}

/** The graph of `doc` from its parts (built whole, or updated from the graph of the document before). */
export function graphOf(
  doc: SagaDocument,
  node: NodeIndex,
  entries: ReadonlyMap<string, NodeLinks>,
  links: readonly Link[],
  dangling: readonly SagaEdge[],
  forbidden: readonly ForbiddenEdge[],
): DesignGraph {
  return {
    doc,
    node,
    links,
    dangling,
    forbidden,
    at: (id) => entries.get(id),
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
  for (const n of g.doc.nodes) if (isTrigger(n, g.at(n.id)!)) triggers.push(n);
  return triggers;
}

/** Whether `n` starts the process, given its entry (the connections of its id). */
export function isTrigger(n: SagaNode, { producers, consumers, compensation }: NodeLinks): n is MessageNode {
  if (!isMessage(n)) return false;
  return producers.some((p) => p.kind === 'actor') || (producers.length === 0 && consumers.length > 0 && !compensation);
}
