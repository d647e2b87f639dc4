import { describe, expect, it } from 'vitest';
import { boundsOf, frameFor, READABLE_ZOOM, withRoutes } from './viewport.ts';
import { design } from '../model/testing/builder.ts';

const canvas = { width: 1000, height: 800 };
const insets = { top: 100, right: 40, bottom: 40, left: 60 };
/** Where a flow point lands on screen. */
const onScreen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => [v.x + x * v.zoom, v.y + y * v.zoom];

describe('frameFor', () => {
  it('centres a small design at its size, below the tools', () => {
    const v = frameFor({ x: 100, y: 100, width: 400, height: 200 }, canvas, insets);
    expect(v.zoom).toBe(1);
    const [left, top] = onScreen(v, 100, 100);
    expect(left).toBe(60 + (900 - 400) / 2);
    expect(top).toBe(100 + (660 - 200) / 2);
  });

  it('zooms out to fit a design while names stay readable', () => {
    const v = frameFor({ x: 0, y: 0, width: 1100, height: 500 }, canvas, insets);
    expect(v.zoom).toBeCloseTo(900 / 1100, 6);
    expect(v.zoom).toBeGreaterThan(READABLE_ZOOM);
  });

  it('never goes below the readable zoom for a design of a few screens: it shows it from where it starts, the rest a scroll away', () => {
    const v = frameFor({ x: -50, y: 20, width: 1700, height: 600 }, canvas, insets);
    expect(v.zoom).toBe(READABLE_ZOOM);
    // Its left side at the left margin; its height (432 px) fits, so it is centred that way.
    const [left, top] = onScreen(v, -50, 20);
    expect(left).toBeCloseTo(60, 6);
    expect(top).toBeCloseTo(100 + (660 - 600 * READABLE_ZOOM) / 2, 6);
  });

  it('shows a design many screens big whole, and any design whole when asked', () => {
    expect(frameFor({ x: 0, y: 0, width: 20000, height: 9000 }, canvas, insets).zoom).toBe(0.15);
    const whole = frameFor({ x: 0, y: 0, width: 1700, height: 600 }, canvas, insets, true);
    expect(whole.zoom).toBeCloseTo(900 / 1700, 6);
  });
});

describe('withRoutes', () => {
  it('takes in the lanes running round the nodes, left to right and top to bottom', () => {
    const nodes = { x: 0, y: 0, width: 500, height: 300 };
    expect(withRoutes(nodes, [{ sourceSide: 'right', lane: -34, exit: 540 }, undefined, {}])).toEqual({ x: 0, y: -34, width: 540, height: 334 });
    expect(withRoutes(nodes, [{ sourceSide: 'bottom', lane: -22, exit: 330 }])).toEqual({ x: -22, y: 0, width: 522, height: 330 });
  });
});

describe('boundsOf', () => {
  it('takes in the notes beside the nodes, as they are drawn', () => {
    const doc = design().service('PaymentService').doc;
    const nodes = boundsOf(doc);
    const note = { id: 'n1', text: 'Paid before stock is reserved', position: { x: nodes.x + nodes.width + 300, y: nodes.y - 50 }, width: 240 };
    const both = boundsOf({ ...doc, notes: [note] });
    expect(both.x).toBe(nodes.x);
    expect(both.y).toBe(nodes.y - 50);
    expect(both.x + both.width).toBe(note.position.x + 240);
  });
});
