/**
 * The trade-off measures (spec §6.1) of the five reference designs (§5), worked out by hand from
 * the JSON in public/examples. Conventions used below:
 * - a *handling* is one successful handling on the happy path (the simulator's nominal run: every
 *   latency at its mean — services 20 ms unless drawn otherwise, orchestrators 5 ms — and every
 *   transport 2 ms); a *step* is a service's handling (not an orchestrator's);
 * - a step *can fail* when it has a failure output or a failure rate above 0 (spec §7).
 */
import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { analyse, type TradeOffs } from './analyse.ts';

type Key = keyof TradeOffs['measures'];
/** The measure, known to have been measured. */
function measure<K extends Key>(t: TradeOffs, key: K) {
  const m = t.measures[key];
  if (m.value === null) throw new Error(`${key} was not measured: ${m.message}`);
  return m as Exclude<TradeOffs['measures'][K], { value: null }>;
}
const shares = (t: TradeOffs) => Object.fromEntries(measure(t, 'blastRadius').participants.map((p) => [p.name, p.share]));

describe('Order fulfilment, orchestrated', () => {
  // OrderService (orchestrator) sends ProcessPayment/RefundPayment to PaymentService,
  // DeductInventory/RestoreInventory to InventoryService, InitiateShipping to ShippingService,
  // and hears their replies. Services send nothing and consume only commands.
  const t = analyse(example('order-orchestrated'));

  it('is an orchestration', () => expect(t.style).toBe('orchestration'));

  it('coupling: OrderService depends on the 3 services; they depend on nobody', () => {
    // efferent: OrderService 3, the services 0 -> max 3, mean 3/4 = 0.75; afferent: each service 1.
    const m = measure(t, 'coupling');
    expect(m).toMatchObject({ value: 3, maxEfferent: 3, meanEfferent: 0.75, worst: 'orderService' });
    expect(m.participants.map((p) => [p.name, p.efferent, p.afferent])).toEqual([
      ['OrderService', 3, 0],
      ['PaymentService', 0, 1],
      ['InventoryService', 0, 1],
      ['ShippingService', 0, 1],
    ]);
    expect(m.message).toMatch(/^OrderService depends on the most participants: 3 others/);
  });

  it('blast radius: OrderService stops all 7 handlings', () => {
    // Handlings: OS(PlaceOrder), Payment, OS(PaymentProcessed), Inventory, OS, Shipping, OS = 7.
    // Payment down stops its own and the 5 after it: 6/7; Inventory 4/7; Shipping 2/7.
    const m = measure(t, 'blastRadius');
    expect(m).toMatchObject({ value: 1, handlings: 7, worst: 'orderService' });
    expect(shares(t)).toEqual({ OrderService: 1, PaymentService: 0.857, InventoryService: 0.571, ShippingService: 0.286 });
  });

  it('schema change: every message between OrderService and a service touches 2', () => {
    // 16 messages: PlaceOrder, OrderCompleted, OrderCancelled touch only OrderService (1); the
    // 13 others touch OrderService and one service (2). Mean 29/16 = 1.8125.
    expect(measure(t, 'schemaChange')).toMatchObject({ value: 2, max: 2, mean: 1.813, worst: 'processPayment' });
  });

  it('adding a reaction: the orchestrator must command the newcomer (1), except on its own OrderCompleted (0)', () => {
    const m = measure(t, 'addReaction');
    expect(m.value).toBe(1);
    expect(Object.fromEntries(m.messages.map((r) => [r.name, r.count]))).toEqual({
      PlaceOrder: 1,
      ProcessPayment: 1,
      PaymentProcessed: 1,
      DeductInventory: 1,
      InventoryDeducted: 1,
      InitiateShipping: 1,
      ShippingInitiated: 1,
      OrderCompleted: 0,
    });
  });

  it('inserting a step: only OrderService changes, between Payment and Inventory and between Inventory and Shipping', () => {
    const m = measure(t, 'insertStep');
    expect(m).toMatchObject({ value: 1, mean: 1, max: 1 });
    expect(m.positions.map((p) => [p.after.participant, p.before.participant, p.participants])).toEqual([
      ['paymentService', 'inventoryService', ['orderService']],
      ['inventoryService', 'shippingService', ['orderService']],
    ]);
  });

  it('flow visibility and failure handling: one place, OrderService', () => {
    expect(measure(t, 'flowVisibility')).toMatchObject({ value: 1, participants: ['orderService'] });
    expect(measure(t, 'failureHandling')).toMatchObject({ value: 1, participants: ['orderService'] });
  });

  it('messages: 8 on the happy path; 4, 8 and 12 when Payment, Inventory or Shipping fails', () => {
    // Happy: PlaceOrder, ProcessPayment, PaymentProcessed, DeductInventory, InventoryDeducted,
    // InitiateShipping, ShippingInitiated, OrderCompleted = 8.
    // Payment fails: PlaceOrder, ProcessPayment, PaymentFailed, OrderCancelled = 4.
    // Inventory fails: PlaceOrder, ProcessPayment, PaymentProcessed, DeductInventory, InventoryFailed, RefundPayment, PaymentRefunded, OrderCancelled = 8.
    // Shipping fails: 6 before it + ShippingFailed, RestoreInventory, InventoryRestored, RefundPayment, PaymentRefunded, OrderCancelled = 12.
    const m = measure(t, 'messages');
    expect(m).toMatchObject({ value: 8, happy: 8, worstFailure: 12, meanFailure: 8 });
    expect(m.failures.map((f) => [f.participant, f.messages])).toEqual([
      ['paymentService', 4],
      ['inventoryService', 8],
      ['shippingService', 12],
    ]);
  });

  it('latency: 154 ms through 3 steps and 7 handlings', () => {
    // PlaceOrder 2 + OS 5 = 7; each step: 2 + 40 (services are drawn at 40 ms) + 2 + OS 5 = 49; 7 + 3 × 49 = 154.
    expect(measure(t, 'latency')).toMatchObject({ value: 154, happyMs: 154, steps: 3, hops: 7 });
  });

  it('test paths: the happy path and one per step (all three have a failure reply)', () => {
    expect(measure(t, 'testPaths')).toMatchObject({ value: 4, happy: 1 });
  });

  it('advice: every step is a workflow step, so orchestration fits', () => {
    expect(t.advice).toHaveLength(2);
    expect(t.advice[0]!.message).toBe(
      'Workflow steps (something later waits for their result or undoes them): PaymentService on ProcessPayment, InventoryService on DeductInventory and ShippingService on InitiateShipping.',
    );
    expect(t.advice[1]!.message).toMatch(/^Every step is part of the workflow, so orchestrating it in OrderService fits\./);
  });
});

