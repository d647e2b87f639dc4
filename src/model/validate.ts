/** `validate(doc)`: the style verdict and the diagnostics of spec §2 (at most MAX_DIAGNOSTICS, with a count of the rest). */
import { analyse } from './analysis.ts';
import { classify, type Classification } from './classify.ts';
import { capDiagnostics, countBySeverity, diagnostic, sortDiagnostics, type Diagnostic, type Omitted, type Severity } from './diagnostic.ts';
import { choreographyRules } from './rules/choreography.ts';
import { genericRules } from './rules/generic.ts';
import { messagingRules } from './rules/messaging.ts';
import { orchestrationRules } from './rules/orchestration.ts';
import { visible } from './quote.ts';
import type { SagaDocument } from './schema.ts';

export interface ValidationResult extends Classification {
  /** Errors first, at most MAX_DIAGNOSTICS of them. */
  diagnostics: Diagnostic[];
  /** Diagnostics found but left out of the list (beyond MAX_DIAGNOSTICS), by severity; absent when none were. */
  omitted?: Omitted;
}

const STYLE_LABEL = { orchestration: 'an orchestration', choreography: 'a choreography', hybrid: 'a hybrid', undetermined: 'undetermined' } as const;

/** Classifies the design and checks it: generic and messaging rules always, the style's own rules when detected or declared. */
export function validate(doc: SagaDocument): ValidationResult {
  const a = analyse(doc);
  const verdict = classify(a);
  const declared = doc.declaredStyle ?? 'auto';
  const diagnostics = [...genericRules(a), ...messagingRules(a)];
  if (verdict.style === 'orchestration' || declared === 'orchestration') diagnostics.push(...orchestrationRules(a, verdict.coordinator));
  if (verdict.style === 'choreography' || declared === 'choreography') diagnostics.push(...choreographyRules(a));
  if (declared !== 'auto' && declared !== verdict.style) {
    diagnostics.push(
      diagnostic(
        'X001',
        `The design is declared ${STYLE_LABEL[declared]}, but it reads as ${STYLE_LABEL[verdict.style]}.`,
        `Fix the diagnostics of the declared style, or set the declared style to ${verdict.style === 'undetermined' ? 'auto' : verdict.style}.`,
      ),
    );
  }
  // Reasons quote names, as diagnostics do: characters that do not show are written out.
  return { ...verdict, reasons: verdict.reasons.map(visible), ...capDiagnostics(sortDiagnostics(diagnostics)) };
}

/** Diagnostics by severity, those left out of the list included. */
export function totalsOf(r: Pick<ValidationResult, 'diagnostics' | 'omitted'>): Record<Severity, number> {
  const c = countBySeverity(r.diagnostics);
  if (r.omitted) for (const s of ['error', 'warning', 'info'] as const) c[s] += r.omitted[s];
  return c;
}

/** How many diagnostics were left out of the list. */
export const omittedCount = (r: Pick<ValidationResult, 'omitted'>): number => (r.omitted ? r.omitted.error + r.omitted.warning + r.omitted.info : 0);
