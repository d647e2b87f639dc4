/**
 * Many sagas of one design (the CLI's `--runs`, the app's Monte Carlo panel): the outcome
 * distribution, latency percentiles and message counts, with the failure rates drawn on the
 * nodes. Runs are independent: run i uses seed + i.
 */
import type { Fault, SagaOutcome } from '../model/index.ts';
import { simulate } from './engine.ts';
import type { SimulationPlan } from './plan.ts';

export interface MonteCarloResult {
  runs: number;
  outcomes: Record<SagaOutcome, number>;
  /** Percentiles of the duration of the sagas that ended (stuck ones never do). */
  latencyMs: { p50: number; p95: number; p99: number };
  /** Messages sent in all runs, duplicates included. */
  messages: number;
  /** For each outcome that happened, the first seed that gave it and why: replay it to see. */
  examples: Partial<Record<SagaOutcome, { seed: number; reason: string }>>;
}

export interface MonteCarloOptions {
  runs: number;
  seed?: number;
  faults?: readonly Fault[];
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
    const r = simulate(plan, { seed: seed + i, faults: options.faults ?? [], trace: false });
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
