/**
 * `compare(a, b)` (spec §6.3): two designs side by side — every measure of both; for a business
 * failure of each participant present in both (matched by name), the outcome of each; and a Monte
 * Carlo of both with their own failure rates. A participant's failure is the CLI's
 * `simulate --fail NAME`, run nominally (mean latencies, no other failure) so that the outcome is
 * that failure's alone; an orchestrator has no business failure of its own, so its outcome is null.
 */
import { isParticipant, type SagaDocument, type SagaOutcome, type Style } from '../model/index.ts';
import { nameKey } from '../model/names.ts';
import { failFault, monteCarlo, simulate, type LatencyHistogram, type SimulationPlan } from '../simulation/index.ts';
import { analyseDesign, MEASURE_KEYS, type AnalysedDesign, type MeasureKey, type Measures } from './analyse.ts';

export interface CompareOptions {
  /** Sagas per design in the Monte Carlo (default 1,000). */
  runs?: number;
  /** The first seed of the Monte Carlo (default 1). */
  seed?: number;
  /** Called every `every` sagas with the number done over both designs (up to 2 × runs), e.g. from a worker. */
  progress?: (done: number) => void;
  every?: number;
  /** Each Monte Carlo also spreads its latencies over bins, for a chart (the app's compare view). */
  histograms?: boolean;
}

export interface ParticipantFailure {
  /** The participant's name (as design A spells it). */
  participant: string;
  /** Each design's outcome, or null where the participant is an orchestrator or the design cannot be simulated. */
  outcomes: [SagaOutcome | null, SagaOutcome | null];
}

export interface MonteCarloSummary {
  runs: number;
  outcomes: Record<SagaOutcome, number>;
  /** Each outcome's share of the runs (0..1, three decimals). */
  shares: Record<SagaOutcome, number>;
  /** Of the sagas that ended. */
  latencyMs: { p50: number; p95: number; p99: number };
  messages: number;
  /** With `histograms`. */
  histogram?: LatencyHistogram;
}

/** The JSON of spec §6.3. */
export interface Comparison {
  designs: [string, string];
  measures: { [K in MeasureKey]: [Measures[K], Measures[K]] };
  failures: ParticipantFailure[];
  /** Null for a design that cannot be simulated. */
  monteCarlo: [MonteCarloSummary | null, MonteCarloSummary | null];
}

export const DEFAULT_COMPARE_RUNS = 1_000;

export function compare(docA: SagaDocument, docB: SagaDocument, options: CompareOptions = {}): Comparison & { styles: [Style, Style] } {
  const a = analyseDesign(docA);
  const b = analyseDesign(docB);
  const measures = Object.fromEntries(MEASURE_KEYS.map((k) => [k, [a.measures[k], b.measures[k]]])) as Comparison['measures'];
  const runs = options.runs ?? DEFAULT_COMPARE_RUNS;
  const seed = options.seed ?? 1;
  return {
    designs: [docA.name, docB.name],
    measures,
    failures: participantFailures(a, b),
    monteCarlo: [summary(a.plan, runs, seed, options, 0), summary(b.plan, runs, seed, options, a.plan ? runs : 0)],
    styles: [a.style, b.style],
  };
}

function participantFailures(a: AnalysedDesign, b: AnalysedDesign): ParticipantFailure[] {
  const inB = new Map(b.analysis.doc.nodes.filter(isParticipant).map((p) => [nameKey(p.name), p]));
  const out: ParticipantFailure[] = [];
  for (const p of a.analysis.doc.nodes.filter(isParticipant)) {
    const q = inB.get(nameKey(p.name));
    if (q) out.push({ participant: p.name, outcomes: [outcomeOfFailure(a.plan, p.id), outcomeOfFailure(b.plan, q.id)] });
  }
  return out;
}

function outcomeOfFailure(plan: SimulationPlan | undefined, participant: string): SagaOutcome | null {
  if (!plan || plan.node(participant)?.kind !== 'service') return null;
  return simulate(plan, { nominal: true, trace: false, faults: [failFault(plan.doc, participant)] }).outcome;
}

function summary(plan: SimulationPlan | undefined, runs: number, seed: number, options: CompareOptions, before: number): MonteCarloSummary | null {
  if (!plan) return null;
  const { progress, every } = options;
  const r = monteCarlo(plan, { runs, seed, every, progress: progress && ((done) => progress(before + done)) });
  const share = (n: number) => Math.round((n / runs) * 1000) / 1000;
  const shares = { completed: share(r.outcomes.completed), compensated: share(r.outcomes.compensated), inconsistent: share(r.outcomes.inconsistent), stuck: share(r.outcomes.stuck) };
  const made: MonteCarloSummary = { runs, outcomes: r.outcomes, shares, latencyMs: r.latencyMs, messages: r.messages };
  return options.histograms ? { ...made, histogram: r.histogram } : made;
}
