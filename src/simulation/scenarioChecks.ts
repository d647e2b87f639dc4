/**
 * Running every scenario of a design (spec §4.6) and checking each against its expected
 * outcome: what the Scenarios panel's Run all shows, computed in the simulation worker.
 */
import type { SagaDocument, SagaOutcome, Scenario } from '../model/index.ts';
import { simulate } from './engine.ts';
import { compilePlan } from './plan.ts';
import { scenarioProblems, simulationProblems } from './problems.ts';

export interface ScenarioCheck {
  name: string;
  /** How the run ended, or `error` when the scenario cannot run. */
  outcome: SagaOutcome | 'error';
  /** Whether it met its expectation; undefined when it expects nothing. */
  pass: boolean | undefined;
  /** Why it ended so, or what stops it from running. */
  note: string;
}

export interface ScenarioCheckOptions {
  /** Called every `every` scenarios, and after the last, with the number done and the checks made since the last call. */
  progress?: (done: number, checks: ScenarioCheck[]) => void;
  every?: number;
}

/** Runs each scenario once (its faults and seed) on `doc`, in order. */
export function checkScenarios(doc: SagaDocument, scenarios: readonly Scenario[], options: ScenarioCheckOptions = {}): ScenarioCheck[] {
  const blocked = simulationProblems(doc).length > 0;
  const plan = blocked ? undefined : compilePlan(doc);
  const every = options.every ?? 1;
  const checks: ScenarioCheck[] = [];
  let reported = 0;
  for (const s of scenarios) {
    checks.push(checkOne(s));
    if (options.progress && (checks.length % every === 0 || checks.length === scenarios.length)) {
      options.progress(checks.length, checks.slice(reported));
      reported = checks.length;
    }
  }
  return checks;

  function checkOne(s: Scenario): ScenarioCheck {
    const problems = scenarioProblems(doc, s);
    if (!plan || problems.length) return { name: s.name, outcome: 'error', pass: false, note: problems[0] ?? 'the design cannot be simulated' };
    const result = simulate(plan, { seed: s.seed, faults: s.faults, schedule: s.schedule, trace: false });
    const pass = s.expect ? result.outcome === s.expect.outcome : undefined;
    return { name: s.name, outcome: result.outcome, pass, note: result.reason };
  }
}
