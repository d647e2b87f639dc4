/**
 * The detected style in large type, how sure the validator is and whether the design is
 * well-formed, at the top of the sidebar (in view at 1440×900 whatever is selected); why, folded
 * beneath.
 */
import { totalsOf, type Style } from '../model/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useValidation, validationOf } from '../store/validation.ts';
import { StyleIcon } from './StyleIcon.tsx';
import { useFocusOn } from './useFocusOn.ts';
import { countText } from '../model/countText.ts';

const STYLE: Readonly<Record<Style, { label: string; summary: string }>> = {
  orchestration: { label: 'Orchestration', summary: 'A central orchestrator commands every step and receives the replies.' },
  choreography: { label: 'Choreography', summary: 'Participants react to each other’s events; nobody holds the whole flow.' },
  hybrid: { label: 'Hybrid', summary: 'Part of the flow is commanded by a coordinator, part runs on event reactions.' },
  undetermined: { label: 'Undetermined', summary: 'Too little is drawn yet to tell how the flow is coordinated.' },
};

export function VerdictPanel() {
  const validation = useValidation();
  const declared = useDesignStore((s) => s.doc?.declaredStyle);
  const coordinator = useDesignStore((s) => {
    const id = s.doc && validationOf(s.doc).coordinator;
    return id ? s.doc?.nodes.find((n) => n.id === id) : undefined;
  });
  const focusOn = useFocusOn();
  if (!validation) return null;
  const { style, confidence, reasons } = validation;
  const percent = Math.round(confidence * 100);
  const errors = totalsOf(validation).error;
  return (
    <section className={`sb-panel sb-verdict sb-verdict--${style}`} aria-labelledby="verdict-heading">
      <h2 id="verdict-heading" className="sb-panel__title">
        Detected style
      </h2>
      <p className="sb-verdict__style">
        <StyleIcon style={style} />
        <span data-testid="verdict-style">{STYLE[style].label}</span>
      </p>
      <div className="sb-verdict__confidence">
        <div className="sb-meter" role="meter" aria-label="Confidence" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="sb-meter__bar" style={{ width: `${percent}%` }} />
        </div>
        <span data-testid="verdict-confidence">{percent}% confidence</span>
      </div>
      <p className={`sb-verdict__health sb-verdict__health--${errors === 0 ? 'ok' : 'errors'}`} data-testid="verdict-health">
        {errors === 0 ? 'Well-formed: no errors' : `Not well-formed yet: ${countText(errors)} error${errors === 1 ? '' : 's'} to fix`}
      </p>
      <details className="sb-verdict__more" data-testid="verdict-more">
        <summary>Why {STYLE[style].label.toLowerCase()}?</summary>
      <p className="sb-verdict__summary">{STYLE[style].summary}</p>
      <dl className="sb-verdict__facts">
        {coordinator && (
          <>
            <dt>Coordinator</dt>
            <dd>
              <button type="button" className="sb-link" onClick={() => focusOn({ nodes: [coordinator.id], edges: [] })}>
                {coordinator.name}
              </button>
            </dd>
          </>
        )}
        {declared && declared !== 'auto' && (
          <>
            <dt>Declared</dt>
            <dd>
              {STYLE[declared].label}
              {declared === style ? <span className="sb-tag sb-tag--ok">matches</span> : <span className="sb-tag sb-tag--off">differs</span>}
            </dd>
          </>
        )}
      </dl>
      {reasons.length > 0 && (
        <div className="sb-verdict__reasons">
          <h3>Why</h3>
          <ul data-testid="verdict-reasons">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      </details>
    </section>
  );
}
