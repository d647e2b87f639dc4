/** Simulation mode's dock under the canvas: playback controls and timeline, the trace and the sequence diagram. */
import { useState } from 'react';
import { PlaybackControls } from './PlaybackControls.tsx';
import { SequenceDiagram } from './SequenceDiagram.tsx';
import { TraceLog } from './TraceLog.tsx';
import { usePlaybackKeys } from './usePlaybackKeys.ts';
import './simulation.css';

type Tab = 'trace' | 'sequence';

export default function SimulationDock() {
  const [tab, setTab] = useState<Tab>('trace');
  usePlaybackKeys();
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
