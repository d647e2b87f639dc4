/**
 * A design's latency distribution as a small bar chart on the axis it shares with the other
 * design, with its p50, p95 and p99 marked.
 */
import type { MonteCarloSummary } from '../analysis/compare.ts';
import { across, barsOf, type LatencyAxis } from './latencyAxis.ts';
import { countText } from '../model/countText.ts';

const W = 440;
const H = 150;
const PAD = { left: 12, right: 12, top: 38, bottom: 24 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;
/** How wide a marker's label is (“p95” at 10.5 px, bold), and how high its row. */
const LABEL_W = 20;
const ROW = 11;

interface Placed {
  p: string;
  at: number;
  /** Where its text starts (or ends, with `end`). */
  x: number;
  end: boolean;
  row: number;
}

const PERCENTILES = ['p50', 'p95', 'p99'] as const;
const ms = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

export function LatencyHistogram({ summary, axis }: { summary: MonteCarloSummary; axis: LatencyAxis }) {
  const histogram = summary.histogram;
  const x = (share: number) => PAD.left + share * PLOT_W;
  const baseline = PAD.top + PLOT_H;
  const bars = histogram ? barsOf(histogram, axis) : [];
  const markers = placeLabels(PERCENTILES.map((p) => ({ p, at: x(across(axis, summary.latencyMs[p])) })));
  const label = `Latency of the sagas that ended: p50 ${ms(summary.latencyMs.p50)} ms, p95 ${ms(summary.latencyMs.p95)} ms, p99 ${ms(summary.latencyMs.p99)} ms`;
  return (
    <svg className="sb-compare-histogram" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="latency-histogram">
      <g className="sb-compare-histogram__grid">
        {axis.ticks.map((t) => (
          <line key={t} x1={x(across(axis, t))} x2={x(across(axis, t))} y1={PAD.top} y2={baseline} />
        ))}
      </g>
      <g className="sb-compare-histogram__bars">
        {bars.map((b) => (
          <rect key={b.fromMs} x={x(b.x0) + 0.5} width={Math.max(1, (b.x1 - b.x0) * PLOT_W - 1)} y={baseline - b.height * PLOT_H} height={b.height * PLOT_H} rx="1.5">
            <title>{`${countText(b.count)} sagas took ${ms(b.fromMs)}–${ms(b.toMs)} ms`}</title>
          </rect>
        ))}
      </g>
      <line className="sb-compare-histogram__baseline" x1={PAD.left} x2={W - PAD.right} y1={baseline} y2={baseline} />
      <g className="sb-compare-histogram__ticks">
        {axis.ticks.map((t, i) => {
          const at = x(across(axis, t));
          const anchor = at < PAD.left + 14 ? 'start' : at > W - PAD.right - 14 ? 'end' : 'middle';
          return (
            <text key={t} x={at} y={baseline + 15} textAnchor={anchor}>
              {ms(t)}
              {i === axis.ticks.length - 1 ? ' ms' : ''}
            </text>
          );
        })}
      </g>
      <g className="sb-compare-histogram__markers">
        {markers.map(({ p, at, x: labelX, end, row }) => (
          <g key={p} className={`sb-compare-histogram__marker sb-compare-histogram__marker--${p}`} data-testid={`marker-${p}`}>
            <line x1={at} x2={at} y1={PAD.top - 4 - row * ROW} y2={baseline} />
            <text x={labelX} y={PAD.top - 6 - row * ROW} textAnchor={end ? 'end' : 'start'}>
              {p}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** Where each marker's label goes: beside its line (before it near the right edge), on the lowest row where it overlaps no other label. */
function placeLabels(markers: { p: (typeof PERCENTILES)[number]; at: number }[]): Placed[] {
  const rows: [number, number][][] = [[], [], []];
  return markers.map(({ p, at }) => {
    const end = at > W - PAD.right - LABEL_W - 4;
    const x = end ? at - 3 : at + 3;
    const span: [number, number] = end ? [x - LABEL_W, x] : [x, x + LABEL_W];
    const free = rows.findIndex((row) => row.every(([a, b]) => span[1] + 2 < a || span[0] - 2 > b));
    const row = free === -1 ? rows.length - 1 : free;
    rows[row]!.push(span);
    return { p, at, x, end, row };
  });
}
