import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { Ledger } from './ledger.ts';
import { compilePlan } from './plan.ts';

const plan = compilePlan(example('order-orchestrated'));
const participant = (id: string) => plan.participants.find((p) => p.id === id)!;
const message = (id: string) => plan.messages.get(id)!;
const payment = participant('paymentService');
const inventory = participant('inventoryService');
const shipping = participant('shippingService');
const processPayment = message('processPayment');
const deductInventory = message('deductInventory');
const initiateShipping = message('initiateShipping');
const ledger = () => new Ledger(plan.messages.size);

describe('Ledger (the outcome oracle, spec §4.5)', () => {
  it('completed: every step applied once, no failure left', () => {
    const l = ledger();
    l.apply(payment, processPayment);
    l.apply(inventory, deductInventory);
    expect(l.judge(undefined)).toEqual({ outcome: 'completed', reason: 'every step succeeded once (2 effects applied)' });
    expect(l.failed).toBe(false);
  });

  it('compensated: everything applied before the failure undone once; the reason gives the order', () => {
    const l = ledger();
    l.apply(payment, processPayment);
    l.apply(inventory, deductInventory);
    l.fail(shipping, initiateShipping);
    l.undo(inventory, deductInventory);
    l.undo(payment, processPayment);
    expect(l.failed).toBe(true);
    expect(l.judge(undefined)).toEqual({
      outcome: 'compensated',
      reason: 'ShippingService failed on InitiateShipping; undone in this order: DeductInventory and ProcessPayment',
    });
  });

  it('compensated: a failure of the first step needs nothing undone', () => {
    const l = ledger();
    l.fail(payment, processPayment);
    expect(l.judge(undefined)).toEqual({ outcome: 'compensated', reason: 'PaymentService failed on ProcessPayment before anything needed undoing' });
  });

  it('inconsistent: an effect applied twice, with how it happened', () => {
    const l = ledger();
    l.apply(payment, processPayment);
    l.apply(payment, processPayment, 'ProcessPayment was delivered twice to a non-idempotent handler');
    expect(l.judge(undefined)).toEqual({
      outcome: 'inconsistent',
      reason: 'PaymentService applied ProcessPayment twice: ProcessPayment was delivered twice to a non-idempotent handler',
    });
    l.apply(payment, processPayment);
    expect(l.judge(undefined).reason).toMatch(/^PaymentService applied ProcessPayment 3 times: /);
  });

  it('inconsistent: undone without being applied, or undone twice', () => {
    const never = ledger();
    never.undo(payment, processPayment);
    expect(never.judge(undefined)).toEqual({ outcome: 'inconsistent', reason: 'PaymentService undid ProcessPayment that it never applied' });
    const twice = ledger();
    twice.apply(payment, processPayment);
    twice.fail(inventory, deductInventory);
    twice.undo(payment, processPayment);
    twice.undo(payment, processPayment);
    expect(twice.judge(undefined)).toEqual({ outcome: 'inconsistent', reason: 'PaymentService undid ProcessPayment twice but applied it once' });
  });

  it('inconsistent: an effect left applied after a failure', () => {
    const l = ledger();
    l.apply(payment, processPayment);
    l.apply(inventory, deductInventory);
    l.fail(shipping, initiateShipping);
    l.undo(inventory, deductInventory);
    expect(l.judge(undefined)).toEqual({ outcome: 'inconsistent', reason: "ShippingService failed on InitiateShipping, and nothing undid PaymentService's ProcessPayment" });
  });

  it('an effect applied after the failure need not be undone, unless it is the failed step itself', () => {
    const later = ledger();
    later.fail(payment, processPayment);
    later.apply(inventory, deductInventory, undefined, true); // e.g. a reaction to the cancellation: caused by the failure
    expect(later.judge(undefined).outcome).toBe('compensated');
    const late = ledger();
    late.fail(payment, processPayment, 'PaymentService did not answer ProcessPayment within 5000 ms');
    late.apply(payment, processPayment); // its reply came too late
    expect(late.judge(undefined)).toEqual({
      outcome: 'inconsistent',
      reason: "PaymentService did not answer ProcessPayment within 5000 ms, and nothing undid PaymentService's ProcessPayment (applied after it had failed)",
    });
  });

  it('a retried step that succeeds no longer counts as failed', () => {
    const l = ledger();
    l.apply(payment, processPayment);
    l.fail(shipping, initiateShipping);
    l.retry(shipping, initiateShipping);
    l.apply(shipping, initiateShipping);
    expect(l.judge(undefined)).toEqual({ outcome: 'completed', reason: 'every step succeeded once (2 effects applied)' });
  });

  it('a step retried, then given up, stays failed when a late success comes', () => {
    const l = ledger();
    l.retry(inventory, deductInventory);
    l.fail(inventory, deductInventory, 'InventoryService did not answer DeductInventory within 5000 ms');
    l.abandon(inventory, deductInventory);
    l.apply(inventory, deductInventory);
    expect(l.judge(undefined).outcome).toBe('inconsistent');
  });

  it('stuck when messages still wait, unless an effect was already applied twice', () => {
    const l = ledger();
    l.apply(payment, processPayment);
    expect(l.judge('InventoryService crashed and never restarted')).toEqual({ outcome: 'stuck', reason: 'InventoryService crashed and never restarted' });
    l.apply(payment, processPayment);
    expect(l.judge('InventoryService crashed and never restarted').outcome).toBe('inconsistent');
  });
});

describe('Ledger: order and causality (spec §4.5, §7)', () => {
  it('an undo that comes before its effect undoes nothing: the effect stays, inconsistent', () => {
    const l = ledger();
    l.fail(inventory, deductInventory);
    l.undo(payment, processPayment, message('refundPayment'));
    l.apply(payment, processPayment);
    expect(l.judge(undefined)).toEqual({
      outcome: 'inconsistent',
      reason: 'RefundPayment reached PaymentService before ProcessPayment: the compensation undid nothing and ProcessPayment stayed applied',
    });
  });

  it('an effect alongside the failure, not caused by it, must be undone whichever came first', () => {
    const l = ledger();
    l.fail(inventory, deductInventory);
    l.apply(payment, processPayment); // concurrent with the failure, applied after it in time
    expect(l.judge(undefined).outcome).toBe('inconsistent');
    l.undo(payment, processPayment);
    expect(l.judge(undefined).outcome).toBe('compensated');
  });
});
