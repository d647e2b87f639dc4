/**
 * “Export” in the top bar: the design as a picture, a file, a diagram or a contract, and a link
 * that carries the design itself. Every item says what went wrong when it cannot be done.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useDesignStore } from '../../store/designStore.ts';

import { useReactFlow } from '@xyflow/react';
import type { CanvasNode, FlowEdge } from '../../canvas/adapter.ts';
import { useClickOutside } from '../useClickOutside.ts';
import { exportItems, type ExportItem } from './exports.ts';
import './exporting.css';

// Share links need the compression library: it loads when the panel opens.
const ShareLinkPanel = lazy(() => import('./ShareLinkPanel.tsx'));

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<'menu' | 'share'>('menu');
  const [notice, setNotice] = useState<string | null>(null);
  const hasDesign = useDesignStore((s) => s.doc !== null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setView('menu');
    setNotice(null);
    if (refocus) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, [open, view]);
  useClickOutside(panel, trigger, useCallback(() => close(false), [close]), open);

  const run = async (item: ExportItem) => {
    setNotice(null);
    try {
      const problem = await item.run();
      if (problem) setNotice(problem);
      else close(true);
    } catch (e) {
      setNotice(`${item.label} failed: ${(e as Error).message}`);
    }
  };

  return (
    <div className="sb-export">
      <button
        ref={trigger}
        type="button"
        className="sb-designs__trigger"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-haspopup="dialog"
        disabled={!hasDesign}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M7 9V2.5M4.2 5.2 7 2.4l2.8 2.8M2.5 9.5v1.5a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1V9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Export
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          className="sb-export__panel"
          role="dialog"
          aria-label="Export"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close(true);
            }
          }}
        >
          {view === 'share' ? (
            <Suspense fallback={<p className="sb-share__text">Making the link…</p>}>
              <ShareLinkPanel onBack={() => setView('menu')} />
            </Suspense>
          ) : (
            <>
              <ul className="sb-export__list">
                {exportItems(flow).map((item) => (
                  <li key={item.label}>
                    <MenuButton label={item.label} note={item.note} onClick={() => void run(item)} />
                  </li>
                ))}
                <li>
                  <MenuButton label="Share link…" note="The design inside a link; nothing is sent to a server" onClick={() => setView('share')} />
                </li>
              </ul>
              {notice && (
                <p className="sb-export__notice" role="alert">
                  {notice}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

function MenuButton({ label, note, onClick }: { label: string; note: ReactNode; onClick: () => void }) {
  return (
    <button type="button" className="sb-export__item" onClick={onClick}>
      <span className="sb-export__label">{label}</span>
      <span className="sb-export__note">{note}</span>
    </button>
  );
}
