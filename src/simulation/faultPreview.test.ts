/**
 * The sentence the fault form shows before a fault is injected: one per kind, with and without a
 * retry policy, and checked against what the simulator then does with the same fault.
 */
import { describe, expect, it } from 'vitest';
import type { Fault, RetryPolicy, SagaDocument } from '../model/index.ts';
import { design, example } from '../model/testing/builder.ts';
import { simulate } from './engine.ts';
import { previewFault } from './faultPreview.ts';
import { compilePlan } from './plan.ts';

const orchestrated = example('order-orchestrated');
/** The example with a retry policy on ProcessPayment (it has none). */
const withRetry = (retry: RetryPolicy, doc: SagaDocument = orchestrated): SagaDocument => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === 'processPayment' ? { ...n, retry } : n)),
});
/** The preview, with the no-break spaces between numbers and units read as spaces. */
const preview = (doc: SagaDocument, fault: Fault) => {
  const p = previewFault(compilePlan(doc), fault);
  return { ...p, text: p.text.replaceAll('\u00a0', ' ') };
};
const outcome = (doc: SagaDocument, fault: Fault) => simulate(compilePlan(doc), { seed: 1, faults: [fault] }).outcome;

describe('a transient failure', () => {
  const twice: Fault = { target: 'processPayment', kind: 'transient', times: 2 };

  it('absorbed by the retry policy: it says so, and the saga completes', () => {
    const doc = withRetry({ maxAttempts: 3 });
    expect(preview(doc, twice)).toEqual({ text: 'PaymentService fails ProcessPayment twice, then succeeds: the retry policy (3 attempts) absorbs it.', withoutRetry: [] });
    expect(outcome(doc, twice)).toBe('completed');
  });

  it('without a retry policy: a business failure, the saga compensates, and the command is named for the fix', () => {
    expect(preview(orchestrated, twice)).toEqual({
      text: 'PaymentService fails ProcessPayment twice. ProcessPayment has no retry policy, so the first failure counts as a business failure: PaymentService publishes PaymentFailed and the saga compensates.',
      withoutRetry: [{ id: 'processPayment', name: 'ProcessPayment' }],
    });
    expect(outcome(orchestrated, twice)).toBe('compensated');
  });

  it('more failures than attempts: the policy runs out', () => {
    const doc = withRetry({ maxAttempts: 2 });
    expect(preview(doc, twice).text).toBe(
      'PaymentService fails ProcessPayment at all 2 attempts. The retry policy runs out, so it counts as a business failure: PaymentService publishes PaymentFailed and the saga compensates.',
    );
    expect(outcome(doc, twice)).toBe('compensated');
  });

  it('by chance: how likely all attempts fail', () => {
    expect(preview(withRetry({ maxAttempts: 3 }), { target: 'processPayment', kind: 'transient', probability: 0.3 }).text).toBe(
      'PaymentService fails ProcessPayment with a 30% chance at each attempt. The retry policy (3 attempts) tries again; only when all 3 fail (2.7% of runs) does it count as a business failure: PaymentService publishes PaymentFailed and the saga compensates.',
    );
    expect(preview(withRetry({ maxAttempts: 0 }), { target: 'processPayment', kind: 'transient', probability: 0.3 }).text).toBe(
      'PaymentService fails ProcessPayment with a 30% chance at each attempt: the retry policy (no limit) tries again until it succeeds.',
    );
  });

  it('every attempt, with no limit: the run gives up after 100 attempts', () => {
    const doc = withRetry({ maxAttempts: 0 });
    const always: Fault = { target: 'processPayment', kind: 'transient' };
    expect(preview(doc, always).text).toBe(
      'PaymentService fails ProcessPayment at every attempt. Its retry policy has no limit, but a run stops retrying after 100 attempts, and then it counts as a business failure: PaymentService publishes PaymentFailed and the saga compensates.',
    );
    expect(outcome(doc, always)).toBe('compensated');
  });

  it('on a service: the step it hits first, the others named, and only commands without a policy listed for the fix', () => {
    const p = preview(orchestrated, { target: 'paymentService', kind: 'transient', times: 1 });
    expect(p.text).toMatch(/^PaymentService fails ProcessPayment once\. .* The fault also hits RefundPayment\.$/);
    // RefundPayment is a compensation: retried anyway.
    expect(p.withoutRetry).toEqual([{ id: 'processPayment', name: 'ProcessPayment' }]);
  });

  it('on a compensation: retried until it succeeds, and only when the saga compensates', () => {
    const p = preview(orchestrated, { target: 'refundPayment', kind: 'transient', times: 2 });
    expect(p).toEqual({ text: 'When the saga compensates, PaymentService fails RefundPayment twice, then succeeds: the retry policy (no limit) absorbs it.', withoutRetry: [] });
  });

  it('on an event in a choreography: events are not retried', () => {
    const p = preview(example('order-choreographed'), { target: 'inventoryService', kind: 'transient' });
    expect(p.text).toBe(
      'InventoryService fails PaymentProcessed every time. Events are not retried, so the first failure counts as a business failure: InventoryService publishes InventoryFailed and the saga compensates.',
    );
    expect(p.withoutRetry).toEqual([]);
  });

  it('that never happens says so, and offers no fix', () => {
    expect(preview(orchestrated, { target: 'processPayment', kind: 'transient', times: 0 })).toEqual({ text: 'It is set to happen 0 times: nothing changes.', withoutRetry: [] });
    expect(preview(orchestrated, { target: 'processPayment', kind: 'transient', probability: 0 }).text).toBe('Its chance is 0%: nothing changes.');
  });
});

