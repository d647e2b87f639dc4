/**
 * Scenarios (spec §4.6): the faults, seed and expected outcome of a run saved under a name in
 * the document, so they can be shared and replayed. Saving is an edit of the design (one undo
 * step); running one loads it into the simulator; running all (in the simulation worker, with
 * progress and Cancel) says which meet their expectation.
 */
import { memo, useMemo, useState } from 'react';
import { SAGA_OUTCOMES, type SagaOutcome, type Scenario } from '../../model/index.ts';
import { perform } from '../../actions/action.ts';
import * as design from '../../actions/design.ts';
import { scenarioProblems } from '../../simulation/index.ts';
import type { ScenarioCheck } from '../../simulation/scenarioChecks.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useLiveStore } from '../../store/liveStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { useSimulationWorker } from './useSimulationWorker.ts';
import { countText } from '../../model/countText.ts';

export function ScenariosPanel() {
  const scenarios = useDesignStore((s) => s.doc?.scenarios ?? NONE);
  const frozen = useSimulationStore((s) => s.doc);
  const loaded = useSimulationStore((s) => s.scenario);
  // Results arrive a few at a time: each row is drawn again only when its own result comes.
  const [checks, setChecks] = useState<ReadonlyMap<string, ScenarioCheck>>(new Map());
  const { status, start, cancel } = useSimulationWorker<'scenarios'>((more) =>
    setChecks((known) => {
      const next = new Map(known);
      for (const c of more) next.set(c.name, c);
      return next;
    }),
  );
  const runAll = () => {
    if (!frozen) return;
    setChecks(new Map());
    start({ job: 'scenarios', doc: frozen, scenarios: [...scenarios] }, scenarios.length);
  };
  return (
    <section className="sb-panel sb-scenarios" aria-labelledby="scenarios-heading" data-testid="scenarios">
      <div className="sb-scenarios__head">
        <h2 className="sb-panel__title" id="scenarios-heading">
          Scenarios
        </h2>
        {scenarios.length > 0 && (
          <button type="button" className="sb-link-button" onClick={status.state === 'running' ? cancel : runAll}>
            {status.state === 'running' ? 'Cancel' : 'Run all'}
          </button>
        )}
      </div>
      {status.state === 'running' && (
        <div className="sb-scenarios__progress">
          <progress max={status.total} value={status.done} aria-label="Scenarios run">
            {status.done}
          </progress>
          <span data-testid="scenarios-progress">
            {countText(status.done)} of {countText(status.total)}
          </span>
        </div>
      )}
      {status.state === 'error' && (
        <p className="sb-field__error" role="alert">
          {status.message}
        </p>
      )}
      {scenarios.length === 0 && <p className="sb-scenarios__none">Save the faults and seed of a run as a scenario to replay it later or share it with the design.</p>}
      <ul className="sb-scenarios__list">
        {scenarios.map((s) => (
          <ScenarioRow key={s.name} scenario={s} loaded={s.name === loaded} check={checks.get(s.name)} />
        ))}
      </ul>
      <SaveScenario />
    </section>
  );
}

const NONE: readonly Scenario[] = [];

