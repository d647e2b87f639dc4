/**
 * Runs many sagas off the main thread, so the page never freezes: Monte Carlo, or every saved
 * scenario. It reports progress, then the result; the page cancels a job by ending the worker.
 */
import type { Fault, SagaDocument, Scenario } from '../model/index.ts';
import { monteCarlo, type MonteCarloResult } from './monteCarlo.ts';
import { compilePlan } from './plan.ts';
import { checkScenarios, type ScenarioCheck } from './scenarioChecks.ts';

export type SimulationJob = { job: 'monteCarlo'; doc: SagaDocument; runs: number; seed: number; faults: Fault[] } | { job: 'scenarios'; doc: SagaDocument; scenarios: Scenario[] };

/** What each job gives back. */
export interface SimulationResults {
  monteCarlo: MonteCarloResult;
  scenarios: ScenarioCheck[];
}

export type SimulationReply<R> = { type: 'progress'; done: number } | { type: 'done'; result: R } | { type: 'error'; message: string };

const reply = (message: SimulationReply<unknown>) => self.postMessage(message);
/** Progress about 40 times a job (enough for a smooth bar), and at least every `least` units. */
const every = (total: number, least: number) => Math.max(least, Math.floor(total / 40));
const progress = (done: number) => reply({ type: 'progress', done });

self.onmessage = (event: MessageEvent<SimulationJob>) => {
  const request = event.data;
  try {
    if (request.job === 'monteCarlo') {
      const { doc, runs, seed, faults } = request;
      reply({ type: 'done', result: monteCarlo(compilePlan(doc), { runs, seed, faults, every: every(runs, 100), progress }) });
    } else {
      const { doc, scenarios } = request;
      reply({ type: 'done', result: checkScenarios(doc, scenarios, { every: every(scenarios.length, 1), progress }) });
    }
  } catch (e) {
    reply({ type: 'error', message: (e as Error).message });
  }
};
