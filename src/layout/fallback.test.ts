import { describe, expect, it } from 'vitest';
import { design, example } from '../model/testing/builder.ts';
import { DEFAULT_LAYOUT_OPTIONS, fallbackLayout, splitIntoBands } from './fallback.ts';
import { NODE_HEIGHT, nodeSize } from './nodeSize.ts';

const withoutPositions = (doc: ReturnType<typeof example>) => ({ ...doc, nodes: doc.nodes.map(({ position: _, ...n }) => n) });

describe('fallbackLayout', () => {
  it('puts each node one column right of what points to it, starting from the nodes nothing points to', () => {
    // given a chain Customer -> PlaceOrder -> Orders -> OrderPlaced
    const doc = design().actor('Customer').command('PlaceOrder').service('Orders').event('OrderPlaced').link('Customer', 'PlaceOrder', 'Orders', 'OrderPlaced').doc;
    // when it is laid out
    const at = fallbackLayout(doc);
    // then x grows along the chain and the chain stays on one row
    const xs = ['Customer', 'PlaceOrder', 'Orders', 'OrderPlaced'].map((id) => at.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(new Set(doc.nodes.map((n) => at.get(n.id)!.y)).size).toBe(1);
    expect(at.get('Customer')).toEqual({ x: 0, y: 0 });
  });

  it('leaves a column gap wider than the widest node of each column', () => {
    const doc = design().actor('A').command('AVeryLongCommandNameIndeed').service('S').link('A', 'AVeryLongCommandNameIndeed', 'S').doc;
    const at = fallbackLayout(doc);
    const commandRight = at.get('AVeryLongCommandNameIndeed')!.x + nodeSize('AVeryLongCommandNameIndeed').width;
    expect(at.get('S')!.x - commandRight).toBe(DEFAULT_LAYOUT_OPTIONS.columnGap);
  });

  it('places a compensation command directly under the command it undoes', () => {
    // given an orchestrator that sends Refund before Charge, and Charge compensated by Refund
    const doc = design()
      .orchestrator('Saga')
      .command('Refund')
      .command('Ship')
      .command('Charge')
      .link('Saga', 'Refund')
      .link('Saga', 'Ship')
      .link('Saga', 'Charge')
      .link('Charge', 'Refund').doc;
    const at = fallbackLayout(doc);
    // then Refund is in Charge's column, on the next row
    expect(at.get('Refund')!.x).toBe(at.get('Charge')!.x);
    expect(at.get('Refund')!.y - at.get('Charge')!.y).toBe(NODE_HEIGHT + DEFAULT_LAYOUT_OPTIONS.rowGap);
  });

  it('lays out cycles nobody enters, and nodes with no connection at all', () => {
    const doc = design().service('A').event('Ping').service('B').event('Pong').command('Lonely').link('A', 'Ping', 'B', 'Pong', 'A').doc;
    const at = fallbackLayout(doc);
    expect([...at.keys()].sort()).toEqual(['A', 'B', 'Lonely', 'Ping', 'Pong']);
    for (const p of at.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('gives no two nodes of a reference design the same place, even in a tall layout', () => {
    for (const id of ['order-orchestrated', 'create-order-saga', 'checkout-fanout'] as const) {
      const doc = withoutPositions(example(id));
      const at = fallbackLayout(doc);
      const boxes = doc.nodes.map((n) => ({ ...at.get(n.id)!, w: nodeSize(n.name).width, h: NODE_HEIGHT }));
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
    }
  });

  it('wraps a chain too long to read at a glance into bands, left to right in each', () => {
    // given the choreographed order process: a chain of ten columns
    const doc = withoutPositions(example('order-choreographed'));
    const at = fallbackLayout(doc);
    const rows = new Set(doc.nodes.map((n) => at.get(n.id)!.y));
    const width = Math.max(...doc.nodes.map((n) => at.get(n.id)!.x + nodeSize(n.name).width));
    // then it is wrapped: narrower than the viewport it was laid out for, on more rows
    expect(width).toBeLessThanOrEqual(DEFAULT_LAYOUT_OPTIONS.viewport.width * 1.4);
    expect(rows.size).toBeGreaterThan(3);
    // and the first band starts with the trigger
    expect(at.get('customer')).toEqual({ x: 0, y: expect.any(Number) });
  });

  it('is deterministic', () => {
    const doc = withoutPositions(example('create-order-saga'));
    expect([...fallbackLayout(doc)]).toEqual([...fallbackLayout(doc)]);
  });
});

describe('splitIntoBands', () => {
  const o = DEFAULT_LAYOUT_OPTIONS;
  it('keeps one band when the design fits readably', () => {
    expect(splitIntoBands([150, 150, 150], [56, 56, 56], o)).toEqual([[0, 1, 2]]);
  });
  it('never makes bands of fewer than three columns', () => {
    const bands = splitIntoBands(Array(7).fill(260), Array(7).fill(56), o);
    for (const band of bands) expect(band.length).toBeGreaterThanOrEqual(3);
  });
});