describe('a business failure', () => {
  it('is not retried, with or without a retry policy', () => {
    const fault: Fault = { target: 'initiateShipping', kind: 'businessFailure' };
    const text = 'ShippingService fails InitiateShipping every time. A business failure is not retried: ShippingService publishes ShippingFailed and the saga compensates.';
    expect(preview(orchestrated, fault).text).toBe(text);
    expect(outcome(orchestrated, fault)).toBe('compensated');
    expect(preview(withRetry({ maxAttempts: 3 }), { ...fault, target: 'processPayment' }).text).toBe(
      'PaymentService fails ProcessPayment every time. A business failure is not retried: PaymentService publishes PaymentFailed and the saga compensates.',
    );
  });

  it('by chance, on a service', () => {
    expect(preview(orchestrated, { target: 'paymentService', kind: 'businessFailure', probability: 0.25 }).text).toBe(
      'PaymentService fails ProcessPayment 25% of the time. A business failure is not retried: PaymentService publishes PaymentFailed and the saga compensates. The fault also hits RefundPayment.',
    );
  });

  it('after the pivot: sent again, not compensated', () => {
    expect(preview(example('create-order-saga'), { target: 'approveTicket', kind: 'businessFailure' }).text).toMatch(
      /^KitchenService fails ApproveTicket every time\. A business failure is not retried: ApproveTicket comes after the pivot, so CreateOrderSaga sends it again until it succeeds and nothing is compensated\.$/,
    );
  });

  it('with no failure event drawn: who hears of it, and when', () => {
    const doc = design().actor('Customer').command('Order').service('Shop').event('Ordered', { terminal: true }).link('Customer', 'Order', 'Shop', 'Ordered').doc;
    expect(preview(doc, { target: 'Order', kind: 'businessFailure' }).text).toBe('Shop fails Order every time. A business failure is not retried: no failure event is drawn, so nobody hears of it.');
  });
});