/** One scenario; drawn again only when it, its result or whether it is loaded changes (not at every progress report). */
const ScenarioRow = memo(function ScenarioRow({ scenario, loaded, check }: { scenario: Scenario; loaded: boolean; check: ScenarioCheck | undefined }) {
  const doc = useSimulationStore((s) => s.doc);
  const problems = useMemo(() => (doc ? scenarioProblems(doc, scenario) : []), [doc, scenario]);
  const run = () => {
    const sim = useSimulationStore.getState();
    sim.loadScenario(scenario);
    sim.play();
  };
  return (
    <li className={`sb-scenarios__item${loaded ? ' sb-scenarios__item--loaded' : ''}`} data-testid="scenario">
      <div className="sb-scenarios__name">
        <span>{scenario.name}</span>
        {check && (
          <span className={`sb-scenarios__check sb-scenarios__check--${check.pass === undefined ? 'none' : check.pass ? 'pass' : 'fail'}`} title={check.note}>
            {check.pass === undefined ? check.outcome : check.pass ? `✓ ${check.outcome}` : `✗ ${check.outcome}`}
          </span>
        )}
      </div>
      <div className="sb-scenarios__meta">
        {scenario.schedule?.length ? <>forced order of {scenario.schedule.length} step{scenario.schedule.length === 1 ? '' : 's'} · </> : null}
        {scenario.faults.length} fault{scenario.faults.length === 1 ? '' : 's'} · seed {scenario.seed}
        {scenario.expect && <> · expects {scenario.expect.outcome}</>}
      </div>
      {problems.length > 0 && <p className="sb-field__error">{problems[0]}</p>}
      <div className="sb-scenarios__actions">
        <button type="button" className="sb-button sb-button--small" onClick={run} disabled={problems.length > 0} aria-label={`Run scenario ${scenario.name}`}>
          Run
        </button>
        <button
          type="button"
          className="sb-link-button"
          onClick={() => perform(design.removeScenario, { name: scenario.name })}
          aria-label={`Delete scenario ${scenario.name}`}
          title="Delete (Ctrl+Z in the editor brings it back)"
        >
          Delete
        </button>
      </div>
    </li>
  );
});

function SaveScenario() {
  const faults = useSimulationStore((s) => s.faults);
  const seed = useSimulationStore((s) => s.seed);
  const outcome = useSimulationStore((s) => s.run?.result.outcome);
  const loaded = useSimulationStore((s) => s.scenario);
  const schedule = useSimulationStore((s) => s.schedule);
  const [name, setName] = useState('');
  const [expect, setExpect] = useState<SagaOutcome | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return setProblem('Give the scenario a name.');
    if (trimmed.length > 200) return setProblem('Keep the name under 200 characters.');
    const expected = expect || outcome;
    const scenario: Scenario = { name: trimmed, seed, faults: [...faults], ...(schedule ? { schedule: [...schedule] } : {}), ...(expected ? { expect: { outcome: expected } } : {}) };
    perform(design.saveScenario, { scenario });
    useSimulationStore.setState({ scenario: trimmed });
    setProblem(null);
    setName('');
  };
  return (
    <form
      className="sb-scenarios__save"
      aria-label="Save as a scenario"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="sb-field-row">
        <label className="sb-field">
          <span className="sb-field__label">Name</span>
          <input className="sb-input" value={name} placeholder={loaded ?? 'Shipping fails'} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="sb-field">
          <span className="sb-field__label">Expected outcome</span>
          <select className="sb-input sb-select" value={expect} onChange={(e) => setExpect(e.target.value as SagaOutcome | '')}>
            <option value="">{outcome ? `as now (${outcome})` : 'none'}</option>
            {SAGA_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && (
        <p className="sb-field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="sb-scenarios__save-buttons">
        <button type="submit" className="sb-button">
          Save as scenario
        </button>
        <ShareThisRun />
      </div>
    </form>
  );
}

/**
 * On a live board, the run is this person's own: Share this run puts its seed and faults on the
 * board as a scenario under their name, which everyone sees in their Scenarios and can replay.
 */
function ShareThisRun() {
  const board = useLiveStore((s) => s.board?.access === 'edit');
  const me = useLiveStore((s) => s.me.name);
  const faults = useSimulationStore((s) => s.faults);
  const seed = useSimulationStore((s) => s.seed);
  const outcome = useSimulationStore((s) => s.run?.result.outcome);
  if (!board) return null;
  const share = () => {
    const taken = new Set((useDesignStore.getState().doc?.scenarios ?? []).map((x) => x.name));
    const base = `${me}’s run (seed ${seed})`;
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
    const scenario: Scenario = { name, seed, faults: [...faults], ...(outcome ? { expect: { outcome } } : {}) };
    perform(design.saveScenario, { scenario });
    useSimulationStore.setState({ scenario: name });
  };
  return (
    <button type="button" className="sb-button" onClick={share} title="Put this run’s seed and faults on the board as a scenario everyone can replay">
      Share this run
    </button>
  );
}
