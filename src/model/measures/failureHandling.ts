/**
 * Failure handling (spec §6.1): how many participants decide on compensation — an orchestrator
 * running backward recovery (it hears a failure event or commands a step that has a
 * compensation), or a subscriber whose subscription `compensates` an earlier handling.
 */
import type { Analysis } from '../analysis.ts';
import { compensationOf, isFailureEvent, isParticipant, outputLinks } from '../graph.ts';
import type { ParticipantNode } from '../schema.ts';
import { count, someNames, type Measure } from './measure.ts';

export type FailureHandling = Measure<{ participants: string[] }>;

/** True when `p` decides on compensation. */
export function decidesCompensation(a: Analysis, p: ParticipantNode): boolean {
  const reactions = a.reactions.get(p.id)?.reactions ?? [];
  if (reactions.some((r) => r.via.edge.compensates !== undefined)) return true;
  if (p.kind !== 'orchestrator') return false;
  return reactions.some((r) => isFailureEvent(r.input)) || outputLinks(a.graph, p.id).some((l) => l.target.kind === 'command' && compensationOf(a.graph, l.target.id) !== undefined);
}

export function failureHandling(a: Analysis): FailureHandling {
  const deciders = a.doc.nodes.filter(isParticipant).filter((p) => decidesCompensation(a, p));
  const participants = deciders.map((p) => p.id);
  const n = deciders.length;
  const message =
    n === 0
      ? 'No participant decides on compensation: a failure undoes nothing that was done before it.'
      : n === 1
        ? `Compensation is decided in one place: ${deciders[0]!.name}.`
        : `Compensation is decided in ${count(n, 'place')}: ${someNames(deciders.map((p) => p.name), 6)} each undo their own part when they hear of a failure.`;
  return { value: n, message, nodes: participants, participants };
}