describe('a crash', () => {
  it('with no restart: stuck', () => {
    const fault: Fault = { target: 'paymentService', kind: 'crash' };
    expect(preview(orchestrated, fault).text).toBe('PaymentService crashes when a message arrives and never restarts: the messages wait and the saga is stuck.');
    expect(outcome(orchestrated, fault)).toBe('stuck');
  });

  it('with a quick restart: the messages that waited are handled', () => {
    const fault: Fault = { target: 'paymentService', kind: 'crash', delayMs: 500 };
    expect(preview(orchestrated, fault).text).toBe('PaymentService crashes when a message arrives, then restarts after 500 ms and handles the messages that waited.');
    expect(outcome(orchestrated, fault)).toBe('completed');
  });

  it('down longer than the timeout: without a retry policy the late handling is an effect nobody undoes; with one, it is sent again', () => {
    const fault: Fault = { target: 'processPayment', kind: 'crash', delayMs: 6_000 };
    expect(preview(orchestrated, fault).text).toBe(
      'PaymentService crashes when ProcessPayment arrives, then restarts after 6 s and handles the messages that waited. That is longer than ProcessPayment’s 5 s timeout, so OrderService gives up on ProcessPayment and the saga compensates, yet PaymentService still handles it later: an effect nobody undoes, so the saga ends inconsistent.',
    );
    expect(outcome(orchestrated, fault)).toBe('inconsistent');
    const doc = withRetry({ maxAttempts: 3 });
    expect(preview(doc, fault).text).toMatch(/so OrderService gives up on that attempt and sends ProcessPayment again \(its retry policy allows 3 attempts\)\.$/);
    expect(outcome(doc, fault)).toBe('completed');
  });
});

describe('a duplicate', () => {
  it('to an idempotent handler: the copy is ignored', () => {
    expect(preview(orchestrated, { target: 'e4', kind: 'duplicate' }).text).toBe('ProcessPayment is delivered twice to PaymentService: PaymentService is idempotent and ignores the copy.');
  });

  it('to a handler that is not idempotent: the effect twice, inconsistent', () => {
    const doc = design().actor('Customer').command('Pay').service('Payments', { idempotent: false }).event('Paid', { terminal: true }).link('Customer', 'Pay', 'Payments', 'Paid').doc;
    const fault: Fault = { target: 'Pay', kind: 'duplicate', times: 1 };
    expect(preview(doc, fault).text).toBe(
      'Pay is delivered twice to Payments, the first delivery only: Payments is not idempotent: it handles the copy too and the saga ends inconsistent.',
    );
    expect(outcome(doc, fault)).toBe('inconsistent');
  });

  it('on a service: every message to it, by chance', () => {
    expect(preview(orchestrated, { target: 'paymentService', kind: 'duplicate', probability: 0.1 }).text).toBe(
      'Every message to PaymentService (ProcessPayment and RefundPayment) is delivered twice 10% of the time: PaymentService is idempotent and ignores the copy.',
    );
  });
});

describe('a delay', () => {
  it('within the timeout', () => {
    expect(preview(orchestrated, { target: 'processPayment', kind: 'delay', delayMs: 800 }).text).toBe('ProcessPayment reaches PaymentService 800 ms later than usual, within its 5 s timeout.');
    expect(preview(orchestrated, { target: 'e3', kind: 'delay', delayMs: 300, times: 2 }).text).toBe(
      'ProcessPayment reaches PaymentService 300 ms later than usual, for the first 2 deliveries, within its 5 s timeout.',
    );
  });

  it('close to the timeout: the reply may come too late', () => {
    expect(preview(orchestrated, { target: 'processPayment', kind: 'delay', delayMs: 4_990 }).text).toBe(
      'ProcessPayment reaches PaymentService 4.99 s later than usual, close to its 5 s timeout: with the handling, the reply may come too late.',
    );
  });

  it('longer than the timeout: with and without a retry policy', () => {
    const fault: Fault = { target: 'processPayment', kind: 'delay', delayMs: 8_000 };
    expect(preview(orchestrated, fault).text).toMatch(/^ProcessPayment reaches PaymentService 8 s later than usual\. That is longer than its 5 s timeout, so OrderService gives up on ProcessPayment /);
    expect(outcome(orchestrated, fault)).toBe('inconsistent');
    expect(preview(withRetry({ maxAttempts: 3 }), fault).text).toMatch(/sends ProcessPayment again \(its retry policy allows 3 attempts\)\.$/);
  });

  it('of an event without a timeout', () => {
    expect(preview(orchestrated, { target: 'paymentFailed', kind: 'delay', delayMs: 300 }).text).toBe('PaymentFailed reaches OrderService 300 ms later than usual.');
  });
});
