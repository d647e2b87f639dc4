import { describe, expect, it } from 'vitest';
import { bezierAt, bezierControls, chooseSides, flowAxis, gaps, pointOnSide, segmentCrossesBox, spreadAlong, type Box } from './geometry.ts';

const box = (x: number, y: number, width = 150, height = 56): Box => ({ x, y, width, height });

describe('chooseSides', () => {
  it('joins nodes side by side right to left, and stacked ones bottom to top', () => {
    expect(chooseSides(box(0, 0), box(300, 0), 'x')).toEqual({ source: 'right', target: 'left' });
    expect(chooseSides(box(300, 0), box(0, 0), 'x')).toEqual({ source: 'left', target: 'right' });
    expect(chooseSides(box(0, 0), box(0, 120), 'x')).toEqual({ source: 'bottom', target: 'top' });
    expect(chooseSides(box(0, 120), box(0, 0), 'y')).toEqual({ source: 'top', target: 'bottom' });
  });

  it('prefers the axis the design reads along when the nodes have room along both', () => {
    const source = box(0, 0);
    const target = box(250, 200);
    expect(chooseSides(source, target, 'x')).toEqual({ source: 'right', target: 'left' });
    expect(chooseSides(source, target, 'y')).toEqual({ source: 'bottom', target: 'top' });
  });

  it('crosses the other axis when there is no room along the reading one', () => {
    // A compensation drawn under its command in a left-to-right design.
    expect(chooseSides(box(0, 0), box(20, 100), 'x')).toEqual({ source: 'bottom', target: 'top' });
    // Nodes almost touching: the axis that separates them more.
    expect(chooseSides(box(0, 0), box(160, 20), 'y')).toEqual({ source: 'right', target: 'left' });
  });
});

describe('flowAxis', () => {
  it('reads a fan going right and a little down as left to right, and one going down and a little right as top to bottom', () => {
    const hub = box(0, 300);
    const right = [0, 1, 2, 3, 4].map((i) => ({ source: hub, target: box(250, 100 + i * 92) }));
    expect(flowAxis(right)).toBe('x');
    const down = [0, 1, 2, 3, 4].map((i) => ({ source: box(400, 0), target: box(i * 190, 120) }));
    expect(flowAxis(down)).toBe('y');
    expect(flowAxis([])).toBe('x');
  });
});

describe('pointOnSide', () => {
  it('lands on the outline drawn: a box side, a pill end, a command tip, outside an orchestrator ring', () => {
    const b = box(100, 100, 200, 56);
    expect(pointOnSide(b, 'top', 0)).toEqual([200, 100]);
    expect(pointOnSide(b, 'left', 10)).toEqual([100, 138]);
    // A pill's rounded end: the middle is on the box, off the middle it curves in.
    expect(pointOnSide(b, 'left', 0, 'round')).toEqual([100, 128]);
    const [x] = pointOnSide(b, 'left', 20, 'round');
    expect(x).toBeCloseTo(100 + 28 - Math.sqrt(28 * 28 - 20 * 20), 6);
    // A command's point is at 98.8% of its width.
    expect(pointOnSide(b, 'right', 0, 'tag')[0]).toBeCloseTo(297.6, 6);
    expect(pointOnSide(b, 'bottom', 0, 'ring')).toEqual([200, 161.5]);
  });

  it('keeps an end on its side however far it is spread', () => {
    expect(pointOnSide(box(0, 0, 100, 56), 'top', 500)).toEqual([100, 0]);
  });
});

describe('bezierControls', () => {
  it('leaves each end straight out of its side, half-way to the other end', () => {
    expect(bezierControls([0, 0], 'bottom', [100, 200], 'top')).toEqual([
      [0, 100],
      [100, 100],
    ]);
    const [a, b] = bezierControls([0, 0], 'right', [300, 0], 'left');
    expect(bezierAt([0, 0], a, b, [300, 0], 0.5)).toEqual([150, 0]);
  });
});

describe('segmentCrossesBox', () => {
  it('tells a line through a node from one passing beside it', () => {
    const b = box(100, 100, 100, 50);
    expect(segmentCrossesBox([0, 125], [300, 125], b)).toBe(true);
    expect(segmentCrossesBox([0, 90], [300, 90], b)).toBe(false);
    expect(segmentCrossesBox([0, 0], [90, 300], b)).toBe(false);
    expect(segmentCrossesBox([150, 0], [150, 120], b)).toBe(true);
  });
});

describe('spreadAlong', () => {
  it('puts one end in the middle, and several evenly about it, within the side less its corners', () => {
    expect(spreadAlong(1, 150)).toEqual([0]);
    expect(spreadAlong(3, 150)).toEqual([-16, 0, 16]);
    const crowded = spreadAlong(9, 56);
    expect(crowded[0]).toBeGreaterThanOrEqual(-14);
    expect(crowded[8]).toBeLessThanOrEqual(14);
    expect(new Set(crowded).size).toBe(9);
  });
});

describe('gaps', () => {
  it('is the free space between two boxes, negative where they overlap', () => {
    expect(gaps(box(0, 0), box(200, 100))).toEqual({ x: 50, y: 44 });
    expect(gaps(box(0, 0), box(100, 0)).x).toBe(-50);
  });
});
