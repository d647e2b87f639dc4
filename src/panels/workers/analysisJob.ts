/** One job of the analysis worker as a promise, for an action that awaits it (a conversion): a worker per job, ended when it answers. */
import type { AnalysisJob, AnalysisResults } from '../../analysis/analysis.worker.ts';
import type { WorkerReply } from '../../simulation/workerReply.ts';

export function analysisJob<K extends AnalysisJob['job']>(job: Extract<AnalysisJob, { job: K }>): Promise<AnalysisResults[K]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('../../analysis/analysis.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<WorkerReply<AnalysisResults[K]>>) => {
      const m = e.data;
      if (m.type === 'progress') return;
      w.terminate();
      if (m.type === 'done') resolve(m.result);
      else reject(new Error(m.message));
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || 'The analysis worker failed.'));
    };
    w.postMessage(job);
  });
}
