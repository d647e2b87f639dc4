import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { compilePlan } from './plan.ts';
import { simulate } from './engine.ts';
import { nodeStatesAt, tokensInFlight, tokensOf } from './playback.ts';

// given the orchestrated order process with InitiateShipping failing
const doc = example('order-orchestrated');
const { trace } = simulate(compilePlan(doc), { seed: 1, faults: [{ target: 'initiateShipping', kind: 'businessFailure' }] });
const tokens = tokensOf(trace, doc);

describe('tokens of a run', () => {
  it('one per delivered message, travelling the connections it takes', () => {
    const placeOrder = tokens[0]!;
    expect(placeOrder).toMatchObject({ from: 'customer', messageNode: 'placeOrder', to: 'orderService', kind: 'command' });
    expect(placeOrder.edges.map((e) => e && `${e.source}>${e.target}`)).toEqual(['customer>placeOrder', 'placeOrder>orderService']);
    expect(trace[placeOrder.sent]!.type).toBe('MESSAGE_SENT');
    expect(trace[placeOrder.arrives]!.type).toBe('MESSAGE_DELIVERED');
  });

  it('colours failures and compensations, and ends a message nobody consumes at its node', () => {
    const kinds = tokens.map((t) => `${t.messageNode}:${t.kind}`);
    expect(kinds).toContain('shippingFailed:failure');
    expect(kinds.indexOf('restoreInventory:compensation')).toBeLessThan(kinds.indexOf('refundPayment:compensation'));
    const cancelled = tokens.find((t) => t.messageNode === 'orderCancelled')!;
    expect(cancelled.to).toBeUndefined();
    expect(cancelled.arrives).toBe(cancelled.sent + 1);
  });

  it('are in flight between their sending and their delivery, with how far they got', () => {
    const restore = tokens.find((t) => t.messageNode === 'restoreInventory')!;
    // The cursor counts entries shown: the sending is shown at cursor sent + 1.
    expect(tokensInFlight(tokens, restore.sent).map((f) => f.token)).not.toContain(restore);
    const halfway = restore.sent + 1 + (restore.arrives - restore.sent) / 2;
    const flying = tokensInFlight(tokens, halfway).find((f) => f.token === restore)!;
    expect(flying.progress).toBeCloseTo(0.5);
    expect(tokensInFlight(tokens, restore.arrives + 1).map((f) => f.token)).not.toContain(restore);
  });
});

describe('node states at a cursor', () => {
  it('follow the trace, and stepping back is the same fold to an earlier cursor', () => {
    const end = nodeStatesAt(trace, trace.length);
    expect(end.get('shippingService')).toBe('failed');
    expect(end.get('inventoryService')).toBe('compensated');
    expect(end.get('paymentService')).toBe('compensated');
    const before = nodeStatesAt(trace, trace.findIndex((e) => e.type === 'HANDLER_FAILED'));
    expect(before.get('shippingService')).toBe('working');
    expect(before.get('inventoryService')).toBe('done');
    expect(nodeStatesAt(trace, 0).size).toBe(0);
  });
});