describe('Order fulfilment, choreographed', () => {
  // PlaceOrder -> OrderService -> OrderCreated -> PaymentService -> PaymentProcessed | PaymentFailed;
  // PaymentProcessed -> InventoryService -> InventoryDeducted | InventoryFailed; InventoryDeducted ->
  // ShippingService -> ShippingScheduled (terminal). InventoryFailed -> PaymentService (compensates)
  // -> PaymentRefunded -> OrderService (compensates); PaymentFailed -> OrderService (compensates).
  const t = analyse(example('order-choreographed'));

  it('is a choreography', () => expect(t.style).toBe('choreography'));

  it('coupling: PaymentService depends on OrderService and InventoryService', () => {
    // OrderService consumes PaymentFailed, PaymentRefunded (Payment): 1. Payment consumes
    // OrderCreated (OS), InventoryFailed (Inventory): 2. Inventory: Payment, 1. Shipping: Inventory, 1.
    const m = measure(t, 'coupling');
    expect(m).toMatchObject({ value: 2, maxEfferent: 2, meanEfferent: 1.25, worst: 'paymentService' });
    expect(m.participants.map((p) => [p.name, p.efferent, p.afferent])).toEqual([
      ['OrderService', 1, 1],
      ['PaymentService', 2, 2],
      ['InventoryService', 1, 2],
      ['ShippingService', 1, 0],
    ]);
  });

  it('blast radius: a chain of 4 handlings, OrderService first', () => {
    expect(shares(t)).toEqual({ OrderService: 1, PaymentService: 0.75, InventoryService: 0.5, ShippingService: 0.25 });
    expect(measure(t, 'blastRadius')).toMatchObject({ value: 1, mean: 0.625, worst: 'orderService' });
  });

  it('schema change: 9 messages, 6 between two participants', () => {
    // PlaceOrder, ShippingScheduled, OrderCancelled touch 1; the 6 others 2: mean 15/9.
    expect(measure(t, 'schemaChange')).toMatchObject({ value: 2, mean: 1.667, worst: 'orderCreated' });
  });

  it('adding a reaction: every message of the happy path can be subscribed to (PlaceOrder comes from the customer)', () => {
    const m = measure(t, 'addReaction');
    expect(m.value).toBe(0);
    expect(m.messages.map((r) => r.name)).toEqual(['PlaceOrder', 'OrderCreated', 'PaymentProcessed', 'InventoryDeducted', 'ShippingScheduled']);
  });

  it('inserting a step: the next step re-subscribes, and whoever hears its failure must hear the new one', () => {
    // OS|Payment: Payment re-subscribes; PaymentFailed is heard by OS -> 2.
    // Payment|Inventory: Inventory; InventoryFailed is heard by Payment -> 2.
    // Inventory|Shipping: Shipping; it has no failure output -> 1. Mean 5/3.
    const m = measure(t, 'insertStep');
    expect(m).toMatchObject({ value: 2, max: 2, mean: 1.667 });
    expect(m.positions.map((p) => p.participants)).toEqual([['paymentService', 'orderService'], ['inventoryService', 'paymentService'], ['shippingService']]);
  });

  it('flow visibility: all 4 subscribe to another participant’s event; failure handling: OrderService and PaymentService compensate', () => {
    expect(measure(t, 'flowVisibility')).toMatchObject({ value: 4 });
    expect(measure(t, 'failureHandling')).toMatchObject({ value: 2, participants: ['orderService', 'paymentService'] });
  });

  it('messages: 5 on the happy path; 4 when Payment fails, 6 when Inventory fails', () => {
    // Happy: PlaceOrder, OrderCreated, PaymentProcessed, InventoryDeducted, ShippingScheduled = 5.
    // Payment fails: PlaceOrder, OrderCreated, PaymentFailed, OrderCancelled = 4.
    // Inventory fails: PlaceOrder, OrderCreated, PaymentProcessed, InventoryFailed, PaymentRefunded, OrderCancelled = 6.
    // Shipping has no failure output: it cannot fail, so it has no failure run.
    expect(measure(t, 'messages')).toMatchObject({ value: 5, worstFailure: 6, meanFailure: 5 });
  });

  it('latency: 108 ms through 4 steps', () => {
    // 2 + OS 20 + 2 + Payment 40 + 2 + Inventory 20 + 2 + Shipping 20 = 108.
    expect(measure(t, 'latency')).toMatchObject({ value: 108, steps: 4, hops: 4, path: ['orderService', 'paymentService', 'inventoryService', 'shippingService'] });
  });

  it('test paths: the happy path, Payment failing and Inventory failing', () => {
    expect(measure(t, 'testPaths').value).toBe(3);
  });

  it('advice: Shipping is fire-and-forget; the 3-step workflow is worth orchestrating', () => {
    expect(t.advice.map((a) => a.message)).toEqual([
      'Workflow steps (something later waits for their result or undoes them): OrderService on PlaceOrder, PaymentService on OrderCreated and InventoryService on PaymentProcessed.',
      'Fire-and-forget reactions (nothing depends on their outcome): ShippingService on InventoryDeducted.',
      expect.stringMatching(/^The workflow has 3 steps .* The articles recommend the hybrid: orchestrate the workflow .*ShippingService keep subscribing to events\.$/),
    ]);
  });
});

