/** A job of the simulation worker (src/simulation/simulation.worker.ts): Monte Carlo, or every saved scenario. */
import type { SimulationJob, SimulationPartials, SimulationResults } from '../../simulation/simulation.worker.ts';
import { useWorkerJob, type WorkerJob } from '../workers/useWorkerJob.ts';

export type { WorkerStatus } from '../workers/useWorkerJob.ts';

type Kind = SimulationJob['job'];

const spawn = () => new Worker(new URL('../../simulation/simulation.worker.ts', import.meta.url), { type: 'module' });

export function useSimulationWorker<K extends Kind>(onPartial?: (items: SimulationPartials[K][]) => void): WorkerJob<Extract<SimulationJob, { job: K }>, SimulationResults[K]> {
  return useWorkerJob<Extract<SimulationJob, { job: K }>, SimulationResults[K], SimulationPartials[K]>(spawn, onPartial);
}
