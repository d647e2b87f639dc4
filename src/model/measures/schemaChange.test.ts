import { describe, expect, it } from 'vitest';
import { analyse } from '../analysis.ts';
import { buildGraph } from '../graph.ts';
import { design, example } from '../testing/builder.ts';
import { schemaChange, touchedBy } from './schemaChange.ts';

describe('touchedBy: who changes with a message’s schema', () => {
  it('OrderCreated (choreographed) touches its publisher and its subscriber', () => {
    const g = buildGraph(example('order-choreographed'));
    expect(touchedBy(g, 'orderCreated')).toEqual(['orderService', 'paymentService']);
  });

  it('an actor that sends a command is outside the design: only its handler is touched', () => {
    const g = buildGraph(example('order-orchestrated'));
    expect(touchedBy(g, 'placeOrder')).toEqual(['orderService']);
  });

  it('producers come first, then consumers, each participant once', () => {
    const doc = design()
      .service('Orders')
      .event('OrderCreated')
      .service('Payments')
      .service('Inventory')
      .service('Emails')
      .link('Orders', 'OrderCreated', 'Payments')
      .link('OrderCreated', 'Inventory')
      .link('OrderCreated', 'Emails')
      // A second subscription of the same participant counts once.
      .link('OrderCreated', 'Payments').doc;
    expect(touchedBy(buildGraph(doc), 'OrderCreated')).toEqual(['Orders', 'Payments', 'Inventory', 'Emails']);
  });

  it('a message nobody produces or consumes, or an unknown id, touches no participant', () => {
    const doc = design().event('Lonely').doc;
    expect(touchedBy(buildGraph(doc), 'Lonely')).toEqual([]);
    expect(touchedBy(buildGraph(doc), 'nope')).toEqual([]);
  });

  it('the measure reads the same answer for every message', () => {
    const doc = example('order-choreographed');
    const a = analyse(doc);
    const m = schemaChange(a);
    if (m.value === null) throw new Error(m.message);
    for (const row of m.messages) expect(row.participants).toEqual(touchedBy(a.graph, row.id));
  });
});
