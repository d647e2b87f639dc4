/**
 * One scale for both designs' latency histograms, so that they compare at a glance: the same
 * milliseconds across, the same sagas-per-millisecond up. Each design's Monte Carlo bins its own
 * range (`LatencyHistogram`); here every bin is placed on the shared range, its height its
 * density (a wider bin is not taller for being wider).
 */
import type { LatencyHistogram } from '../simulation/monteCarlo.ts';

export interface LatencyAxis {
  fromMs: number;
  toMs: number;
  /** The densest bin of either design, in sagas per millisecond: full height. */
  peak: number;
  /** Round values in the range, for labels. */
  ticks: number[];
}

/** A bar of a histogram on the shared axis: `x0`..`x1` and `height` as fractions (0..1) of the plot. */
export interface Bar {
  x0: number;
  x1: number;
  height: number;
  count: number;
  fromMs: number;
  toMs: number;
}

/** How wide a bin counts when every saga took the same time (a histogram of one bin, `binMs` 0). */
const SINGLE_BIN_SHARE = 1 / 24;

/** The range that holds every bin of the given histograms, or undefined when no saga ended in any. */
export function sharedAxis(histograms: readonly (LatencyHistogram | undefined)[], tickCount = 5): LatencyAxis | undefined {
  const drawn = histograms.filter((h): h is LatencyHistogram => h !== undefined && h.counts.length > 0);
  if (drawn.length === 0) return undefined;
  let fromMs = Math.min(...drawn.map((h) => h.fromMs));
  let toMs = Math.max(...drawn.map((h) => h.fromMs + h.binMs * h.counts.length));
  if (toMs - fromMs === 0) {
    // Every saga of both took the same time: a range around it.
    const pad = Math.max(1, fromMs * 0.1);
    fromMs = Math.max(0, fromMs - pad);
    toMs += pad;
  }
  const axis = { fromMs, toMs, peak: 0, ticks: niceTicks(fromMs, toMs, tickCount) };
  axis.peak = Math.max(...drawn.flatMap((h) => h.counts.map((c) => c / binWidth(h, axis))));
  return axis;
}

/** Where `ms` falls across the axis (0..1). */
export function across(axis: LatencyAxis, ms: number): number {
  return (ms - axis.fromMs) / (axis.toMs - axis.fromMs);
}

/** The bars of one design's histogram on the shared axis (empty bins left out). */
export function barsOf(h: LatencyHistogram, axis: LatencyAxis): Bar[] {
  const width = binWidth(h, axis);
  const bars: Bar[] = [];
  h.counts.forEach((count, i) => {
    if (count === 0) return;
    const fromMs = h.binMs === 0 ? h.fromMs - width / 2 : h.fromMs + i * h.binMs;
    const toMs = fromMs + width;
    bars.push({ x0: across(axis, fromMs), x1: across(axis, toMs), height: axis.peak === 0 ? 0 : count / width / axis.peak, count, fromMs, toMs });
  });
  return bars;
}

function binWidth(h: LatencyHistogram, axis: Pick<LatencyAxis, 'fromMs' | 'toMs'>): number {
  return h.binMs > 0 ? h.binMs : (axis.toMs - axis.fromMs) * SINGLE_BIN_SHARE;
}

/** About `count` round values (steps of 1, 2, 2.5 or 5 times a power of ten) between `from` and `to`. */
export function niceTicks(from: number, to: number, count: number): number[] {
  const span = to - from;
  if (!(span > 0) || count < 1) return [];
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to + step * 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}