describe('Checkout fan-out, choreographed', () => {
  // CompleteCheckout -> CheckoutService -> OrderCreated -> Email, Warehouse, Rewards, Analytics, each publishing a terminal event.
  const t = analyse(example('checkout-fanout'));

  it('measures the fan-out', () => {
    // coupling: each subscriber depends on CheckoutService (4 × 1, Checkout 0): max 1, mean 4/5.
    expect(measure(t, 'coupling')).toMatchObject({ value: 1, meanEfferent: 0.8, worst: 'emailService' });
    expect(measure(t, 'coupling').participants[0]).toMatchObject({ name: 'CheckoutService', afferent: 4 });
    // blast radius: 5 handlings; CheckoutService stops all, each subscriber only its own (0.2). Mean 1.8/5.
    expect(shares(t)).toEqual({ CheckoutService: 1, EmailService: 0.2, WarehouseService: 0.2, RewardsService: 0.2, AnalyticsService: 0.2 });
    expect(measure(t, 'blastRadius').mean).toBe(0.36);
    // schema change: OrderCreated touches its publisher and 4 subscribers; 5 other messages touch 1: mean 10/6.
    expect(measure(t, 'schemaChange')).toMatchObject({ value: 5, mean: 1.667, worst: 'orderCreated' });
    // adding a reaction: a fifth subscriber, nobody changes (the DEV comment's point).
    expect(measure(t, 'addReaction').value).toBe(0);
    // inserting a step between Checkout and a subscriber: that subscriber re-subscribes (4 places, 1 each).
    expect(measure(t, 'insertStep')).toMatchObject({ value: 1, mean: 1 });
    expect(measure(t, 'insertStep').positions).toHaveLength(4);
    expect(measure(t, 'flowVisibility')).toMatchObject({ value: 4, participants: ['emailService', 'warehouseService', 'rewardsService', 'analyticsService'] });
    expect(measure(t, 'failureHandling').value).toBe(0);
    // messages: CompleteCheckout, OrderCreated and 4 terminal events = 6; nothing can fail.
    expect(measure(t, 'messages')).toMatchObject({ value: 6, worstFailure: null, meanFailure: null, failures: [] });
    // latency: 2 + 20 + 2 + 20 = 44, 2 steps deep.
    expect(measure(t, 'latency')).toMatchObject({ value: 44, steps: 2 });
    expect(measure(t, 'testPaths').value).toBe(1);
  });

  it('advises that the four subscribers are fire-and-forget reactions', () => {
    expect(t.advice[1]).toEqual({
      message: 'Fire-and-forget reactions (nothing depends on their outcome): EmailService on OrderCreated, WarehouseService on OrderCreated, RewardsService on OrderCreated and AnalyticsService on OrderCreated.',
      nodes: ['emailService', 'orderCreated', 'warehouseService', 'rewardsService', 'analyticsService'],
    });
  });
});

