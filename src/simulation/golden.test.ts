/**
 * Golden traces (spec §4): each case simulates a design with faults and a seed, and compares
 * the whole result — outcome, reason, duration and every trace entry — with the JSON file
 * checked in under src/simulation/golden/<case>.json. Properties the spec states are also
 * asserted from the trace itself, so a golden file cannot quietly bless a wrong run.
 *
 * When a change of the engine is meant to change traces, rewrite the files and review the diff:
 *
 *   UPDATE_GOLDEN=1 npx vitest run src/simulation/golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepsOf, type Fault, type SagaDocument } from '../model/index.ts';
import { design, example, nodeNamed, type ExampleId } from '../model/testing/builder.ts';
import { compilePlan, simulate, type RunResult, type TraceEntry } from './index.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  /** The golden file's name. */
  name: string;
  /** What the case shows, kept in the file for whoever reads it. */
  about: string;
  design: string;
  doc: SagaDocument;
  faults: Fault[];
  seed?: number;
}

const run = (c: Pick<Case, 'doc' | 'faults' | 'seed'>): RunResult => simulate(compilePlan(c.doc), { seed: c.seed ?? 1, faults: c.faults });

/** The golden file: the case, then the result with one trace entry a line, so diffs read well. */
function serialize(c: Case, r: RunResult): string {
  const head = { case: c.name, about: c.about, design: c.design, seed: c.seed ?? 1, faults: c.faults, outcome: r.outcome, reason: r.reason, durationMs: r.durationMs, messages: r.messages };
  const body = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${body},\n  "trace": [\n${r.trace.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
}

function expectGolden(c: Case, r: RunResult): void {
  const file = join(GOLDEN_DIR, `${c.name}.json`);
  const text = serialize(c, r);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden trace ${file}: run UPDATE_GOLDEN=1 npx vitest run src/simulation/golden.test.ts`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

// ---- designs -----------------------------------------------------------------------------

const EXAMPLES: ExampleId[] = ['order-orchestrated', 'order-choreographed', 'checkout-fanout', 'create-order-saga', 'credit-reservation'];

function changed(id: ExampleId, change: (doc: SagaDocument) => void): SagaDocument {
  const doc = example(id);
  change(doc);
  return doc;
}

/** order-orchestrated whose PaymentService is not idempotent. */
const nonIdempotentPayment = () => changed('order-orchestrated', (d) => Object.assign(nodeNamed(d, 'PaymentService'), { idempotent: false }));
/** order-orchestrated where DeductInventory is retried up to 3 attempts on transient failures. */
const retriedInventory = () => changed('order-orchestrated', (d) => Object.assign(nodeNamed(d, 'DeductInventory'), { retry: { maxAttempts: 3 } }));

/** Two services that answer each other's events forever: an event storm (C004). */
const storm = () =>
  design('Ping pong')
    .actor('User')
    .command('Start')
    .service('Pinger')
    .event('Pinged')
    .service('Ponger')
    .event('Ponged')
    .link('User', 'Start', 'Pinger')
    .edge('Pinger', 'Pinged', { on: ['Start', 'Ponged'] })
    .link('Pinged', 'Ponger', 'Ponged', 'Pinger').doc;

const fail = (target: string, times?: number): Fault => ({ target, kind: 'businessFailure', ...(times !== undefined ? { times } : {}) });

// ---- trace helpers -------------------------------------------------------------------------

const entries = (r: RunResult, type: TraceEntry['type']) => r.trace.filter((e) => e.type === type);

/** The orchestrated steps of a design in flow order, with their types and compensations. */
function steps(doc: SagaDocument) {
  const plan = compilePlan(doc);
  const orchestrator = plan.participants.find((p) => p.isOrchestrator)!;
  return stepsOf(plan.analysis, orchestrator.node).map((s) => ({ id: s.command.id, type: s.type, compensation: s.compensation?.id }));
}

/**
 * Backward recovery as spec §1.3 and §4.4 say: the compensations completed are those of the
 * compensatable steps that completed, each once, in reverse order of completion; nothing at or
 * after the pivot is compensated.
 */
function expectBackwardRecovery(doc: SagaDocument, r: RunResult): void {
  const all = steps(doc);
  const byCompensation = new Map(all.filter((s) => s.compensation).map((s) => [s.compensation!, s]));
  const stepIds = new Set(all.map((s) => s.id));
  const completed = entries(r, 'HANDLER_SUCCEEDED').filter((e) => stepIds.has(e.messageNode!)).map((e) => e.messageNode!);
  const undone = entries(r, 'COMPENSATION_COMPLETED').filter((e) => e.messageNode !== null).map((e) => byCompensation.get(e.messageNode!)!.id);
  const expected = completed.filter((id) => all.find((s) => s.id === id)!.compensation).reverse();
  expect(undone).toEqual(expected);
  expect(new Set(undone).size).toBe(undone.length);
  const pivot = all.findIndex((s) => s.type === 'pivot');
  for (const id of undone) {
    expect(all.find((s) => s.id === id)!.type).toBe('compensatable');
    if (pivot >= 0) expect(all.findIndex((s) => s.id === id)).toBeLessThan(pivot);
  }
  // Recovery ends before the outcome, and nothing but replies and compensations happens in it.
  const started = r.trace.findIndex((e) => e.type === 'COMPENSATION_STARTED' && e.messageNode === null);
  expect(started).toBeGreaterThan(0);
  const after = r.trace.slice(started).filter((e) => e.type === 'HANDLER_STARTED' && e.messageNode && stepIds.has(e.messageNode));
  expect(after).toEqual([]);
}

// ---- the cases -----------------------------------------------------------------------------

describe('golden traces', () => {
  describe('no failure: every reference design completes', () => {
    it.each(EXAMPLES)('%s', (id) => {
      const c: Case = { name: `completed-${id}`, about: 'no fault: the saga completes', design: id, doc: example(id), faults: [] };
      const r = run(c);
      expect(r.outcome).toBe('completed');
      expect(entries(r, 'HANDLER_FAILED')).toEqual([]);
      expect(entries(r, 'COMPENSATION_STARTED')).toEqual([]);
      expectGolden(c, r);
    });
  });

  describe('a business failure of a step before or at the pivot is compensated in reverse order', () => {
    const cases: [ExampleId, string, string, string][] = [
      ['order-orchestrated', 'ProcessPayment', 'processPayment', 'PaymentService failed on ProcessPayment before anything needed undoing'],
      ['order-orchestrated', 'DeductInventory', 'deductInventory', 'InventoryService failed on DeductInventory; undone in this order: ProcessPayment'],
      ['order-orchestrated', 'InitiateShipping', 'initiateShipping', 'ShippingService failed on InitiateShipping; undone in this order: DeductInventory and ProcessPayment'],
      ['create-order-saga', 'CreateOrder', 'createOrder', 'OrderService failed on CreateOrder before anything needed undoing'],
      ['create-order-saga', 'VerifyConsumer', 'verifyConsumer', 'ConsumerService failed on VerifyConsumer; undone in this order: CreateOrder'],
      ['create-order-saga', 'CreateTicket', 'createTicket', 'KitchenService failed on CreateTicket; undone in this order: CreateOrder'],
      ['create-order-saga', 'AuthorizeCard', 'authorizeCard', 'AccountingService failed on AuthorizeCard; undone in this order: CreateTicket and CreateOrder'],
    ];
    it.each(cases)('%s: %s fails', (id, step, target, reason) => {
      const doc = example(id);
      const c: Case = { name: `compensated-${id}-${target}`, about: `${step} always fails: backward recovery`, design: id, doc, faults: [fail(target)] };
      const r = run(c);
      expect(r.outcome).toBe('compensated');
      expect(r.reason).toBe(reason);
      expectBackwardRecovery(doc, r);
      expectGolden(c, r);
    });
  });

  describe('a step after the pivot is retried, never compensated', () => {
    it.each([
      ['ApproveTicket', 'approveTicket'],
      ['ApproveOrder', 'approveOrder'],
    ])('create-order-saga: %s fails twice, then succeeds', (step, target) => {
      const doc = example('create-order-saga');
      const c: Case = { name: `retried-after-pivot-create-order-saga-${target}`, about: `${step} fails twice after the pivot: retried until it succeeds`, design: 'create-order-saga', doc, faults: [fail(target, 2)] };
      const r = run(c);
      expect(r.outcome).toBe('completed');
      expect(entries(r, 'COMPENSATION_STARTED')).toEqual([]);
      expect(entries(r, 'HANDLER_FAILED').filter((e) => e.messageNode === target)).toHaveLength(2);
      expect(entries(r, 'HANDLER_SUCCEEDED').filter((e) => e.messageNode === target)).toHaveLength(1);
      expect(entries(r, 'RETRY_SCHEDULED').length).toBeGreaterThanOrEqual(2);
      expectGolden(c, r);
    });

    it('create-order-saga: ApproveOrder always fails: stuck after its attempts, nothing compensated', () => {
      const r = run({ doc: example('create-order-saga'), faults: [fail('approveOrder')] });
      expect(r.outcome).toBe('stuck');
      expect(r.reason).toBe('ApproveOrder failed 100 times after the pivot: a retriable step must eventually succeed');
      expect(r.trace.filter((e) => e.type.startsWith('COMPENSATION_'))).toEqual([]);
    });
  });

  it('a choreography compensates through failure events', () => {
    const c: Case = { name: 'compensated-order-choreographed-inventoryService', about: 'InventoryService fails: InventoryFailed makes PaymentService refund, then the order is cancelled', design: 'order-choreographed', doc: example('order-choreographed'), faults: [fail('inventoryService')] };
    const r = run(c);
    expect(r.outcome).toBe('compensated');
    expect(r.reason).toBe('InventoryService failed on PaymentProcessed; undone in this order: OrderCreated and PlaceOrder');
    expectGolden(c, r);
  });

  it('a failure nobody hears leaves the saga inconsistent', () => {
    const c: Case = { name: 'inconsistent-order-choreographed-shippingService', about: 'ShippingService fails and publishes nothing: nobody compensates', design: 'order-choreographed', doc: example('order-choreographed'), faults: [fail('shippingService')] };
    const r = run(c);
    expect(r.outcome).toBe('inconsistent');
    expect(r.reason).toBe("ShippingService failed on InventoryDeducted, and nothing undid OrderService's PlaceOrder, PaymentService's OrderCreated and InventoryService's PaymentProcessed");
    expect(entries(r, 'HANDLER_FAILED').at(-1)!.detail).toBe('business failure: no failure event is drawn, nobody hears it');
    expectGolden(c, r);
  });

  describe('duplicates', () => {
    it('to a non-idempotent handler: applied twice, inconsistent', () => {
      const c: Case = { name: 'inconsistent-duplicate-non-idempotent', about: 'ProcessPayment delivered twice to a PaymentService that is not idempotent', design: 'order-orchestrated, PaymentService not idempotent', doc: nonIdempotentPayment(), faults: [{ target: 'processPayment', kind: 'duplicate', times: 1 }] };
      const r = run(c);
      expect(r.outcome).toBe('inconsistent');
      expect(r.reason).toMatch(/^PaymentService applied ProcessPayment twice: /);
      expect(entries(r, 'DUPLICATE_DELIVERED')).toHaveLength(1);
      expect(entries(r, 'DUPLICATE_SUPPRESSED')).toEqual([]);
      expect(entries(r, 'HANDLER_SUCCEEDED').filter((e) => e.messageNode === 'processPayment')).toHaveLength(2);
      expectGolden(c, r);
    });

    it('to an idempotent handler: suppressed, completed', () => {
      const c: Case = { name: 'completed-duplicate-idempotent', about: 'ProcessPayment delivered twice to an idempotent PaymentService', design: 'order-orchestrated', doc: example('order-orchestrated'), faults: [{ target: 'processPayment', kind: 'duplicate', times: 1 }] };
      const r = run(c);
      expect(r.outcome).toBe('completed');
      expect(entries(r, 'DUPLICATE_SUPPRESSED')).toMatchObject([{ messageNode: 'processPayment', node: 'paymentService' }]);
      expect(entries(r, 'HANDLER_SUCCEEDED').filter((e) => e.messageNode === 'processPayment')).toHaveLength(1);
      expectGolden(c, r);
    });
  });

  describe('transient failures', () => {
    it('within the retry budget: retried, completed', () => {
      const c: Case = { name: 'completed-transient-within-budget', about: 'DeductInventory (retry maxAttempts 3) fails transiently twice', design: 'order-orchestrated, DeductInventory retry {maxAttempts: 3}', doc: retriedInventory(), faults: [{ target: 'deductInventory', kind: 'transient', times: 2 }] };
      const r = run(c);
      expect(r.outcome).toBe('completed');
      const retries = entries(r, 'RETRY_SCHEDULED');
      expect(retries.map((e) => [e.messageNode, e.attempt, e.detail])).toEqual([
        ['deductInventory', 1, 'attempt 2 in 100 ms'],
        ['deductInventory', 2, 'attempt 3 in 200 ms'],
      ]);
      expect(entries(r, 'HANDLER_SUCCEEDED').find((e) => e.messageNode === 'deductInventory')!.attempt).toBe(3);
      expectGolden(c, r);
    });

    it('beyond the retry budget: a business failure, compensated', () => {
      const c: Case = { name: 'compensated-transient-beyond-budget', about: 'DeductInventory (retry maxAttempts 3) fails transiently every time', design: 'order-orchestrated, DeductInventory retry {maxAttempts: 3}', doc: retriedInventory(), faults: [{ target: 'deductInventory', kind: 'transient' }] };
      const r = run(c);
      expect(r.outcome).toBe('compensated');
      expect(entries(r, 'RETRY_SCHEDULED')).toHaveLength(2);
      expect(entries(r, 'HANDLER_FAILED').at(-1)!.detail).toBe('transient failure, no retries left: a business failure');
      expectBackwardRecovery(c.doc, r);
      expectGolden(c, r);
    });
  });

  describe('crashes', () => {
    it('with a restart: messages wait, the saga completes later', () => {
      const c: Case = { name: 'completed-crash-restart', about: 'InventoryService crashes and restarts 500 ms later', design: 'order-orchestrated', doc: example('order-orchestrated'), faults: [{ target: 'inventoryService', kind: 'crash', delayMs: 500 }] };
      const r = run(c);
      const undisturbed = run({ doc: example('order-orchestrated'), faults: [] });
      expect(r.outcome).toBe('completed');
      expect(r.durationMs).toBeGreaterThan(undisturbed.durationMs + 400);
      expect(entries(r, 'SERVICE_CRASHED')).toHaveLength(1);
      expect(entries(r, 'SERVICE_RESTARTED')).toMatchObject([{ node: 'inventoryService', detail: '1 message waiting' }]);
      expectGolden(c, r);
    });

    it('a handling in progress is lost in the crash and handled again after the restart', () => {
      const c: Case = {
        name: 'completed-crash-loses-handling',
        about: 'a duplicate of ProcessPayment crashes PaymentService while it handles the original: both wait, the original is handled after the restart, the duplicate suppressed',
        design: 'order-orchestrated',
        doc: example('order-orchestrated'),
        faults: [
          { target: 'processPayment', kind: 'duplicate', times: 1 },
          { target: 'processPayment', kind: 'crash', probability: 0.5, delayMs: 100 },
        ],
        seed: 3,
      };
      const r = run(c);
      const types = r.trace.map((e) => e.type);
      expect(types.indexOf('SERVICE_CRASHED')).toBe(types.indexOf('DUPLICATE_DELIVERED') + 1);
      expect(types.indexOf('SERVICE_CRASHED')).toBeGreaterThan(types.indexOf('HANDLER_STARTED', types.indexOf('MESSAGE_DELIVERED', 5)));
      expect(r.outcome).toBe('completed');
      expect(entries(r, 'TIMEOUT_FIRED')).toEqual([]);
      expect(entries(r, 'HANDLER_SUCCEEDED').filter((e) => e.messageNode === 'processPayment')).toHaveLength(1);
      expectGolden(c, r);
    });

    it('without a restart: stuck', () => {
      const c: Case = { name: 'stuck-crash-no-restart', about: 'InventoryService crashes for good', design: 'order-orchestrated', doc: example('order-orchestrated'), faults: [{ target: 'inventoryService', kind: 'crash' }] };
      const r = run(c);
      expect(r.outcome).toBe('stuck');
      expect(r.reason).toBe('InventoryService crashed and never restarted: DeductInventory waits for it');
      expect(entries(r, 'SERVICE_RESTARTED')).toEqual([]);
      expectGolden(c, r);
    });

    // The orchestrator crashes mid-saga: when PaymentService's reply arrives (on the connection
    // PaymentProcessed → OrderService, e7), with ProcessPayment done, and restarts 1 s later.
    const orchestratorCrash: Fault[] = [{ target: 'e7', kind: 'crash', delayMs: 1000 }];
    const orchestrator = (durable: boolean | undefined) => changed('order-orchestrated', (d) => Object.assign(nodeNamed(d, 'OrderService'), { durable }));

    it('a durable orchestrator keeps the saga through a crash: after the restart it resumes and completes', () => {
      const c: Case = { name: 'completed-crash-durable-orchestrator', about: 'OrderService (durable, the default) crashes when PaymentProcessed arrives and restarts 1 s later', design: 'order-orchestrated', doc: orchestrator(undefined), faults: orchestratorCrash };
      const r = run(c);
      expect(r.outcome).toBe('completed');
      expect(entries(r, 'SERVICE_CRASHED')).toMatchObject([{ node: 'orderService', detail: "restarts in 1000 ms; durable: the saga's state is kept" }]);
      expect(entries(r, 'HANDLER_SUCCEEDED').map((e) => e.messageName)).toEqual(['PlaceOrder', 'ProcessPayment', 'PaymentProcessed', 'DeductInventory', 'InventoryDeducted', 'InitiateShipping', 'ShippingInitiated']);
      expect(run({ doc: orchestrator(true), faults: orchestratorCrash })).toEqual(r);
      expectGolden(c, r);
    });

    it('an orchestrator that is not durable loses the saga it was running: the reply is ignored and the saga is stuck', () => {
      const c: Case = { name: 'stuck-crash-orchestrator-not-durable', about: 'OrderService (durable: false) crashes when PaymentProcessed arrives and restarts 1 s later', design: 'order-orchestrated', doc: orchestrator(false), faults: orchestratorCrash };
      const r = run(c);
      expect(r.outcome).toBe('stuck');
      expect(r.reason).toBe("OrderService is not durable: it lost the saga's state when it crashed, so nothing moves the saga on");
      expect(entries(r, 'SERVICE_CRASHED')).toMatchObject([{ node: 'orderService', detail: "restarts in 1000 ms; not durable: the saga's state is lost" }]);
      expect(entries(r, 'HANDLER_SUCCEEDED').at(-1)).toMatchObject({ messageName: 'PaymentProcessed', detail: "lost the saga's state in its crash (not durable): does not know ProcessPayment, reply ignored" });
      // Nothing after payment happens, and its timeout, no longer awaited, never fires.
      expect(r.trace.some((e) => e.messageName === 'DeductInventory')).toBe(false);
      expect(entries(r, 'TIMEOUT_FIRED')).toEqual([]);
      expectGolden(c, r);
    });

    it('an orchestrator that is not durable and crashes before it holds any saga state loses nothing', () => {
      // Crashing on the trigger: PlaceOrder waits and is handled afresh after the restart.
      const r = run({ doc: orchestrator(false), faults: [{ target: 'e2', kind: 'crash', delayMs: 1000 }] });
      expect(r.outcome).toBe('completed');
      expect(entries(r, 'SERVICE_CRASHED')[0]!.detail).toBe('restarts in 1000 ms; not durable, but it held no saga state yet');
    });
  });

  it('a reply after the timeout is ignored, and the late effect leaves the saga inconsistent', () => {
    const c: Case = { name: 'inconsistent-late-reply', about: 'ProcessPayment arrives 6 s late (timeout 5 s, no retry): the orchestrator cancels, then the payment is taken anyway', design: 'order-orchestrated', doc: example('order-orchestrated'), faults: [{ target: 'processPayment', kind: 'delay', delayMs: 6000, times: 1 }] };
    const r = run(c);
    expect(entries(r, 'TIMEOUT_FIRED')).toHaveLength(1);
    expect(entries(r, 'HANDLER_SUCCEEDED').at(-1)!.detail).toBe('no longer waiting for ProcessPayment: reply ignored');
    expect(r.outcome).toBe('inconsistent');
    expect(r.reason).toBe("PaymentService did not answer ProcessPayment within 5000 ms, and nothing undid PaymentService's ProcessPayment (applied after it had failed)");
    expectGolden(c, r);
  });

  it('an event storm stops at the bound, stuck, naming the cycle, quickly', () => {
    const c: Case = { name: 'stuck-event-storm', about: 'Pinged and Ponged trigger each other forever (run with maxMessages 20)', design: 'ping pong (built in the test)', doc: storm(), faults: [] };
    const t0 = performance.now();
    const r = simulate(compilePlan(c.doc), { seed: 1, maxMessages: 20 });
    const bounded = simulate(compilePlan(c.doc), { seed: 1 });
    expect(performance.now() - t0).toBeLessThan(2_000);
    for (const [result, bound] of [[r, '20'], [bounded, '10,000']] as const) {
      expect(result.outcome).toBe('stuck');
      expect(result.reason).toBe(`stopped after ${bound} messages: an event storm in the cycle Ponged → Pinged → Ponged`);
      expect(result.trace.at(-1)!.type).toBe('SAGA_STUCK');
    }
    expect(bounded.messages).toBe(10_001);
    // The golden file keeps the short run: the same cycle, a readable file.
    expectGolden(c, r);
  });

  describe('determinism (spec §4.1)', () => {
    const faults: Fault[] = [
      { target: 'processPayment', kind: 'duplicate', probability: 0.5 },
      { target: 'deductInventory', kind: 'transient', probability: 0.5, times: 2 },
      { target: 'inventoryService', kind: 'delay', delayMs: 30, probability: 0.5 },
    ];
    const json = (seed: number) => JSON.stringify(run({ doc: retriedInventory(), faults, seed }));

    it('the same design, faults and seed give the same trace, byte for byte', () => {
      expect(json(42)).toBe(json(42));
    });

    it('another seed gives other timings', () => {
      const times = (seed: number) => (JSON.parse(json(seed)) as RunResult).trace.map((e) => e.t);
      expect(times(43)).not.toEqual(times(42));
    });
  });
});
