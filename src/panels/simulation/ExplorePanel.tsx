/**
 * Explore (spec §7): every order of delivery and every placement of a few faults, searched in the
 * simulation worker with progress (states, states/s) and Cancel. The result says that no problem
 * was found in so many states, or lists the counterexamples shortest first, in words; one click
 * plays a counterexample on the canvas, and it can be saved as a regression scenario.
 */
import { useState } from 'react';
import { saveScenario } from '../../model/operations.ts';
import { BUDGET_KINDS, DEFAULT_BUDGETS, DEFAULT_MAX_STATES, type BudgetKind, type Budgets, type Counterexample, type ExploreProgress, type ExploreResult } from '../../simulation/explore/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { OUTCOME_WORDS } from './traceWords.ts';
import { useSimulationWorker } from './useSimulationWorker.ts';
import { countText } from '../../model/countText.ts';

/** Each bound in the form's words. */
const BUDGET_FIELDS: Readonly<Record<BudgetKind, { label: string; one: string; many: string; help: string }>> = {
  failures: { label: 'Failures', one: 'failure', many: 'failures', help: 'Business failures, of handlings that can fail (a failure event, a failure rate)' },
  duplicates: { label: 'Duplicates', one: 'duplicate', many: 'duplicates', help: 'Messages the broker delivers twice' },
  crashes: { label: 'Crashes', one: 'crash', many: 'crashes', help: 'Participants that crash as a message arrives, and restart later' },
  timeouts: { label: 'Late replies', one: 'late reply', many: 'late replies', help: 'Replies that come after the sender’s timeout' },
};
const MAX_BUDGET = 5;

const count = (n: number, word: string, plural = `${word}s`) => `${countText(n)} ${n === 1 ? word : plural}`;

export function ExplorePanel() {
  const doc = useSimulationStore((s) => s.doc);
  const blocked = useSimulationStore((s) => s.problems.length > 0);
  const [texts, setTexts] = useState<Record<BudgetKind, string>>(() => Object.fromEntries(BUDGET_KINDS.map((k) => [k, String(DEFAULT_BUDGETS[k])])) as Record<BudgetKind, string>);
  const [progress, setProgress] = useState<ExploreProgress | null>(null);
  const { status, start, cancel, fail } = useSimulationWorker<'explore'>((reports) => setProgress(reports.at(-1) ?? null));

  const run = () => {
    const budgets = {} as Budgets;
    for (const k of BUDGET_KINDS) {
      const n = Number(texts[k].trim());
      if (texts[k].trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_BUDGET) return fail(`${BUDGET_FIELDS[k].label}: a whole number from 0 to ${MAX_BUDGET}.`);
      budgets[k] = n;
    }
    if (!doc) return;
    setProgress(null);
    start({ job: 'explore', doc, budgets, maxStates: DEFAULT_MAX_STATES }, DEFAULT_MAX_STATES);
  };
  const running = status.state === 'running';

  return (
    <section className="sb-panel sb-explore" aria-labelledby="explore-heading" data-testid="explore">
      <h2 className="sb-panel__title" id="explore-heading">
        Explore every order
      </h2>
      <p className="sb-field__help">A simulation follows one order of events. Explore tries them all — brokers promise no order — with up to so many faults of each kind.</p>
      <form
        className="sb-explore__form"
        aria-label="Explore"
        onSubmit={(e) => {
          e.preventDefault();
          if (running) cancel();
          else run();
        }}
      >
        <div className="sb-explore__budgets">
          {BUDGET_KINDS.map((k) => (
            <label key={k} className="sb-field" title={BUDGET_FIELDS[k].help}>
              <span className="sb-field__label">{BUDGET_FIELDS[k].label}</span>
              <input className="sb-input" inputMode="numeric" value={texts[k]} disabled={running} onChange={(e) => setTexts({ ...texts, [k]: e.target.value })} />
            </label>
          ))}
        </div>
        <button type="submit" className="sb-button" disabled={blocked}>
          {running ? 'Cancel' : 'Explore'}
        </button>
      </form>
      {running && <Searching progress={progress} />}
      {status.state === 'error' && (
        <p className="sb-field__error" role="alert">
          {status.message}
        </p>
      )}
      {status.state === 'done' && <Findings result={status.result} />}
    </section>
  );
}

