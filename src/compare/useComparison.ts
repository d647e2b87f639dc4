/**
 * The comparison of two designs, made in the analysis worker (a big design takes seconds). It
 * starts as soon as the pair is on show, and again when asked with another number of sagas;
 * while that runs, the last result stays on show. The view mounts it afresh for each pair.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnalysisResults } from '../analysis/analysis.worker.ts';
import type { SagaDocument } from '../model/index.ts';
import { useAnalysisWorker } from '../panels/workers/useAnalysisWorker.ts';
import type { WorkerStatus } from '../panels/workers/useWorkerJob.ts';
import { setCompareRuns, useCompareStore } from './compareStore.ts';

export type ComparisonResult = AnalysisResults['compare'];

/** Both designs run the same seeds, so they meet the same luck. */
export const COMPARE_SEED = 1;

export interface Comparing {
  /** The latest comparison of the pair, if any. */
  result: ComparisonResult | undefined;
  status: WorkerStatus<ComparisonResult>;
  /** Compares again with `runs` sagas of each design. */
  run(runs: number): void;
  cancel(): void;
  fail(message: string): void;
}

export function useComparison(left: SagaDocument, right: SagaDocument): Comparing {
  const { status, start, cancel, fail } = useAnalysisWorker<'compare'>();
  const [kept, setKept] = useState<ComparisonResult>();

  const run = useCallback(
    (runs: number) => {
      setCompareRuns(runs);
      start({ job: 'compare', docs: [left, right], runs, seed: COMPARE_SEED }, 2 * runs);
    },
    [left, right, start],
  );

  // The pair is compared at once, with as many sagas as the last comparison had.
  useEffect(() => run(useCompareStore.getState().runs), [run]);

  // Adjusting state while rendering: the result stays on show while the next run goes.
  if (status.state === 'done' && status.result !== kept) setKept(status.result);
  return { result: status.state === 'done' ? status.result : kept, status, run, cancel, fail };
}
