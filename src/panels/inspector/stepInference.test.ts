import { describe, expect, it } from 'vitest';
import { removeElements, updateNode } from '../../model/operations.ts';
import { design, example } from '../../model/testing/builder.ts';
import { validate } from '../../model/index.ts';
import { inferredStepTypes } from './stepInference.ts';

describe('inferred step types', () => {
  it('reads the orchestrated order saga as two compensatable steps before the pivot', () => {
    const doc = example('order-orchestrated');
    const types = inferredStepTypes(doc, validate(doc).coordinator);
    expect(Object.fromEntries(types)).toEqual({ processPayment: 'compensatable', deductInventory: 'compensatable', initiateShipping: 'pivot' });
  });

  it('follows the design: a step that lost its compensation stays before the pivot, where O008 asks for one', () => {
    const doc = example('order-orchestrated');
    const changed = { ...doc, edges: doc.edges.filter((e) => e.id !== 'e9') };
    const types = inferredStepTypes(changed, validate(changed).coordinator);
    expect(Object.fromEntries(types)).toEqual({ processPayment: 'compensatable', deductInventory: 'compensatable', initiateShipping: 'pivot' });
  });

  it('follows the design: without any compensation, the step that can fail is the pivot', () => {
    const doc = example('order-orchestrated');
    const changed = removeElements(doc, ['refundPayment', 'restoreInventory', 'inventoryFailed', 'shippingFailed']);
    const types = inferredStepTypes(changed, validate(changed).coordinator);
    expect(Object.fromEntries(types)).toEqual({ processPayment: 'pivot', deductInventory: 'retriable', initiateShipping: 'retriable' });
  });

  it('reads a missing "on" as the validator does: the failure reply answers the step', () => {
    // Billing also hears of audits, so its failure reply BillFailed needs "on"; without it, Bill is still the step that can fail
    const doc = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .command('Reserve')
      .command('Release')
      .service('Stock')
      .event('Reserved')
      .event('ReserveFailed', { outcome: 'failure' })
      .command('Bill')
      .service('Billing')
      .event('Billed')
      .event('BillFailed', { outcome: 'failure' })
      .event('Audited')
      .link('User', 'Start', 'Saga')
      .edge('Saga', 'Reserve', { on: ['Start'] })
      .link('Reserve', 'Stock')
      .link('Stock', 'Reserved', 'Saga')
      .link('Stock', 'ReserveFailed', 'Saga')
      .link('Reserve', 'Release')
      .link('Saga', 'Release', 'Stock')
      .edge('Saga', 'Bill', { on: ['Reserved'] })
      .link('Bill', 'Billing')
      .link('Audited', 'Billing')
      .edge('Billing', 'Billed', { on: ['Bill'] })
      .link('Billed', 'Saga')
      .link('Billing', 'BillFailed', 'Saga').doc;
    expect(validate(doc).diagnostics.map((d) => d.rule)).toContain('G013');
    const types = inferredStepTypes(doc, validate(doc).coordinator);
    expect(Object.fromEntries(types)).toEqual({ Reserve: 'compensatable', Bill: 'pivot' });
  });

  it('has no steps without a coordinator', () => {
    const doc = example('order-choreographed');
    expect(inferredStepTypes(doc, validate(doc).coordinator).size).toBe(0);
    expect(inferredStepTypes(updateNode(doc, 'x', {}), undefined).size).toBe(0);
  });
});
