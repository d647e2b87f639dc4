import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { useDesignStore } from './designStore.ts';
import { onlyMoved, validationOf } from './validation.ts';

describe('validationOf', () => {
  it('validates a document once, and again only when the document object changes', () => {
    const doc = example('checkout-fanout');
    const first = validationOf(doc);
    expect(validationOf(doc)).toBe(first);
    expect(first.style).toBe('choreography');
    const edited = { ...doc, name: 'Renamed' };
    expect(validationOf(edited)).not.toBe(first);
  });

  it('reuses the result for a document that only moved nodes, and only then', () => {
    const doc = example('checkout-fanout');
    const first = validationOf(doc);
    const [a, ...rest] = doc.nodes;
    const moved = { ...doc, nodes: [{ ...a!, position: { x: 1, y: 2 } }, ...rest] };
    expect(onlyMoved(doc, moved)).toBe(true);
    expect(validationOf(moved)).toBe(first);
    const renamed = { ...moved, nodes: [{ ...moved.nodes[0]!, name: 'Other' }, ...rest] };
    expect(onlyMoved(moved, renamed)).toBe(false);
    expect(validationOf(renamed)).not.toBe(first);
    expect(onlyMoved(doc, { ...doc, edges: [...doc.edges] })).toBe(false);
    expect(onlyMoved(doc, { ...doc, nodes: rest })).toBe(false);
  });
});

describe('design store', () => {
  it('shows an opened design with nothing selected, and keeps it when the next one fails', () => {
    const store = useDesignStore.getState();
    const doc = example('credit-reservation');
    store.select({ nodes: ['x'], edges: [] });
    store.showDesign(doc, { kind: 'example', id: 'credit-reservation' });
    expect(useDesignStore.getState()).toMatchObject({ doc, selection: { nodes: [], edges: [] }, loadProblem: null });
    const opened = useDesignStore.getState().openCount;

    store.startLoading({ kind: 'example', id: 'checkout-fanout' });
    store.failLoading({ what: 'example “Checkout fan-out”', message: 'not JSON' });
    expect(useDesignStore.getState()).toMatchObject({ doc, pending: null, openCount: opened, loadProblem: { message: 'not JSON' } });
  });

  it('applies selection changes from the canvas, and ignores ones that change nothing', () => {
    const store = useDesignStore.getState();
    store.select({ nodes: ['a'], edges: ['e'] });
    store.updateSelection('nodes', [
      { id: 'a', selected: false },
      { id: 'b', selected: true },
    ]);
    const selection = useDesignStore.getState().selection;
    expect(selection).toEqual({ nodes: ['b'], edges: ['e'] });
    store.updateSelection('nodes', [{ id: 'b', selected: true }]);
    expect(useDesignStore.getState().selection).toBe(selection);
  });
});
