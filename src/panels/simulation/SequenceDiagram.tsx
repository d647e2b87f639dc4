/**
 * The run as a sequence diagram: participants as lifelines, each message as an arrow, in the
 * order they were sent. Arrows after the cursor are faint; a click on one jumps there. Only the
 * arrows in view are drawn (an event storm sends 10,001 messages; drawing them all took seconds).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Token } from '../../simulation/playback.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { useScrolledView } from './useScrolledView.ts';

const COLUMN = 150;
const ROW = 30;
const HEAD = 40;
const MARGIN = 24;
/** Arrows drawn above and below the view, so that scrolling never shows a gap. */
const OVERSCAN = 10;

export function SequenceDiagram() {
  const run = useSimulationStore((s) => s.run);
  const doc = useSimulationStore((s) => s.doc);
  const cursor = useSimulationStore((s) => s.cursor);
  const box = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => {
    if (!run || !doc) return null;
    const names = new Map(doc.nodes.map((n) => [n.id, n.name]));
    const lanes: string[] = [];
    const lane = (id: string) => {
      let i = lanes.indexOf(id);
      if (i < 0) i = lanes.push(id) - 1;
      return i;
    };
    const arrows = run.tokens.map((t) => ({ token: t, from: lane(t.from), to: t.to === undefined ? undefined : lane(t.to) }));
    return { lanes: lanes.map((id) => ({ id, name: names.get(id) ?? id })), arrows, names };
  }, [run, doc]);

  const { view, onScroll } = useScrolledView(box, 400, layout);
  const currentRow = layout ? layout.arrows.findLastIndex((a) => a.token.sent < cursor) : -1;
  useEffect(() => {
    const el = box.current;
    if (!el || currentRow < 0) return;
    const y = HEAD + currentRow * ROW;
    if (y < el.scrollTop + HEAD || y > el.scrollTop + el.clientHeight - ROW) el.scrollTop = Math.max(0, y - HEAD - el.clientHeight / 2);
  }, [currentRow]);

  if (!layout) return null;
  const width = MARGIN * 2 + Math.max(1, layout.lanes.length) * COLUMN;
  const height = layout.arrows.length * ROW + ROW / 2;
  const x = (lane: number) => MARGIN + lane * COLUMN + COLUMN / 2;
  const first = Math.max(0, Math.floor((view.top - HEAD) / ROW) - OVERSCAN);
  const last = Math.min(layout.arrows.length, Math.ceil((view.top + view.height) / ROW) + OVERSCAN);
  const seek = (t: Token) => {
    const sim = useSimulationStore.getState();
    sim.pause();
    sim.seek(t.arrives + 1);
  };
  return (
    <div
      ref={box}
      className="sb-sequence"
      data-testid="sequence-diagram"
      onScroll={onScroll}
    >
      {/* The participants stay in view while the messages scroll under them. */}
      <div className="sb-sequence__heads" style={{ width }}>
        {layout.lanes.map((l, i) => (
          <div key={l.id} className="sb-sequence__head-name" style={{ left: x(i) - COLUMN / 2 + 8, width: COLUMN - 16 }} title={l.name}>
            {l.name}
          </div>
        ))}
      </div>
      <svg width={width} height={height} role="group" aria-label={`Sequence diagram: ${layout.arrows.length} messages between ${layout.lanes.length} participants`}>
        <defs>
          {(['command', 'event', 'failure', 'compensation'] as const).map((kind) => (
            <marker key={kind} id={`sb-seq-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0 10 5 0 10z" className={`sb-sequence__head sb-token--${kind}`} />
            </marker>
          ))}
        </defs>
        {layout.lanes.map((l, i) => (
          <line key={l.id} className="sb-sequence__lifeline" x1={x(i)} x2={x(i)} y1={0} y2={height} />
        ))}
        {layout.arrows.slice(first, last).map((a, i) => {
          const row = first + i;
          const y = row * ROW + ROW / 2 + 4;
          const x1 = x(a.from);
          const x2 = a.to === undefined ? x1 + 60 : x(a.to);
          const self = a.to === a.from;
          const state = a.token.sent >= cursor ? 'future' : row === currentRow ? 'current' : 'past';
          const name = layout.names.get(a.token.messageNode) ?? a.token.messageNode;
          const label = `${name} from ${layout.names.get(a.token.from)}${a.token.to ? ` to ${layout.names.get(a.token.to)}` : ''}`;
          return (
            <g
              key={`${a.token.sent}-${a.token.arrives}`}
              className={`sb-sequence__arrow sb-sequence__arrow--${state} sb-token--${a.token.kind}`}
              onClick={() => seek(a.token)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), seek(a.token))}
              role="button"
              tabIndex={0}
              aria-label={label}
            >
              <rect x={Math.min(x1, x2) - 4} y={y - ROW / 2} width={Math.abs(x2 - x1) + 8} height={ROW} fill="transparent" />
              {self ? (
                <path d={`M${x1} ${y - 6} h28 v12 h-26`} markerEnd={`url(#sb-seq-${a.token.kind})`} />
              ) : (
                <line x1={x1} x2={x2} y1={y} y2={y} markerEnd={`url(#sb-seq-${a.token.kind})`} strokeDasharray={a.to === undefined ? '4 3' : undefined} />
              )}
              <text x={(x1 + x2) / 2} y={y - 5} textAnchor="middle">
                {clip(name, 26)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
