/**
 * Says, for as long as it is true, that changes are not being saved, and why. It does not go away
 * by itself and cannot be dismissed: it goes when a save succeeds again.
 */
import { useStorageStore } from '../../store/storage.ts';

export function StorageWarning() {
  const problem = useStorageStore((s) => s.problem);
  if (problem === null) return null;
  return (
    <div className="sb-storage-warning" role="alert" data-testid="storage-warning">
      <svg className="sb-storage-warning__icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 2.2 18.6 17a1 1 0 0 1-.9 1.5H2.3a1 1 0 0 1-.9-1.5L10 2.2Z" fill="currentColor" />
        <path d="M10 7.4v4.6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        <circle cx="10" cy="15" r="1.15" fill="#fff" />
      </svg>
      <p className="sb-storage-warning__text">
        <strong>Your changes are not being saved:</strong> {problem}. Sagaboard keeps working and tries again with every change;
        until a save succeeds, closing this tab loses them.
      </p>
    </div>
  );
}
