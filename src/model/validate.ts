/** `validate(doc)`: the style verdict and the diagnostics of spec §2 (at most MAX_DIAGNOSTICS, with a count of the rest). */
import { analyse, type Analysis } from './analysis.ts';
import { classify, type Classification } from './classify.ts';
import { capDiagnostics, countBySeverity, diagnostic, type Diagnostic, type Omitted, type Severity } from './diagnostic.ts';
import { visible } from './quote.ts';
import { runRules, type RuleMemo } from './rulePasses.ts';
import type { SagaDocument } from './schema.ts';

export interface ValidationResult extends Classification {
  /** Errors first, at most MAX_DIAGNOSTICS of them. */
  diagnostics: Diagnostic[];
  /** Diagnostics found but left out of the list (beyond MAX_DIAGNOSTICS), by severity; absent when none were. */
  omitted?: Omitted;
}

const STYLE_LABEL = { orchestration: 'an orchestration', choreography: 'a choreography', hybrid: 'a hybrid', undetermined: 'undetermined' } as const;

/**
 * Classifies the design and checks it (spec §2): every rule runs, one problem never hides another.
 * Generic and messaging rules always; a style's own rules when it is detected or declared; a
 * hybrid left on auto by both where they apply to its parts: the orchestration rules for its
 * orchestrators and the steps they command, the choreography rules for the reactions between
 * participants. Where `on` is missing, the rules read the output as answering the participant's
 * forward inputs (and G013 names the missing `on`).
 */
export function validate(doc: SagaDocument): ValidationResult {
  const a = analyse(doc, { assumeOn: true });
  return validateAnalysis(a, classify(a));
}

/** `validate` of an analysis (with `assumeOn`) and its classification; an incremental validation hands in what it kept (RuleMemo). */
export function validateAnalysis(a: Analysis, verdict: Classification, memo?: RuleMemo): ValidationResult {
  const declared = a.doc.declaredStyle ?? 'auto';
  const extra: Diagnostic[] = [];
  if (declared !== 'auto' && declared !== verdict.style) {
    extra.push(
      diagnostic(
        'X001',
        `The design is declared ${STYLE_LABEL[declared]}, but it reads as ${STYLE_LABEL[verdict.style]}.`,
        `Fix the diagnostics of the declared style, or set the declared style to ${verdict.style === 'undetermined' ? 'auto' : verdict.style}.`,
      ),
    );
  }
  // Reasons quote names, as diagnostics do: characters that do not show are written out.
  return { ...verdict, reasons: verdict.reasons.map(visible), ...capDiagnostics(runRules(a, verdict, extra, memo)) };
}

/** Diagnostics by severity, those left out of the list included. */
export function totalsOf(r: Pick<ValidationResult, 'diagnostics' | 'omitted'>): Record<Severity, number> {
  const c = countBySeverity(r.diagnostics);
  if (r.omitted) for (const s of ['error', 'warning', 'info'] as const) c[s] += r.omitted[s];
  return c;
}

/** How many diagnostics were left out of the list. */
export const omittedCount = (r: Pick<ValidationResult, 'omitted'>): number => (r.omitted ? r.omitted.error + r.omitted.warning + r.omitted.info : 0);
