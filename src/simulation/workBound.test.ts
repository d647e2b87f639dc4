/**
 * The work bound of one saga (spec §4, docs/decisions.md "Simulation outcome"): a run stops as
 * stuck after 10,000 messages or 10,000 deliveries, so a storm that fans out to many subscribers,
 * or retries every message hundreds of times, stops after little work and says why.
 */
import { describe, expect, it } from 'vitest';
import { fanOutStorm, pingPongStorm } from '../model/testing/storms.ts';
import { design } from '../model/testing/builder.ts';
import { compilePlan, MAX_DELIVERIES, simulate } from './index.ts';

/** Wall time of `f`, in ms, and its result. */
function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const result = f();
  return [result, performance.now() - t0];
}

describe('the work bound of one saga', () => {
  it('a fan-out storm (one event, 200 subscribers that publish it again) stops within a bounded number of trace entries, quickly', () => {
    const plan = compilePlan(fanOutStorm(200));
    const [r, ms] = timed(() => simulate(plan, { seed: 1 }));
    expect(r.outcome).toBe('stuck');
    expect(r.reason).toBe(`stopped after ${MAX_DELIVERIES.toLocaleString('en-US')} deliveries: an event storm in the cycle Ticked → Ticked`);
    expect(r.trace.length).toBeLessThan(5 * MAX_DELIVERIES);
    expect(r.trace.at(-1)!.type).toBe('SAGA_STUCK');
    expect(ms).toBeLessThan(1_000);
  });

  it('the 1,000-way fan-out storm stops as cheaply, and so do 100 runs of it', () => {
    const plan = compilePlan(fanOutStorm(1_000));
    const [r, one] = timed(() => simulate(plan, { seed: 1 }));
    expect(r.outcome).toBe('stuck');
    expect(r.reason).toMatch(/^stopped after 10,000 deliveries: an event storm in the cycle Ticked → Ticked$/);
    expect(r.trace.length).toBeLessThan(5 * MAX_DELIVERIES);
    const [, hundred] = timed(() => {
      for (let seed = 1; seed <= 100; seed++) simulate(plan, { seed, trace: false });
    });
    expect(one).toBeLessThan(1_000);
    expect(hundred).toBeLessThan(5_000);
  });

  it('a cycle whose command is retried a hundred times per message stops at the delivery bound', () => {
    // Asker sends Ask; Answerer publishes Answered; Asker asks again: a cycle through a command
    // that fails transiently 99% of the time and is retried up to 1,000 times.
    const doc = design('Retry storm')
      .actor('User')
      .command('Begin')
      .service('Asker')
      .command('Ask', { retry: { maxAttempts: 1_000, initialIntervalMs: 1, backoffCoefficient: 1 } })
      .service('Answerer')
      .event('Answered')
      .link('User', 'Begin', 'Asker')
      .edge('Asker', 'Ask', { on: ['Begin', 'Answered'] })
      .link('Ask', 'Answerer', 'Answered', 'Asker').doc;
    const [r, ms] = timed(() => simulate(compilePlan(doc), { seed: 1, faults: [{ target: 'Ask', kind: 'transient', probability: 0.99 }] }));
    expect(r.outcome).toBe('stuck');
    expect(r.reason).toMatch(/^stopped after 10,000 deliveries: an event storm in the cycle (Answered → Ask → Answered|Ask → Answered → Ask)$/);
    expect(r.trace.length).toBeLessThan(5 * MAX_DELIVERIES);
    expect(ms).toBeLessThan(1_000);
  });

  it('work that is not a cycle is named as a chain, not as a storm', () => {
    // 20 commands in a chain, each failing transiently 999 times: 20,000 deliveries.
    const b = design('Long retries').actor('User');
    const step = (i: number) => `Step${i}`;
    for (let i = 0; i < 20; i++) b.command(step(i), { retry: { maxAttempts: 1_000, initialIntervalMs: 0 } }).service(`Service${i}`);
    b.edge('User', step(0));
    for (let i = 0; i < 20; i++) {
      b.edge(step(i), `Service${i}`);
      if (i + 1 < 20) b.edge(`Service${i}`, step(i + 1));
    }
    const faults = Array.from({ length: 20 }, (_, i) => ({ target: step(i), kind: 'transient' as const, times: 999 }));
    const r = simulate(compilePlan(b.doc), { seed: 1, faults });
    expect(r.outcome).toBe('stuck');
    expect(r.reason).toMatch(/^stopped after 10,000 deliveries: more work than one saga may do, along Step0 → Step1 → .* → Step10$/);
  });

  it('a service that crashes at every delivery and restarts at once stops at the delivery bound', () => {
    const faults = [{ target: 'ponger', kind: 'crash' as const, delayMs: 0, times: 1_000_000 }];
    const [r, ms] = timed(() => simulate(compilePlan(pingPongStorm()), { seed: 1, faults }));
    expect(r.outcome).toBe('stuck');
    expect(r.reason).toBe('stopped after 10,000 deliveries: more work than one saga may do, along Start → Pinged');
    expect(r.trace.length).toBeLessThan(5 * MAX_DELIVERIES);
    expect(ms).toBeLessThan(1_000);
  });
});
