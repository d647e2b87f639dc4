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
}

const NONE: readonly Link[] = [];

export function buildGraph(doc: SagaDocument): DesignGraph {
  const node = new Map<string, SagaNode>();
  for (const n of doc.nodes) node.set(n.id, n);
  const links: Link[] = [];
  const dangling: SagaEdge[] = [];
  const forbidden: ForbiddenEdge[] = [];
  const out = new Map<string, Link[]>();
  const inc = new Map<string, Link[]>();
  for (const edge of doc.edges) {
    const source = node.get(edge.source);
    const target = node.get(edge.target);
    if (!source || !target) {
      dangling.push(edge);
      continue;
    }
    const meaning = edgeMeaning(source.kind, target.kind);
    if (!meaning) {
      forbidden.push({ edge, source, target });
      continue;
    }
    const link: Link = { edge, meaning, source, target };
    links.push(link);
    push(out, source.id, link);
    push(inc, target.id, link);
  }
  return {
    doc,
    node,
    links,
    dangling,
    forbidden,
    outgoing: (id) => out.get(id) ?? NONE,
    incoming: (id) => inc.get(id) ?? NONE,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const isParticipant = (n: SagaNode): n is ParticipantNode => n.kind === 'service' || n.kind === 'orchestrator';
export const isMessage = (n: SagaNode): n is MessageNode => n.kind === 'command' || n.kind === 'event';
export const isFailureEvent = (n: SagaNode): boolean => n.kind === 'event' && n.outcome === 'failure';

/** Nodes that emit this message (senders of a command, publishers of an event). */
export function producersOf(g: DesignGraph, messageId: string): SagaNode[] {
  return g.incoming(messageId).filter((l) => l.meaning === 'sends' || l.meaning === 'publishes').map((l) => l.source);
}

/** Participants that consume this message (handlers of a command, subscribers of an event). */
export function consumersOf(g: DesignGraph, messageId: string): ParticipantNode[] {
  return g
    .outgoing(messageId)
    .filter((l) => l.meaning === 'handledBy' || l.meaning === 'subscribedBy')
    .map((l) => l.target as ParticipantNode);
}

/** The connections by which a participant receives messages. */
export function inputLinks(g: DesignGraph, participantId: string): Link[] {
  return g.incoming(participantId).filter((l) => l.meaning === 'handledBy' || l.meaning === 'subscribedBy');
}

/** The connections by which a node emits messages (sends and publishes). */
export function outputLinks(g: DesignGraph, nodeId: string): Link[] {
  return g.outgoing(nodeId).filter((l) => l.meaning === 'sends' || l.meaning === 'publishes');
}

/** The command that undoes `commandId`, when a compensated-by connection is drawn. */
export function compensationOf(g: DesignGraph, commandId: string): SagaNode | undefined {
  return g.outgoing(commandId).find((l) => l.meaning === 'compensatedBy')?.target;
}

/** True when some command names this one as its compensation. */
export function isCompensationCommand(g: DesignGraph, commandId: string): boolean {
  return g.incoming(commandId).some((l) => l.meaning === 'compensatedBy');
}

/**
 * Triggers start the process (spec §1.3): messages sent by an actor, and consumed messages that
 * no node produces (compensation commands excepted: the orchestrator sends those).
 */
export function triggersOf(g: DesignGraph): MessageNode[] {
  const triggers: MessageNode[] = [];
  for (const n of g.doc.nodes) {
    if (!isMessage(n)) continue;
    const producers = producersOf(g, n.id);
    if (producers.some((p) => p.kind === 'actor')) triggers.push(n);
    else if (producers.length === 0 && consumersOf(g, n.id).length > 0 && !isCompensationCommand(g, n.id)) triggers.push(n);
  }
  return triggers;
}
