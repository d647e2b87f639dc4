/** Every diagnostic of the design, errors first, with counts by severity. */
import { countBySeverity, type Diagnostic, type Severity } from '../model/index.ts';
import { useSelection } from '../store/selectors.ts';
import type { Selection } from '../store/designStore.ts';
import { useValidation } from '../store/validation.ts';
import { DiagnosticItem } from './DiagnosticItem.tsx';
import { SeverityIcon } from './SeverityIcon.tsx';
import { useFocusOn } from './useFocusOn.ts';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const NOUN: Readonly<Record<Severity, [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'infos'],
};

export function DiagnosticsPanel() {
  const validation = useValidation();
  const selection = useSelection();
  const focusOn = useFocusOn();
  if (!validation) return null;
  const { diagnostics } = validation;
  const counts = countBySeverity(diagnostics);
  return (
    <section className="sb-panel sb-problems" aria-labelledby="problems-heading">
      <header className="sb-problems__header">
        <h2 id="problems-heading" className="sb-panel__title">
          Problems
        </h2>
        <ul className="sb-counts" aria-label="Problem counts" data-testid="diagnostic-counts">
          {SEVERITIES.map((s) => (
            <li key={s} className={`sb-count sb-count--${s}${counts[s] === 0 ? ' sb-count--zero' : ''}`} data-testid={`count-${s}`}>
              <SeverityIcon severity={s} size={13} />
              {counts[s]} {NOUN[s][counts[s] === 1 ? 0 : 1]}
            </li>
          ))}
        </ul>
      </header>
      {diagnostics.length === 0 ? (
        <p className="sb-problems__empty" data-testid="no-problems">
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="10" cy="10" r="8.5" fill="currentColor" />
            <path d="m6.2 10.3 2.6 2.6 5-5.3" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          No problems found
        </p>
      ) : (
        <ul className="sb-problems__list" aria-label="Diagnostics">
          {diagnostics.map((d, i) => (
            <DiagnosticItem key={`${d.rule}-${i}`} diagnostic={d} active={matches(d, selection)} onShow={focusOn} />
          ))}
        </ul>
      )}
    </section>
  );
}

function matches(d: Diagnostic, s: Selection): boolean {
  if (d.nodes.length + d.edges.length === 0) return false;
  const same = (a: readonly string[], b: readonly string[]) => new Set(a).size === b.length && b.every((id) => a.includes(id));
  return same(d.nodes, s.nodes) && same(d.edges, s.edges);
}
