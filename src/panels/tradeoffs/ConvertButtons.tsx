/**
 * “Convert to choreography / orchestration” (spec §6.2): the conversion runs in the analysis
 * worker, and the result opens as a new design with its report. A refused conversion says why
 * and makes nothing.
 */
import { useEffect, useRef } from 'react';
import type { ConversionTarget, Style } from '../../model/index.ts';
import { openConverted, type DesignRef } from '../../app/converting/conversion.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useAnalysisWorker } from '../workers/useAnalysisWorker.ts';

/** The targets worth offering: the other style; both when the design is neither. */
const TARGETS: Readonly<Record<Style, readonly ConversionTarget[]>> = {
  orchestration: ['choreography'],
  choreography: ['orchestration'],
  hybrid: ['orchestration', 'choreography'],
  undetermined: ['orchestration', 'choreography'],
};

export function ConvertButtons({ style, onCompare }: { style: Style | undefined; onCompare?: () => void }) {
  const { status, start, fail } = useAnalysisWorker<'convert'>();
  const asked = useRef<DesignRef | null>(null);
  const readOnly = useDesignStore((s) => s.source?.kind === 'shared');

  useEffect(() => {
    if (status.state !== 'done' || !asked.current) return;
    const original = asked.current;
    asked.current = null;
    const result = status.result;
    if (!result.ok) return fail(`Not converted: ${result.reason}`);
    openConverted(original, result.doc, result.report).catch((e: Error) => fail(`The converted design could not be opened: ${e.message}`));
  }, [status, fail]);

  const convert = (to: ConversionTarget) => {
    const { doc, source } = useDesignStore.getState();
    if (!doc) return;
    asked.current = source?.kind === 'saved' ? { doc, id: source.id } : { doc };
    start({ job: 'convert', doc, to }, 1);
  };
  const running = status.state === 'running';
  return (
    <div className="sb-tradeoffs__actions">
      {(style ? TARGETS[style] : TARGETS.undetermined).map((to) => (
        <button
          key={to}
          type="button"
          className="sb-button"
          disabled={running || readOnly}
          onClick={() => convert(to)}
          title={`Make a new design: this one as ${to === 'orchestration' ? 'an orchestration' : 'a choreography'} (this one stays as it is)`}
        >
          Convert to {to}
        </button>
      ))}
      {onCompare && (
        <button type="button" className="sb-button" onClick={onCompare}>
          Compare with…
        </button>
      )}
      {running && (
        <span className="sb-tradeoffs__status" role="status">
          <span className="sb-tradeoffs__spinner" aria-hidden="true" />
          Converting…
        </span>
      )}
      {status.state === 'error' && (
        <p className="sb-field__error sb-tradeoffs__refusal" role="alert" data-testid="convert-refused">
          {status.message}
        </p>
      )}
    </div>
  );
}
