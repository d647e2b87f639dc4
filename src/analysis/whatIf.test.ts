import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../model/index.ts';
import { design, example } from '../model/testing/builder.ts';
import { compilePlan, faultProblem, simulate } from '../simulation/index.ts';
import { CRASH_RESTART_MS, whatIfDown } from './whatIf.ts';

describe('whatIfDown', () => {
  const doc = example('order-orchestrated');
  const name = (id: string) => doc.nodes.find((n) => n.id === id)!.name;

  it('the orchestrator down stops every handling of the happy path', () => {
    const r = whatIfDown(doc, 'orderService');
    if (r.nodes === null) throw new Error(r.reason);
    expect(r).toMatchObject({ stopped: 7, handlings: 7, share: 1 });
    expect(r.nodes[0]).toBe('orderService');
    expect(r.nodes.map(name)).toEqual(expect.arrayContaining(['PaymentService', 'InventoryService', 'ShippingService', 'PlaceOrder', 'InitiateShipping']));
  });

  it('ShippingService down stops its own handling and the reply the orchestrator would have heard', () => {
    // The last step: Shipping on InitiateShipping, then OrderService on ShippingInitiated: 2 of 7.
    const r = whatIfDown(doc, 'shippingService');
    if (r.nodes === null) throw new Error(r.reason);
    expect(r).toMatchObject({ stopped: 2, share: 0.286 });
    expect(r.nodes.map(name).sort()).toEqual(['InitiateShipping', 'OrderService', 'ShippingInitiated', 'ShippingService']);
  });

  it('a design that cannot be simulated says why', () => {
    const r = whatIfDown({ ...doc, nodes: doc.nodes.filter((n) => n.kind !== 'actor'), edges: [] }, 'orderService');
    expect(r.nodes).toBeNull();
  });

  describe('the crash that shows it (mid-saga, restarting after a while)', () => {
    const crashOf = (d: SagaDocument, participant: string) => {
      const r = whatIfDown(d, participant);
      if (r.nodes === null) throw new Error(r.reason);
      return r.crash;
    };

    it('a service crashes as its first message of the saga arrives: the fault is on the service', () => {
      const crash = crashOf(doc, 'paymentService');
      expect(crash).toEqual({ fault: { target: 'paymentService', kind: 'crash', delayMs: CRASH_RESTART_MS }, at: 'processPayment', first: true });
      expect(faultProblem(doc, crash!.fault)).toBeUndefined();
    });

    it('an orchestrator crashes when the first reply arrives, on the connection it comes in on', () => {
      // OrderService handles PlaceOrder, then PaymentProcessed (e7: PaymentProcessed → OrderService).
      const crash = crashOf(doc, 'orderService');
      expect(crash).toEqual({ fault: { target: 'e7', kind: 'crash', delayMs: CRASH_RESTART_MS }, at: 'paymentProcessed', first: false });
      expect(faultProblem(doc, crash!.fault)).toBeUndefined();
    });

    it('simulated, it ends differently for a durable orchestrator (resumes: completed) and one that is not (the saga is lost: stuck)', () => {
      const outcome = (durable: boolean) => {
        const d = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'orchestrator' ? { ...n, durable } : n)) };
        return simulate(compilePlan(d), { faults: [crashOf(d, 'orderService')!.fault] }).outcome;
      };
      expect(outcome(true)).toBe('completed');
      expect(outcome(false)).toBe('stuck');
    });

    it('a service that handles nothing on the happy path still gets a crash, on no message in particular', () => {
      const d = design()
        .actor('Customer')
        .command('Go')
        .service('Worker')
        .event('Done', { terminal: true })
        .event('Failed', { outcome: 'failure' })
        .service('Janitor')
        .link('Customer', 'Go', 'Worker', 'Done')
        .edge('Worker', 'Failed')
        .link('Failed', 'Janitor').doc;
      expect(crashOf(d, 'Janitor')).toEqual({ fault: { target: 'Janitor', kind: 'crash', delayMs: CRASH_RESTART_MS }, at: null, first: true });
    });
  });
});
