import { describe, expect, it } from 'vitest';
import type { Diagnostic, RuleId } from './diagnostic.ts';
import { RULES } from './diagnostic.ts';
import type { SagaDocument } from './schema.ts';
import { removeElements } from './operations.ts';
import { design, edgeBetween, example, nodeNamed, unlink } from './testing/builder.ts';
import { validate } from './validate.ts';

const fired = (doc: SagaDocument, rule: RuleId): Diagnostic[] => validate(doc).diagnostics.filter((d) => d.rule === rule);
const tested = new Set<RuleId>();
const rule = (id: RuleId, fn: () => void) => {
  tested.add(id);
  it(`${id} ${RULES[id].title}`, fn);
};

describe('generic rules', () => {
  rule('G001', () => {
    // given the orchestrated order process with a connection to a deleted node
    const doc = example('order-orchestrated');
    doc.edges.push({ id: 'dangling', source: nodeNamed(doc, 'PaymentService').id, target: 'ghost' });
    // then
    const [d] = fired(doc, 'G001');
    expect(d).toMatchObject({ severity: 'error', edges: ['dangling'], nodes: [nodeNamed(doc, 'PaymentService').id] });
    expect(d!.message).toContain('"ghost"');
  });

  rule('G002', () => {
    const doc = example('order-orchestrated');
    doc.edges.push({ id: 'bad', source: nodeNamed(doc, 'PaymentProcessed').id, target: nodeNamed(doc, 'PaymentFailed').id });
    const [d] = fired(doc, 'G002');
    expect(d!.message).toBe('PaymentProcessed (event) cannot connect to PaymentFailed (event).');
    expect(d!.hint).toMatch(/service that reacts to it/);
  });

  rule('G003', () => {
    const doc = example('order-orchestrated');
    doc.nodes.push({ id: 'dup', kind: 'service', name: '  paymentservice ' });
    const [d] = fired(doc, 'G003');
    expect(d!.nodes).toEqual([nodeNamed(doc, 'PaymentService').id, 'dup']);
    // the same name on nodes of different kinds is not G003
    expect(fired(example('order-orchestrated'), 'G003')).toEqual([]);
  });

  rule('G004', () => {
    const doc = example('order-orchestrated');
    doc.nodes.push({ id: 'x', kind: 'event', name: 'ProcessPayment' });
    expect(fired(doc, 'G004')[0]).toMatchObject({ severity: 'warning', nodes: [nodeNamed(doc, 'ProcessPayment').id, 'x'] });
  });

  rule('G005', () => {
    const doc = design().actor('User').command('PaymentProcessed').event('ShipOrder').event('OrderShipped').command('ShipOrderNow').doc;
    const names = fired(doc, 'G005').map((d) => d.nodes[0]);
    expect(names).toEqual(['PaymentProcessed', 'ShipOrder']);
    expect(fired(doc, 'G005')[0]!.severity).toBe('info');
  });

  rule('G006', () => {
    const doc = example('checkout-fanout');
    doc.nodes.push({ id: 'lone', kind: 'event', name: 'AuditLogged' });
    expect(fired(doc, 'G006').map((d) => d.nodes)).toEqual([['lone']]);
  });

  rule('G007', () => {
    // an event nobody consumes is G007 in every style
    const orchestrated = example('order-orchestrated');
    unlink(orchestrated, 'PaymentRefunded', 'OrderService');
    expect(fired(orchestrated, 'G007')).toEqual([
      {
        rule: 'G007',
        severity: 'warning',
        message: 'Nobody consumes PaymentRefunded, which PaymentService publishes: the flow stops there, yet PaymentRefunded is not marked as an end of the process.',
        hint: 'Subscribe the participant that must react to PaymentRefunded, mark PaymentRefunded terminal if it ends the process, or delete it.',
        nodes: ['paymentRefunded', 'paymentService'],
        edges: [],
      },
    ]);
    const choreographed = example('credit-reservation');
    delete (nodeNamed(choreographed, 'OrderApproved') as { terminal?: boolean }).terminal;
    expect(fired(choreographed, 'G007').map((d) => d.nodes[0])).toEqual([nodeNamed(choreographed, 'OrderApproved').id]);
  });

  rule('G010', () => {
    const doc = example('checkout-fanout');
    // an island: a service nobody triggers publishes to another service
    doc.nodes.push({ id: 'i1', kind: 'service', name: 'Island' }, { id: 'i2', kind: 'event', name: 'IslandFound' }, { id: 'i3', kind: 'service', name: 'Shore' });
    doc.edges.push({ id: 'ie1', source: 'i1', target: 'i2' }, { id: 'ie2', source: 'i2', target: 'i3' });
    expect(fired(doc, 'G010').map((d) => d.nodes[0])).toEqual(['i1', 'i2', 'i3']);
  });

  rule('G011', () => {
    // two services feeding each other, and nothing from outside
    const doc = design().service('A').event('APinged').service('B').event('BPinged').link('A', 'APinged', 'B', 'BPinged', 'A').doc;
    expect(fired(doc, 'G011')).toHaveLength(1);
    expect(fired(example('order-orchestrated'), 'G011')).toEqual([]);
  });

  rule('G012', () => {
    const noHandler = example('order-orchestrated');
    unlink(noHandler, 'ProcessPayment', 'PaymentService');
    expect(fired(noHandler, 'G012')[0]!.message).toBe('The command ProcessPayment has no handler.');
    const twoHandlers = example('order-orchestrated');
    twoHandlers.edges.push({ id: 'x', source: nodeNamed(twoHandlers, 'ProcessPayment').id, target: nodeNamed(twoHandlers, 'InventoryService').id });
    expect(fired(twoHandlers, 'G012')[0]!.message).toContain('handled by 2 participants (PaymentService and InventoryService)');
  });

  rule('G013', () => {
    const doc = example('order-orchestrated');
    delete edgeBetween(doc, 'OrderService', 'DeductInventory').on;
    const [d] = fired(doc, 'G013');
    expect(d!.message).toMatch(/^OrderService consumes several messages .* but does not say on which it emits DeductInventory\.$/);
  });

  rule('G014', () => {
    const doc = example('order-orchestrated');
    edgeBetween(doc, 'OrderService', 'DeductInventory').on = [nodeNamed(doc, 'ProcessPayment').id];
    expect(fired(doc, 'G014')[0]!.message).toContain('OrderService does not consume ProcessPayment');
    const choreo = example('order-choreographed');
    edgeBetween(choreo, 'InventoryFailed', 'PaymentService').compensates = nodeNamed(choreo, 'PaymentProcessed').id;
    expect(fired(choreo, 'G014')[0]!.message).toContain('"compensates: PaymentProcessed", but PaymentService does not consume PaymentProcessed');
  });
});

