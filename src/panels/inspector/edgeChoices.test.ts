import { describe, expect, it } from 'vitest';
import { updateEdge } from '../../model/operations.ts';
import { design, example } from '../../model/testing/builder.ts';
import { validate, type SagaDocument, type SagaEdge } from '../../model/index.ts';
import { graphOf } from './designGraph.ts';
import { compensatesChoices, consumedMessages, onChecklist, toggledOn } from './edgeChoices.ts';

const edgeOf = (doc: SagaDocument, id: string): SagaEdge => doc.edges.find((e) => e.id === id)!;
const nameOf = (doc: SagaDocument) => (id: string) => graphOf(doc).node.get(id)?.name;
const checklist = (doc: SagaDocument, id: string) => {
  const edge = edgeOf(doc, id);
  return onChecklist(edge, consumedMessages(doc, edge.source), nameOf(doc), graphOf(doc).isCompensation(edge.target));
};

describe('the "on" checklist of an output', () => {
  it('lists every message the source consumes, ticking those named in "on"', () => {
    // given the orchestrated order saga: OrderService -> OrderCancelled answers the three failures
    const doc = example('order-orchestrated');
    // when its checklist is built
    const list = checklist(doc, 'e32');
    // then all of OrderService's inputs are offered, once each, and the three failures are ticked
    expect(list.choices.map((c) => c.name)).toEqual([
      'PlaceOrder',
      'PaymentProcessed',
      'PaymentFailed',
      'PaymentRefunded',
      'InventoryDeducted',
      'InventoryFailed',
      'InventoryRestored',
      'ShippingInitiated',
      'ShippingFailed',
    ]);
    expect(list.choices.filter((c) => c.checked).map((c) => c.id)).toEqual(['paymentFailed', 'inventoryFailed', 'shippingFailed']);
    expect(list.implicit).toBeUndefined();
  });

  it('unticking one message leaves the others, and unticking the last removes "on"', () => {
    const doc = example('order-orchestrated');
    const list = checklist(doc, 'e32');
    expect(toggledOn(list, 'shippingFailed', false)).toEqual(['paymentFailed', 'inventoryFailed']);
    expect(toggledOn(list, 'placeOrder', true)).toEqual(['placeOrder', 'paymentFailed', 'inventoryFailed', 'shippingFailed']);
    const one = checklist(updateEdge(doc, 'e32', { on: ['paymentFailed'] }), 'e32');
    expect(toggledOn(one, 'paymentFailed', false)).toBeUndefined();
  });

  it('shows the default when the source consumes exactly one message', () => {
    // given ShippingService -> ShippingInitiated, drawn without "on"
    const doc = example('order-orchestrated');
    const list = checklist(doc, 'e27');
    // then its only input is ticked by default
    expect(list.implicit?.name).toBe('InitiateShipping');
    expect(list.choices).toEqual([{ id: 'initiateShipping', name: 'InitiateShipping', checked: true, stray: false }]);
  });

  it('says when an output without "on" goes to a compensation command', () => {
    const doc = example('order-orchestrated');
    // e10: OrderService -> RefundPayment, the compensation of ProcessPayment
    expect(checklist(doc, 'e10').whileCompensating).toBe(true);
    expect(checklist(doc, 'e3').whileCompensating).toBe(false);
  });

  it('never defaults "on" for a compensation command: without it, the command is sent while compensating', () => {
    // given a saga whose orchestrator consumes one message and sends a step and its compensation
    const doc = design()
      .orchestrator('Saga')
      .service('Payments')
      .command('StartSaga')
      .command('Charge')
      .command('Refund')
      .link('StartSaga', 'Saga', 'Charge', 'Payments')
      .link('Saga', 'Refund', 'Payments')
      .edge('Charge', 'Refund').doc;
    const send = (target: string) => doc.edges.find((e) => e.source === 'Saga' && e.target === target)!.id;
    // then the step answers the only input by default, the compensation does not
    expect(checklist(doc, send('Charge'))).toMatchObject({ implicit: { id: 'StartSaga' }, whileCompensating: false });
    expect(checklist(doc, send('Refund'))).toMatchObject({ implicit: undefined, whileCompensating: true });
    expect(checklist(doc, send('Refund')).choices).toEqual([{ id: 'StartSaga', name: 'StartSaga', checked: false, stray: false }]);
  });

  it('keeps a stray entry (G014) visible and ticked, so it can be unticked', () => {
    // given an "on" naming a message OrderService does not consume
    const doc = updateEdge(example('order-orchestrated'), 'e32', { on: ['paymentFailed', 'refundPayment'] });
    expect(validate(doc).diagnostics.some((d) => d.rule === 'G014')).toBe(true);
    const list = checklist(doc, 'e32');
    expect(list.choices.at(-1)).toEqual({ id: 'refundPayment', name: 'RefundPayment', checked: true, stray: true });
    // when it is unticked, "on" no longer names it
    expect(toggledOn(list, 'refundPayment', false)).toEqual(['paymentFailed']);
  });

  it('offers a message connected twice only once', () => {
    const doc = design().service('Billing').event('OrderPlaced').event('Billed').edge('OrderPlaced', 'Billing').edge('OrderPlaced', 'Billing').edge('Billing', 'Billed').doc;
    expect(consumedMessages(doc, 'Billing').map((m) => m.name)).toEqual(['OrderPlaced']);
  });
});

describe('what a subscription may compensate', () => {
  it("offers the subscriber's other inputs, not the event itself", () => {
    const doc = example('order-choreographed');
    const sub = doc.edges.find((e) => e.compensates !== undefined)!;
    const subscriber = sub.target;
    const choices = compensatesChoices(sub, consumedMessages(doc, subscriber), nameOf(doc));
    expect(choices.map((c) => c.id)).toContain(sub.compensates);
    expect(choices.map((c) => c.id)).not.toContain(sub.source);
    expect(choices.every((c) => !c.stray)).toBe(true);
  });

  it('keeps a value that names something the subscriber does not consume, marked as stray', () => {
    const doc = design().service('Payments').event('OrderCreated').event('InventoryFailed').event('Shipped').link('OrderCreated', 'Payments').edge('InventoryFailed', 'Payments', { compensates: 'Shipped' }).doc;
    const edge = doc.edges[1]!;
    expect(compensatesChoices(edge, consumedMessages(doc, 'Payments'), nameOf(doc))).toEqual([
      { id: 'OrderCreated', name: 'OrderCreated', stray: false },
      { id: 'Shipped', name: 'Shipped', stray: true },
    ]);
  });
});
