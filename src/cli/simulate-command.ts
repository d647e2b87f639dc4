/**
 * `sagaboard simulate FILE [--seed N] [--runs N] [--fail NAME]... [--scenario NAME] [--json]`
 * (spec §3, §4). One run prints its trace and outcome; `--runs N` prints the outcome
 * distribution of N sagas (seeds N, N+1, ...) with latency percentiles.
 */
import { MAX_LISTED, shortened, shortListing, type Fault, type SagaDocument, type SagaOutcome, type Scenario } from '../model/index.ts';
import {
  compilePlan,
  failFault,
  monteCarlo,
  scenarioProblems,
  simulate,
  simulationProblems,
  traceLine,
  type MonteCarloResult,
  type RunResult,
} from '../simulation/index.ts';
import { CliError, printable, type CliIO } from './io.ts';
import { countText } from '../model/countText.ts';

export interface SimulateOptions {
  /** The design file, for messages. */
  file: string;
  seed: number | undefined;
  runs: number | undefined;
  fail: readonly string[];
  scenario: string | undefined;
  json: boolean;
}

/** The most sagas one `--runs` simulates (about a minute in Node). */
export const MAX_RUNS = 1_000_000;
const DEFAULT_SEED = 1;
const OUTCOMES: readonly SagaOutcome[] = ['completed', 'compensated', 'inconsistent', 'stuck'];

/**
 * Simulates and prints; returns the exit code: 0 when the run(s) were simulated, whatever the
 * outcome, except 1 when a scenario's `expect.outcome` differs from the outcome of its single run.
 * Throws a CliError (exit 2) when the design cannot be simulated or the options make no sense.
 */
export function simulateCommand(doc: SagaDocument, options: SimulateOptions, io: CliIO): number {
  const problems = simulationProblems(doc);
  if (problems.length > 0)
    throw new CliError(firstLines(problems.map((p) => `${options.file}: cannot simulate: ${p.message}${p.rule ? ` (${p.rule})` : ''}`)));

  const scenario = options.scenario === undefined ? undefined : findScenario(doc, options.scenario, options.file);
  if (scenario) {
    const wrong = scenarioProblems(doc, scenario);
    if (wrong.length > 0) throw new CliError(firstLines(wrong.map((w) => `${options.file}: scenario ${w}`)));
  }
  const faults: Fault[] = [...(scenario?.faults ?? []), ...options.fail.map((name) => failOn(doc, name))];
  const seed = options.seed ?? scenario?.seed ?? DEFAULT_SEED;
  const plan = compilePlan(doc);

  if (options.runs !== undefined) {
    const result = monteCarlo(plan, { runs: options.runs, seed, faults, schedule: scenario?.schedule });
    io.out(options.json ? JSON.stringify(distributionJson(result), null, 2) : printable(formatDistribution(doc, result, seed, faults)));
    return 0;
  }

  const run = simulate(plan, { seed, faults, schedule: scenario?.schedule });
  io.out(options.json ? JSON.stringify(runJson(run), null, 2) : printable(formatRun(doc, run, seed, faults, scenario?.schedule?.length ?? 0)));
  const expected = scenario?.expect?.outcome;
  if (expected !== undefined && expected !== run.outcome) {
    io.err(`sagaboard: ${printable(`scenario '${scenario!.name}'`)} expects the saga to end ${expected}, but it ended ${run.outcome}: ${run.reason}`);
    return 1;
  }
  return 0;
}

/** Parses `--seed` / `--runs` values: whole numbers in range, or a usage error. */
export function wholeNumber(option: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`${option} must be a whole number from ${countText(min)} to ${countText(max)}, got '${shortened(value)}'`);
  return n;
}

function findScenario(doc: SagaDocument, name: string, file: string): Scenario {
  const scenarios = doc.scenarios ?? [];
  const wanted = name.trim();
  const found = scenarios.find((s) => s.name === wanted) ?? scenarios.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  throw new CliError(
    scenarios.length === 0
      ? `${file}: no scenario named '${shortened(name)}': this design has no saved scenarios`
      : `${file}: no scenario named '${shortened(name)}' (there are: ${shortListing(scenarios.slice(0, MAX_LISTED + 1).map((s) => `'${s.name}'`), scenarios.length)})`,
  );
}

