/**
 * The trace of the run, one entry per row, following the cursor: the current entry is marked
 * and kept in view; a click jumps there. Only the rows in view are rendered.
 */
import { useEffect, useRef } from 'react';
import type { TraceEntry } from '../../simulation/index.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { useScrolledView } from './useScrolledView.ts';
import { TRACE_WORDS } from './traceWords.ts';

const ROW = 26;
const OVERSCAN = 8;

export function TraceLog() {
  const trace = useSimulationStore((s) => s.run?.result.trace);
  const cursor = useSimulationStore((s) => s.cursor);
  const box = useRef<HTMLDivElement>(null);
  const { view, onScroll } = useScrolledView(box, 240);
  const current = cursor - 1;

  useEffect(() => {
    const el = box.current;
    if (!el || current < 0) return;
    const y = current * ROW;
    if (y < el.scrollTop || y + ROW > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
  }, [current]);

  if (!trace) return null;
  const first = Math.max(0, Math.floor(view.top / ROW) - OVERSCAN);
  const last = Math.min(trace.length, Math.ceil((view.top + view.height) / ROW) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) rows.push(<TraceRow key={i} index={i} entry={trace[i]!} current={i === current} future={i > current} />);
  return (
    <div
      ref={box}
      className="sb-trace"
      role="list"
      aria-label="Trace of the run"
      data-testid="trace-log"
      onScroll={onScroll}
    >
      <div style={{ height: trace.length * ROW, position: 'relative' }}>{rows}</div>
    </div>
  );
}

function TraceRow({ index, entry, current, future }: { index: number; entry: TraceEntry; current: boolean; future: boolean }) {
  const words = TRACE_WORDS[entry.type];
  const seek = () => {
    const sim = useSimulationStore.getState();
    sim.pause();
    sim.seek(index + 1);
  };
  return (
    <div
      role="listitem"
      className={`sb-trace__row${current ? ' sb-trace__row--current' : ''}${future ? ' sb-trace__row--future' : ''}`}
      style={{ top: index * ROW }}
      aria-current={current ? 'step' : undefined}
    >
      <button type="button" className="sb-trace__jump" onClick={seek} title="Jump to this step">
        <span className="sb-trace__time">{entry.t.toFixed(1)}</span>
        <span className={`sb-trace__type sb-tone--${words.tone}`}>{words.label}</span>
        <span className="sb-trace__what">
          {entry.messageName && (
            <span className="sb-trace__message">
              {entry.messageName}
              {entry.attempt > 1 && <span className="sb-trace__attempt"> #{entry.attempt}</span>}
            </span>
          )}
          {entry.nodeName && <span className="sb-trace__node">{entry.messageName ? ` at ${entry.nodeName}` : entry.nodeName}</span>}
          {entry.detail && <span className="sb-trace__detail"> — {entry.detail}</span>}
        </span>
      </button>
    </div>
  );
}
