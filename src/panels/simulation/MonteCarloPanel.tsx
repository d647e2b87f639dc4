/**
 * Monte Carlo: many sagas of the design with the failure rates drawn on its nodes (and the
 * injected faults), in a Web Worker: the outcome distribution, latency percentiles, and a
 * seed to replay for each outcome.
 */
import { useState } from 'react';
import { SAGA_OUTCOMES } from '../../model/index.ts';
import type { MonteCarloResult } from '../../simulation/index.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { useSimulationWorker } from './useSimulationWorker.ts';
import { countText } from '../../model/countText.ts';

const MAX_RUNS = 100_000;

export function MonteCarloPanel() {
  const doc = useSimulationStore((s) => s.doc);
  const faults = useSimulationStore((s) => s.faults);
  const blocked = useSimulationStore((s) => s.problems.length > 0);
  const [runsText, setRunsText] = useState('2000');
  const { status, start: startJob, cancel, fail } = useSimulationWorker<'monteCarlo'>();

  const start = () => {
    const runs = Number(runsText);
    if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) return fail(`Runs: a whole number from 1 to ${countText(MAX_RUNS)}.`);
    if (!doc) return;
    startJob({ job: 'monteCarlo', doc, runs, seed: useSimulationStore.getState().seed, faults }, runs);
  };

  return (
    <section className="sb-panel sb-montecarlo" aria-labelledby="montecarlo-heading" data-testid="monte-carlo">
      <h2 className="sb-panel__title" id="montecarlo-heading">
        Monte Carlo
      </h2>
      <p className="sb-field__help">
        Many sagas with the failure rates drawn on the nodes{faults.length ? ` and the ${faults.length} injected fault${faults.length === 1 ? '' : 's'}` : ''}.
      </p>
      <form
        className="sb-montecarlo__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (status.state === 'running') cancel();
          else start();
        }}
      >
        <label className="sb-field">
          <span className="sb-field__label">Sagas</span>
          <input className="sb-input" inputMode="numeric" value={runsText} onChange={(e) => setRunsText(e.target.value)} disabled={status.state === 'running'} />
        </label>
        <button type="submit" className="sb-button" disabled={blocked}>
          {status.state === 'running' ? 'Cancel' : 'Run'}
        </button>
      </form>
      {status.state === 'running' && (
        <progress className="sb-montecarlo__progress" max={status.total} value={status.done} aria-label="Sagas simulated">
          {status.done}
        </progress>
      )}
      {status.state === 'error' && (
        <p className="sb-field__error" role="alert">
          {status.message}
        </p>
      )}
      {status.state === 'done' && <Distribution result={status.result} />}
    </section>
  );
}

function Distribution({ result }: { result: MonteCarloResult }) {
  return (
    <div className="sb-montecarlo__result" data-testid="monte-carlo-result">
      <ul className="sb-montecarlo__bars" aria-label="Outcomes">
        {SAGA_OUTCOMES.map((o) => {
          const n = result.outcomes[o];
          const share = result.runs ? n / result.runs : 0;
          const example = result.examples[o];
          return (
            <li key={o} className={`sb-montecarlo__bar sb-outcome-${o}`}>
              <span className="sb-montecarlo__label">{o}</span>
              <span className="sb-montecarlo__track" aria-hidden="true">
                <span className="sb-montecarlo__fill" style={{ width: `${share * 100}%` }} />
              </span>
              <span className="sb-montecarlo__count">
                {countText(n)} <span className="sb-montecarlo__share">({(share * 100).toFixed(1)}%)</span>
              </span>
              {example && n > 0 && (
                <button
                  type="button"
                  className="sb-link-button sb-montecarlo__replay"
                  onClick={() => useSimulationStore.getState().setSeed(example.seed)}
                  title={example.reason}
                  aria-label={`Replay a ${o} saga (seed ${example.seed})`}
                >
                  replay
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <dl className="sb-montecarlo__figures">
        <div>
          <dt>p50</dt>
          <dd>{result.latencyMs.p50} ms</dd>
        </div>
        <div>
          <dt>p95</dt>
          <dd>{result.latencyMs.p95} ms</dd>
        </div>
        <div>
          <dt>p99</dt>
          <dd>{result.latencyMs.p99} ms</dd>
        </div>
        <div>
          <dt>messages</dt>
          <dd>{(result.messages / Math.max(1, result.runs)).toFixed(1)} per saga</dd>
        </div>
      </dl>
    </div>
  );
}
