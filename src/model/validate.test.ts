/**
 * Spec §2's opening: every rule runs on every document, one problem never hides another, hybrids
 * are checked by both styles where each applies, and the root cause comes first.
 */
import { describe, expect, it } from 'vitest';
import { CAUSAL_ORDER, RULES, sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { removeElements } from './operations.ts';
import type { SagaDocument } from './schema.ts';
import { design, edgeBetween, example, nodeNamed, unlink } from './testing/builder.ts';
import { d } from './testing/rules.ts';
import { validate } from './validate.ts';

const rules = (doc: SagaDocument) => validate(doc).diagnostics.map((x) => x.rule);
const named = (doc: SagaDocument, name: string) => nodeNamed(doc, name).id;

describe('a step that lost its compensation (spec §2)', () => {
  it('deleting RefundPayment in the orchestrated example is O008 on ProcessPayment, not O007/O009 on other steps', () => {
    const doc = example('order-orchestrated');
    const result = validate(removeElements(doc, [named(doc, 'RefundPayment')]));
    expect(result.style).toBe('orchestration');
    expect(result.diagnostics).toEqual([
      d(
        'O008',
        'error',
        'ProcessPayment has no compensation; or, if it is the go/no-go step, move it after DeductInventory.',
        'Draw a compensating command (e.g. UndoProcessPayment) handled by PaymentService, and connect ProcessPayment to it, so that it is undone when a later step fails; or, if ProcessPayment is the pivot, move it after DeductInventory, the last step that can still be undone.',
        ['processPayment', 'deductInventory'],
      ),
    ]);
  });

  it('deleting the compensated-by connection names the compensation it had', () => {
    const doc = example('order-orchestrated');
    unlink(doc, 'ProcessPayment', 'RefundPayment');
    expect(rules(doc)).toEqual(['G013', 'O008']);
    expect(validate(doc).diagnostics[1]!.hint).toMatch(/^Connect ProcessPayment to RefundPayment \("compensated by"\) if RefundPayment undoes it/);
  });

  it('the same in the Create Order saga, where the types are declared', () => {
    const doc = example('create-order-saga');
    expect(rules(removeElements(doc, [named(doc, 'RejectOrder')]))).toEqual(['G013', 'O008']);
  });
});

describe('hybrids are checked by both styles where each applies', () => {
  /** The orchestrated example, left on auto, in which PaymentService commands InventoryService itself. */
  const commanding = () => {
    const doc = example('order-orchestrated');
    doc.declaredStyle = 'auto';
    doc.edges.push({ id: 'x', source: named(doc, 'PaymentService'), target: named(doc, 'DeductInventory'), on: [named(doc, 'ProcessPayment')] });
    return doc;
  };

  it('a participant that commands another is O002 at once', () => {
    const result = validate(commanding());
    expect(result.style).toBe('hybrid');
    expect(result.diagnostics.filter((x) => x.rule === 'O002')).toEqual([
      d(
        'O002',
        'error',
        'PaymentService sends DeductInventory itself; in an orchestration only OrderService sends commands.',
        'Let PaymentService reply to OrderService with an event, and have OrderService send DeductInventory.',
        ['paymentService', 'deductInventory'],
        ['x'],
      ),
    ]);
    // O002 names it: C003 does not say it again
    expect(rules(commanding())).not.toContain('C003');
  });

  it('the orchestrated part gets the orchestration rules, the reactions between participants the choreography rules', () => {
    const doc = commanding();
    // a step without its timeout (orchestration); LoyaltyService awards points on PaymentProcessed and
    // CouponService fails on them without telling anyone (choreography)
    delete (nodeNamed(doc, 'InitiateShipping') as { timeoutMs?: number }).timeoutMs;
    doc.nodes.push(
      { id: 'loyalty', kind: 'service', name: 'LoyaltyService', idempotent: true },
      { id: 'awarded', kind: 'event', name: 'PointsAwarded' },
      { id: 'coupons', kind: 'service', name: 'CouponService', idempotent: true },
      { id: 'couponFailed', kind: 'event', name: 'CouponFailed', outcome: 'failure', terminal: true },
    );
    doc.edges.push(
      { id: 'y1', source: named(doc, 'PaymentProcessed'), target: 'loyalty' },
      { id: 'y2', source: 'loyalty', target: 'awarded' },
      { id: 'y3', source: 'awarded', target: 'coupons' },
      { id: 'y4', source: 'coupons', target: 'couponFailed' },
    );
    const found = rules(doc);
    expect(found).toEqual(['O002', 'C006', 'C005', 'O013']);
    // a fire-and-forget subscriber is the hybrid's choreographed part: no O005
    expect(found).not.toContain('O005');
  });

  it('a hybrid without an orchestrator gets C003 for the commands between participants', () => {
    const doc = example('order-choreographed');
    doc.declaredStyle = 'auto';
    doc.nodes.push({ id: 'rs', kind: 'command', name: 'ReserveStock' }, { id: 'ss', kind: 'command', name: 'ScheduleShipment' });
    doc.edges.push(
      { id: 'x1', source: named(doc, 'PaymentService'), target: 'rs', on: [named(doc, 'OrderCreated')] },
      { id: 'x2', source: 'rs', target: named(doc, 'InventoryService') },
      { id: 'x3', source: named(doc, 'InventoryService'), target: 'ss', on: [named(doc, 'PaymentProcessed')] },
      { id: 'x4', source: 'ss', target: named(doc, 'ShippingService') },
    );
    const result = validate(doc);
    expect(result.style).toBe('hybrid');
    expect(result.diagnostics.filter((x) => x.rule === 'C003').map((x) => x.edges)).toEqual([['x1'], ['x3']]);
    expect(rules(doc).filter((r) => r.startsWith('O'))).toEqual([]);
  });

  it('a hidden orchestrator is C007, not a missing orchestrator', () => {
    const doc = design()
      .actor('User')
      .command('Begin')
      .service('Hub')
      .event('OneRequested')
      .event('TwoRequested')
      .event('AllDone', { terminal: true })
      .service('One')
      .event('OneDone')
      .service('Two')
      .event('TwoDone')
      .link('User', 'Begin', 'Hub')
      .edge('Hub', 'OneRequested', { on: ['Begin'] })
      .link('OneRequested', 'One', 'OneDone', 'Hub')
      .edge('Hub', 'TwoRequested', { on: ['OneDone'] })
      .link('TwoRequested', 'Two', 'TwoDone', 'Hub')
      .edge('Hub', 'AllDone', { on: ['TwoDone'] }).doc;
    expect(validate(doc).style).toBe('hybrid');
    expect(rules(doc)).toEqual(['C007']);
  });

  it('a declared style keeps its own rules whole: O005 for a declared orchestration', () => {
    const doc = example('order-orchestrated');
    doc.edges.push({ id: 'x', source: named(doc, 'PaymentProcessed'), target: named(doc, 'InventoryService') });
    expect(validate(doc).style).toBe('hybrid');
    expect(rules(doc)).toEqual(['O005', 'X001']);
  });
});

describe('a missing "on" hides nothing', () => {
  it('a reply without "on" still answers the step: no O004, only G013', () => {
    const doc = example('order-orchestrated');
    delete edgeBetween(doc, 'PaymentService', 'PaymentProcessed').on;
    expect(rules(doc)).toEqual(['G013']);
  });

  it('C005 still speaks, after G013', () => {
    // PaymentService also hears of audits, and its reply says no "on"; InventoryFailed no longer reaches it
    const doc = example('order-choreographed');
    doc.nodes.push({ id: 'audit', kind: 'event', name: 'AuditRequested', terminal: true });
    doc.edges.push({ id: 'a1', source: named(doc, 'OrderService'), target: 'audit', on: [named(doc, 'PlaceOrder')] }, { id: 'a2', source: 'audit', target: named(doc, 'PaymentService') });
    delete edgeBetween(doc, 'PaymentService', 'PaymentProcessed').on;
    unlink(doc, 'InventoryFailed', 'PaymentService');
    edgeBetween(doc, 'PaymentService', 'PaymentRefunded').on = [named(doc, 'OrderCreated')];
    const found = rules(doc);
    expect(found).toEqual(['G013', 'C006', 'C005', 'G007']);
    // without "on", PaymentProcessed is read as answering both of PaymentService's inputs
    expect(validate(doc).diagnostics[2]!.message).toBe(
      'InventoryFailed (when InventoryService fails on PaymentProcessed) never reaches PaymentService (which handled OrderCreated and AuditRequested) and OrderService (which handled PlaceOrder): their changes are never compensated.',
    );
  });
});

describe('G007 in every style', () => {
  it('an orchestration, a choreography and a hybrid each report an event nobody consumes', () => {
    const orchestrated = example('order-orchestrated');
    unlink(orchestrated, 'InventoryRestored', 'OrderService');
    expect(rules(orchestrated)).toEqual(['G007']);
    const choreographed = example('order-choreographed');
    delete (nodeNamed(choreographed, 'ShippingScheduled') as { terminal?: boolean }).terminal;
    // C002 stays for choreographies
    expect(rules(choreographed)).toEqual(['G007', 'C002']);
  });
});

describe('root causes first', () => {
  it('orders every rule once', () => {
    expect([...CAUSAL_ORDER].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('puts errors first, then the rules in causal order, then the order found', () => {
    const x = (rule: Diagnostic['rule'], severity: Diagnostic['severity'], message: string) => d(rule, severity, message, '');
    const sorted = sortDiagnostics([
      x('C005', 'error', 'a'),
      x('G007', 'warning', 'b'),
      x('O008', 'error', 'c'),
      x('G013', 'error', 'd'),
      x('O007', 'error', 'e'),
      x('O013', 'info', 'f'),
      x('G013', 'error', 'g'),
      x('X001', 'warning', 'h'),
    ]);
    expect(sorted.map((s) => `${s.rule}${s.message}`)).toEqual(['G013d', 'G013g', 'O008c', 'O007e', 'C005a', 'G007b', 'X001h', 'O013f']);
  });
});
