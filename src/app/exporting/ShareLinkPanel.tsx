/** A link that carries the design: made on the spot, copied when the browser allows, always shown to copy by hand. */
import { useMemo, useState } from 'react';
import { shareFragment } from '../../persistence/shareLink.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { copyText } from '../clipboard.ts';

export default function ShareLinkPanel({ onBack }: { onBack: () => void }) {
  const doc = useDesignStore((s) => s.doc);
  const link = useMemo(() => (doc ? shareFragment(doc) : undefined), [doc]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  if (!link) return null;
  const url = link.ok ? `${window.location.origin}${window.location.pathname}${link.fragment}` : '';
  const copy = async () => setCopied((await copyText(url)) ? 'yes' : 'no');
  return (
    <div className="sb-share">
      <button type="button" className="sb-link-button" onClick={onBack}>
        ← Export
      </button>
      <h2 className="sb-share__title">Share link</h2>
      {link.ok ? (
        <>
          <p className="sb-share__text">Whoever opens it sees a read-only preview of this design and can make their own copy. The design travels inside the link: nothing is uploaded.</p>
          <input className="sb-input" readOnly value={url} aria-label="Share link" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
          <div className="sb-share__actions">
            <button type="button" className="sb-button sb-button--primary" onClick={() => void copy()}>
              Copy link
            </button>
            <span className="sb-share__status" role="status">
              {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'This browser did not allow copying: select the link and copy it.' : `${(url.length / 1024).toFixed(1)} KB`}
            </span>
          </div>
        </>
      ) : (
        <p className="sb-field__error" role="alert">
          {link.message}
        </p>
      )}
    </div>
  );
}
