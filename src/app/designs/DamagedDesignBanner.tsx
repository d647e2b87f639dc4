/**
 * A saved design that cannot be opened: which one, why, and a way to download it exactly as it
 * is stored. Sagaboard never writes over it; deleting it from the design list is the user's call.
 */
import { shortened } from '../../model/index.ts';
import { useDesignName } from '../../store/selectors.ts';
import { reportDamaged, useStorageStore } from '../../store/storage.ts';
import { downloadDamaged } from './designActions.ts';
import { AlertIcon, sentence } from '../alert.tsx';

export function DamagedDesignBanner() {
  const damaged = useStorageStore((s) => s.damaged);
  const shown = useDesignName();
  if (!damaged) return null;
  return (
    <div className="sb-alert" role="alert" data-testid="damaged-design">
      <AlertIcon />
      <p className="sb-alert__text">
        <strong>Could not open the saved design “{shortened(damaged.name ?? damaged.id, 80)}”.</strong> {sentence(`it is damaged and was left untouched: ${damaged.message}`)}{' '}
        Sagaboard will not write over it: download it as it is to keep it, or delete it from Designs.
        {shown && <span className="sb-alert__kept"> Showing “{shown}” instead.</span>}
      </p>
      <div className="sb-banner-actions">
        <button type="button" className="sb-button sb-button--small" onClick={() => void downloadDamaged(damaged)}>
          Download it as it is
        </button>
      </div>
      <button type="button" className="sb-alert__close" aria-label="Dismiss" onClick={() => reportDamaged(null)}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="m3 3 8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
