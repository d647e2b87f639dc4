/**
 * The canvas's “What if” switch (W): while it is on, selecting a message lights up the
 * participants its schema change touches, and selecting a participant what stops while it is down.
 */
import { useWhatIfStore } from '../../store/whatIfStore.ts';
import { toggleWhatIf } from './toggleWhatIf.ts';

export function WhatIfButton() {
  const on = useWhatIfStore((s) => s.on);
  return (
    <button
      type="button"
      className={on ? 'sb-whatif-toggle sb-whatif-toggle--on' : 'sb-whatif-toggle'}
      aria-pressed={on}
      onClick={toggleWhatIf}
      title="What if: select a message to see who changes with its schema, a participant to see what stops while it is down (W)"
    >
      <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
        {/* A node with rings spreading from it: what reaches how far. */}
        <circle cx="8" cy="8" r="2.4" fill="currentColor" />
        <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeDasharray="2.2 1.8" />
        <circle cx="8" cy="8" r="7.2" fill="none" stroke="currentColor" strokeWidth="1" opacity="0.55" />
      </svg>
      What if
    </button>
  );
}
