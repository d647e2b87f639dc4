/** Every diagnostic of the design, errors first, with counts by severity. */
import { useRef, type KeyboardEvent } from 'react';
import { MAX_DIAGNOSTICS, omittedCount, totalsOf, type Diagnostic, type Omitted, type Severity } from '../model/index.ts';
import { useSelection } from '../store/selectors.ts';
import type { Selection } from '../store/designStore.ts';
import { useValidation } from '../store/validation.ts';
import { DiagnosticItem } from './DiagnosticItem.tsx';
import { SeverityIcon } from './SeverityIcon.tsx';
import { useFocusOn } from './useFocusOn.ts';
import { useWindowedList } from './useWindowedList.ts';
import { countText } from '../model/countText.ts';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const NOUN: Readonly<Record<Severity, [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'infos'],
};
const counted = (n: number, s: Severity) => `${countText(n)} ${NOUN[s][n === 1 ? 0 : 1]}`;

/** A diagnostic's height before it is drawn (two lines of message, two of hint, as measured in the sidebar). */
const ROW_ESTIMATE = 124;

export function DiagnosticsPanel() {
  const validation = useValidation();
  const selection = useSelection();
  const focusOn = useFocusOn();
  if (!validation) return null;
  const { diagnostics } = validation;
  const counts = totalsOf(validation);
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
              {counted(counts[s], s)}
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
        <>
          <DiagnosticList diagnostics={diagnostics} selection={selection} onShow={focusOn} />
          {validation.omitted && <OmittedNote omitted={validation.omitted} />}
        </>
      )}
    </section>
  );
}

/**
 * The diagnostics as a list of buttons, only those in view rendered (a design may have a
 * thousand). Tab moves from one to the next as in any list: one not yet rendered is scrolled
 * into view first.
 */
function DiagnosticList({ diagnostics, selection, onShow }: { diagnostics: Diagnostic[]; selection: Selection; onShow: (d: Diagnostic) => void }) {
  const list = useRef<HTMLUListElement>(null);
  const windowed = useWindowedList(list, diagnostics.length, ROW_ESTIMATE);
  const { first, last } = windowed;
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const at = Number((e.target as HTMLElement).closest('li')?.dataset.index);
    const next = at + (e.shiftKey ? -1 : 1);
    if (!Number.isInteger(at) || next < 0 || next >= diagnostics.length || (next >= first && next < last)) return;
    e.preventDefault();
    windowed.reveal(next);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`li[data-index="${next}"] button`)?.focus());
  };
  const rows = [];
  for (let i = first; i < last; i++) {
    const d = diagnostics[i]!;
    rows.push(
      <DiagnosticItem key={`${d.rule}-${i}`} diagnostic={d} active={matches(d, selection)} onShow={onShow} index={i} of={diagnostics.length} onMeasure={windowed.measure} />,
    );
  }
  return (
    <ul ref={list} className="sb-problems__list" aria-label="Diagnostics" style={{ paddingTop: windowed.before, paddingBottom: windowed.after }} onKeyDown={onKeyDown}>
      {rows}
    </ul>
  );
}

/** Says how many diagnostics are not listed (beyond MAX_DIAGNOSTICS). */
function OmittedNote({ omitted }: { omitted: Omitted }) {
  const which = SEVERITIES.filter((s) => omitted[s] > 0).map((s) => counted(omitted[s], s));
  return (
    <p className="sb-problems__more" data-testid="diagnostics-omitted">
      … and {countText(omittedCount({ omitted }))} more not listed ({which.join(', ')}). Only the first {countText(MAX_DIAGNOSTICS)} are shown: fix
      these first.
    </p>
  );
}

function matches(d: Diagnostic, s: Selection): boolean {
  if (d.nodes.length + d.edges.length === 0) return false;
  const same = (a: readonly string[], b: readonly string[]) => new Set(a).size === b.length && b.every((id) => a.includes(id));
  return same(d.nodes, s.nodes) && same(d.edges, s.edges);
}
