/**
 * Many sagas of one design (the CLI's `--runs`, the app's Monte Carlo panel): the outcome
 * distribution, latency percentiles and message counts, with the failure rates drawn on the
 * nodes. Runs are independent: run i uses seed + i.
 */
import type { Fault, SagaOutcome, ScheduleStep } from '../model/index.ts';
import { simulate } from './engine.ts';
import type { SimulationPlan } from './plan.ts';

export interface MonteCarloResult {
  runs: number;
  outcomes: Record<SagaOutcome, number>;
  /** Percentiles of the duration of the sagas that ended (stuck ones never do). */
  latencyMs: { p50: number; p95: number; p99: number };
  /** How the durations of the sagas that ended spread, for a chart. */
  histogram: LatencyHistogram;
  /** Messages sent in all runs, duplicates included. */
  messages: number;
  /** For each outcome that happened, the first seed that gave it and why: replay it to see. */
  examples: Partial<Record<SagaOutcome, { seed: number; reason: string }>>;
}

/** `counts[i]` sagas ended in [fromMs + i·binMs, fromMs + (i+1)·binMs) (the last bin includes its end). */
export interface LatencyHistogram {
  fromMs: number;
  binMs: number;
  counts: number[];
}

/** Enough bars to see a shape in a small chart, few enough to read. */
export const HISTOGRAM_BINS = 24;

export interface MonteCarloOptions {
  runs: number;
  seed?: number;
  faults?: readonly Fault[];
  /** A forced schedule every run starts with (spec §7); the faults act after it. */
  schedule?: readonly ScheduleStep[];
  /** Called every `every` runs with the number done, e.g. to report progress from a worker. */
  progress?: (done: number) => void;
  every?: number;
}

export function monteCarlo(plan: SimulationPlan, options: MonteCarloOptions): MonteCarloResult {
  const seed = options.seed ?? 1;
  const outcomes: Record<SagaOutcome, number> = { completed: 0, compensated: 0, inconsistent: 0, stuck: 0 };
  const examples: MonteCarloResult['examples'] = {};
  const durations = new Float64Array(options.runs);
  let ended = 0;
  let messages = 0;
  for (let i = 0; i < options.runs; i++) {
    const r = simulate(plan, { seed: seed + i, faults: options.faults ?? [], schedule: options.schedule, trace: false });
    outcomes[r.outcome]++;
    examples[r.outcome] ??= { seed: seed + i, reason: r.reason };
    if (r.outcome !== 'stuck') durations[ended++] = r.durationMs;
    messages += r.messages;
    if (options.progress && (i + 1) % (options.every ?? 1000) === 0) options.progress(i + 1);
  }
  const sorted = durations.subarray(0, ended).sort();
  return {
    runs: options.runs,
    outcomes,
    latencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) },
    histogram: histogramOf(sorted),
    messages,
    examples,
  };
}

/** Nearest-rank percentile of sorted values, rounded to 0.1 ms. */
function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[rank]! * 10) / 10;
}

/** Equal bins from the shortest to the longest duration; one bin when they are all the same. */
export function histogramOf(sorted: Float64Array, bins = HISTOGRAM_BINS): LatencyHistogram {
  if (sorted.length === 0) return { fromMs: 0, binMs: 0, counts: [] };
  const from = sorted[0]!;
  const span = sorted[sorted.length - 1]! - from;
  if (span === 0) return { fromMs: from, binMs: 0, counts: [sorted.length] };
  const binMs = span / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const d of sorted) counts[Math.min(bins - 1, Math.floor((d - from) / binMs))]!++;
  return { fromMs: from, binMs, counts };
}
