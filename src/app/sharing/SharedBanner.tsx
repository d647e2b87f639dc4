/** Under the top bar while a shared design is on screen: it is a read-only preview until copied. */
import { useDesignStore } from '../../store/designStore.ts';
import { openAsNewDesign } from '../designs/designActions.ts';

export function SharedBanner() {
  const shared = useDesignStore((s) => s.source?.kind === 'shared');
  if (!shared) return null;
  const copy = () => {
    const doc = useDesignStore.getState().doc;
    if (doc) void openAsNewDesign(doc);
  };
  return (
    <div className="sb-banner sb-banner--shared" role="region" aria-label="Shared design">
      <p className="sb-banner__text">
        <strong>A shared design</strong>, opened from a link: this is a read-only preview. Make a copy to edit it; the copy is saved in this browser.
      </p>
      <button type="button" className="sb-button sb-button--primary" onClick={copy}>
        Make a copy
      </button>
    </div>
  );
}
