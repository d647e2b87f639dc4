/**
 * A design was saved by another tab while this tab had changes of its own: nothing more of it is
 * written until the user chooses which version to keep. Nothing is lost whichever they choose.
 */
import { useState } from 'react';
import { useDesignSource } from '../../store/selectors.ts';
import { useStorageStore, type Conflict } from '../../store/storage.ts';
import { keepMine, saveMineAsCopy, takeTheirs } from './saving.ts';

export function ConflictBanner() {
  const conflicts = useStorageStore((s) => s.conflicts);
  return (
    <>
      {conflicts.map((c) => (
        <ConflictNotice key={c.id} conflict={c} />
      ))}
    </>
  );
}

function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const source = useDesignSource();
  const [busy, setBusy] = useState(false);
  const onScreen = source?.kind === 'saved' && source.id === conflict.id;
  const choose = (action: (id: string) => Promise<void>) => {
    setBusy(true);
    void action(conflict.id).finally(() => setBusy(false));
  };
  return (
    <div className="sb-conflict" role="alert" data-testid="conflict-banner">
      <svg className="sb-conflict__icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
        <rect x="2" y="3.5" width="10" height="8" rx="1.6" fill="none" stroke="currentColor" strokeWidth="1.7" />
        <rect x="8" y="8.5" width="10" height="8" rx="1.6" fill="currentColor" />
      </svg>
      <p className="sb-conflict__text">
        <strong>This design was changed in another tab.</strong>{' '}
        {onScreen ? (
          <>Another tab saved it while you were editing it here. Your changes here are not saved yet, and nothing is written until you choose which version to keep.</>
        ) : (
          <>Another tab saved “{conflict.name}” while your last changes to it here were waiting to be saved. Choose which version to keep.</>
        )}
      </p>
      <div className="sb-banner-actions">
        <button type="button" className="sb-button sb-button--small" disabled={busy} onClick={() => choose(takeTheirs)}>
          Reload theirs
        </button>
        <button type="button" className="sb-button sb-button--small" disabled={busy} onClick={() => choose(keepMine)}>
          Keep mine and overwrite
        </button>
        <button type="button" className="sb-button sb-button--small sb-button--primary" disabled={busy} onClick={() => choose(saveMineAsCopy)}>
          Save mine as a copy
        </button>
      </div>
    </div>
  );
}
