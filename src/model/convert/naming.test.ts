import { describe, expect, it } from 'vitest';
import { looksLikeFact, looksLikeIntent } from '../names.ts';
import { baseForm, commandForEvent, commandForReaction, eventForCommand, pastTense } from './naming.ts';

describe('conversion names', () => {
  it('puts verbs in the past tense and back', () => {
    for (const [base, past] of [
      ['process', 'processed'], ['create', 'created'], ['verify', 'verified'], ['pay', 'paid'], ['ship', 'shipped'],
      ['reserve', 'reserved'], ['deduct', 'deducted'], ['schedule', 'scheduled'], ['cancel', 'cancelled'], ['send', 'sent'],
      ['authorize', 'authorized'], ['refund', 'refunded'], ['restore', 'restored'], ['approve', 'approved'], ['reject', 'rejected'],
    ]) {
      expect(pastTense(base!)).toBe(past);
      expect(baseForm(past!)).toBe(base);
    }
  });

  it('makes commands of events and events of commands, keeping the other words', () => {
    expect(commandForEvent('PaymentProcessed')).toBe('ProcessPayment');
    expect(commandForEvent('ConfirmationEmailSent')).toBe('SendConfirmationEmail');
    expect(commandForEvent('OrderCancelled')).toBe('CancelOrder');
    expect(commandForEvent('Step3Completed')).toBe('CompleteStep3');
    expect(commandForEvent('OrderPlacement')).toBeUndefined();
    expect(eventForCommand('PlaceOrder')).toBe('OrderPlaced');
    expect(eventForCommand('RestoreInventory')).toBe('InventoryRestored');
    expect(eventForCommand('VerifyConsumer')).toBe('ConsumerVerified');
    expect(commandForReaction('OrderCreated', 'EmailService')).toBe('HandleOrder');
  });

  it('passes the naming heuristics of rule G005', () => {
    for (const e of ['PaymentProcessed', 'ShippingScheduled', 'CreditReserved']) expect(looksLikeIntent(commandForEvent(e)!)).toBe(true);
    for (const c of ['PlaceOrder', 'RunStep0', 'UndoStep2', 'Checkout']) expect(looksLikeFact(eventForCommand(c))).toBe(true);
  });
});