describe('messaging rules', () => {
  rule('M001', () => {
    const doc = example('order-orchestrated');
    (nodeNamed(doc, 'PaymentService') as { idempotent?: boolean }).idempotent = false;
    const [d] = fired(doc, 'M001');
    expect(d).toMatchObject({ severity: 'warning', nodes: [nodeNamed(doc, 'PaymentService').id] });
    expect(d!.message).toContain('PaymentService is not idempotent');
  });

  rule('M009', () => {
    const doc = example('order-orchestrated');
    (nodeNamed(doc, 'PaymentService') as { idempotent?: boolean }).idempotent = false;
    // RefundPayment is retried without limit in the example
    expect(fired(doc, 'M009')[0]!.message).toContain('RefundPayment is retried without limit');
    expect(fired(example('order-orchestrated'), 'M009')).toEqual([]);
  });
});

describe('orchestration rules', () => {
  rule('O001', () => {
    const none = example('order-orchestrated');
    Object.assign(nodeNamed(none, 'OrderService'), { kind: 'service' });
    expect(validate(none).style).toBe('orchestration');
    expect(fired(none, 'O001')[0]!.message).toContain('OrderService coordinates the flow but is drawn as a service');
    const two = example('order-orchestrated');
    two.nodes.push({ id: 'o2', kind: 'orchestrator', name: 'BillingSaga' });
    expect(fired(two, 'O001')[0]!.message).toContain('this design has 2: OrderService and BillingSaga');
  });

  rule('O002', () => {
    const doc = example('order-orchestrated');
    // PaymentService sends DeductInventory itself, bypassing the orchestrator
    doc.edges.push({ id: 'x', source: nodeNamed(doc, 'PaymentService').id, target: nodeNamed(doc, 'DeductInventory').id, on: [nodeNamed(doc, 'ProcessPayment').id] });
    expect(validate(doc).style).toBe('hybrid');
    expect(fired(doc, 'O002')[0]!.message).toBe('PaymentService sends DeductInventory itself; in an orchestration only OrderService sends commands.');
  });

  rule('O004', () => {
    const noReply = example('order-orchestrated');
    unlink(noReply, 'PaymentService', 'PaymentProcessed');
    expect(fired(noReply, 'O004')[0]).toMatchObject({ severity: 'error' });
    expect(fired(noReply, 'O004')[0]!.message).toContain('OrderService sends ProcessPayment but never hears back');
    const noFailureReply = example('order-orchestrated');
    unlink(noFailureReply, 'ShippingService', 'ShippingFailed');
    expect(fired(noFailureReply, 'O004')).toEqual([]); // cannot fail: fine
    (nodeNamed(noFailureReply, 'ShippingService') as { failureRate?: number }).failureRate = 0.05;
    expect(fired(noFailureReply, 'O004')[0]).toMatchObject({ severity: 'warning' });
  });

  rule('O005', () => {
    const doc = example('order-orchestrated');
    doc.edges.push({ id: 'x', source: nodeNamed(doc, 'PaymentProcessed').id, target: nodeNamed(doc, 'InventoryService').id });
    expect(fired(doc, 'O005')[0]!.message).toBe('InventoryService subscribes to PaymentProcessed from PaymentService, bypassing OrderService.');
  });

  rule('O006', () => {
    const doc = example('order-orchestrated');
    Object.assign(nodeNamed(doc, 'DeductInventory'), { stepType: 'pivot' });
    Object.assign(nodeNamed(doc, 'InitiateShipping'), { stepType: 'pivot' });
    expect(fired(doc, 'O006')[0]!.message).toContain('2 pivots (DeductInventory and InitiateShipping)');
  });

  rule('O007', () => {
    const doc = example('create-order-saga');
    Object.assign(nodeNamed(doc, 'ApproveOrder'), { stepType: 'compensatable' });
    expect(fired(doc, 'O007').map((d) => d.message)).toContain('ApproveOrder is compensatable but comes after the retriable step ApproveTicket.');
  });

  rule('O008', () => {
    // given the orchestrated order process without RefundPayment (spec §2)
    const noRefund = example('order-orchestrated');
    const withoutRefund = removeElements(noRefund, [nodeNamed(noRefund, 'RefundPayment').id]);
    // then O008 names ProcessPayment, and nothing else is reported
    expect(validate(withoutRefund).diagnostics).toEqual([
      {
        rule: 'O008',
        severity: 'error',
        message: 'ProcessPayment has no compensation; or, if it is the go/no-go step, move it after DeductInventory.',
        hint: 'Draw a compensating command (e.g. UndoProcessPayment) handled by PaymentService, and connect ProcessPayment to it, so that it is undone when a later step fails; or, if ProcessPayment is the pivot, move it after DeductInventory, the last step that can still be undone.',
        nodes: ['processPayment', 'deductInventory'],
        edges: [],
      },
    ]);
    // without RestoreInventory, DeductInventory is named: not InitiateShipping's O009
    const noRestore = example('order-orchestrated');
    expect(validate(removeElements(noRestore, [nodeNamed(noRestore, 'RestoreInventory').id])).diagnostics).toEqual([
      {
        rule: 'O008',
        severity: 'error',
        message: 'DeductInventory comes before the pivot InitiateShipping but has no compensation: if a later step fails, its effect can never be undone.',
        hint: 'Draw a compensating command (e.g. UndoDeductInventory) handled by InventoryService, and connect DeductInventory to it; or mark the step as a query if it changes nothing.',
        nodes: ['deductInventory'],
        edges: [],
      },
    ]);
    // a compensation whose compensated-by connection is missing is named in the hint, and is no step of its own
    const unlinked = example('create-order-saga');
    unlink(unlinked, 'CreateTicket', 'RejectTicket');
    expect(validate(unlinked).diagnostics.map((d) => [d.rule, d.nodes[0]])).toEqual([
      ['G013', 'createOrderSaga'],
      ['O008', 'createTicket'],
    ]);
    expect(fired(unlinked, 'O008')[0]!.hint).toBe('Connect CreateTicket to RejectTicket ("compensated by") if RejectTicket undoes it; or mark the step as a query if it changes nothing.');
    expect(fired(unlinked, 'G013')[0]!.hint).toBe(
      'Select the connection CreateOrderSaga → RejectTicket and tick the inputs it answers ("on"); or, if RejectTicket undoes a step, connect that step to it ("compensated by").',
    );
    // a declared pivot: the step before it is named, with no other reading offered
    const inferred = example('order-orchestrated');
    Object.assign(nodeNamed(inferred, 'InitiateShipping'), { stepType: 'pivot' });
    unlink(inferred, 'ProcessPayment', 'RefundPayment');
    expect(fired(inferred, 'O008')[0]!.nodes).toEqual([nodeNamed(inferred, 'ProcessPayment').id]);
  });

  rule('O009', () => {
    const doc = example('create-order-saga');
    delete (nodeNamed(doc, 'ApproveOrder') as { retry?: unknown }).retry;
    expect(fired(doc, 'O009')[0]!.message).toBe('ApproveOrder comes after the pivot, so it must eventually succeed, but it has no retry policy.');
  });

  rule('O010', () => {
    const doc = example('order-orchestrated');
    delete (nodeNamed(doc, 'RefundPayment') as { retry?: unknown }).retry;
    expect(fired(doc, 'O010')[0]).toMatchObject({ severity: 'warning', nodes: [nodeNamed(doc, 'RefundPayment').id] });
  });

  rule('O011', () => {
    const doc = example('order-orchestrated');
    edgeBetween(doc, 'RestoreInventory', 'InventoryService').target = nodeNamed(doc, 'PaymentService').id;
    expect(fired(doc, 'O011')[0]!.message).toBe(
      'RestoreInventory undoes DeductInventory, but it is handled by PaymentService while DeductInventory is handled by InventoryService.',
    );
  });

  rule('O013', () => {
    const doc = example('order-orchestrated');
    delete (nodeNamed(doc, 'DeductInventory') as { timeoutMs?: number }).timeoutMs;
    expect(fired(doc, 'O013')).toMatchObject([{ severity: 'info', nodes: [nodeNamed(doc, 'DeductInventory').id] }]);
  });
});

