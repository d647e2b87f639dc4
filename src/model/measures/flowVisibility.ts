/**
 * Flow visibility (spec §6.1): how many participants hold flow logic, i.e. the places to read to
 * know the whole flow. A participant holds flow logic when it reacts to another participant's
 * message of its own accord: it subscribes to another participant's event, or it handles a
 * command and carries the flow on to someone other than the sender. Handling a command and
 * replying to the sender is not flow logic: the sender decided.
 */
import type { Analysis } from '../analysis.ts';
import { consumersOf, isParticipant, producersOf } from '../graph.ts';
import type { Reaction } from '../reactions.ts';
import type { ParticipantNode } from '../schema.ts';
import { count, someNames, type Measure } from './measure.ts';

export type FlowVisibility = Measure<{ participants: string[] }>;

/** True when `p`'s reaction is its own decision about the flow (see the file's comment). */
export function holdsFlowLogic(a: Analysis, p: ParticipantNode, r: Reaction): boolean {
  const senders = producersOf(a.graph, r.input.id).filter((q) => isParticipant(q) && q.id !== p.id);
  if (senders.length === 0) return false;
  if (r.input.kind === 'event') return true;
  const senderIds = new Set(senders.map((s) => s.id));
  return [...r.onSuccess, ...r.onFailure].some((l) => consumersOf(a.graph, l.target.id).some((c) => c.id !== p.id && !senderIds.has(c.id)));
}

export function flowVisibility(a: Analysis): FlowVisibility {
  const holders = a.doc.nodes.filter(isParticipant).filter((p) => (a.reactions.get(p.id)?.reactions ?? []).some((r) => holdsFlowLogic(a, p, r)));
  const participants = holders.map((p) => p.id);
  const n = holders.length;
  const message =
    n === 0
      ? 'No participant reacts to another’s message of its own accord: there is no flow between participants to read.'
      : n === 1
        ? `The whole flow can be read in one place: ${holders[0]!.name}.`
        : `To know the whole flow, read ${count(n, 'place')}: ${someNames(holders.map((p) => p.name), 6)} each hold part of it.`;
  return { value: n, message, nodes: participants, participants };
}
