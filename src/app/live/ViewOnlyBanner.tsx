/** Under the top bar on a board opened with a view link: it shows the board live, and changes nothing. */
import { useLiveStore } from '../../store/liveStore.ts';

export function ViewOnlyBanner() {
  const viewing = useLiveStore((s) => s.board?.access === 'view');
  if (!viewing) return null;
  return (
    <div className="sb-banner sb-banner--view-only" role="region" aria-label="View-only board" data-testid="view-only-banner">
      <p className="sb-banner__text">
        <strong>Watching a live board.</strong> This view link shows every change as it is made; it cannot change the board. Ask for the edit link to work on it.
      </p>
    </div>
  );
}
