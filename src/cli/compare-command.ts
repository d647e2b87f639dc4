/**
 * `sagaboard compare FILE_A FILE_B [--runs N] [--seed N] [--json]` (spec §6.3): two designs side by
 * side — every measure, the outcome of a business failure of each participant present in both,
 * and a Monte Carlo of both — with the better side marked on every row.
 */
import { better, betterMeasure, betterOutcome, compare, MEASURE_KEYS, SHARE_DIRECTION, type Better, type Comparison, type MonteCarloSummary } from '../analysis/index.ts';
import { SAGA_OUTCOMES, type SagaDocument, type SagaOutcome, type Style } from '../model/index.ts';
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

/** The last column: the better design's letter, `=` when they are even, nothing when there is no call. */
const MARK: Record<NonNullable<Better>, string> = { a: 'A', b: 'B', same: '=' };
const mark = (side: Better): string => (side === null ? '' : MARK[side]);

const COLUMN = 38;
const LABEL = 40;

function row(label: string, a: string, b: string, last: string): string {
  const cell = (s: string) => (s.length > COLUMN - 2 ? `${s.slice(0, COLUMN - 3)}…` : s).padEnd(COLUMN);
  return `${label.padEnd(LABEL)}${cell(a)}${cell(b)}${last}`.trimEnd();
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
    lines.push(row(MEASURE_LABEL[key], cell(ma, 0), cell(mb, 1), mark(betterMeasure(c.measures[key]))));
  }
  lines.push('', row('Business failure of (in both)', 'A', 'B', ''));

  if (c.failures.length === 0) lines.push('  no participant has the same name in both designs');
  for (const f of c.failures) {
    const [x, y] = f.outcomes;
    const show = (o: SagaOutcome | null) => o ?? 'cannot fail (orchestrator)';
    lines.push(row(`  ${f.participant}`, show(x), show(y), mark(betterOutcome(x, y))));
  }
  const [ma, mb] = c.monteCarlo;
  const runs = (ma ?? mb)?.runs ?? 0;
  lines.push('', row('Monte Carlo', 'A', 'B', ''), `  ${formatNumber(runs)} sagas of each design, seeds ${formatNumber(seed)}..${formatNumber(seed + runs - 1)}, with their own failure rates`);
  const share = (m: MonteCarloSummary | null, o: SagaOutcome) => (m ? m.shares[o] : null);
  const pct = (x: number | null) => (x === null ? 'not simulated' : `${(x * 100).toFixed(1)}%`);
  for (const o of SAGA_OUTCOMES) lines.push(row(`  ${o}`, pct(share(ma, o)), pct(share(mb, o)), mark(better(share(ma, o), share(mb, o), SHARE_DIRECTION[o]))));
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const v = (m: MonteCarloSummary | null) => (m ? m.latencyMs[p] : null);
    const ms = (x: number | null) => (x === null ? 'not simulated' : `${x.toFixed(1)} ms`);
    lines.push(row(`  latency ${p}`, ms(v(ma)), ms(v(mb)), mark(better(v(ma), v(mb), 'lower'))));
  }
  const perSaga = (m: MonteCarloSummary | null) => (m ? Math.round((m.messages / m.runs) * 10) / 10 : null);
  lines.push(row('  messages per saga', perSaga(ma)?.toFixed(1) ?? 'not simulated', perSaga(mb)?.toFixed(1) ?? 'not simulated', mark(better(perSaga(ma), perSaga(mb), 'lower'))));
  lines.push('', 'The last column marks the better design on each row (= when they are even).');
  return lines.join('\n');
}
