/** `sagaboard analyse FILE [--json]` (spec §6.1): the trade-off measures of a design and the advice. */
import { analyse, MEASURE_KEYS, type TradeOffs } from '../analysis/index.ts';
import type { SagaDocument } from '../model/index.ts';
import type { CliIO } from './io.ts';
import { headline, MEASURE_LABEL } from '../analysis/measureWords.ts';

/** Prints the measures; returns the exit code (0: a design that can be read can be analysed). */
export function analyseCommand(doc: SagaDocument, json: boolean, io: CliIO): number {
  const result = analyse(doc);
  io.out(json ? JSON.stringify(result, null, 2) : formatAnalysis(doc, result));
  return 0;
}

/** The human-readable list: each measure's label and value, then its sentence; then the advice. */
export function formatAnalysis(doc: SagaDocument, r: TradeOffs): string {
  const width = Math.max(...MEASURE_KEYS.map((k) => MEASURE_LABEL[k].length)) + 2;
  const lines = [`${doc.name} — ${r.style}`, ''];
  for (const key of MEASURE_KEYS) {
    const m = r.measures[key];
    lines.push(`  ${MEASURE_LABEL[key].padEnd(width, ' ')}${headline(key, m).padStart(8)}`, `      ${m.message}`);
  }
  lines.push('', 'Advice');
  for (const a of r.advice) lines.push(`  · ${a.message}`);
  return lines.join('\n');
}
