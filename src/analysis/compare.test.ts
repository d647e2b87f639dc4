/** `compare` (spec §6.3): measures of both designs, each shared participant's failure, Monte Carlo of both. */
import { describe, expect, it } from 'vitest';
import { design, example } from '../model/testing/builder.ts';
import { analyse, MEASURE_KEYS } from './analyse.ts';
import { compare } from './compare.ts';

describe('compare', () => {
  const a = example('order-orchestrated');
  const b = example('order-choreographed');
  const c = compare(a, b, { runs: 200 });

  it('puts every measure of both side by side', () => {
    expect(c.designs).toEqual(['Order fulfilment (orchestrated)', 'Order fulfilment (choreographed)']);
    expect(c.styles).toEqual(['orchestration', 'choreography']);
    expect(Object.keys(c.measures)).toEqual([...MEASURE_KEYS]);
    const [ta, tb] = [analyse(a), analyse(b)];
    for (const key of MEASURE_KEYS) expect(c.measures[key], key).toEqual([ta.measures[key], tb.measures[key]]);
    expect(MEASURE_KEYS.map((k) => c.measures[k].map((m) => m.value))).toEqual([
      [3, 2], // coupling
      [1, 1], // blast radius
      [2, 2], // schema change
      [1, 0], // adding a reaction
      [1, 2], // inserting a step
      [1, 4], // flow visibility
      [1, 2], // failure handling
      [8, 5], // messages
      [154, 108], // latency
      [4, 3], // test paths
    ]);
  });

  it('fails each participant present in both, matched by name; an orchestrator cannot fail', () => {
    // Shipping in the choreography has no failure event: nothing undoes payment and inventory.
    expect(c.failures).toEqual([
      { participant: 'OrderService', outcomes: [null, 'compensated'] },
      { participant: 'PaymentService', outcomes: ['compensated', 'compensated'] },
      { participant: 'InventoryService', outcomes: ['compensated', 'compensated'] },
      { participant: 'ShippingService', outcomes: ['compensated', 'inconsistent'] },
    ]);
  });

  it('runs a Monte Carlo of both with their own failure rates (1,000 sagas by default)', () => {
    expect(c.monteCarlo.map((m) => m && [m.runs, m.outcomes.completed, m.shares.completed, m.messages])).toEqual([
      [200, 200, 1, 1600],
      [200, 200, 1, 1000],
    ]);
    expect(c.monteCarlo[0]!.latencyMs.p50).toBeGreaterThan(c.monteCarlo[1]!.latencyMs.p50);
    const credit = compare(example('credit-reservation'), example('credit-reservation'));
    expect(credit.monteCarlo[0]).toEqual(credit.monteCarlo[1]);
    expect(credit.monteCarlo[0]!.runs).toBe(1000);
    // CustomerService fails 10% of the time: the order is then rejected (compensated).
    expect(credit.monteCarlo[0]!.shares.compensated).toBeGreaterThan(0.05);
    expect(credit.monteCarlo[0]!.shares.compensated).toBeLessThan(0.15);
  });

  it('reports progress over both designs, and spreads latencies over bins when asked', () => {
    const done: number[] = [];
    const r = compare(a, b, { runs: 20, every: 10, progress: (n) => done.push(n), histograms: true });
    expect(done).toEqual([10, 20, 30, 40]);
    expect(r.monteCarlo.map((m) => m!.histogram!.counts.reduce((x, y) => x + y, 0))).toEqual([20, 20]);
    expect(c.monteCarlo[0]!.histogram).toBeUndefined();
  });

  it('compares a design with itself', () => {
    const self = compare(a, a, { runs: 10, seed: 3 });
    for (const key of MEASURE_KEYS) expect(self.measures[key][0]).toEqual(self.measures[key][1]);
    expect(self.failures.map((f) => f.outcomes[0] === f.outcomes[1])).toEqual([true, true, true, true]);
    expect(self.monteCarlo[0]).toEqual(self.monteCarlo[1]);
  });

  it('matches names trimmed and case-insensitively, and compares a design that cannot be simulated', () => {
    const stuck = design('No trigger').service(' paymentservice ').event('Paid').service('Other').link(' paymentservice ', 'Paid', 'Other').doc;
    const r = compare(a, stuck, { runs: 5 });
    expect(r.failures).toEqual([{ participant: 'PaymentService', outcomes: ['compensated', null] }]);
    expect(r.monteCarlo[1]).toBeNull();
    expect(r.measures.latency[1].value).toBeNull();
    expect(r.measures.coupling[1].value).toBe(1);
  });
});
