/**
 * Says, for as long as it is true, that changes are not being saved, why, and what to do. It
 * does not go away by itself and cannot be dismissed: it goes when a save succeeds again.
 */
import { useDesignName } from '../../store/selectors.ts';
import { useStorageStore } from '../../store/storage.ts';
import { downloadDesign } from './designActions.ts';
import { retrySaving } from './saving.ts';

const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

export function StorageWarning() {
  const problem = useStorageStore((s) => s.problem);
  const kind = useStorageStore((s) => s.problemKind);
  const name = useDesignName();
  if (problem === null) return null;
  const design = name ? `“${name}”` : 'The design on screen';
  let advice: string;
  switch (kind) {
    case 'quota':
      advice = `${design} is still here and you can keep editing. To keep it safe, export it as a file or delete designs you no longer need (Designs). Saving resumes by itself as soon as there is room.`;
      break;
    case 'unavailable':
      advice = 'You can keep working, but nothing is kept when this tab closes: export the design as a file to keep it.';
      break;
    default:
      advice = 'Sagaboard keeps working and tries again by itself; until a save succeeds, closing this tab loses your changes, so export the design as a file to be safe.';
  }
  // The quota message is worded for people; the others come from the browser.
  const what = kind === 'quota' ? 'the browser has no space left for this site (storage quota exceeded).' : sentence(problem);
  return (
    <div className="sb-storage-warning" role="alert" data-testid="storage-warning" data-kind={kind ?? 'failed'}>
      <svg className="sb-storage-warning__icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 2.2 18.6 17a1 1 0 0 1-.9 1.5H2.3a1 1 0 0 1-.9-1.5L10 2.2Z" fill="currentColor" />
        <path d="M10 7.4v4.6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        <circle cx="10" cy="15" r="1.15" fill="#fff" />
      </svg>
      <p className="sb-storage-warning__text">
        <strong>Your changes are not being saved:</strong> {what} {advice}
      </p>
      <div className="sb-banner-actions">
        {name && (
          <button type="button" className="sb-button sb-button--small" onClick={() => void downloadDesign()}>
            Export as a file
          </button>
        )}
        {kind !== 'unavailable' && (
          <button type="button" className="sb-button sb-button--small" onClick={retrySaving}>
            Try again now
          </button>
        )}
      </div>
    </div>
  );
}
