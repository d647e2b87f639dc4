import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { simulate } from './engine.ts';
import { HISTOGRAM_BINS, histogramOf, monteCarlo } from './monteCarlo.ts';
import { compilePlan } from './plan.ts';

/** The Create Order saga with a 5% failure rate on every service. */
function flakySaga() {
  const doc = example('create-order-saga');
  for (const n of doc.nodes) if (n.kind === 'service') n.failureRate = 0.05;
  return compilePlan(doc);
}

describe('monteCarlo', () => {
  const plan = flakySaga();
  const result = monteCarlo(plan, { runs: 500, seed: 11 });

  it('counts every run once', () => {
    const { completed, compensated, inconsistent, stuck } = result.outcomes;
    expect(completed + compensated + inconsistent + stuck).toBe(500);
    expect(result.runs).toBe(500);
    expect(completed).toBeGreaterThan(0);
    expect(compensated).toBeGreaterThan(0);
  });

  it('is deterministic: the same plan, runs and seed give the same result', () => {
    expect(monteCarlo(flakySaga(), { runs: 500, seed: 11 })).toEqual(result);
    expect(monteCarlo(plan, { runs: 500, seed: 12 })).not.toEqual(result);
  });

  it('run i is the single run with seed + i: an example seed replays its outcome', () => {
    for (const [outcome, example] of Object.entries(result.examples)) {
      const replay = simulate(plan, { seed: example.seed, trace: false });
      expect(replay.outcome).toBe(outcome);
      expect(replay.reason).toBe(example.reason);
    }
    const messages = Array.from({ length: 500 }, (_, i) => simulate(plan, { seed: 11 + i, trace: false }).messages).reduce((a, b) => a + b, 0);
    expect(result.messages).toBe(messages);
  });

  it('gives ordered latency percentiles of the sagas that ended', () => {
    const { p50, p95, p99 } = result.latencyMs;
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThanOrEqual(p95);
    expect(p95).toBeLessThanOrEqual(p99);
  });

  it('spreads the durations of the sagas that ended over equal bins from the shortest to the longest', () => {
    const noFailures = compilePlan(example('order-orchestrated'));
    const r = monteCarlo(noFailures, { runs: 100, seed: 1 });
    const durations = Array.from({ length: 100 }, (_, i) => simulate(noFailures, { seed: 1 + i, trace: false }).durationMs).sort((a, b) => a - b);
    const { fromMs, binMs, counts } = r.histogram;
    expect(counts).toHaveLength(HISTOGRAM_BINS);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(fromMs).toBe(durations[0]);
    expect(fromMs + binMs * HISTOGRAM_BINS).toBeCloseTo(durations[99]!, 6);
    const inFirst = durations.filter((d) => d < fromMs + binMs).length;
    expect(counts[0]).toBe(inFirst);
  });

  it('makes one bin when every saga took as long, and none when none ended', () => {
    expect(histogramOf(new Float64Array([5, 5, 5]))).toEqual({ fromMs: 5, binMs: 0, counts: [3] });
    expect(histogramOf(new Float64Array([]))).toEqual({ fromMs: 0, binMs: 0, counts: [] });
    expect(histogramOf(new Float64Array([0, 1, 2, 3]), 2)).toEqual({ fromMs: 0, binMs: 1.5, counts: [2, 2] });
  });

  it('uses nearest-rank percentiles', () => {
    const noFailures = compilePlan(example('order-orchestrated'));
    const r = monteCarlo(noFailures, { runs: 100, seed: 1 });
    const durations = Array.from({ length: 100 }, (_, i) => simulate(noFailures, { seed: 1 + i, trace: false }).durationMs).sort((a, b) => a - b);
    expect(r.latencyMs).toEqual({ p50: Math.round(durations[49]! * 10) / 10, p95: Math.round(durations[94]! * 10) / 10, p99: Math.round(durations[98]! * 10) / 10 });
  });

  it('leaves stuck sagas out of the latency, and reports zero when none ended', () => {
    const doc = example('order-orchestrated');
    const r = monteCarlo(compilePlan(doc), { runs: 20, faults: [{ target: 'inventoryService', kind: 'crash' }] });
    expect(r.outcomes.stuck).toBe(20);
    expect(r.latencyMs).toEqual({ p50: 0, p95: 0, p99: 0 });
    expect(r.examples.stuck!.reason).toBe('InventoryService crashed and never restarted: DeductInventory waits for it');
  });

  it('applies the faults to every run and reports progress', () => {
    const done: number[] = [];
    const doc = example('order-orchestrated');
    const r = monteCarlo(compilePlan(doc), { runs: 30, faults: [{ target: 'initiateShipping', kind: 'businessFailure' }], progress: (n) => done.push(n), every: 10 });
    expect(r.outcomes).toEqual({ completed: 0, compensated: 30, inconsistent: 0, stuck: 0 });
    expect(done).toEqual([10, 20, 30]);
  });
});
