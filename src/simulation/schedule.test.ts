/**
 * Forced schedules (spec §7): a scenario's `schedule` fires the work it names in its order, with
 * the faults it names; what matches nothing is skipped and said; then the run goes on in time.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument, type ScheduleStep } from '../model/index.ts';
import { example } from '../model/testing/builder.ts';
import { corpusDesign } from './explore/corpus/load.ts';
import { compilePlan, simulate } from './index.ts';
import { stepWords } from './schedule.ts';

const race = compilePlan(corpusDesign('parallel-race'));
const refundFirst: ScheduleStep[] = [
  { step: 'deliver', participant: 'OrderService', message: 'PlaceOrder' },
  { step: 'deliver', participant: 'InventoryService', message: 'OrderCreated', fault: 'businessFailure' },
  { step: 'deliver', participant: 'PaymentService', message: 'InventoryFailed' },
];

describe('replaying a forced schedule', () => {
  it('fires the work in the order given: the refund overtakes the charge, and the saga is inconsistent', () => {
    const r = simulate(race, { schedule: refundFirst });
    expect(r.skippedSteps).toEqual([]);
    expect(r.outcome).toBe('inconsistent');
    const handled = r.trace.filter((e) => e.type === 'HANDLER_FAILED' || e.type === 'COMPENSATION_COMPLETED' || e.type === 'HANDLER_SUCCEEDED').map((e) => `${e.type} ${e.messageName} @ ${e.nodeName}`);
    expect(handled.slice(0, 4)).toEqual([
      'HANDLER_SUCCEEDED PlaceOrder @ OrderService',
      'HANDLER_FAILED OrderCreated @ InventoryService',
      'COMPENSATION_COMPLETED InventoryFailed @ PaymentService',
      // The schedule is over: the rest goes on in time; the charge, due long ago, comes next and stays.
      'HANDLER_SUCCEEDED OrderCreated @ PaymentService',
    ]);
  });

  it('a schedule that names the ordinary order replays the ordinary saga', () => {
    const r = simulate(race, { schedule: [refundFirst[0]!, refundFirst[1]!, { step: 'deliver', participant: 'PaymentService', message: 'OrderCreated' }] });
    expect(r.outcome).toBe('compensated');
  });

  it('skips, and reports, the steps that match nothing in flight; times never go back', () => {
    const r = simulate(race, { schedule: [{ step: 'deliver', participant: 'PaymentService', message: 'InventoryFailed' }, refundFirst[0]!, { step: 'restart', participant: 'Nobody' }] });
    expect(r.skippedSteps).toEqual([0, 2]);
    expect(r.outcome).toBe('completed');
    expect(r.trace.every((e, i) => i === 0 || e.t >= r.trace[i - 1]!.t)).toBe(true);
  });

  it('is the same run whatever the seed: only the times differ', () => {
    const outcome = (seed: number) => simulate(race, { seed, schedule: refundFirst, trace: false });
    expect(new Set([1, 2, 3, 4, 5].map((seed) => outcome(seed).reason)).size).toBe(1);
  });

  it('a crash forced on a durable orchestrator, then its restart: the saga resumes', () => {
    const plan = compilePlan(example('order-orchestrated'));
    const r = simulate(plan, {
      schedule: [
        { step: 'deliver', participant: 'orderService', message: 'placeOrder' },
        { step: 'deliver', participant: 'paymentService', message: 'processPayment' },
        { step: 'deliver', participant: 'orderService', message: 'paymentProcessed', fault: 'crash' },
        { step: 'restart', participant: 'orderService' },
      ],
    });
    expect(r.skippedSteps).toEqual([]);
    expect(r.trace.filter((e) => e.type === 'SERVICE_CRASHED' || e.type === 'SERVICE_RESTARTED').map((e) => e.type)).toEqual(['SERVICE_CRASHED', 'SERVICE_RESTARTED']);
    expect(r.outcome).toBe('completed');
  });
});

describe('schedules in the document', () => {
  it('a scenario may carry a schedule; it loads and keeps it (an optional field: no new version)', () => {
    const doc = corpusDesign('parallel-race');
    const text = JSON.stringify({ ...doc, scenarios: [{ name: 'Refund first', seed: 1, faults: [], schedule: refundFirst, expect: { outcome: 'compensated' } }] });
    const loaded = loadDocument(text);
    expect(loaded.ok && loaded.doc.scenarios![0]!.schedule).toEqual(refundFirst);
  });

  it('a step that is not one of the kinds is refused with its path', () => {
    const doc = corpusDesign('parallel-race');
    const loaded = loadDocument(JSON.stringify({ ...doc, scenarios: [{ name: 'x', seed: 1, faults: [], schedule: [{ step: 'teleport', participant: 'a' }] }] }));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toMatch(/scenarios\[0\]\.schedule\[0\]\.step/);
  });

  it('says each step in words', () => {
    const name = (id: string) => `«${id}»`;
    expect(stepWords({ step: 'deliver', participant: 'p', message: 'm', copy: true, fault: 'crash' }, name)).toBe('«m» reaches «p» again (the broker’s copy), which crashes as it arrives');
    expect(stepWords({ step: 'duplicate', participant: 'p', message: 'm' }, name)).toBe('the broker copies «m» for «p»: it will arrive twice');
    expect(stepWords({ step: 'timeout', participant: 'o', message: 'c' }, name)).toBe('«o» stops waiting for the reply to «c»: its timeout fires, the reply will be late');
    expect(stepWords({ step: 'resend', participant: 'o', message: 'c' }, name)).toBe('«o» sends «c» again');
    expect(stepWords({ step: 'restart', participant: 'p' }, name)).toBe('«p» restarts');
  });
});
