import { describe, expect, it } from 'vitest';
import type { Fault } from '../model/index.ts';
import { example } from '../model/testing/builder.ts';
import { FAULT_FORM, FAULT_KINDS, failFault, FaultBook, faultKindsFor, faultProblem, noFaultsReason, parseFaultField, type FaultField } from './faults.ts';
import { seededRandom } from './random.ts';

/** A generator that always returns `x`. */
const always = (x: number) => () => x;

describe('FaultBook', () => {
  it('fires a fault on any of the targets, of the kind asked only', () => {
    const book = new FaultBook([{ target: 'svc', kind: 'transient' }]);
    expect(book.fire('businessFailure', ['edge', 'cmd', 'svc'], always(0))).toBeUndefined();
    expect(book.fire('transient', ['edge', undefined, 'svc'], always(0))).toEqual({ target: 'svc', kind: 'transient' });
    expect(book.fire('transient', ['other'], always(0))).toBeUndefined();
  });

  it('counts down `times`; without it a crash fires once and a failure every time', () => {
    const book = new FaultBook([
      { target: 'a', kind: 'businessFailure', times: 2 },
      { target: 'b', kind: 'crash' },
      { target: 'c', kind: 'businessFailure' },
    ]);
    const fired = (kind: Fault['kind'], target: string) => Array.from({ length: 5 }, () => book.fire(kind, [target], always(0)) !== undefined);
    expect(fired('businessFailure', 'a')).toEqual([true, true, false, false, false]);
    expect(fired('crash', 'b')).toEqual([true, false, false, false, false]);
    expect(fired('businessFailure', 'c')).toEqual([true, true, true, true, true]);
  });

  it('`times: 0` never fires', () => {
    expect(new FaultBook([{ target: 'a', kind: 'duplicate', times: 0 }]).fire('duplicate', ['a'], always(0))).toBeUndefined();
  });

  it('fires with its probability, drawing from the run generator', () => {
    const book = new FaultBook([{ target: 'a', kind: 'transient', probability: 0.25 }]);
    expect(book.fire('transient', ['a'], always(0.2))).toBeDefined();
    expect(book.fire('transient', ['a'], always(0.3))).toBeUndefined();
    const random = seededRandom(3);
    let n = 0;
    for (let i = 0; i < 10_000; i++) if (book.fire('transient', ['a'], random)) n++;
    expect(n / 10_000).toBeGreaterThan(0.23);
    expect(n / 10_000).toBeLessThan(0.27);
  });

  it('a probability that does not come up does not use up a time', () => {
    const book = new FaultBook([{ target: 'a', kind: 'transient', probability: 0.5, times: 1 }]);
    expect(book.fire('transient', ['a'], always(0.9))).toBeUndefined();
    expect(book.fire('transient', ['a'], always(0.1))).toBeDefined();
    expect(book.fire('transient', ['a'], always(0.1))).toBeUndefined();
  });

  it('adds up the delays of every delay fault that fires', () => {
    const book = new FaultBook([
      { target: 'edge', kind: 'delay', delayMs: 100 },
      { target: 'svc', kind: 'delay', delayMs: 30, times: 1 },
      { target: 'svc', kind: 'delay', delayMs: 7, probability: 0.5 },
    ]);
    expect(book.delay(['edge', 'svc'], always(0.4))).toBe(137);
    expect(book.delay(['edge', 'svc'], always(0.6))).toBe(100);
    expect(book.delay(['nothing'], always(0))).toBe(0);
  });

  it('an empty book draws no random numbers', () => {
    const book = new FaultBook([]);
    expect(book.empty).toBe(true);
    const random = () => {
      throw new Error('drew a number');
    };
    expect(book.fire('crash', ['a'], random)).toBeUndefined();
    expect(book.delay(['a'], random)).toBe(0);
  });
});

describe('faultProblem', () => {
  const doc = example('order-orchestrated');
  it.each([
    [{ target: 'paymentService', kind: 'transient', probability: 2 }, 'Chance: a probability from 0 to 1, not 2'],
    [{ target: 'paymentService', kind: 'delay', delayMs: -5 }, 'How much later: a number of milliseconds from 0 to 86,400,000, not -5'],
    [{ target: 'paymentService', kind: 'crash', delayMs: -5 }, 'Restarts after: a number of milliseconds from 0 to 86,400,000, not -5'],
    [{ target: 'paymentService', kind: 'explode' }, /^The kind of fault is one of business failure \(businessFailure\), transient failure \(transient\), .*got "explode"/],
    [{ target: 'paymentService', kind: 'crash', times: 1.5 }, 'How many crashes: a whole number from 0 to 1,000,000, not 1.5'],
    [{ target: 'paymentService', kind: 'transient', times: '2' }, /^Failed attempts: a whole number from 0 to 1,000,000; expected /],
    [{ target: 'ghost', kind: 'crash' }, "the fault's target 'ghost' is not a node or connection of this design"],
    [{ target: 'customer', kind: 'businessFailure' }, 'Customer is an actor: inject faults on a command, a service or a connection'],
    [{ target: 'orderService', kind: 'crash' }, 'OrderService is the orchestrator: inject faults on a command, a service or a connection'],
    [{ target: 'paymentFailed', kind: 'transient' }, 'PaymentFailed is an event: make the service that handles or publishes it fail instead'],
    [{ target: 'e4', kind: 'delay' }, 'How much later: say how many milliseconds later the message arrives (0 or more)'],
  ])('%j: %s', (fault, message) => {
    expect(faultProblem(doc, fault)).toMatch(message);
  });

  it.each([
    { target: 'paymentService', kind: 'crash', delayMs: 500 },
    { target: 'processPayment', kind: 'businessFailure', times: 1 },
    { target: 'e4', kind: 'duplicate', probability: 0.1 },
    { target: 'orderService', kind: 'delay', delayMs: 10 },
    { target: 'paymentFailed', kind: 'duplicate' },
  ])('accepts %j', (fault) => {
    expect(faultProblem(doc, fault)).toBeUndefined();
  });
});