function failOn(doc: SagaDocument, name: string): Fault {
  try {
    return failFault(doc, name);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** Problems as lines: the first few, and how many more there are (a design may have a thousand). */
function firstLines(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_PROBLEM_LINES);
  if (lines.length > MAX_PROBLEM_LINES) shown.push(`… and ${countText(lines.length - MAX_PROBLEM_LINES)} more`);
  return shown.join('\n');
}
const MAX_PROBLEM_LINES = 5;

// ---- one run ------------------------------------------------------------------------------

function runJson(r: RunResult) {
  return { outcome: r.outcome, reason: r.reason, durationMs: r.durationMs, trace: r.trace, ...(r.skippedSteps ? { skippedSteps: r.skippedSteps } : {}) };
}

function formatRun(doc: SagaDocument, r: RunResult, seed: number, faults: readonly Fault[], scheduled: number): string {
  return [
    `${doc.name} — seed ${seed}${describeFaults(doc, faults)}`,
    ...(scheduled > 0 ? [scheduleLine(scheduled, r.skippedSteps ?? [])] : []),
    '',
    ...r.trace.map(traceLine),
    '',
    `Outcome: ${r.outcome} — ${r.reason} (${ms(r.durationMs)}, ${count(r.messages, 'message')})`,
  ].join('\n');
}

/** What became of a scenario's forced schedule (spec §7). */
function scheduleLine(steps: number, skipped: readonly number[]): string {
  const head = `Forced schedule of ${count(steps, 'step')} replayed first, then the run went on in time`;
  if (skipped.length === 0) return `${head}.`;
  return `${head}; ${skipped.length === 1 ? 'step' : 'steps'} ${skipped.map((i) => i + 1).join(', ')} matched nothing in flight and ${skipped.length === 1 ? 'was' : 'were'} skipped.`;
}

// ---- many runs ----------------------------------------------------------------------------

function distributionJson(r: MonteCarloResult) {
  return { runs: r.runs, outcomes: r.outcomes, latencyMs: r.latencyMs, messages: r.messages };
}

function formatDistribution(doc: SagaDocument, r: MonteCarloResult, seed: number, faults: readonly Fault[]): string {
  const width = Math.max(...OUTCOMES.map((o) => countText(r.outcomes[o]).length));
  const lines = [`${doc.name} — ${count(r.runs, 'run')}, seeds ${seed}..${seed + r.runs - 1}${describeFaults(doc, faults)}`, ''];
  for (const outcome of OUTCOMES) {
    const n = r.outcomes[outcome];
    const example = r.examples[outcome];
    lines.push(
      `  ${outcome.padEnd(13)} ${countText(n).padStart(width)}  ${percent(n, r.runs).padStart(6)}` +
        (example && outcome !== 'completed' ? `   e.g. --seed ${example.seed}: ${example.reason}` : ''),
    );
  }
  const ended = r.runs - r.outcomes.stuck;
  lines.push(
    '',
    ended > 0
      ? `Latency of the ${count(ended, 'saga')} that ended: p50 ${ms(r.latencyMs.p50)}, p95 ${ms(r.latencyMs.p95)}, p99 ${ms(r.latencyMs.p99)}`
      : 'Latency: no saga ended',
    `Messages: ${countText(r.messages)} (${(r.messages / r.runs).toFixed(1)} per saga)`,
  );
  return lines.join('\n');
}

// ---- words --------------------------------------------------------------------------------

function describeFaults(doc: SagaDocument, faults: readonly Fault[]): string {
  if (faults.length === 0) return ', no injected faults';
  const nameOf = (id: string) => doc.nodes.find((n) => n.id === id)?.name ?? id;
  const describe = (f: Fault) =>
    [
      `${f.kind} on ${nameOf(f.target)}`,
      f.probability !== undefined && `probability ${f.probability}`,
      f.times !== undefined && `${count(f.times, 'time')}`,
      f.delayMs !== undefined && `${f.delayMs} ms`,
    ]
      .filter(Boolean)
      .join(' ');
  return `, faults: ${faults.map(describe).join('; ')}`;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const count = (n: number, word: string) => `${countText(n)} ${word}${n === 1 ? '' : 's'}`;
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
