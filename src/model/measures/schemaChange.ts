/**
 * Schema change impact (spec §6.1): for each message type, the participants that change when
 * its schema changes — its producers and its consumers (actors are outside the design).
 */
import type { Analysis } from '../analysis.ts';
import { consumersOf, isMessage, isParticipant, producersOf, type DesignGraph } from '../graph.ts';
import { count, inWords, mean, someNames, worstOf, type Measure } from './measure.ts';

export interface MessageImpact {
  id: string;
  name: string;
  /** Producers, then consumers, each once. */
  participants: string[];
  count: number;
}

export type SchemaChange = Measure<{ messages: MessageImpact[]; max: number; mean: number; worst: string | null }>;

/**
 * The participants that change when the schema of message `messageId` changes: its producers,
 * then its consumers, each once (an actor that sends it is outside the design). The canvas's
 * “what if” asks this of one message; the measure, of every message.
 */
export function touchedBy(g: DesignGraph, messageId: string): string[] {
  const touched = new Set<string>();
  for (const p of producersOf(g, messageId)) if (isParticipant(p)) touched.add(p.id);
  for (const c of consumersOf(g, messageId)) touched.add(c.id);
  return [...touched];
}

export function schemaChange(a: Analysis): SchemaChange {
  const rows: MessageImpact[] = a.doc.nodes.filter(isMessage).map((m) => {
    const participants = touchedBy(a.graph, m.id);
    return { id: m.id, name: m.name, participants, count: participants.length };
  });
  const worst = worstOf(rows, (r) => r.count);
  const max = worst?.count ?? 0;
  const details = { messages: rows, max, mean: mean(rows.map((r) => r.count)), worst: worst && max > 0 ? worst.id : null };
  if (!worst || max === 0) return { value: 0, message: 'No message passes through a participant yet, so no schema change touches one.', nodes: [], ...details };
  const message =
    `Changing the schema of ${worst.name} touches ${count(max, 'participant')} (${someNames(worst.participants.map(a.name))}), ` +
    `the most of any message; on average a schema change touches ${inWords(details.mean)}.`;
  return { value: max, message, nodes: [worst.id, ...worst.participants], ...details };
}
