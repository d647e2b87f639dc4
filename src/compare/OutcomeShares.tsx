/** How a design's sagas ended, as one stacked bar (the whole is every saga) and a legend with the shares. */
import { SAGA_OUTCOMES } from '../model/index.ts';
import type { MonteCarloSummary } from '../analysis/compare.ts';
import { countText } from '../model/countText.ts';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function OutcomeShares({ summary }: { summary: MonteCarloSummary }) {
  const said = SAGA_OUTCOMES.map((o) => `${o} ${percent(summary.shares[o])}`).join(', ');
  return (
    <div className="sb-compare-shares" data-testid="outcome-shares">
      <div className="sb-compare-shares__bar" role="img" aria-label={`Outcomes: ${said}`}>
        {SAGA_OUTCOMES.map((o) =>
          summary.outcomes[o] > 0 ? (
            <span key={o} className={`sb-compare-shares__part sb-outcome-${o}`} style={{ flexGrow: summary.outcomes[o] }} title={`${o}: ${countText(summary.outcomes[o])} (${percent(summary.shares[o])})`} />
          ) : null,
        )}
      </div>
      <ul className="sb-compare-shares__legend">
        {SAGA_OUTCOMES.map((o) => (
          <li key={o} className={`sb-outcome-${o}${summary.outcomes[o] === 0 ? ' sb-compare-shares__none' : ''}`} data-outcome={o}>
            <span className="sb-compare-shares__swatch" aria-hidden="true" />
            <span className="sb-compare-shares__word">{o}</span>
            <span className="sb-compare-shares__share" data-testid="share">
              {percent(summary.shares[o])}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
