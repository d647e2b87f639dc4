import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import { analyse } from './analysis.ts';
import { reactionTable } from './reactions.ts';
import { stepsOf } from './steps.ts';
import { EXAMPLE_IDS, design, example, nodeNamed, type ExampleId } from './testing/builder.ts';
import { validate } from './validate.ts';
import type { ParticipantNode } from './schema.ts';

const INTENDED: Record<ExampleId, string> = {
  'order-orchestrated': 'orchestration',
  'order-choreographed': 'choreography',
  'checkout-fanout': 'choreography',
  'create-order-saga': 'orchestration',
  'credit-reservation': 'choreography',
};

describe('reference processes (spec §5)', () => {
  for (const id of EXAMPLE_IDS) {
    it(`${id} is classified as intended, and every rule stays silent`, () => {
      const doc = example(id);
      const result = validate(doc);
      expect(result.style).toBe(INTENDED[id]);
      expect(result.confidence).toBeGreaterThanOrEqual(0.8);
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(doc.description?.length).toBeGreaterThan(40);
      // no diagnostic of any rule, not even warnings or infos
      expect(result.diagnostics).toEqual([]);
    });
  }

  it('infers the step types of the orchestrated order process', () => {
    const a = analyse(example('order-orchestrated'));
    const steps = stepsOf(a, nodeNamed(a.doc, 'OrderService') as ParticipantNode);
    expect(steps.map((s) => `${s.command.name}:${s.type}`)).toEqual(['ProcessPayment:compensatable', 'DeductInventory:compensatable', 'InitiateShipping:pivot']);
  });

  it('keeps the declared step types of the Create Order saga in flow order', () => {
    const a = analyse(example('create-order-saga'));
    const steps = stepsOf(a, nodeNamed(a.doc, 'CreateOrderSaga') as ParticipantNode);
    expect(steps.map((s) => `${s.command.name}:${s.type}`)).toEqual([
      'CreateOrder:compensatable',
      'VerifyConsumer:query',
      'CreateTicket:compensatable',
      'AuthorizeCard:pivot',
      'ApproveTicket:retriable',
      'ApproveOrder:retriable',
    ]);
    expect(steps.map((s) => s.compensation?.name)).toEqual(['RejectOrder', undefined, 'RejectTicket', undefined, undefined, undefined]);
  });
});

describe('reactions table (spec §1.3)', () => {
  it('says what PaymentService emits on success and on failure of each input', () => {
    const doc = example('order-orchestrated');
    const table = reactionTable(doc);
    const payment = table.get(nodeNamed(doc, 'PaymentService').id)!;
    const view = payment.reactions.map((r) => ({
      input: r.input.name,
      onSuccess: r.onSuccess.map((l) => l.target.name),
      onFailure: r.onFailure.map((l) => l.target.name),
    }));
    expect(view).toEqual([
      { input: 'ProcessPayment', onSuccess: ['PaymentProcessed'], onFailure: ['PaymentFailed'] },
      { input: 'RefundPayment', onSuccess: ['PaymentRefunded'], onFailure: [] },
    ]);
  });

  it('sends compensation commands without "on" while compensating, never on success', () => {
    const doc = example('order-orchestrated');
    const orchestrator = reactionTable(doc).get(nodeNamed(doc, 'OrderService').id)!;
    expect(orchestrator.compensationOutputs.map((l) => l.target.name)).toEqual(['RefundPayment', 'RestoreInventory']);
    expect(orchestrator.byInput.get(nodeNamed(doc, 'PaymentFailed').id)!.onSuccess.map((l) => l.target.name)).toEqual(['OrderCancelled']);
  });

  it('defaults "on" to the only input', () => {
    const doc = design().actor('U').command('Pay').service('Payments').event('Paid').event('PayFailed', { outcome: 'failure' }).link('U', 'Pay', 'Payments', 'Paid').link('Payments', 'PayFailed').doc;
    const r = reactionTable(doc).get('Payments')!.reactions[0]!;
    expect(r.onSuccess.map((l) => l.target.id)).toEqual(['Paid']);
    expect(r.onFailure.map((l) => l.target.id)).toEqual(['PayFailed']);
  });
});

describe('classification (spec §2.5)', () => {
  it('is undetermined for an empty design and for one without messages between participants', () => {
    expect(validate(design().doc)).toMatchObject({ style: 'undetermined', confidence: 0 });
    const lone = design().actor('U').command('Do').service('S').link('U', 'Do', 'S').doc;
    expect(validate(lone).style).toBe('undetermined');
  });

  it('recognises an orchestration coordinated by a service, with lower confidence', () => {
    const doc = example('order-orchestrated');
    Object.assign(nodeNamed(doc, 'OrderService'), { kind: 'service', idempotent: true });
    const c = classify(analyse(doc));
    expect(c).toMatchObject({ style: 'orchestration', confidence: 0.8 });
    expect(c.reasons.at(-1)).toBe('OrderService is drawn as a service: mark it as the orchestrator.');
  });

  it('calls a design hybrid when commands come from several participants, and says which', () => {
    const doc = example('order-choreographed');
    doc.nodes.push({ id: 'rs', kind: 'command', name: 'ReserveStock' }, { id: 'ss', kind: 'command', name: 'ScheduleShipment' });
    doc.edges.push(
      { id: 'x1', source: nodeNamed(doc, 'PaymentService').id, target: 'rs', on: [nodeNamed(doc, 'OrderCreated').id] },
      { id: 'x2', source: 'rs', target: nodeNamed(doc, 'InventoryService').id },
      { id: 'x3', source: nodeNamed(doc, 'InventoryService').id, target: 'ss', on: [nodeNamed(doc, 'PaymentProcessed').id] },
      { id: 'x4', source: 'ss', target: nodeNamed(doc, 'ShippingService').id },
    );
    const c = validate(doc);
    expect(c.style).toBe('hybrid');
    expect(c.reasons[0]).toBe('Commands between participants are sent by 2 participants (PaymentService and InventoryService), so no single node orchestrates.');
    expect(c.reasons[1]).toMatch(/event subscriptions? between participants follow choreography/);
  });

  it('calls an orchestrator whose participants also talk directly a hybrid', () => {
    const doc = example('order-orchestrated');
    doc.edges.push({ id: 'x', source: nodeNamed(doc, 'PaymentProcessed').id, target: nodeNamed(doc, 'InventoryService').id });
    const c = validate(doc);
    expect(c.style).toBe('hybrid');
    expect(c.reasons[1]).toContain('PaymentProcessed from PaymentService is consumed by InventoryService');
  });

  it('flags X001 only when a style is declared and differs', () => {
    const doc = example('order-orchestrated');
    doc.declaredStyle = 'auto';
    expect(validate(doc).diagnostics).toEqual([]);
    doc.declaredStyle = 'choreography';
    expect(validate(doc).diagnostics.map((d) => d.rule)).toContain('X001');
  });
});
