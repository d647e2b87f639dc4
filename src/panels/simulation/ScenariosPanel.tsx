/**
 * Scenarios (spec §4.6): the faults, seed and expected outcome of a run saved under a name in
 * the document, so they can be shared and replayed. Saving is an edit of the design (one undo
 * step); running one loads it into the simulator; running all says which meet their expectation.
 */
import { useMemo, useState } from 'react';
import { SAGA_OUTCOMES, type SagaOutcome, type Scenario } from '../../model/index.ts';
import { removeScenario, saveScenario } from '../../model/operations.ts';
import { compilePlan, scenarioProblems, simulate, simulationProblems } from '../../simulation/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';

interface Check {
  outcome: SagaOutcome | 'error';
  pass: boolean | undefined;
  note: string;
}

export function ScenariosPanel() {
  const scenarios = useDesignStore((s) => s.doc?.scenarios ?? NONE);
  const frozen = useSimulationStore((s) => s.doc);
  const loaded = useSimulationStore((s) => s.scenario);
  const [checks, setChecks] = useState<ReadonlyMap<string, Check>>(new Map());
  const runAll = () => {
    if (!frozen) return;
    const plan = simulationProblems(frozen).length === 0 ? compilePlan(frozen) : undefined;
    setChecks(new Map(scenarios.map((s) => [s.name, check(s)])));
    function check(s: Scenario): Check {
      const problems = scenarioProblems(frozen!, s);
      if (!plan || problems.length) return { outcome: 'error', pass: false, note: problems[0] ?? 'the design cannot be simulated' };
      const result = simulate(plan, { seed: s.seed, faults: s.faults, trace: false });
      const pass = s.expect ? result.outcome === s.expect.outcome : undefined;
      return { outcome: result.outcome, pass, note: result.reason };
    }
  };
  return (
    <section className="sb-panel sb-scenarios" aria-labelledby="scenarios-heading" data-testid="scenarios">
      <div className="sb-scenarios__head">
        <h2 className="sb-panel__title" id="scenarios-heading">
          Scenarios
        </h2>
        {scenarios.length > 0 && (
          <button type="button" className="sb-link-button" onClick={runAll}>
            Run all
          </button>
        )}
      </div>
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

function ScenarioRow({ scenario, loaded, check }: { scenario: Scenario; loaded: boolean; check: Check | undefined }) {
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
          onClick={() => useDesignStore.getState().apply((d) => removeScenario(d, scenario.name))}
          aria-label={`Delete scenario ${scenario.name}`}
          title="Delete (Ctrl+Z in the editor brings it back)"
        >
          Delete
        </button>
      </div>
    </li>
  );
}

function SaveScenario() {
  const faults = useSimulationStore((s) => s.faults);
  const seed = useSimulationStore((s) => s.seed);
  const outcome = useSimulationStore((s) => s.run?.result.outcome);
  const loaded = useSimulationStore((s) => s.scenario);
  const [name, setName] = useState('');
  const [expect, setExpect] = useState<SagaOutcome | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return setProblem('Give the scenario a name.');
    if (trimmed.length > 200) return setProblem('Keep the name under 200 characters.');
    const expected = expect || outcome;
    const scenario: Scenario = { name: trimmed, seed, faults: [...faults], ...(expected ? { expect: { outcome: expected } } : {}) };
    useDesignStore.getState().apply((d) => saveScenario(d, scenario));
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
      <button type="submit" className="sb-button">
        Save as scenario
      </button>
    </form>
  );
}
