/**
 * Partial-order reduction never loses an end state (spec §7): on every test design and several
 * budgets, the reduced search reaches exactly the end states of the search that tries every
 * order, so it finds the same counterexamples, as short; and it visits no more states.
 */
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../../model/index.ts';
import { EXAMPLE_IDS, example } from '../../model/testing/builder.ts';
import { compilePlan } from '../index.ts';
import { PLANTED_BUGS } from './corpus/index.ts';
import { corpusDesign } from './corpus/load.ts';
import { explore, type ExploreResult } from './explore.ts';
import type { Budgets } from './transitions.ts';

const BUDGETS: Partial<Budgets>[] = [
  { failures: 1 },
  { failures: 2 },
  { failures: 1, duplicates: 1 },
  { failures: 1, crashes: 1 },
  { failures: 1, timeouts: 1 },
  { failures: 1, duplicates: 1, crashes: 1, timeouts: 1 },
];

const designs: [string, SagaDocument][] = [...PLANTED_BUGS.map((b): [string, SagaDocument] => [b.id, corpusDesign(b.id)]), ...EXAMPLE_IDS.map((id): [string, SagaDocument] => [id, example(id)])];

/** Both searches, with the end states each reached. */
export function bothSearches(doc: SagaDocument, budgets: Partial<Budgets>, maxStates = 60_000) {
  const plan = compilePlan(doc);
  const run = (reduce: boolean) => {
    const ends = new Map<string, string>();
    const result = explore(plan, { budgets, reduce, maxStates, onEnd: (e) => ends.set(e.fingerprint, `${e.verdict.outcome}: ${e.verdict.reason}`) });
    return { result, ends };
  };
  return { reduced: run(true), full: run(false) };
}

/** Each counterexample's reason with its length: the shortest of each kind. */
const shortest = (r: ExploreResult) => Object.fromEntries(r.counterexamples.map((c) => [c.reason, c.steps]));

describe('partial-order reduction loses no end state', () => {
  for (const [id, doc] of designs)
    it.each(BUDGETS)(`${id} with %j`, (budgets) => {
      const { reduced, full } = bothSearches(doc, budgets);
      expect(full.result.complete).toBe(true);
      expect(reduced.result.complete).toBe(true);
      expect(new Map([...reduced.ends].sort())).toEqual(new Map([...full.ends].sort()));
      expect(reduced.result.ends).toEqual(full.result.ends);
      expect(shortest(reduced.result)).toEqual(shortest(full.result));
      expect(reduced.result.states).toBeLessThanOrEqual(full.result.states);
    });

  it('reduces: a fan-out of independent subscribers takes fewer states than every order of them', () => {
    const { reduced, full } = bothSearches(example('checkout-fanout'), { failures: 1 });
    expect(reduced.result.states).toBeLessThan(full.result.states / 2);
  });
});
