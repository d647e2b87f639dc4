/** What the shapes and lines mean. Collapsible, so it never hides the design for long. */
import { memo, useEffect, useState, type ReactNode } from 'react';
import { Panel } from '@xyflow/react';
import type { EdgeMeaning } from '../model/index.ts';
import type { EdgeFamily } from './adapter.ts';
import { EDGE_LINE, edgeStroke, markerId } from './edges/edgeLook.ts';
import { CommandIcon, ConductorIcon, EventIcon, FailureIcon, FlagIcon, PersonIcon, ServiceIcon, UndoIcon } from './icons.tsx';

const NODES: { label: string; swatch: string; icon: ReactNode }[] = [
  { label: 'Actor', swatch: 'actor', icon: <PersonIcon size={11} /> },
  { label: 'Service', swatch: 'service', icon: <ServiceIcon size={11} /> },
  { label: 'Orchestrator', swatch: 'orchestrator', icon: <ConductorIcon size={11} /> },
  { label: 'Command', swatch: 'command', icon: <CommandIcon size={11} /> },
  { label: 'Compensation', swatch: 'compensation', icon: <UndoIcon size={11} /> },
  { label: 'Event', swatch: 'event', icon: <EventIcon size={11} /> },
  { label: 'Failure event', swatch: 'failure', icon: <FailureIcon size={11} /> },
  { label: 'End event', swatch: 'terminal', icon: <FlagIcon size={11} /> },
];

const LINES: { label: string; meaning: EdgeMeaning; family: EdgeFamily }[] = [
  { label: 'sends', meaning: 'sends', family: 'command' },
  { label: 'handled by', meaning: 'handledBy', family: 'command' },
  { label: 'publishes', meaning: 'publishes', family: 'event' },
  { label: 'subscribed by', meaning: 'subscribedBy', family: 'event' },
  { label: 'failure path', meaning: 'publishes', family: 'failure' },
  { label: 'compensated by', meaning: 'compensatedBy', family: 'compensation' },
];

// memo: the canvas re-renders on every frame of a node drag (its nodes are React state); this need not.
export const Legend = memo(function Legend() {
  // Folded at first so it never hides part of the design; one click away.
  const [open, setOpen] = useState(false);
  // Escape folds it again, wherever the focus is (the canvas's own Escape still clears the selection).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <Panel position="top-left" className="sb-legend" role="group" aria-label="Legend">
      <button type="button" className="sb-legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className="sb-legend__chevron">
          <path d="M2 3.5 5 6.5 8 3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div className="sb-legend__body">
          <ul className="sb-legend__list">
            {NODES.map((n) => (
              <li key={n.label}>
                <span className={`sb-swatch sb-swatch--${n.swatch}`}>{n.icon}</span>
                {n.label}
              </li>
            ))}
          </ul>
          <ul className="sb-legend__list">
            {LINES.map((l) => (
              <li key={l.label}>
                <svg width="34" height="10" viewBox="0 0 34 10" aria-hidden="true" className="sb-legend__line">
                  <path d="M1 5H31" className={EDGE_LINE} style={edgeStroke(l.meaning, l.family)} markerEnd={`url(#${markerId(l.family)})`} />
                </svg>
                {l.label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
});
