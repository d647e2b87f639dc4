/** What the comparison of one pair shows under the two diagrams: measures, failures, Monte Carlo. */
import type { SagaDocument } from '../model/index.ts';
import { FailuresTable } from './FailuresTable.tsx';
import { MeasuresTable } from './MeasuresTable.tsx';
import { MonteCarloSection } from './MonteCarloSection.tsx';
import { useComparison, type ComparisonResult } from './useComparison.ts';

export function ComparisonSections({ left, right }: { left: SagaDocument; right: SagaDocument }) {
  const comparing = useComparison(left, right);
  const { result, status } = comparing;
  const docs = [left, right] as const;
  return (
    <>
      {result ? (
        <>
          <MeasuresTable result={result} docs={docs} />
          <FailuresTable result={result} docs={docs} />
        </>
      ) : (
        <section className="sb-compare-section sb-compare-pending" aria-live="polite">
          {status.state === 'running' && (
            <p role="status" className="sb-compare-pending__text">
              <span className="sb-compare-spinner" aria-hidden="true" />
              Measuring both designs and simulating their failures…
            </p>
          )}
          {status.state === 'idle' && <p className="sb-compare-pending__text">Stopped before anything was measured: press Run to compare.</p>}
          {status.state === 'error' && <p className="sb-compare-pending__text">The comparison failed: {status.message}</p>}
        </section>
      )}
      <MonteCarloSection comparing={comparing} whyNot={result ? [whyNotSimulated(result, 0), whyNotSimulated(result, 1)] : [undefined, undefined]} />
    </>
  );
}

/** Why a design has no Monte Carlo: what its simulated measures say. */
function whyNotSimulated(result: ComparisonResult, side: 0 | 1): string | undefined {
  const latency = result.measures.latency[side];
  return 'reason' in latency ? latency.reason : undefined;
}
