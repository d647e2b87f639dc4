/**
 * “Convert to choreography / orchestration” (spec §6.2): the conversion runs in the analysis
 * worker, and the result opens as a new design with its report. A refused conversion says why
 * and makes nothing.
 */
import { useState } from 'react';
import type { ConversionTarget, Style } from '../../model/index.ts';
import { openConverted } from './conversion.ts';
import { compareWithScreen } from '../designs/designActions.ts';
import { isReadOnlySource, useDesignStore } from '../../store/designStore.ts';
import { analysisJob } from '../../panels/workers/analysisJob.ts';

/** The targets worth offering: the other style; both when the design is neither. */
const TARGETS: Readonly<Record<Style, readonly ConversionTarget[]>> = {
  orchestration: ['choreography'],
  choreography: ['orchestration'],
  hybrid: ['orchestration', 'choreography'],
  undetermined: ['orchestration', 'choreography'],
};

type Progress = { state: 'idle' } | { state: 'busy'; doing: string } | { state: 'refused'; message: string };

export function ConvertButtons({ style }: { style: Style | undefined }) {
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const readOnly = useDesignStore((s) => isReadOnlySource(s.source));

  const convert = async (to: ConversionTarget) => {
    const { doc, source } = useDesignStore.getState();
    if (!doc) return;
    const original = source?.kind === 'saved' ? { doc, id: source.id } : { doc };
    setProgress({ state: 'busy', doing: 'Converting…' });
    try {
      const result = await analysisJob<'convert'>({ job: 'convert', doc, to });
      if (!result.ok) return setProgress({ state: 'refused', message: result.reason });
      setProgress({ state: 'busy', doing: 'Opening the new design…' });
      await openConverted(original, result.doc, result.report);
      setProgress({ state: 'idle' });
    } catch (e) {
      setProgress({ state: 'refused', message: `The design could not be converted: ${(e as Error).message}` });
    }
  };
  const busy = progress.state === 'busy';
  return (
    <div className="sb-tradeoffs__actions">
      {(style ? TARGETS[style] : TARGETS.undetermined).map((to) => (
        <button
          key={to}
          type="button"
          className="sb-button"
          disabled={busy || readOnly}
          onClick={() => void convert(to)}
          title={`Make a new design: this one as ${to === 'orchestration' ? 'an orchestration' : 'a choreography'} (this one stays as it is)`}
        >
          Convert to {to}
        </button>
      ))}
      <button type="button" className="sb-button" onClick={compareWithScreen} title="Put this design beside another: the measures, the failures, many sagas of each">
        Compare with…
      </button>
      {busy && (
        <span className="sb-tradeoffs__status" role="status">
          <span className="sb-tradeoffs__spinner" aria-hidden="true" />
          {progress.doing}
        </span>
      )}
      {progress.state === 'refused' && (
        <p className="sb-field__error sb-tradeoffs__refusal" role="alert" data-testid="convert-refused">
          {progress.message}
        </p>
      )}
    </div>
  );
}
