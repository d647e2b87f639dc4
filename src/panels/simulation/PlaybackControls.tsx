/** Restart, step back, play or pause, step forward, speed, and a timeline to scrub. */
import { SPEEDS, useSimulationStore } from '../../store/simulationStore.ts';

export function PlaybackControls() {
  const cursor = useSimulationStore((s) => s.cursor);
  const playing = useSimulationStore((s) => s.playing);
  const speed = useSimulationStore((s) => s.speed);
  const trace = useSimulationStore((s) => s.run?.result.trace);
  const { seek, step, play, pause, setSpeed } = useSimulationStore.getState();
  const length = trace?.length ?? 0;
  const current = cursor > 0 ? trace?.[cursor - 1] : undefined;
  return (
    <div className="sb-playback" role="toolbar" aria-label="Playback">
      <div className="sb-playback__buttons">
        <IconButton label="Restart (Home)" onClick={() => (pause(), seek(0))} disabled={!length}>
          <path d="M3.5 3v10M13 3.5 6.5 8l6.5 4.5z" />
        </IconButton>
        <IconButton label="Step back (←)" onClick={() => step(-1)} disabled={cursor === 0}>
          <path d="M11 3.5 5 8l6 4.5z" />
        </IconButton>
        <button
          type="button"
          className="sb-playback__play"
          onClick={playing ? pause : play}
          disabled={!length}
          aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
            {playing ? <path d="M4.5 3h2.5v10H4.5zM9 3h2.5v10H9z" /> : <path d="M4.5 2.5v11l9-5.5z" />}
          </svg>
        </button>
        <IconButton label="Step forward (→)" onClick={() => step(1)} disabled={cursor >= length}>
          <path d="M5 3.5 11 8l-6 4.5z" />
        </IconButton>
        <label className="sb-playback__speed">
          <span className="sb-visually-hidden">Speed</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed" title="Steps per second">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} steps/s
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        className="sb-playback__timeline"
        type="range"
        min={0}
        max={length}
        value={cursor}
        onChange={(e) => (pause(), seek(Number(e.target.value)))}
        aria-label="Timeline"
        aria-valuetext={`Step ${cursor} of ${length}`}
        disabled={!length}
      />
      <div className="sb-playback__readout" data-testid="playback-readout">
        <span className="sb-playback__step">
          Step {cursor}/{length}
        </span>
        <span className="sb-playback__time">{current ? `${current.t.toFixed(1)} ms` : '0 ms'}</span>
      </div>
    </div>
  );
}

function IconButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: React.ReactNode }) {
  return (
    <button type="button" className="sb-playback__button" onClick={onClick} disabled={disabled} aria-label={label} title={label}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round">
        {children}
      </svg>
    </button>
  );
}
