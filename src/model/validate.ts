/** `validate(doc)`: the style verdict and every diagnostic of spec §2. */
import { analyse } from './analysis.ts';
import { classify, type Classification } from './classify.ts';
import { capDiagnostics, diagnostic, sortDiagnostics, type Diagnostic, type Omitted } from './diagnostic.ts';
import { choreographyRules } from './rules/choreography.ts';
import { genericRules } from './rules/generic.ts';
import { messagingRules } from './rules/messaging.ts';
import { orchestrationRules } from './rules/orchestration.ts';
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
  return { ...verdict, ...capDiagnostics(sortDiagnostics(diagnostics)) };
}
