/**
 * Undo and redo in the top bar, each named by the step it would take back or do again
 * ("Undo: connect PaymentService → PaymentProcessed"). On a live board they are this person's
 * own steps. Hidden while the design cannot be changed (simulating, a preview, a view link).
 */
import { keyText } from '../../actions/keys.ts';
import { isReadOnlySource, redo, undo, useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function UndoButtons() {
  const undoLabel = useDesignStore((s) => s.undoLabel);
  const redoLabel = useDesignStore((s) => s.redoLabel);
  const editable = useDesignStore((s) => s.doc !== null && !isReadOnlySource(s.source));
  const simulating = useSimulationStore((s) => s.active);
  if (!editable || simulating) return null;
  const undoName = undoLabel ? `Undo: ${undoLabel}` : 'Nothing to undo';
  const redoName = redoLabel ? `Redo: ${redoLabel}` : 'Nothing to redo';
  return (
    <div className="sb-history" role="group" aria-label="History">
      <button type="button" className="sb-history__button" onClick={undo} disabled={!undoLabel} aria-label={undoName} title={`${capitalised(undoName)} (${keyText('Mod+Z')})`} data-testid="undo">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M5.5 3.5 2.5 6.5l3 3M3 6.5h6.5a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="sb-history__button" onClick={redo} disabled={!redoLabel} aria-label={redoName} title={`${capitalised(redoName)} (${keyText('Mod+Shift+Z')})`} data-testid="redo">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M10.5 3.5l3 3-3 3M13 6.5H6.5a4 4 0 0 0 0 8H9" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );
}
