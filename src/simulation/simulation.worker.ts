/**
 * Runs many sagas off the main thread, so the page never freezes: Monte Carlo, every saved
 * scenario, or the explorer's search of every interleaving (spec §7). It reports progress, then
 * the result; the page cancels a job by ending the worker.
 */
import type { Fault, SagaDocument, Scenario } from '../model/index.ts';
import { explore, type Budgets, type ExploreProgress, type ExploreResult } from './explore/index.ts';
import { monteCarlo, type MonteCarloResult } from './monteCarlo.ts';
import { compilePlan } from './plan.ts';
import { checkScenarios, type ScenarioCheck } from './scenarioChecks.ts';
import { every, type WorkerReply } from './workerReply.ts';

export type SimulationJob =
  | { job: 'monteCarlo'; doc: SagaDocument; runs: number; seed: number; faults: Fault[] }
  | { job: 'scenarios'; doc: SagaDocument; scenarios: Scenario[] }
  | { job: 'explore'; doc: SagaDocument; budgets: Budgets; maxStates: number };

/** What each job gives back at the end. */
export interface SimulationResults {
  monteCarlo: MonteCarloResult;
  /** How many scenarios were checked: the checks themselves come with the progress reports. */
  scenarios: number;
  explore: ExploreResult;
}

/** What each job gives back as it goes, with its progress reports. */
export interface SimulationPartials {
  monteCarlo: never;
  scenarios: ScenarioCheck;
  /** How far the search is: states, steps, milliseconds (about ten reports a second). */
  explore: ExploreProgress;
}

const reply = (message: WorkerReply<unknown, unknown>) => self.postMessage(message);
const progress = (done: number) => reply({ type: 'progress', done });

self.onmessage = (event: MessageEvent<SimulationJob>) => {
  const request = event.data;
  try {
    if (request.job === 'monteCarlo') {
      const { doc, runs, seed, faults } = request;
      reply({ type: 'done', result: monteCarlo(compilePlan(doc), { runs, seed, faults, every: every(runs, 100), progress }) });
    } else if (request.job === 'explore') {
      const { doc, budgets, maxStates } = request;
      // Four reports a second: a smooth enough bar, and little for the page to draw.
      reply({ type: 'done', result: explore(compilePlan(doc), { budgets, maxStates, progressEveryMs: 250, progress: (p) => reply({ type: 'progress', done: p.states, partial: [p] }) }) });
    } else {
      const { doc, scenarios } = request;
      // The checks go with the progress, so that the page shows them a few at a time.
      const checks = checkScenarios(doc, scenarios, { every: every(scenarios.length, 1), progress: (done, partial) => reply({ type: 'progress', done, partial }) });
      reply({ type: 'done', result: checks.length });
    }
  } catch (e) {
    reply({ type: 'error', message: (e as Error).message });
  }
};
