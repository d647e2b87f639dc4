/**
 * The reactions table (spec §1.3): the local view each service and orchestrator executes.
 * For every message a participant consumes, what it emits when handling succeeds and when it
 * fails with a business failure.
 */
import {
  buildGraph,
  inputLinks,
  isCompensationCommand,
  isFailureEvent,
  isParticipant,
  outputLinks,
  type DesignGraph,
  type Link,
} from './graph.ts';
import type { MessageNode, ParticipantNode, SagaDocument } from './schema.ts';

export interface Reaction {
  /** The consumed message. */
  input: MessageNode;
  /** The handled-by / subscribed-by connection (carries `compensates`, latency and failure rate). */
  via: Link;
  /** Outputs emitted when handling succeeds. */
  onSuccess: Link[];
  /** Outputs emitted when handling fails with a business failure (failure events only). */
  onFailure: Link[];
}

export interface ParticipantReactions {
  participant: ParticipantNode;
  reactions: Reaction[];
  byInput: ReadonlyMap<string, Reaction>;
  /** Sends of compensation commands with no `on`: emitted while the orchestrator compensates. */
  compensationOutputs: Link[];
  /** Outputs that cannot be tied to an input: the participant consumes several messages and `on` is missing (G013). */
  unbound: Link[];
  /** `on` entries naming a message the participant does not consume (G014). */
  strayOn: { link: Link; messageId: string }[];
}

/** The reactions of one participant. */
export function reactionsOf(g: DesignGraph, participant: ParticipantNode): ParticipantReactions {
  const reactions: Reaction[] = [];
  const byInput = new Map<string, Reaction>();
  for (const via of inputLinks(g, participant.id)) {
    if (byInput.has(via.source.id)) continue;
    const reaction: Reaction = { input: via.source as MessageNode, via, onSuccess: [], onFailure: [] };
    reactions.push(reaction);
    byInput.set(via.source.id, reaction);
  }
  const compensationOutputs: Link[] = [];
  const unbound: Link[] = [];
  const strayOn: { link: Link; messageId: string }[] = [];
  for (const link of outputLinks(g, participant.id)) {
    const explicit = link.edge.on && link.edge.on.length > 0 ? link.edge.on : undefined;
    if (!explicit && isCompensationCommand(g, link.target.id)) {
      compensationOutputs.push(link);
      continue;
    }
    const on = explicit ?? (reactions.length === 1 ? [reactions[0]!.input.id] : undefined);
    if (!on) {
      if (reactions.length > 1) unbound.push(link);
      continue;
    }
    for (const messageId of on) {
      const reaction = byInput.get(messageId);
      if (!reaction) strayOn.push({ link, messageId });
      else if (isFailureEvent(link.target)) reaction.onFailure.push(link);
      else reaction.onSuccess.push(link);
    }
  }
  return { participant, reactions, byInput, compensationOutputs, unbound, strayOn };
}

/** The reactions of every service and orchestrator, by participant id. */
export function reactionTable(docOrGraph: SagaDocument | DesignGraph): Map<string, ParticipantReactions> {
  const g = 'links' in docOrGraph ? docOrGraph : buildGraph(docOrGraph);
  const table = new Map<string, ParticipantReactions>();
  for (const n of g.doc.nodes) if (isParticipant(n)) table.set(n.id, reactionsOf(g, n));
  return table;
}
