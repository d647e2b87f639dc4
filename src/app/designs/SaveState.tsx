/** Whether the design on screen is saved: “Saved”, “Saving…”, “Not saved”; nothing for an untouched example. */
import { useDesignSource } from '../../store/selectors.ts';
import { useStorageStore } from '../../store/storage.ts';

export function SaveState() {
  const source = useDesignSource();
  const unsaved = useStorageStore((s) => s.unsaved);
  const failing = useStorageStore((s) => s.problem !== null);
  const conflict = useStorageStore((s) => source?.kind === 'saved' && s.conflicts.some((c) => c.id === source.id));
  if (source?.kind !== 'saved') return null;
  const state = conflict ? 'conflict' : failing ? 'failed' : unsaved ? 'saving' : 'saved';
  return (
    <span className={`sb-save-state sb-save-state--${state}`} data-testid="save-state" data-state={state}>
      {state === 'saved' && (
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="m2.5 6.2 2.3 2.3 4.7-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      )}
      {state === 'failed' || state === 'conflict' ? 'Not saved' : state === 'saving' ? 'Saving…' : 'Saved'}
    </span>
  );
}