describe('Create Order saga (Richardson)', () => {
  // CreateOrderSaga commands 6 steps: createOrder, verifyConsumer (query), createTicket,
  // authorizeCard (pivot), approveTicket, approveOrder; compensations rejectOrder, rejectTicket.
  const t = analyse(example('create-order-saga'));

  it('measures the saga', () => {
    expect(measure(t, 'coupling')).toMatchObject({ value: 4, meanEfferent: 0.8, worst: 'createOrderSaga' });
    // 13 handlings: the saga's 7 and 6 steps. Order's first handling is the 2nd (12 stop), Consumer's
    // the 4th (10), Kitchen's the 6th (8), Accounting's the 8th (6).
    expect(shares(t)).toEqual({ CreateOrderSaga: 1, OrderService: 0.923, ConsumerService: 0.769, KitchenService: 0.615, AccountingService: 0.462 });
    // 20 messages: PlaceOrder touches only the saga; 19 touch the saga and one service: 39/20.
    expect(measure(t, 'schemaChange')).toMatchObject({ value: 2, mean: 1.95 });
    expect(measure(t, 'addReaction').value).toBe(1);
    // 6 steps: 5 consecutive pairs, the saga changes for each.
    expect(measure(t, 'insertStep')).toMatchObject({ value: 1, mean: 1 });
    expect(measure(t, 'insertStep').positions).toHaveLength(5);
    expect(measure(t, 'flowVisibility').value).toBe(1);
    expect(measure(t, 'failureHandling').value).toBe(1);
    // Happy: PlaceOrder + 6 × (command, reply) = 13. Can fail: verifyConsumer, createTicket,
    // authorizeCard (createOrder has no failure reply; the approvals are retriable, no failure reply).
    // verifyConsumer fails: PlaceOrder, CreateOrder, OrderCreated, VerifyConsumer, ConsumerVerificationFailed, RejectOrder, OrderRejected = 7;
    // createTicket fails: + ConsumerVerified, CreateTicket, TicketCreationFailed instead = 9;
    // authorizeCard fails: 1 + 3 × 2 + AuthorizeCard, CardAuthorizationFailed + RejectTicket, TicketRejected, RejectOrder, OrderRejected = 13.
    expect(measure(t, 'messages')).toMatchObject({ value: 13, worstFailure: 13, meanFailure: 9.667 });
    expect(measure(t, 'messages').failures.map((f) => [f.message, f.messages])).toEqual([
      ['verifyConsumer', 7],
      ['createTicket', 9],
      ['authorizeCard', 13],
    ]);
    // 2 + 5 + 6 × (2 + 20 + 2 + 5) = 181.
    expect(measure(t, 'latency')).toMatchObject({ value: 181, steps: 6, hops: 13 });
    expect(measure(t, 'testPaths').value).toBe(4);
  });
});

