/**
 * `sagaboard explore FILE [--failures N] [--duplicates N] [--crashes N] [--timeouts N]
 * [--max-states N] [--json] [--out PATH]` (spec §3, §7): every interleaving of a saga within the
 * fault budgets. Exit 0 when no counterexample was found (complete or not), 1 when one was, 2 for
 * a design that cannot be read or simulated. `--out PATH` writes the design with each
 * counterexample saved as a regression scenario, for `simulate --scenario` to replay.
 */
import { toJson } from '../export/index.ts';
import type { SagaDocument } from '../model/index.ts';
import { saveScenario } from '../model/operations.ts';
import { compilePlan, simulationProblems } from '../simulation/index.ts';
import { explore, type Budgets, type Counterexample, type ExploreResult } from '../simulation/explore/index.ts';
import { CliError, printable, type CliIO } from './io.ts';
import { countText } from '../model/countText.ts';

export interface ExploreCommandOptions {
  /** The design file, for messages. */
  file: string;
  budgets: Partial<Budgets>;
  maxStates: number | undefined;
  json: boolean;
  out: string | undefined;
}

/** The options that set each bound, in the order of BUDGET_KINDS. */
export const BUDGET_OPTIONS: Readonly<Record<keyof Budgets, string>> = { failures: '--failures', duplicates: '--duplicates', crashes: '--crashes', timeouts: '--timeouts' };
/** The most faults of one kind a search may spend: beyond a handful the search never ends anyway. */
export const MAX_BUDGET = 20;
export const MAX_STATES_LIMIT = 100_000_000;

/** Explores and prints; returns 1 when a counterexample was found, else 0. */
export function exploreCommand(doc: SagaDocument, options: ExploreCommandOptions, io: CliIO): number {
  const problems = simulationProblems(doc);
  if (problems.length > 0) throw new CliError(`${options.file}: cannot explore: ${problems[0]!.message}${problems[0]!.rule ? ` (${problems[0]!.rule})` : ''}`);
  const result = explore(compilePlan(doc), { budgets: options.budgets, maxStates: options.maxStates });
  io.out(options.json ? JSON.stringify(exploreJson(result), null, 2) : printable(formatExploration(doc, result)));
  if (options.out !== undefined) {
    io.writeText(options.out, toJson(result.counterexamples.reduce((d, c) => saveScenario(d, c.scenario), doc)));
    io.err(`wrote ${options.out} with ${count(result.counterexamples.length, 'regression scenario')}`);
  }
  return result.counterexamples.length > 0 ? 1 : 0;
}

/** Spec §7's JSON: `{ complete, states, transitions, ms, counterexamples: [{ outcome, reason, steps, scenario }] }`. */
export function exploreJson(r: ExploreResult) {
  return {
    complete: r.complete,
    states: r.states,
    transitions: r.transitions,
    ms: Math.round(r.ms),
    counterexamples: r.counterexamples.map((c) => ({ outcome: c.outcome, reason: c.reason, steps: c.steps, scenario: c.scenario })),
  };
}

/** The bounds in words: "1 failure, 0 duplicates, 0 crashes, 0 late replies". */
export function budgetWords(b: Budgets): string {
  return [count(b.failures, 'failure'), count(b.duplicates, 'duplicate'), count(b.crashes, 'crash', 'crashes'), count(b.timeouts, 'late reply', 'late replies')].join(', ');
}

/** What was explored and what was found, with the shortest counterexample as a numbered schedule. */
export function formatExploration(doc: SagaDocument, r: ExploreResult): string {
  const extent = `${count(r.states, 'state')}, ${count(r.transitions, 'step')} taken, ${countText(Math.round(r.ms))} ms`;
  const lines = [`${doc.name} — explored ${extent}${r.complete ? ', complete' : `, NOT complete: stopped at ${countText(r.states)} states (raise --max-states)`}`, `Bounds: ${budgetWords(r.budgets)}`, ''];
  const [first, ...others] = r.counterexamples;
  if (!first) {
    lines.push(
      r.complete
        ? `No problem found in ${count(r.states, 'state')} (complete): every order of delivery and every placement of these faults ends completed or compensated.`
        : `No problem found in the ${count(r.states, 'state')} explored (not complete: the states beyond were not looked at).`,
    );
    return lines.join('\n');
  }
  lines.push(`${count(r.counterexamples.length, 'counterexample')} found. The shortest, ${count(first.steps, 'step')}: ${first.outcome} — ${first.reason}`, '');
  lines.push(...numbered(first));
  if (others.length > 0) {
    lines.push('', 'Others, shortest first:');
    for (const c of others) lines.push(`  ${c.outcome} in ${count(c.steps, 'step')} — ${c.reason}`);
  }
  lines.push('', 'To replay one: write the design with them as regression scenarios (--out PATH), then sagaboard simulate PATH --scenario NAME.');
  return lines.join('\n');
}

/** The schedule, one numbered step a line. */
function numbered(c: Counterexample): string[] {
  const width = String(c.words.length).length;
  return c.words.map((w, i) => `  ${String(i + 1).padStart(width)}. ${w}`);
}

const count = (n: number, word: string, plural = `${word}s`) => `${countText(n)} ${n === 1 ? word : plural}`;
