/** A short message about what the canvas just refused, and why; it goes away by itself. */
import { useEffect } from 'react';
import { useDesignStore } from '../store/designStore.ts';

const SHOWN_MS = 6000;

export function HintToast() {
  const hint = useDesignStore((s) => s.hint);
  const showHint = useDesignStore((s) => s.showHint);
  useEffect(() => {
    if (!hint) return;
    const timer = window.setTimeout(() => showHint(null), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [hint, showHint]);
  return (
    <div role="status" aria-live="polite" className="sb-hint-region">
      {hint && (
        <div className="sb-hint" data-testid="hint">
          <span>{hint.message}</span>
          <button type="button" className="sb-hint__close" aria-label="Dismiss" onClick={() => showHint(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
