/** `sagaboard validate FILE [--json]` (spec §3). */
import { omittedCount, totalsOf, validate, type Diagnostic, type SagaDocument, type Severity, type ValidationResult } from '../model/index.ts';
import { printable, type CliIO } from './io.ts';
import { countText } from '../model/countText.ts';

const STYLE_TITLE = { orchestration: 'Orchestration', choreography: 'Choreography', hybrid: 'Hybrid', undetermined: 'Undetermined' } as const;

/** Prints the verdict and diagnostics; returns the exit code (0 no errors, 1 errors). */
export function validateCommand(doc: SagaDocument, json: boolean, io: CliIO): number {
  const result = validate(doc);
  io.out(json ? JSON.stringify(toJson(result), null, 2) : printable(formatReport(doc, result)));
  return totalsOf(result).error > 0 ? 1 : 0;
}

/** Spec §3's shape; `omitted` ({ error, warning, info }) is added only when diagnostics were left out. */
function toJson(r: ValidationResult) {
  const json = { style: r.style, confidence: r.confidence, reasons: r.reasons, diagnostics: r.diagnostics };
  return r.omitted ? { ...json, omitted: r.omitted } : json;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The human-readable report. */
export function formatReport(doc: SagaDocument, r: ValidationResult): string {
  const lines = [`${doc.name} — ${STYLE_TITLE[r.style]} (confidence ${Math.round(r.confidence * 100)}%)`];
  for (const reason of r.reasons) lines.push(`  · ${reason}`);
  lines.push('');
  for (const d of r.diagnostics) lines.push(...formatDiagnostic(d));
  if (r.omitted) {
    const left = SEVERITIES.filter((s) => r.omitted![s] > 0).map((s) => plural(r.omitted![s], s));
    lines.push(`… and ${count(omittedCount(r))} more not shown (${left.join(', ')}): fix the first ones, then validate again.`);
  }
  const c = totalsOf(r);
  lines.push(
    r.diagnostics.length === 0
      ? 'No problems found.'
      : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}`,
  );
  return lines.join('\n');
}

function formatDiagnostic(d: Diagnostic): string[] {
  return [`${d.severity.padEnd(7)} ${d.rule}  ${d.message}`, `${' '.repeat(14)}fix: ${d.hint}`];
}

const count = countText;
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
