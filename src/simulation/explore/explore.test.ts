/**
 * The explorer (spec §7) against bugs planted in small designs (corpus/), and silence on the
 * reference processes (spec §5): every bug found with the right outcome, the shortest
 * counterexample first, and each counterexample replayed by the simulator to the same end.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, design, example } from '../../model/testing/builder.ts';
import { compilePlan, monteCarlo, simulate } from '../index.ts';
import { PLANTED_BUGS } from './corpus/index.ts';
import { corpusDesign } from './corpus/load.ts';
import { explore } from './explore.ts';

describe('explore finds every planted bug', () => {
  it.each(PLANTED_BUGS)('$id: $outcome with $budgets', (bug) => {
    // given a design with a known bug, and the budgets that expose it
    const plan = compilePlan(corpusDesign(bug.id));
    // when every interleaving is explored
    const result = explore(plan, { budgets: bug.budgets });
    // then the search completes and its shortest counterexample is the bug
    expect(result.complete).toBe(true);
    const first = result.counterexamples[0]!;
    expect(first).toBeDefined();
    expect(first.outcome).toBe(bug.outcome);
    expect(first.reason).toMatch(bug.reason);
    expect(first.steps).toBe(first.scenario.schedule!.length);
    expect(first.words).toHaveLength(first.steps);
    // and every counterexample replays in the simulator to the same outcome, for the same reason
    for (const c of result.counterexamples) {
      const replay = simulate(plan, { seed: c.scenario.seed, schedule: c.scenario.schedule });
      expect(replay.skippedSteps).toEqual([]);
      expect({ outcome: replay.outcome, reason: replay.reason }).toEqual({ outcome: c.outcome, reason: c.reason });
    }
  });

  it('lists counterexamples shortest first', () => {
    for (const bug of PLANTED_BUGS) {
      const steps = explore(compilePlan(corpusDesign(bug.id)), { budgets: bug.budgets }).counterexamples.map((c) => c.steps);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
    }
  });

  it('tells the race in words: the refund overtakes the charge', () => {
    const [race] = explore(compilePlan(corpusDesign('parallel-race'))).counterexamples;
    expect(race!.words).toEqual([
      'PlaceOrder reaches OrderService',
      'OrderCreated reaches InventoryService, which fails (a business failure)',
      'InventoryFailed reaches OrderService',
      'InventoryFailed reaches PaymentService',
      'OrderCreated reaches PaymentService',
    ]);
    expect(race!.scenario.expect).toEqual({ outcome: 'compensated' });
  });

  it('20,000 timed simulations of the race design never show the race: its latencies make that order almost impossible', () => {
    // The premise: Monte Carlo with InventoryService's 10% failure rate finds no inconsistency; the explorer does.
    const result = monteCarlo(compilePlan(corpusDesign('parallel-race')), { runs: 20_000, seed: 1 });
    expect(result.outcomes.compensated).toBeGreaterThan(1_000);
    expect(result.outcomes.inconsistent).toBe(0);
  });
});

describe('explore stays silent on correct designs', () => {
  it.each(EXAMPLE_IDS)('%s: no counterexample with one failure, explored completely in under a second', (id) => {
    const result = explore(compilePlan(example(id)));
    expect(result.counterexamples).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.ms).toBeLessThan(1_000);
    expect(result.ends.completed).toBe(1);
  });

  it.each(EXAMPLE_IDS)('%s: every step of a reference design can be duplicated and its participants crash and restart, and it still ends well', (id) => {
    // Every reference participant is idempotent and every orchestrator durable.
    const result = explore(compilePlan(example(id)), { budgets: { failures: 1, duplicates: 1, crashes: 1 }, maxStates: 200_000 });
    expect(result.complete).toBe(true);
    expect(result.counterexamples).toEqual([]);
  });
});

/** The Create Order saga with every service not idempotent: duplicates and late replies matter, and the search is large. */
function careless() {
  const doc = example('create-order-saga');
  for (const n of doc.nodes) if (n.kind === 'service') n.idempotent = false;
  return compilePlan(doc);
}
const LARGE = { failures: 2, duplicates: 2, timeouts: 1 };

describe('the search and its bounds', () => {
  it('stops at the state cap and says it is not complete', () => {
    const result = explore(careless(), { budgets: LARGE, maxStates: 50 });
    expect(result.complete).toBe(false);
    expect(result.states).toBe(50);
  });

  it('can be cancelled, and reports progress while it runs', () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    const result = explore(careless(), {
      budgets: LARGE,
      progressEveryMs: 0,
      progress: (p) => {
        seen.push(p.states);
        if (p.states > 2_000) signal.aborted = true;
      },
      signal,
    });
    expect(result.cancelled).toBe(true);
    expect(result.complete).toBe(false);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('spends faults only where they can change the end: no crash of a durable participant, no copy for an idempotent one', () => {
    const calm = explore(compilePlan(example('order-orchestrated')), { budgets: { failures: 0 } });
    const faulty = explore(compilePlan(example('order-orchestrated')), { budgets: { failures: 0, duplicates: 3, crashes: 3 } });
    expect(faulty.states).toBe(calm.states);
    const forgetful = example('order-orchestrated');
    Object.assign(forgetful.nodes.find((n) => n.kind === 'orchestrator')!, { durable: false });
    expect(explore(compilePlan(forgetful), { budgets: { failures: 0, crashes: 1 } }).counterexamples[0]?.outcome).toBe('stuck');
  });

  it('a design that cannot fail has one end: completed', () => {
    const doc = design().actor('User').command('Do').service('Doer').event('Done', { terminal: true }).link('User', 'Do', 'Doer', 'Done').doc;
    const result = explore(compilePlan(doc), { budgets: { failures: 3 } });
    expect(result.ends).toEqual({ completed: 1, compensated: 0, inconsistent: 0, stuck: 0 });
  });

  it('a silent failure is heard through the orchestrator’s timeout, which fires once nothing else can happen', () => {
    const doc = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .command('Charge', { timeoutMs: 1000 })
      .service('Payments', { failureRate: 0.1 })
      .event('Charged')
      .link('User', 'Start', 'Saga')
      .edge('Saga', 'Charge', { on: ['Start'] })
      .link('Charge', 'Payments', 'Charged', 'Saga').doc;
    const result = explore(compilePlan(doc));
    expect(result.counterexamples).toEqual([]);
    expect(result.ends).toMatchObject({ completed: 1, compensated: 1 });
  });
});
