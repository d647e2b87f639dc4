/** `sagaboard validate FILE [--json]` (spec §3). */
import { countBySeverity, validate, type Diagnostic, type SagaDocument, type ValidationResult } from '../model/index.ts';
import type { CliIO } from './io.ts';

const STYLE_TITLE = { orchestration: 'Orchestration', choreography: 'Choreography', hybrid: 'Hybrid', undetermined: 'Undetermined' } as const;

/** Prints the verdict and diagnostics; returns the exit code (0 no errors, 1 errors). */
export function validateCommand(doc: SagaDocument, json: boolean, io: CliIO): number {
  const result = validate(doc);
  io.out(json ? JSON.stringify(toJson(result), null, 2) : formatReport(doc, result));
  return countBySeverity(result.diagnostics).error > 0 ? 1 : 0;
}

function toJson(r: ValidationResult) {
  return { style: r.style, confidence: r.confidence, reasons: r.reasons, diagnostics: r.diagnostics };
}

/** The human-readable report. */
export function formatReport(doc: SagaDocument, r: ValidationResult): string {
  const lines = [`${doc.name} — ${STYLE_TITLE[r.style]} (confidence ${Math.round(r.confidence * 100)}%)`];
  for (const reason of r.reasons) lines.push(`  · ${reason}`);
  lines.push('');
  for (const d of r.diagnostics) lines.push(...formatDiagnostic(d));
  const c = countBySeverity(r.diagnostics);
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
