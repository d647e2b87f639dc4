import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, emptyDocument, updateNode } from '../model/operations.ts';
import { localHistory, redo, undo, useDesignStore } from './designStore.ts';

const names = () => useDesignStore.getState().doc!.nodes.map((n) => n.name);
const history = () => ({ pastStates: localHistory().past });

describe('undo history', () => {
  beforeEach(() => useDesignStore.getState().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' }));

  it('records one step per operation, and undoes and redoes them in order', () => {
    const { apply } = useDesignStore.getState();
    apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
    apply((d) => addNode(d, 'command', { x: 0, y: 0 }).doc);
    apply((d) => updateNode(d, d.nodes[0]!.id, { name: 'Payments' }));
    expect(names()).toEqual(['Payments', 'DoSomething']);
    undo();
    expect(names()).toEqual(['NewService', 'DoSomething']);
    undo();
    undo();
    expect(names()).toEqual([]);
    redo();
    redo();
    redo();
    expect(names()).toEqual(['Payments', 'DoSomething']);
  });

  it('keeps selection, renaming and hints out of the history', () => {
    const store = useDesignStore.getState();
    store.apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
    store.select({ nodes: ['service-1'], edges: [] });
    store.startRenaming('service-1');
    store.showHint('no');
    expect(history().pastStates).toHaveLength(1);
  });

  it('starts a fresh history when another design opens', () => {
    useDesignStore.getState().apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
    useDesignStore.getState().showDesign(emptyDocument('Other'), { kind: 'example', id: 'checkout-fanout' });
    expect(history().pastStates).toHaveLength(0);
    undo();
    expect(useDesignStore.getState().doc!.name).toBe('Other');
  });

  it('ignores operations that change nothing', () => {
    useDesignStore.getState().apply((d) => d);
    expect(history().pastStates).toHaveLength(0);
  });
});
