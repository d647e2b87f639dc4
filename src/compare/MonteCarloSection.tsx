/**
 * Many sagas of each design with the same seeds and each design's own failure rates: how they
 * ended and how long they took, drawn on shared scales. Run in the analysis worker, with a
 * progress bar and Cancel.
 */
import { useState } from 'react';
import { better, SHARE_DIRECTION, type Better } from '../analysis/betterSide.ts';
import type { MonteCarloSummary } from '../analysis/compare.ts';
import { BetterMark, SIDES, standing, type Side } from './betterMark.tsx';
import { useCompareStore } from './compareStore.ts';
import { sharedAxis, type LatencyAxis } from './latencyAxis.ts';
import { LatencyHistogram } from './LatencyHistogram.tsx';
import { OutcomeShares } from './OutcomeShares.tsx';
import { COMPARE_SEED, type Comparing, type ComparisonResult } from './useComparison.ts';

export const MAX_COMPARE_RUNS = 100_000;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

export function MonteCarloSection({ comparing, whyNot }: { comparing: Comparing; whyNot: [string | undefined, string | undefined] }) {
  const { result, status, run, cancel, fail } = comparing;
  const [runsText, setRunsText] = useState(() => String(useCompareStore.getState().runs));
  const running = status.state === 'running';
  const start = () => {
    const runs = Number(runsText.replace(/[,_\s]/g, ''));
    if (!Number.isInteger(runs) || runs < 1 || runs > MAX_COMPARE_RUNS) return fail(`Sagas: a whole number from 1 to ${fmt(MAX_COMPARE_RUNS)}.`);
    run(runs);
  };
  const runs = result ? (result.monteCarlo[0] ?? result.monteCarlo[1])?.runs : undefined;
  return (
    <section className="sb-compare-section sb-compare-mc" aria-labelledby="compare-mc" data-testid="compare-monte-carlo">
      <div className="sb-compare-mc__controls">
        <h2 id="compare-mc" className="sb-compare-section__title">
          Monte Carlo
        </h2>
        <p className="sb-compare-section__note">
          The same seed for both{runs ? ` (seeds ${fmt(COMPARE_SEED)}–${fmt(COMPARE_SEED + runs - 1)})` : ''}, each design’s own failure rates: how the sagas end, and how long they take.
        </p>
        <form
          className="sb-compare-mc__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (running) cancel();
            else start();
          }}
        >
          <label className="sb-field">
            <span className="sb-field__label">Sagas</span>
            <input className="sb-input" inputMode="numeric" value={runsText} onChange={(e) => setRunsText(e.target.value)} disabled={running} aria-describedby="compare-mc-each" />
          </label>
          <button type="submit" className={`sb-button${running ? '' : ' sb-button--primary'}`}>
            {running ? 'Cancel' : 'Run'}
          </button>
          <span id="compare-mc-each" className="sb-field__help">
            of each design, 1 to {fmt(MAX_COMPARE_RUNS)}
          </span>
        </form>
        {running && (
          <div className="sb-compare-mc__progress">
            <progress max={status.total} value={status.done} aria-label="Sagas simulated">
              {status.done}
            </progress>
            <span>
              {status.done === 0 ? 'Measuring both designs…' : `${fmt(status.done)} of ${fmt(status.total)} sagas`}
            </span>
          </div>
        )}
        {status.state === 'error' && (
          <p className="sb-field__error" role="alert">
            {status.message}
          </p>
        )}
      </div>
      {result ? <MonteCarloColumns result={result} whyNot={whyNot} stale={running} /> : <div className="sb-compare-mc__waiting">{running ? 'The sagas are running…' : 'Not run yet: press Run.'}</div>}
    </section>
  );
}

function MonteCarloColumns({ result, whyNot, stale }: { result: ComparisonResult; whyNot: [string | undefined, string | undefined]; stale: boolean }) {
  const [a, b] = result.monteCarlo;
  const axis = sharedAxis([a?.histogram, b?.histogram]);
  return (
    <>
      {SIDES.map((side, i) => {
        const summary = result.monteCarlo[i];
        return (
          <div key={side.name} className={`sb-compare-mc__design${stale ? ' sb-compare-mc__design--stale' : ''}`} data-testid={`monte-carlo-${side.name}`}>
            {summary ? (
              <MonteCarloCard summary={summary} other={result.monteCarlo[1 - i] ?? null} side={side} axis={axis} />
            ) : (
              <p className="sb-compare-mc__missing">Not simulated: {whyNot[i] ?? 'this design cannot be simulated.'}</p>
            )}
          </div>
        );
      })}
    </>
  );
}

function MonteCarloCard({ summary, other, side, axis }: { summary: MonteCarloSummary; other: MonteCarloSummary | null; side: Side; axis: LatencyAxis | undefined }) {
  const [a, b] = side.letter === 'a' ? [summary, other] : [other, summary];
  const lower = (pick: (m: MonteCarloSummary) => number): Better => better(a && pick(a), b && pick(b), 'lower');
  const figures: { label: string; value: string; better: Better }[] = [
    ...(['p50', 'p95', 'p99'] as const).map((p) => ({ label: p, value: `${fmt(summary.latencyMs[p])} ms`, better: lower((m) => m.latencyMs[p]) })),
    { label: 'messages', value: `${fmt(summary.messages / summary.runs)} / saga`, better: lower((m) => Math.round((m.messages / m.runs) * 10) / 10) },
  ];
  const completed = better(a?.shares.completed, b?.shares.completed, SHARE_DIRECTION.completed);
  return (
    <>
      <div className="sb-compare-mc__subhead">
        <span>{fmt(summary.runs)} sagas</span>
        {completed !== 'same' && <BetterMark better={completed} side={side} word="More completed" />}
      </div>
      <OutcomeShares summary={summary} />
      <dl className="sb-compare-figures">
        {figures.map((f) => (
          <div key={f.label} className={`sb-compare-figures__item sb-compare-figures__item--${standing(f.better, side)}`} data-testid={`figure-${f.label}`}>
            <dt>{f.label}</dt>
            <dd>
              {f.value}
              {standing(f.better, side) === 'better' && (
                <svg className="sb-compare-figures__check" width="12" height="12" viewBox="0 0 12 12" role="img" aria-label="better">
                  <path d="M2.5 6.3 5 8.7 9.6 3.5" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {axis && summary.histogram && summary.histogram.counts.length > 0 ? (
        <figure className="sb-compare-mc__chart">
          <LatencyHistogram summary={summary} axis={axis} />
          <figcaption>Latency of the sagas that ended, on the same scale for both designs</figcaption>
        </figure>
      ) : (
        <p className="sb-compare-mc__missing">No saga ended: there is no latency to draw.</p>
      )}
    </>
  );
}
