/**
 * `sagaboard compare FILE_A FILE_B [--runs N] [--seed N] [--json]` (spec §6.3): two designs side by
 * side — every measure, the outcome of a business failure of each participant present in both,
 * and a Monte Carlo of both — with the better side marked on every row.
 */
import { compare, MEASURE_KEYS, type Comparison, type MonteCarloSummary } from '../analysis/index.ts';
import type { SagaDocument, SagaOutcome, Style } from '../model/index.ts';
import type { CliIO } from './io.ts';
import { formatNumber, headline, MEASURE_LABEL, worstName } from '../analysis/measureWords.ts';

export interface CompareOptions {
  runs: number | undefined;
  seed: number | undefined;
  json: boolean;
}

/** Prints the comparison; returns the exit code (0). */
export function compareCommand(a: SagaDocument, b: SagaDocument, options: CompareOptions, io: CliIO): number {
  const result = compare(a, b, { runs: options.runs, seed: options.seed });
  io.out(options.json ? JSON.stringify(toJson(result), null, 2) : formatComparison([a, b], result, options.seed ?? 1));
  return 0;
}

/** Exactly the JSON of spec §6.3. */
function toJson(c: Comparison): Comparison {
  return { designs: c.designs, measures: c.measures, failures: c.failures, monteCarlo: c.monteCarlo };
}

type Better = 'A' | 'B' | '=' | '';

/** Lower is better (`lower`), higher is better (`higher`), or neither. */
function better(a: number | null, b: number | null, direction: 'lower' | 'higher' | 'none'): Better {
  if (a === null || b === null || direction === 'none') return '';
  if (a === b) return '=';
  return (direction === 'lower' ? a < b : a > b) ? 'A' : 'B';
}

/** Outcomes of a failure, best first: a failure that is compensated (or retried to completion) is handled. */
const OUTCOME_RANK: Record<SagaOutcome, number> = { completed: 3, compensated: 3, stuck: 1, inconsistent: 0 };

const COLUMN = 38;
const LABEL = 40;

function row(label: string, a: string, b: string, mark: Better | 'better'): string {
  const cell = (s: string) => (s.length > COLUMN - 2 ? `${s.slice(0, COLUMN - 3)}…` : s).padEnd(COLUMN);
  return `${label.padEnd(LABEL)}${cell(a)}${cell(b)}${mark}`.trimEnd();
}

export function formatComparison(docs: [SagaDocument, SagaDocument], c: Comparison & { styles: [Style, Style] }, seed: number): string {
  const names = docs.map((d) => new Map(d.nodes.map((n) => [n.id, n.name])));
  const nameIn = (side: 0 | 1) => (id: string) => names[side]!.get(id) ?? id;
  const lines = [`A: ${c.designs[0]} (${c.styles[0]})`, `B: ${c.designs[1]} (${c.styles[1]})`, '', row('Measure (lower is better)', 'A', 'B', 'better'), '─'.repeat(LABEL + 2 * COLUMN + 6)];
  for (const key of MEASURE_KEYS) {
    const [ma, mb] = c.measures[key];
    const cell = (m: typeof ma, side: 0 | 1) => {
      const who = worstName(key, m, nameIn(side));
      return `${headline(key, m)}${who ? `  ${who}` : ''}`;
    };
    lines.push(row(MEASURE_LABEL[key], cell(ma, 0), cell(mb, 1), better(ma.value, mb.value, 'lower')));
  }
  lines.push('', row('Business failure of (in both)', 'A', 'B', ''));

  if (c.failures.length === 0) lines.push('  no participant has the same name in both designs');
  for (const f of c.failures) {
    const [x, y] = f.outcomes;
    const mark = x === null || y === null ? '' : better(OUTCOME_RANK[x], OUTCOME_RANK[y], 'higher');
    const show = (o: SagaOutcome | null) => o ?? 'cannot fail (orchestrator)';
    lines.push(row(`  ${f.participant}`, show(x), show(y), mark));
  }
  const [ma, mb] = c.monteCarlo;
  const runs = (ma ?? mb)?.runs ?? 0;
  lines.push('', row('Monte Carlo', 'A', 'B', ''), `  ${formatNumber(runs)} sagas of each design, seeds ${formatNumber(seed)}..${formatNumber(seed + runs - 1)}, with their own failure rates`);
  const share = (m: MonteCarloSummary | null, o: SagaOutcome) => (m ? m.shares[o] : null);
  const pct = (x: number | null) => (x === null ? 'not simulated' : `${(x * 100).toFixed(1)}%`);
  const outcomes: [SagaOutcome, 'lower' | 'higher' | 'none'][] = [
    ['completed', 'higher'],
    ['compensated', 'none'],
    ['inconsistent', 'lower'],
    ['stuck', 'lower'],
  ];
  for (const [o, direction] of outcomes) lines.push(row(`  ${o}`, pct(share(ma, o)), pct(share(mb, o)), better(share(ma, o), share(mb, o), direction)));
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const v = (m: MonteCarloSummary | null) => (m ? m.latencyMs[p] : null);
    const ms = (x: number | null) => (x === null ? 'not simulated' : `${x.toFixed(1)} ms`);
    lines.push(row(`  latency ${p}`, ms(v(ma)), ms(v(mb)), better(v(ma), v(mb), 'lower')));
  }
  const perSaga = (m: MonteCarloSummary | null) => (m ? Math.round((m.messages / m.runs) * 10) / 10 : null);
  lines.push(row('  messages per saga', perSaga(ma)?.toFixed(1) ?? 'not simulated', perSaga(mb)?.toFixed(1) ?? 'not simulated', better(perSaga(ma), perSaga(mb), 'lower')));
  lines.push('', 'The last column marks the better design on each row (= when they are even).');
  return lines.join('\n');
}
