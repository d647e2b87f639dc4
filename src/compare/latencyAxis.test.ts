/** Both designs' latency histograms on one scale. */
import { describe, expect, it } from 'vitest';
import { across, barsOf, niceTicks, sharedAxis } from './latencyAxis.ts';

describe('sharedAxis', () => {
  // given two designs whose sagas took 100–140 ms (bins of 10 ms) and 60–80 ms (bins of 5 ms)
  const slow = { fromMs: 100, binMs: 10, counts: [1, 4, 4, 1] };
  const fast = { fromMs: 60, binMs: 5, counts: [2, 6, 0, 2] };

  it('spans both ranges, with round ticks', () => {
    const axis = sharedAxis([slow, fast])!;
    expect([axis.fromMs, axis.toMs]).toEqual([60, 140]);
    expect(axis.ticks).toEqual([60, 80, 100, 120, 140]);
  });

  it('draws each bin where its milliseconds are, as tall as its density on the shared scale', () => {
    const axis = sharedAxis([slow, fast])!;
    // The densest bin: 6 sagas in 5 ms of the fast design.
    expect(axis.peak).toBeCloseTo(6 / 5);
    const fastBars = barsOf(fast, axis);
    expect(fastBars.map((b) => [b.fromMs, b.count])).toEqual([
      [60, 2],
      [65, 6],
      [75, 2],
    ]);
    expect(fastBars[1]).toMatchObject({ x0: 5 / 80, x1: 10 / 80, height: 1 });
    // 4 sagas in 10 ms is a third as dense as 6 in 5.
    expect(barsOf(slow, axis)[1]!.height).toBeCloseTo(1 / 3);
    expect(across(axis, 140)).toBe(1);
  });

  it('leaves out a design with no saga ended, and has no axis when neither has one', () => {
    expect(sharedAxis([slow, { fromMs: 0, binMs: 0, counts: [] }])).toMatchObject({ fromMs: 100, toMs: 140 });
    expect(sharedAxis([undefined, { fromMs: 0, binMs: 0, counts: [] }])).toBeUndefined();
  });

  it('gives sagas that all took the same time a narrow bar inside a range around it', () => {
    const axis = sharedAxis([{ fromMs: 50, binMs: 0, counts: [10] }])!;
    expect([axis.fromMs, axis.toMs]).toEqual([45, 55]);
    const [bar] = barsOf({ fromMs: 50, binMs: 0, counts: [10] }, axis);
    expect(bar!.height).toBe(1);
    expect((bar!.x0 + bar!.x1) / 2).toBeCloseTo(0.5);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceTicks(102.6, 203.3, 5)).toEqual([125, 150, 175, 200]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(68.9, 141.1, 5)).toEqual([80, 100, 120, 140]);
    expect(niceTicks(0.5, 9.5, 5)).toEqual([2, 4, 6, 8]);
    expect(niceTicks(5, 5, 5)).toEqual([]);
  });
});
