/**
 * What a conversion did (spec §6.2), shown over the converted design: the style it reads as, every
 * decision, every place where behaviour may differ; and the way to compare it with the original.
 */
import { useEffect, useRef } from 'react';
import type { Style } from '../../model/index.ts';
import { openCompare } from '../../compare/compareStore.ts';
import { closeConversionReport, useConversionStore } from './conversion.ts';

const A_STYLE: Readonly<Record<Style, string>> = {
  orchestration: 'an orchestration',
  choreography: 'a choreography',
  hybrid: 'a hybrid',
  undetermined: 'undetermined',
};

export function ConversionReportDialog() {
  const finished = useConversionStore((s) => s.finished);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (finished && d && !d.open) d.showModal();
  }, [finished]);
  if (!finished) return null;
  const { report, original, converted } = finished;
  return (
    <dialog ref={dialog} className="sb-confirm sb-conversion" aria-labelledby="conversion-title" onClose={closeConversionReport} data-testid="conversion-report">
      <h2 className="sb-confirm__title" id="conversion-title">
        Converted to {report.to}
      </h2>
      <p className="sb-confirm__text">
        “{converted.doc.name}” is a new design, {A_STYLE[report.style]}
        {report.style !== report.to ? ' (fire-and-forget reactions stay subscribers)' : ''}. “{original.doc.name}” is unchanged.
      </p>
      <div className="sb-conversion__body">
      <h3 className="sb-conversion__heading">Decisions</h3>
      <ul className="sb-conversion__list" data-testid="conversion-decisions">
        {report.decisions.map((d, i) => (
          <li key={i}>{d.message}</li>
        ))}
      </ul>
      <h3 className="sb-conversion__heading">Behaviour</h3>
      {report.differences.length === 0 ? (
        <p className="sb-conversion__same" data-testid="conversion-same">
          The same outcome with no fault and with a business failure of each participant.
        </p>
      ) : (
        <ul className="sb-conversion__list sb-conversion__list--differences" data-testid="conversion-differences">
          {report.differences.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      )}
      </div>
      <div className="sb-confirm__buttons">
        <button type="button" className="sb-button" onClick={closeConversionReport}>
          Close
        </button>
        <button
          type="button"
          className="sb-button sb-button--primary"
          autoFocus
          onClick={() => {
            closeConversionReport();
            openCompare(original, converted);
          }}
        >
          Compare with the original
        </button>
      </div>
    </dialog>
  );
}