describe('failFault (--fail NAME)', () => {
  const doc = example('order-orchestrated');
  it('finds a command or service by name or id', () => {
    expect(failFault(doc, 'InitiateShipping')).toEqual({ target: 'initiateShipping', kind: 'businessFailure' });
    expect(failFault(doc, ' paymentService ')).toEqual({ target: 'paymentService', kind: 'businessFailure' });
  });
  it('names the candidates when nothing matches, and ignores events and actors', () => {
    expect(() => failFault(doc, 'PaymentFailed')).toThrow(/^--fail PaymentFailed: no command or service has that name or id \(there are: PlaceOrder, ProcessPayment, /);
    expect(() => failFault(doc, 'Customer')).toThrow(/no command or service/);
  });
});

describe('the fault form (FAULT_FORM)', () => {
  const fieldsOf = (kind: Fault['kind']) => FAULT_FORM[kind].fields.map((f) => f.field);

  it('asks each kind only what it uses', () => {
    expect(fieldsOf('businessFailure')).toEqual(['times', 'probability']);
    expect(fieldsOf('transient')).toEqual(['times', 'probability']);
    expect(fieldsOf('crash')).toEqual(['delayMs', 'times', 'probability']);
    expect(fieldsOf('duplicate')).toEqual(['times', 'probability']);
    expect(fieldsOf('delay')).toEqual(['delayMs', 'times', 'probability']);
    // Only an extra delay cannot do without its duration.
    expect(FAULT_KINDS.flatMap((k) => FAULT_FORM[k].fields.filter((f) => f.required).map((f) => `${k}.${f.field}`))).toEqual(['delay.delayMs']);
  });

  it('says everything in words, never an attribute name', () => {
    const raw = /delayMs|probability|timeoutMs|maxAttempts|businessFailure|\btimes\b:/;
    for (const kind of FAULT_KINDS) {
      const spec = FAULT_FORM[kind];
      for (const text of [spec.label, spec.help, ...spec.fields.flatMap((f) => [f.label, f.help, f.placeholder])]) expect(text).not.toMatch(raw);
    }
  });

  const field = (kind: Fault['kind'], name: FaultField) => FAULT_FORM[kind].fields.find((f) => f.field === name)!;

  it.each([
    ['transient', 'probability', '30', 0.3],
    ['transient', 'probability', ' 30 % ', 0.3],
    ['transient', 'probability', '', undefined],
    ['transient', 'times', '2', 2],
    ['crash', 'delayMs', '1500', 1500],
    ['crash', 'delayMs', '1500 ms', 1500],
    ['crash', 'delayMs', '', undefined],
  ] as const)('%s, %s: "%s" is %s', (kind, name, text, value) => {
    expect(parseFaultField(field(kind, name), text)).toEqual({ ok: true, value });
  });

  it.each([
    ['transient', 'probability', '150', 'Chance: a percentage from 0 to 100, not 150.'],
    ['transient', 'probability', 'often', 'Chance: a percentage from 0 to 100, not often.'],
    ['transient', 'times', '1.5', 'Failed attempts: a whole number from 0 to 1,000,000, not 1.5.'],
    ['duplicate', 'times', '-1', 'How many messages: a whole number from 0 to 1,000,000, not -1.'],
    ['delay', 'delayMs', '', 'How much later: enter a number of milliseconds from 0 to 86,400,000 (a day).'],
    ['crash', 'delayMs', '2 days', 'Restarts after: a number of milliseconds from 0 to 86,400,000 (a day), not 2 days.'],
  ] as const)('%s, %s: "%s" is refused: %s', (kind, name, text, message) => {
    expect(parseFaultField(field(kind, name), text)).toEqual({ ok: false, message });
  });
});

describe('faultKindsFor: the kinds that do something on a target', () => {
  const doc = example('order-orchestrated');
  it.each([
    ['paymentService', FAULT_KINDS],
    ['processPayment', FAULT_KINDS],
    ['e4', FAULT_KINDS], // ProcessPayment handled by PaymentService
    ['orderService', ['duplicate', 'delay']],
    ['placeOrder', ['duplicate', 'delay']], // handled by the orchestrator
    ['paymentFailed', ['duplicate', 'delay']],
    ['e3', ['duplicate', 'delay']], // OrderService sends ProcessPayment
    ['e8', ['duplicate', 'delay']], // PaymentFailed subscribed by OrderService
    ['customer', []],
    ['e9', []], // ProcessPayment compensated by RefundPayment
  ] as const)('%s: %j', (target, kinds) => {
    expect(faultKindsFor(doc, target)).toEqual(kinds);
  });

  it('says why nothing can be injected, and what to select instead', () => {
    expect(noFaultsReason(doc, 'customer')).toMatch(/^An actor only starts the process: select the command it sends/);
    expect(noFaultsReason(doc, 'e9')).toMatch(/^Nothing travels on a compensated-by connection/);
  });

  it('accepts every kind it offers', () => {
    for (const target of [...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)])
      for (const kind of faultKindsFor(doc, target)) expect(faultProblem(doc, { target, kind, delayMs: 100 }), `${kind} on ${target}`).toBeUndefined();
  });
});
