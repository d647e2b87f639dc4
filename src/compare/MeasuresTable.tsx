/**
 * Every measure of both designs (spec §6.1) in two columns, the better cell marked on each row,
 * and under each measure a verdict in the articles' terms.
 */
import { useMemo } from 'react';
import { betterMeasure, type Better } from '../analysis/betterSide.ts';
import { measureVerdicts, verdictSides } from '../analysis/compareVerdicts.ts';
import { MEASURE_KEYS, type MeasureKey, type Measures } from '../analysis/measureKeys.ts';
import { headline, MEASURE_LABEL, worstName } from '../analysis/measureWords.ts';
import type { SagaDocument } from '../model/index.ts';
import { BetterMark, favoured, SIDES, standing, type Side } from './betterMark.tsx';
import { SideHeads } from './SideHeads.tsx';
import type { ComparisonResult } from './useComparison.ts';

export function MeasuresTable({ result, docs }: { result: ComparisonResult; docs: readonly [SagaDocument, SagaDocument] }) {
  const rows = useMemo(() => {
    const verdicts = measureVerdicts(result.measures, verdictSides(docs, result.styles, ['the left design', 'the right design']));
    return MEASURE_KEYS.map((key) => ({ key, pair: result.measures[key], better: betterMeasure(result.measures[key]), verdict: verdicts[key] }));
  }, [result, docs]);
  const names = useMemo(() => docs.map((d) => new Map(d.nodes.map((n) => [n.id, n.name]))), [docs]);
  const wins = (letter: Better) => rows.filter((r) => r.better === letter).length;
  return (
    <section className="sb-compare-section" aria-labelledby="compare-measures">
      <table className="sb-compare-table" data-testid="compare-measures">
        <caption className="sb-compare-section__head">
          <h2 id="compare-measures" className="sb-compare-section__title">
            Measures
          </h2>
          <p className="sb-compare-section__note">
            The trade-offs the articles argue about, measured on each design; lower is better on every row.{' '}
            <span className="sb-compare-score" data-testid="compare-score">
              Left better on {wins('a')}, right on {wins('b')}, even on {wins('same')}.
            </span>
          </p>
        </caption>
        <thead>
          <SideHeads first="Measure" docs={docs} />
        </thead>
        <tbody>
          {rows.map(({ key, pair, better, verdict }) => (
            <tr key={key} data-testid={`measure-${key}`} data-better={favoured(better)}>
              <th scope="row" className="sb-compare-table__label">
                <span className="sb-compare-table__name">{MEASURE_LABEL[key]}</span>
                <span className="sb-compare-table__verdict" data-testid="verdict">
                  {verdict}
                </span>
              </th>
              {SIDES.map((side, i) => (
                <MeasureCell key={side.name} measureKey={key} measure={pair[i]!} better={better} side={side} nameOf={(id) => names[i]!.get(id) ?? id} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MeasureCell({ measureKey, measure, better, side, nameOf }: { measureKey: MeasureKey; measure: Measures[MeasureKey]; better: Better; side: Side; nameOf(id: string): string }) {
  const who = worstName(measureKey, measure, nameOf);
  const unmeasured = measure.value === null;
  return (
    <td className={`sb-compare-cell sb-compare-cell--${standing(better, side)}${unmeasured ? ' sb-compare-cell--unmeasured' : ''}`} data-side={side.name} data-standing={standing(better, side)} title={measure.message}>
      <span className="sb-compare-cell__value" data-testid="value">
        {headline(measureKey, measure)}
      </span>
      {unmeasured ? <span className="sb-compare-cell__detail">not measured</span> : who && <span className="sb-compare-cell__detail">{who}</span>}
      <BetterMark better={better} side={side} />
    </td>
  );
}