describe('choreography rules', () => {
  rule('C001', () => {
    const doc = example('order-choreographed');
    unlink(doc, 'InventoryService', 'InventoryDeducted');
    expect(fired(doc, 'C001')[0]!.message).toBe('ShippingService subscribes to InventoryDeducted, but nobody publishes it.');
    // without actors, unpublished events are the entry points of the process
    const external = design().event('OrderPlaced').service('Billing').event('InvoiceSent', { terminal: true }).link('OrderPlaced', 'Billing', 'InvoiceSent').doc;
    external.declaredStyle = 'choreography';
    expect(fired(external, 'C001')).toEqual([]);
  });

  rule('C002', () => {
    const doc = example('credit-reservation');
    delete (nodeNamed(doc, 'OrderApproved') as { terminal?: boolean }).terminal;
    expect(fired(doc, 'C002')[0]!.message).toBe('OrderApproved is published by OrderService, but nobody consumes it.');
  });

  rule('C003', () => {
    const doc = example('order-choreographed');
    doc.nodes.push({ id: 'rs', kind: 'command', name: 'ReserveStock' });
    doc.edges.push({ id: 'x1', source: nodeNamed(doc, 'PaymentService').id, target: 'rs', on: [nodeNamed(doc, 'OrderCreated').id] }, { id: 'x2', source: 'rs', target: nodeNamed(doc, 'InventoryService').id });
    expect(validate(doc).style).toBe('hybrid');
    expect(fired(doc, 'C003')[0]!.message).toContain('PaymentService sends the command ReserveStock to InventoryService');
  });

  rule('C004', () => {
    const storm = () =>
      design()
        .actor('User')
        .command('Start')
        .service('A')
        .event('Pinged')
        .service('B')
        .event('Ponged')
        .link('User', 'Start', 'A')
        .edge('A', 'Pinged', { on: ['Start', 'Ponged'] })
        .link('Pinged', 'B', 'Ponged', 'A').doc;
    const doc = storm();
    expect(validate(doc).style).toBe('choreography');
    expect(fired(doc, 'C004')[0]).toMatchObject({ severity: 'error' });
    expect(fired(doc, 'C004')[0]!.message).toContain('nothing on the cycle can stop it');
    const stoppable = storm();
    (nodeNamed(stoppable, 'B') as { failureRate?: number }).failureRate = 0.1;
    stoppable.nodes.push({ id: 'Failed', kind: 'event', name: 'PongFailed', outcome: 'failure', terminal: true });
    stoppable.edges.push({ id: 'f', source: 'B', target: 'Failed' });
    expect(fired(stoppable, 'C004')[0]).toMatchObject({ severity: 'warning' });
  });

  rule('C005', () => {
    const doc = example('order-choreographed');
    unlink(doc, 'InventoryFailed', 'PaymentService');
    const [d] = fired(doc, 'C005');
    // OrderService hears of it neither: it heard through PaymentRefunded, which is no longer published
    expect(d!.message).toBe(
      'InventoryFailed (when InventoryService fails on PaymentProcessed) never reaches PaymentService (which handled OrderCreated) and OrderService (which handled PlaceOrder): their changes are never compensated.',
    );
    expect(d!.nodes).toEqual(['InventoryFailed', 'InventoryService', 'PaymentService', 'OrderService'].map((n) => nodeNamed(doc, n).id));
    expect(fired(doc, 'C005')).toHaveLength(1);
  });

  rule('C006', () => {
    const doc = example('credit-reservation');
    unlink(doc, 'CreditLimitExceeded', 'OrderService');
    expect(fired(doc, 'C006')[0]!.message).toContain('Nobody subscribes to the failure event CreditLimitExceeded from CustomerService');
  });

  rule('C007', () => {
    // Hub consumes every other participant's event and tells them what to do next, with events
    const doc = design()
      .actor('User')
      .command('Begin')
      .service('Hub')
      .event('StepOneRequested')
      .event('StepTwoRequested')
      .event('AllDone', { terminal: true })
      .service('One')
      .event('OneDone')
      .service('Two')
      .event('TwoDone')
      .link('User', 'Begin', 'Hub')
      .edge('Hub', 'StepOneRequested', { on: ['Begin'] })
      .link('StepOneRequested', 'One', 'OneDone', 'Hub')
      .edge('Hub', 'StepTwoRequested', { on: ['OneDone'] })
      .link('StepTwoRequested', 'Two', 'TwoDone', 'Hub')
      .edge('Hub', 'AllDone', { on: ['TwoDone'] }).doc;
    doc.declaredStyle = 'choreography';
    expect(validate(doc).style).toBe('hybrid');
    expect(fired(doc, 'C007')[0]!.message).toBe('Hub consumes 2 of the 2 message types the other participants emit and drives the flow: a hidden orchestrator.');
  });

  rule('C008', () => {
    const doc = example('checkout-fanout');
    doc.edges.push({ id: 'x', source: nodeNamed(doc, 'EmailService').id, target: nodeNamed(doc, 'PointsAwarded').id });
    expect(fired(doc, 'C008')[0]!.message).toContain('PointsAwarded is published by 2 services (RewardsService and EmailService)');
  });
});

describe('style rules', () => {
  rule('X001', () => {
    const doc = example('order-choreographed');
    doc.declaredStyle = 'orchestration';
    expect(fired(doc, 'X001')[0]!.message).toBe('The design is declared an orchestration, but it reads as a choreography.');
    // declared orchestration: the orchestration rules run too
    expect(fired(doc, 'O001')).toHaveLength(1);
  });
});

describe('rule catalogue', () => {
  it('has a firing test for every rule id', () => {
    expect([...tested].sort()).toEqual(Object.keys(RULES).sort());
  });
});
