/** The canvas's “Tidy up” button: left to right, or top to bottom from its menu (L and Shift+L). */
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { CanvasNode, FlowEdge } from '../adapter.ts';
import { tidyUp, useTidying } from './tidyUp.ts';

export function TidyUpButton() {
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const busy = useTidying();
  const [menu, setMenu] = useState(false);
  const run = (direction: 'RIGHT' | 'DOWN') => {
    setMenu(false);
    void tidyUp(flow, direction);
  };
  return (
    <div className="sb-tidy">
      <button type="button" className="sb-tidy__button" onClick={() => run('RIGHT')} disabled={busy} aria-busy={busy} title="Tidy up: lay the design out left to right (L)">
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="2" width="4" height="4" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <rect x="10.5" y="2" width="4" height="4" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <rect x="10.5" y="10" width="4" height="4" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M5.5 4h5M8 4v8h2.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
        {busy ? 'Tidying…' : 'Tidy up'}
      </button>
      <button type="button" className="sb-tidy__more" aria-label="Tidy up options" aria-expanded={menu} onClick={() => setMenu((m) => !m)} disabled={busy}>
        <svg width="10" height="10" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {menu && (
        <div className="sb-tidy__menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenu(false)}>
          <button type="button" role="menuitem" onClick={() => run('RIGHT')} autoFocus>
            Left to right <kbd>L</kbd>
          </button>
          <button type="button" role="menuitem" onClick={() => run('DOWN')}>
            Top to bottom <kbd>Shift+L</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
