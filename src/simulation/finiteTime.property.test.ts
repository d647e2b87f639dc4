/**
 * Simulated time stays a number (spec §4.1): whatever retry policy, latency, timeout and fault
 * the format allows (LIMITS in src/model/schema.ts), every trace time is finite and never goes
 * back, and so is the duration; Monte Carlo percentiles are finite too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, type Fault, type RetryPolicy, type SagaDocument } from '../model/index.ts';
import { designArb, retryArb } from '../model/testing/arbitraries.ts';
import { design, example } from '../model/testing/builder.ts';
import { backoff } from './retries.ts';
import { compilePlan, monteCarlo, simulate, simulationProblems, type RunResult } from './index.ts';

function expectTimeIsANumber(r: RunResult): void {
  const wrong = r.trace.find((e, i) => !Number.isFinite(e.t) || (i > 0 && e.t < r.trace[i - 1]!.t));
  expect(wrong, 'an entry whose time is not a number or goes back').toBeUndefined();
  expect(Number.isFinite(r.durationMs)).toBe(true);
  expect(r.durationMs).toBe(r.trace.at(-1)!.t);
}

/** Asker's command Do, handled by Doer with `latencyMs`, retried with `retry`; Done ends the process. */
const retried = (retry: RetryPolicy, latencyMs: number, timeoutMs?: number): SagaDocument =>
  design('Retried')
    .actor('User')
    .command('Do', { retry, ...(timeoutMs !== undefined ? { timeoutMs } : {}) })
    .service('Doer', { latencyMs })
    .event('Done', { terminal: true })
    .link('User', 'Do', 'Doer', 'Done').doc;

const durationMs = fc.oneof(fc.constantFrom(0, LIMITS.maxDurationMs), fc.double({ min: 0, max: LIMITS.maxDurationMs, noNaN: true }));

describe('simulated time is finite and never goes back', () => {
  it('a thousand attempts with no initial interval and a backoff of 100 (0 × ∞) completes in finite time', () => {
    const doc = retried({ maxAttempts: 1_000, initialIntervalMs: 0, backoffCoefficient: 100 }, 20);
    const r = simulate(compilePlan(doc), { seed: 1, faults: [{ target: 'Do', kind: 'transient', times: 999 }] });
    expectTimeIsANumber(r);
    expect(r.outcome).toBe('completed');
    expect(r.trace.filter((e) => e.type === 'RETRY_SCHEDULED').every((e) => !e.detail!.includes('NaN'))).toBe(true);
    const many = monteCarlo(compilePlan(doc), { runs: 5, faults: [{ target: 'Do', kind: 'transient', times: 999 }] });
    expect(Object.values(many.latencyMs).every(Number.isFinite)).toBe(true);
  });

  it('backoff is never more than the largest interval, and never NaN', () => {
    fc.assert(
      fc.property(retryArb, fc.integer({ min: 1, max: LIMITS.maxAttempts }), (retry, attempt) => {
        const policy = { initialIntervalMs: 100, backoffCoefficient: 2, maxIntervalMs: 10_000, ...retry };
        const wait = backoff(policy, attempt);
        expect(Number.isFinite(wait)).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(Math.max(policy.maxIntervalMs, 0));
      }),
      { numRuns: 2_000 },
    );
  });

  it('over every retry policy, latency, timeout and fault the format allows', () => {
    const faults = fc.record({
      transient: fc.integer({ min: 0, max: LIMITS.maxAttempts }),
      delay: durationMs,
      delayTimes: fc.integer({ min: 0, max: 1_000_000 }),
      duplicate: fc.boolean(),
    });
    fc.assert(
      fc.property(retryArb, durationMs, fc.option(durationMs.filter((t) => t > 0)), faults, fc.nat(1000), (retry, latency, timeout, f, seed) => {
        const doc = retried(retry, latency, timeout ?? undefined);
        const injected: Fault[] = [
          { target: 'Do', kind: 'transient', times: f.transient },
          { target: 'Doer', kind: 'delay', delayMs: f.delay, times: f.delayTimes },
          ...(f.duplicate ? [{ target: 'Do', kind: 'duplicate' as const }] : []),
        ];
        expectTimeIsANumber(simulate(compilePlan(doc), { seed, faults: injected }));
      }),
      { numRuns: 150 },
    );
  });

  it('in an orchestrated saga whose commands have any retry policy and timeout', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(retryArb, fc.option(durationMs.filter((t) => t > 0))), { minLength: 3, maxLength: 3 }), fc.nat(1000), (policies, seed) => {
        const doc = example('order-orchestrated');
        const steps = ['processPayment', 'deductInventory', 'initiateShipping'];
        steps.forEach((id, i) => {
          const node = doc.nodes.find((n) => n.id === id)!;
          const [retry, timeout] = policies[i]!;
          Object.assign(node, { retry, ...(timeout !== null ? { timeoutMs: timeout } : {}) });
        });
        const faults: Fault[] = steps.flatMap((target): Fault[] => [
          { target, kind: 'transient', probability: 0.9 },
          { target, kind: 'delay', delayMs: LIMITS.maxDurationMs, probability: 0.5 },
        ]);
        expectTimeIsANumber(simulate(compilePlan(doc), { seed, faults }));
      }),
      { numRuns: 60 },
    );
  });

  it('in any design the format allows, with its scenarios', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 10, maxEdges: 16, maxScenarios: 2 }), (doc) => {
        fc.pre(simulationProblems(doc).length === 0);
        const plan = compilePlan(doc);
        for (const s of doc.scenarios ?? [{ seed: 1, faults: [] }]) expectTimeIsANumber(simulate(plan, { seed: s.seed, faults: s.faults }));
      }),
      { numRuns: 150 },
    );
  });
});
