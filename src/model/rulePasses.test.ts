/**
 * The validator's passes say what the rule families say: for any design, `validate` lists exactly
 * the diagnostics of the families that apply, in the order `sortDiagnostics` puts them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from './analysis.ts';
import { classify } from './classify.ts';
import { capDiagnostics, diagnostic, sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { choreographyRules } from './rules/choreography.ts';
import { genericRules } from './rules/generic.ts';
import { messagingRules } from './rules/messaging.ts';
import { orchestrationRules } from './rules/orchestration.ts';
import type { SagaDocument } from './schema.ts';
import { designArb } from './testing/arbitraries.ts';
import { EXAMPLE_IDS, example } from './testing/builder.ts';
import { ruleDesignArb } from './testing/ruleDesigns.ts';
import { choreographyArb, orchestrationArb } from './testing/sagas.ts';
import { validate } from './validate.ts';

/** The families of spec §2 run one after the other and sorted: what `validate` must give. */
function byFamilies(doc: SagaDocument): Diagnostic[] {
  const a = analyse(doc, { assumeOn: true });
  const verdict = classify(a);
  const declared = doc.declaredStyle ?? 'auto';
  const found = [...genericRules(a), ...messagingRules(a)];
  const orchestration = verdict.style === 'orchestration' || declared === 'orchestration';
  const choreography = verdict.style === 'choreography' || declared === 'choreography';
  if (orchestration) found.push(...orchestrationRules(a, verdict.coordinator));
  if (choreography) found.push(...choreographyRules(a));
  if (verdict.style === 'hybrid' && !orchestration && !choreography) {
    const orchestrators = new Set(doc.nodes.filter((n) => n.kind === 'orchestrator').map((n) => n.id));
    if (orchestrators.size > 0) found.push(...orchestrationRules(a, verdict.coordinator, 'orchestrated'));
    found.push(...choreographyRules(a, orchestrators));
  }
  if (declared !== 'auto' && declared !== verdict.style) found.push(diagnostic('X001', 'x', 'x'));
  return sortDiagnostics(found);
}

/** X001's words are validate's own: compared by rule only. */
const shown = (list: readonly Diagnostic[]) => list.map((d) => (d.rule === 'X001' ? { rule: d.rule } : d));

function expectSameAsFamilies(doc: SagaDocument): void {
  const result = validate(doc);
  const expected = capDiagnostics(byFamilies(doc));
  expect(shown(result.diagnostics)).toEqual(shown(expected.diagnostics));
  expect(result.omitted).toEqual(expected.omitted);
}

describe('the validator runs the rule families', () => {
  it('on the reference examples', () => {
    for (const id of EXAMPLE_IDS) expectSameAsFamilies(example(id));
  });

  it('on 1,500 random designs: any, drawn to make the rules fire, and well-formed sagas', () => {
    fc.assert(fc.property(fc.oneof(ruleDesignArb, ruleDesignArb, designArb({ maxNodes: 12, maxEdges: 20 }), orchestrationArb, choreographyArb), expectSameAsFamilies), {
      numRuns: 1_500,
    });
  });
});
