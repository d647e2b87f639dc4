/**
 * Says what the lit nodes on the canvas answer (“Blast radius: PaymentService down stops 6 of 7
 * handlings”) and clears the highlight: its button, or Escape. A highlight ends with the design
 * it was made on.
 */
import { useEffect } from 'react';
import { Panel } from '@xyflow/react';
import { useDesignStore } from '../store/designStore.ts';
import { useHighlightStore } from '../store/highlightStore.ts';

export function HighlightBanner() {
  const highlight = useHighlightStore((s) => s.highlight);
  const clear = useHighlightStore((s) => s.clear);
  const source = useDesignStore((s) => s.source);
  useEffect(() => () => clear(), [source, clear]);
  useEffect(() => {
    if (!highlight) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlight, clear]);
  if (!highlight) return null;
  return (
    <Panel position="bottom-center" className="sb-highlight-banner" data-testid="highlight-banner">
      <span className="sb-highlight-banner__dot" aria-hidden="true" />
      <span role="status">{highlight.label}</span>
      <button type="button" className="sb-highlight-banner__clear" onClick={() => clear()} title="Clear the highlight (Esc)">
        Clear
      </button>
    </Panel>
  );
}
