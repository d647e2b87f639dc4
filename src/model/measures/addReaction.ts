/**
 * Adding a reaction (spec §6.1): for each message of the happy path, the participants other than
 * a new one that must change so that the new participant also reacts to that message, the way the
 * design's style allows. In a choreography (or the choreographed part of a hybrid) it subscribes
 * to an event and nobody changes; a command has exactly one handler, so whoever sends it must send
 * the new participant a command too (a trigger sent by an actor changes only the client, outside
 * the design). In an orchestration participants do not subscribe to each other's events (O005):
 * the orchestrator must command the new participant, except for the orchestrator's own events.
 */
import type { Analysis } from '../analysis.ts';
import type { Style } from '../classify.ts';
import { isParticipant, producersOf } from '../graph.ts';
import { happyCaveat, type HappyPath } from './happyPath.ts';
import { someNames, worstOf, type Measure } from './measure.ts';

export interface ReactionCost {
  id: string;
  name: string;
  /** Participants that must change. */
  participants: string[];
  count: number;
}

export type AddReaction = Measure<{ messages: ReactionCost[]; max: number; worst: string | null }>;

export function addReaction(a: Analysis, path: HappyPath, style: Style, coordinator: string | undefined): AddReaction {
  const orchestrated = style === 'orchestration' && coordinator !== undefined;
  const rows: ReactionCost[] = path.sent.map((id) => {
    const m = a.graph.node.get(id)!;
    const producers = producersOf(a.graph, id).filter(isParticipant);
    let participants: string[];
    if (orchestrated) participants = m.kind === 'event' && producers.length > 0 && producers.every((p) => p.id === coordinator) ? [] : [coordinator];
    else participants = m.kind === 'event' ? [] : [...new Set(producers.map((p) => p.id))];
    return { id, name: m.name, participants, count: participants.length };
  });
  const worst = worstOf(rows, (r) => r.count);
  const max = worst?.count ?? 0;
  const details = { messages: rows, max, worst: worst && max > 0 ? worst.id : null };
  if (!worst) return { value: 0, message: `No message is sent on the happy path${happyCaveat(path)}.`, nodes: [], ...details };
  if (max === 0)
    return {
      value: 0,
      message: `A new participant can react to any message of the happy path by subscribing to an event: no other participant changes${happyCaveat(path)}.`,
      nodes: [],
      ...details,
    };
  const who = someNames(worst.participants.map(a.name));
  const costly = rows.filter((r) => r.count === max).map((r) => r.name);
  const message = orchestrated
    ? `For a new participant to also react to ${costly.length === 1 ? worst.name : `a message of the happy path (${someNames(costly, 3)})`}, ${who} must change: the orchestrator must command it, because participants do not subscribe to each other’s events in an orchestration (O005).`
    : `For a new participant to also react to the command ${worst.name}, ${who} must change to send it a command as well; events of the happy path can simply be subscribed to.`;
  return { value: max, message, nodes: [worst.id, ...worst.participants], ...details };
}
