/** Simulation mode's dock under the canvas: playback controls and timeline, the trace and the sequence diagram. */
import { useId, useState, type KeyboardEvent } from 'react';
import { PlaybackControls } from './PlaybackControls.tsx';
import { SequenceDiagram } from './SequenceDiagram.tsx';
import { TraceLog } from './TraceLog.tsx';
import { usePlaybackKeys } from './usePlaybackKeys.ts';
import './simulation.css';

type Tab = 'trace' | 'sequence';

const TABS: readonly Tab[] = ['trace', 'sequence'];

export default function SimulationDock() {
  const [tab, setTab] = useState<Tab>('trace');
  const id = useId();
  usePlaybackKeys();
  // Tabs as the ARIA pattern has them: one stop for the row, ← → (Home, End) switch and focus.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const to = TABS[(next + TABS.length) % TABS.length]!;
    setTab(to);
    document.getElementById(`${id}-${to}`)?.focus();
  };
  return (
    <section className="sb-dock" aria-label="Simulation" data-testid="simulation-dock">
      <PlaybackControls />
      <div className="sb-dock__tabs" role="tablist" aria-label="Views of the run" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t}
            id={`${id}-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t ? 0 : -1}
            className="sb-dock__tab"
            onClick={() => setTab(t)}
          >
            {t === 'trace' ? 'Trace' : 'Sequence diagram'}
          </button>
        ))}
      </div>
      <div className="sb-dock__body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'trace' ? <TraceLog /> : <SequenceDiagram />}
      </div>
    </section>
  );
}