function Searching({ progress }: { progress: ExploreProgress | null }) {
  const states = progress?.states ?? 0;
  const rate = progress && progress.ms > 0 ? (progress.states / progress.ms) * 1000 : 0;
  return (
    <div className="sb-explore__progress" data-testid="explore-progress">
      <progress max={DEFAULT_MAX_STATES} value={states} aria-label="States explored, of the most the search looks at">
        {states}
      </progress>
      <span>
        {count(states, 'state')} · {countText(Math.round(rate))} states/s
      </span>
    </div>
  );
}

function Findings({ result }: { result: ExploreResult }) {
  const [open, setOpen] = useState(0);
  const bounds = BUDGET_KINDS.filter((k) => result.budgets[k] > 0).map((k) => count(result.budgets[k], BUDGET_FIELDS[k].one, BUDGET_FIELDS[k].many));
  const scope = `${count(result.states, 'state')} · ${countText(Math.round(result.ms))} ms${bounds.length ? ` · up to ${bounds.join(', ')}` : ' · no faults'}`;
  if (result.counterexamples.length === 0)
    return (
      <div className={`sb-explore__result sb-tone--${result.complete ? 'ok' : 'neutral'}`} data-testid="explore-result" data-found="0">
        <p className="sb-explore__verdict">{result.complete ? `No problem found in ${count(result.states, 'state')} (complete)` : `No problem found in the ${count(result.states, 'state')} explored`}</p>
        <p className="sb-explore__note">
          {result.complete
            ? 'Every order of delivery, with these faults placed anywhere, ends completed or compensated. More faults of a kind, or a kind left at 0, are not covered.'
            : `Not complete: the search stopped at ${count(result.states, 'state')}. Orders beyond were not looked at.`}
        </p>
        <p className="sb-explore__scope">{scope}</p>
      </div>
    );
  return (
    <div className="sb-explore__result sb-tone--fail" data-testid="explore-result" data-found={result.counterexamples.length}>
      <p className="sb-explore__verdict">
        {count(result.counterexamples.length, 'counterexample')}
        {result.counterexamples.length > 1 ? ', shortest first' : ''}
      </p>
      <p className="sb-explore__scope">
        {scope}
        {result.complete ? ' · complete' : ' · not complete'}
      </p>
      <ol className="sb-explore__list">
        {result.counterexamples.map((c, i) => (
          <CounterexampleItem key={c.reason} example={c} open={i === open} onOpen={() => setOpen(i)} />
        ))}
      </ol>
    </div>
  );
}

function CounterexampleItem({ example, open, onOpen }: { example: Counterexample; open: boolean; onOpen: () => void }) {
  const saved = useDesignStore((s) => s.doc?.scenarios?.some((x) => x.name === example.scenario.name) ?? false);
  const playing = useSimulationStore((s) => s.scenario === example.scenario.name);
  const words = OUTCOME_WORDS[example.outcome];
  const play = () => {
    onOpen();
    const sim = useSimulationStore.getState();
    sim.loadScenario(example.scenario);
    sim.play();
  };
  return (
    <li className={`sb-explore__item${open ? ' sb-explore__item--open' : ''}${playing ? ' sb-explore__item--playing' : ''}`} data-testid="counterexample">
      <button type="button" className="sb-explore__pick" onClick={play} aria-label={`Play on the canvas: ${example.reason}`}>
        <span className={`sb-explore__outcome sb-tone--${words.tone}`}>{words.label}</span>
        <span className="sb-explore__steps">{count(example.steps, 'step')}</span>
        <span className="sb-explore__reason">{example.reason}</span>
      </button>
      {open && (
        <>
          <ol className="sb-explore__schedule" aria-label="The order that leads there">
            {example.words.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ol>
          <div className="sb-explore__actions">
            <button type="button" className="sb-button sb-button--small" onClick={play}>
              {playing ? 'Play again' : 'Play on the canvas'}
            </button>
            {saved ? (
              <span className="sb-explore__saved">✓ Saved as a regression scenario</span>
            ) : (
              <button
                type="button"
                className="sb-link-button"
                onClick={() => useDesignStore.getState().apply((d) => saveScenario(d, example.scenario))}
                title={`Saved with the design, it expects ${example.scenario.expect?.outcome}: what the saga should end with once the design is fixed`}
              >
                Save as regression scenario
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}
