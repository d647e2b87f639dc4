import { describe, expect, it } from 'vitest';
import { example } from '../../model/testing/builder.ts';
import { fromInspectedKey, inspectedKey, inspectedOf } from './inspected.ts';

describe('what the inspector shows', () => {
  const doc = example('order-orchestrated');

  it('the design when nothing is selected', () => {
    expect(inspectedOf(doc, { nodes: [], edges: [] })).toEqual({ what: 'design' });
    expect(inspectedOf(null, { nodes: [], edges: [] })).toEqual({ what: 'none' });
  });

  it('one node or one connection', () => {
    expect(inspectedOf(doc, { nodes: ['processPayment'], edges: [] })).toEqual({ what: 'node', id: 'processPayment' });
    expect(inspectedOf(doc, { nodes: [], edges: ['e32'] })).toEqual({ what: 'edge', id: 'e32' });
  });

  it('a summary for several, and ignores ids that are no longer in the design', () => {
    expect(inspectedOf(doc, { nodes: ['processPayment', 'paymentService'], edges: ['e4'] })).toEqual({
      what: 'several',
      nodes: ['processPayment', 'paymentService'],
      edges: ['e4'],
    });
    expect(inspectedOf(doc, { nodes: ['processPayment', 'gone'], edges: ['e99'] })).toEqual({ what: 'node', id: 'processPayment' });
  });

  it('a note or a group, and notes and groups in a bigger selection', () => {
    const annotated = { ...doc, notes: [{ id: 'n1', text: 'hi', position: { x: 0, y: 0 } }], groups: [{ id: 'g1', name: 'Payments', nodes: ['paymentService'] }] };
    expect(inspectedOf(annotated, { nodes: ['n1'], edges: [] })).toEqual({ what: 'note', id: 'n1' });
    expect(inspectedOf(annotated, { nodes: ['g1'], edges: [] })).toEqual({ what: 'group', id: 'g1' });
    const several = inspectedOf(annotated, { nodes: ['g1', 'customer', 'n1'], edges: [] });
    expect(several).toEqual({ what: 'several', nodes: ['customer'], edges: [], annotations: ['n1', 'g1'] });
    expect(fromInspectedKey(inspectedKey(several))).toEqual(several);
    expect(fromInspectedKey(inspectedKey({ what: 'note', id: 'n1' }))).toEqual({ what: 'note', id: 'n1' });
  });

  it('round-trips through its flat key', () => {
    for (const i of [
      inspectedOf(doc, { nodes: [], edges: [] }),
      inspectedOf(doc, { nodes: ['customer'], edges: [] }),
      inspectedOf(doc, { nodes: [], edges: ['e1'] }),
      inspectedOf(doc, { nodes: ['customer', 'placeOrder'], edges: ['e1', 'e2'] }),
      inspectedOf(doc, { nodes: [], edges: ['e1', 'e2'] }),
    ]) {
      expect(fromInspectedKey(inspectedKey(i))).toEqual(i);
    }
  });
});
