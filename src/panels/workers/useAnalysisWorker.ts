/** A job of the analysis worker (src/analysis/analysis.worker.ts): measures, a participant down, or a comparison. */
import type { AnalysisJob, AnalysisResults } from '../../analysis/analysis.worker.ts';
import { useWorkerJob, type WorkerJob } from './useWorkerJob.ts';

type Kind = AnalysisJob['job'];

const spawn = () => new Worker(new URL('../../analysis/analysis.worker.ts', import.meta.url), { type: 'module' });

export function useAnalysisWorker<K extends Kind>(): WorkerJob<Extract<AnalysisJob, { job: K }>, AnalysisResults[K]> {
  return useWorkerJob<Extract<AnalysisJob, { job: K }>, AnalysisResults[K]>(spawn);
}
