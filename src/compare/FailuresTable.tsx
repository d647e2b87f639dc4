/**
 * What a business failure of each participant present in both designs ends in, in each: handled
 * (compensated, or completed after retries), stuck, or inconsistent — the better outcome marked.
 */
import { betterOutcome } from '../analysis/betterSide.ts';
import type { SagaDocument, SagaOutcome } from '../model/index.ts';
import { BetterMark, favoured, SIDES, standing } from './betterMark.tsx';
import { SideHeads } from './SideHeads.tsx';
import type { ComparisonResult } from './useComparison.ts';

export function FailuresTable({ result, docs }: { result: ComparisonResult; docs: readonly [SagaDocument, SagaDocument] }) {
  const simulated = result.monteCarlo.map((m) => m !== null);
  return (
    <section className="sb-compare-section" aria-labelledby="compare-failures">
      <table className="sb-compare-table sb-compare-table--failures" data-testid="compare-failures">
        <caption className="sb-compare-section__head">
          <h2 id="compare-failures" className="sb-compare-section__title">
            When a participant fails
          </h2>
          <p className="sb-compare-section__note">A business failure of each participant found in both designs (by name), with every other step going well.</p>
        </caption>
        <thead>
          <SideHeads first="Participant" docs={docs} />
        </thead>
        <tbody>
          {result.failures.length === 0 && (
            <tr>
              <td colSpan={3} className="sb-compare-table__none">
                No participant has the same name in both designs.
              </td>
            </tr>
          )}
          {result.failures.map((f) => {
            const better = betterOutcome(f.outcomes[0], f.outcomes[1]);
            return (
              <tr key={f.participant} data-testid={`failure-${f.participant}`} data-better={favoured(better)}>
                <th scope="row" className="sb-compare-table__label">
                  <span className="sb-compare-table__name">{f.participant}</span>
                </th>
                {SIDES.map((side, i) => (
                  <td key={side.name} className={`sb-compare-cell sb-compare-cell--${standing(better, side)}`} data-side={side.name} data-standing={standing(better, side)}>
                    <OutcomeChip outcome={f.outcomes[i]!} simulated={simulated[i]!} />
                    <BetterMark better={better} side={side} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function OutcomeChip({ outcome, simulated }: { outcome: SagaOutcome | null; simulated: boolean }) {
  if (outcome === null) return <span className="sb-compare-chip sb-compare-chip--none">{simulated ? 'cannot fail (orchestrator)' : 'not simulated'}</span>;
  return (
    <span className={`sb-compare-chip sb-outcome-${outcome}`} data-testid="outcome" data-outcome={outcome}>
      <span className="sb-compare-chip__dot" aria-hidden="true" />
      {outcome}
    </span>
  );
}
