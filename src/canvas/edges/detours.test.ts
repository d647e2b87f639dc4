import { describe, expect, it } from 'vitest';
import { detour } from './detours.ts';
import type { Box } from './geometry.ts';
import { Obstacles } from './obstacles.ts';

const box = (x: number, y: number, width = 150, height = 56): Box => ({ x, y, width, height });

describe('detour', () => {
  it('bends through the gap of a column of nodes nearest the straight course', () => {
    const source = box(0, 107);
    const target = box(600, 107);
    // A column in the way, with a gap between 156 and 220.
    const column = [box(300, 0, 150, 56), box(300, 100, 150, 56), box(300, 220, 150, 56)];
    const via = detour([150, 135], [600, 135], [column[1]!], new Obstacles([source, target, ...column]), [source, target]);
    // Into the gap at the column's left, out at its right, at one height.
    expect(via!.map((p) => p[0])).toEqual([300, 450]);
    expect(via![0]![1]).toBe(via![1]![1]);
    const y = via![0]![1];
    // Below the node in the way (the nearer free side), clear of both neighbours.
    expect(y).toBeGreaterThanOrEqual(156 + 14);
    expect(y).toBeLessThanOrEqual(220 - 14);
  });

  it('passes each band of nodes in the order it meets them', () => {
    const source = box(800, 0);
    const target = box(0, 0);
    const a = box(250, -20, 100, 80);
    const b = box(500, -20, 100, 80);
    const via = detour([800, 28], [150, 28], [a, b], new Obstacles([source, target, a, b]), [source, target]);
    expect(via!.map((p) => p[0])).toEqual([600, 500, 350, 250]);
  });
});