describe('Credit reservation (microservices.io)', () => {
  // CreateOrder -> OrderService -> OrderCreated -> CustomerService (failure rate 0.1) ->
  // CreditReserved | CreditLimitExceeded -> OrderService -> OrderApproved | OrderRejected.
  const t = analyse(example('credit-reservation'));

  it('measures the choreography', () => {
    expect(measure(t, 'coupling')).toMatchObject({ value: 1, meanEfferent: 1 });
    // 3 handlings: OS(CreateOrder), Customer, OS(CreditReserved): OS 3/3, Customer 2/3.
    expect(shares(t)).toEqual({ OrderService: 1, CustomerService: 0.667 });
    // CreateOrder, OrderApproved, OrderRejected touch 1; OrderCreated, CreditReserved, CreditLimitExceeded 2: 9/6.
    expect(measure(t, 'schemaChange')).toMatchObject({ value: 2, mean: 1.5 });
    expect(measure(t, 'addReaction').value).toBe(0);
    // OS|Customer: Customer re-subscribes, OS hears CreditLimitExceeded -> 2; Customer|OS: OS -> 1.
    expect(measure(t, 'insertStep')).toMatchObject({ value: 2, mean: 1.5 });
    expect(measure(t, 'flowVisibility').value).toBe(2);
    expect(measure(t, 'failureHandling')).toMatchObject({ value: 1, participants: ['orderService'] });
    // Happy (the nominal run ignores the failure rate): CreateOrder, OrderCreated, CreditReserved, OrderApproved = 4;
    // Customer fails: CreateOrder, OrderCreated, CreditLimitExceeded, OrderRejected = 4.
    expect(measure(t, 'messages')).toMatchObject({ value: 4, worstFailure: 4, meanFailure: 4 });
    // 3 × (2 + 20) = 66.
    expect(measure(t, 'latency')).toMatchObject({ value: 66, steps: 3 });
    expect(measure(t, 'testPaths').value).toBe(2);
  });
});
