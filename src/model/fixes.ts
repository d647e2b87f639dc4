/**
 * One-click fixes for a diagnostic, where the fix is clear enough to offer: for G013 (an output of
 * a participant with several inputs says not which it answers), one fix per input, the likeliest
 * first (“InventoryReserved answers ReserveInventory”).
 */
import { guessAnswer } from './answers.ts';
import type { Diagnostic } from './diagnostic.ts';
import { buildGraph } from './graph.ts';
import { updateEdge } from './operations.ts';
import type { SagaDocument } from './schema.ts';

export interface Fix {
  label: string;
  apply: (doc: SagaDocument) => SagaDocument;
}

/** At most this many fixes for one diagnostic: more would be a list to read, not a click. */
export const MAX_FIXES = 4;

export function fixesFor(doc: SagaDocument, d: Diagnostic): Fix[] {
  if (d.rule !== 'G013') return [];
  const [participant, outputId] = d.nodes;
  const edge = d.edges[0];
  const g = buildGraph(doc);
  const output = outputId === undefined ? undefined : g.node.get(outputId);
  if (!participant || !output || !edge) return [];
  const { inputs, guess } = guessAnswer(g, participant, output);
  const ordered = [...inputs.filter((m) => guess.includes(m.id)), ...inputs.filter((m) => !guess.includes(m.id))];
  return ordered.slice(0, MAX_FIXES).map((m) => ({ label: `${output.name} answers ${m.name}`, apply: (x) => updateEdge(x, edge, { on: [m.id] }) }));
}
