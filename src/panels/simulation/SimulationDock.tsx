/** Simulation mode's dock under the canvas: playback controls and timeline, the trace and the sequence diagram. */
import { useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_DESIGN, viewportAnimationMs } from '../../canvas/viewport.ts';
import { PlaybackControls } from './PlaybackControls.tsx';
import { SequenceDiagram } from './SequenceDiagram.tsx';
import { TraceLog } from './TraceLog.tsx';
import { usePlaybackKeys } from './usePlaybackKeys.ts';
import './simulation.css';

type Tab = 'trace' | 'sequence';

export default function SimulationDock() {
  const [tab, setTab] = useState<Tab>('trace');
  usePlaybackKeys();
  const { fitView } = useReactFlow();
  // The dock takes room from the canvas: frame the design in what is left.
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ ...FIT_DESIGN, duration: viewportAnimationMs() }));
    return () => cancelAnimationFrame(frame);
  }, [fitView]);
  return (
    <section className="sb-dock" aria-label="Simulation" data-testid="simulation-dock">
      <PlaybackControls />
      <div className="sb-dock__tabs" role="tablist" aria-label="Views of the run">
        {(['trace', 'sequence'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className="sb-dock__tab" onClick={() => setTab(t)}>
            {t === 'trace' ? 'Trace' : 'Sequence diagram'}
          </button>
        ))}
      </div>
      <div className="sb-dock__body" role="tabpanel">
        {tab === 'trace' ? <TraceLog /> : <SequenceDiagram />}
      </div>
    </section>
  );
}
