/**
 * Coupling (spec §6.1): for each participant, the participants it depends on — the handlers of
 * the commands it sends and the publishers of the events it consumes — and how many depend on it.
 */
import type { Analysis } from '../analysis.ts';
import { consumersOf, isParticipant, outputLinks, producersOf } from '../graph.ts';
import { count, inWords, mean, someNames, worstOf, type Measure } from './measure.ts';

export interface ParticipantCoupling {
  id: string;
  name: string;
  /** Participants it depends on, in document order. */
  dependsOn: string[];
  efferent: number;
  afferent: number;
}

export type Coupling = Measure<{ participants: ParticipantCoupling[]; maxEfferent: number; meanEfferent: number; worst: string | null }>;

export function coupling(a: Analysis): Coupling {
  const participants = a.doc.nodes.filter(isParticipant);
  const order = new Map(participants.map((p, i) => [p.id, i]));
  const rows: ParticipantCoupling[] = participants.map((p) => {
    const depends = new Set<string>();
    for (const link of outputLinks(a.graph, p.id))
      if (link.target.kind === 'command') for (const h of consumersOf(a.graph, link.target.id)) depends.add(h.id);
    for (const reaction of a.reactions.get(p.id)?.reactions ?? [])
      if (reaction.input.kind === 'event') for (const q of producersOf(a.graph, reaction.input.id)) if (isParticipant(q)) depends.add(q.id);
    depends.delete(p.id);
    const dependsOn = [...depends].sort((x, y) => order.get(x)! - order.get(y)!);
    return { id: p.id, name: p.name, dependsOn, efferent: dependsOn.length, afferent: 0 };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) for (const d of r.dependsOn) byId.get(d)!.afferent++;
  const worst = worstOf(rows, (r) => r.efferent);
  const maxEfferent = worst?.efferent ?? 0;
  const meanEfferent = mean(rows.map((r) => r.efferent));
  const details = { participants: rows, maxEfferent, meanEfferent, worst: worst && maxEfferent > 0 ? worst.id : null };
  if (!worst) return { value: 0, message: 'The design has no participants yet, so nothing is coupled.', nodes: [], ...details };
  if (maxEfferent === 0)
    return { value: 0, message: 'No participant depends on another: none sends a command to another or consumes another’s events.', nodes: [], ...details };
  const ties = rows.filter((r) => r.efferent === maxEfferent && r !== worst).length;
  const message =
    `${worst.name} depends on the most participants: ${count(maxEfferent, 'other')} (${someNames(worst.dependsOn.map(a.name))}), ` +
    `so a change in any of them may change it${ties > 0 ? ` (${count(ties, 'other participant')} ${ties === 1 ? 'has' : 'have'} as many)` : ''}. ` +
    `On average a participant depends on ${inWords(meanEfferent)}.`;
  return { value: maxEfferent, message, nodes: [worst.id, ...worst.dependsOn], ...details };
}
