import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { whatIfDown } from './whatIf.ts';

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
});
