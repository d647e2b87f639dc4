import { describe, expect, it } from 'vitest';
import { connect } from '../../model/operations.ts';
import { design, example } from '../../model/testing/builder.ts';
import { connectChoices, filterChoices } from './connectChoices.ts';

const names = (choices: { name: string }[]) => choices.map((c) => c.name);

describe('connectChoices', () => {
  const doc = design()
    .actor('Customer')
    .command('PlaceOrder')
    .service('Orders')
    .event('OrderPlaced')
    .event('OrderFailed', { outcome: 'failure' })
    .command('CancelOrder')
    .link('Customer', 'PlaceOrder', 'Orders', 'OrderPlaced')
    .edge('PlaceOrder', 'CancelOrder').doc;

  it('offers what the spec allows from a node, with the meaning, and refuses the rest with the canvas hint', () => {
    const { allowed, refused } = connectChoices(doc, 'Orders', 'out');
    expect(names(allowed)).toEqual(['CancelOrder', 'OrderFailed', 'PlaceOrder']);
    expect(allowed.find((c) => c.name === 'PlaceOrder')).toMatchObject({ source: 'Orders', target: 'PlaceOrder', meaning: 'sends', sentence: 'Orders sends PlaceOrder' });
    expect(allowed.find((c) => c.name === 'OrderFailed')).toMatchObject({ look: 'failure', kindLabel: 'Failure event', meaning: 'publishes' });
    // Already connected, or a pair the spec forbids: refused, with the reason a drag would show.
    expect(refused.find((c) => c.name === 'OrderPlaced')!.problem).toBe('Orders is already connected to OrderPlaced.');
    expect(refused.find((c) => c.name === 'Customer')!.problem).toMatch(/^A service cannot send to an actor/);
    expect(names(refused)).not.toContain('Orders');
  });

  it('connects into the node the other way round', () => {
    const { allowed } = connectChoices(doc, 'Orders', 'in');
    expect(names(allowed)).toEqual(['CancelOrder', 'OrderFailed', 'OrderPlaced']);
    expect(allowed.find((c) => c.name === 'OrderPlaced')).toMatchObject({ source: 'OrderPlaced', target: 'Orders', sentence: 'OrderPlaced subscribed by Orders' });
  });

  it('tells compensation commands apart', () => {
    const { allowed } = connectChoices(doc, 'Orders', 'out');
    expect(allowed.find((c) => c.name === 'CancelOrder')).toMatchObject({ look: 'compensation', kindLabel: 'Compensation' });
  });

  it('offers exactly the connections that connect() accepts', () => {
    const big = example('order-orchestrated');
    for (const node of big.nodes) {
      for (const direction of ['out', 'in'] as const) {
        const { allowed, refused } = connectChoices(big, node.id, direction);
        expect(allowed.length + refused.length).toBe(big.nodes.length - 1);
        for (const c of allowed) expect(connect(big, c.source, c.target).ok).toBe(true);
        for (const c of refused) expect(connect(big, c.source, c.target)).toEqual({ ok: false, reason: c.problem });
      }
    }
  });

  it('is empty for a node that is not in the design', () => {
    expect(connectChoices(doc, 'nope', 'out')).toEqual({ allowed: [], refused: [] });
  });
});

describe('filterChoices', () => {
  const { allowed } = connectChoices(example('order-orchestrated'), 'orderService', 'out');

  it('keeps names containing the query, those that start with it first, whatever the case', () => {
    expect(names(filterChoices(allowed, 'P'))).toEqual(['PaymentFailed', 'PaymentProcessed', 'PaymentRefunded', 'PlaceOrder', 'ShippingFailed', 'ShippingInitiated']);
    expect(filterChoices(allowed, '  ')).toEqual(allowed);
    expect(filterChoices(allowed, 'zzz')).toEqual([]);
  });

  it('matches the kind too', () => {
    expect(filterChoices(allowed, 'compensation').every((c) => c.look === 'compensation')).toBe(true);
  });
});
