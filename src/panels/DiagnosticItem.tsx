/** One diagnostic: severity, rule, what is wrong and how to fix it. Clicking it shows its nodes. */
import { memo } from 'react';
import { RULES, type Diagnostic } from '../model/index.ts';
import { fixesFor } from '../model/fixes.ts';
import { perform } from '../actions/action.ts';
import { fix } from '../actions/design.ts';
import { isReadOnlySource, useDesignStore } from '../store/designStore.ts';
import { SEVERITY_WORD, SeverityIcon } from './SeverityIcon.tsx';

interface DiagnosticItemProps {
  diagnostic: Diagnostic;
  /** True when the canvas selection is exactly this diagnostic's nodes and edges. */
  active: boolean;
  onShow: (diagnostic: Diagnostic) => void;
  /** Its place in the whole list (of `of`), which may be drawn only in part. */
  index: number;
  of: number;
  /** The row's ref: its height is watched (useWindowedList). */
  onMeasure?: (row: HTMLElement | null) => (() => void) | undefined;
}

export const DiagnosticItem = memo(function DiagnosticItem({ diagnostic: d, active, onShow, index, of, onMeasure }: DiagnosticItemProps) {
  const where = d.nodes.length + d.edges.length > 0;
  return (
    <li data-index={index} aria-posinset={index + 1} aria-setsize={of} ref={onMeasure}>
      <button
        type="button"
        className={`sb-diagnostic sb-diagnostic--${d.severity}`}
        aria-pressed={active}
        data-testid="diagnostic"
        data-rule={d.rule}
        title={where ? 'Show on the canvas' : undefined}
        onClick={() => onShow(d)}
      >
        <span className="sb-diagnostic__top">
          <span className="sb-diagnostic__severity">
            <SeverityIcon severity={d.severity} size={15} />
            {SEVERITY_WORD[d.severity]}
          </span>
          <code className="sb-diagnostic__rule" title={RULES[d.rule].title}>
            {d.rule}
          </code>
        </span>
        <span className="sb-diagnostic__message">{d.message}</span>
        <span className="sb-diagnostic__hint">
          <span className="sb-diagnostic__hint-label">Fix</span>
          {d.hint}
        </span>
      </button>
      {d.rule === 'G013' && <Fixes diagnostic={d} />}
    </li>
  );
});

/** One-click fixes, where the model knows them (model/fixes.ts). */
function Fixes({ diagnostic }: { diagnostic: Diagnostic }) {
  const doc = useDesignStore((s) => s.doc);
  const readOnly = useDesignStore((s) => isReadOnlySource(s.source));
  if (!doc || readOnly) return null;
  const fixes = fixesFor(doc, diagnostic);
  if (fixes.length === 0) return null;
  return (
    <div className="sb-diagnostic__fixes" role="group" aria-label="Fixes">
      {fixes.map((f) => (
        <button key={f.label} type="button" className="sb-diagnostic__fix" onClick={() => perform(fix, { fix: f })}>
          {f.label}
        </button>
      ))}
    </div>
  );
}
