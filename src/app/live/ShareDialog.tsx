/**
 * The links of a live board, each with Copy: the edit link (to change the board together) and the
 * view link (to watch it live, unable to change it). Opened by Share live (the edit link is copied
 * at once) and by Invite. Says, too, what a link grants and what the server can read.
 */
import { useEffect, useRef, useState } from 'react';
import { useLiveStore } from '../../store/liveStore.ts';
import { copyText } from '../clipboard.ts';

export function ShareDialog() {
  const open = useLiveStore((s) => s.dialogOpen);
  const sharing = useLiveStore((s) => s.sharing);
  const links = useLiveStore((s) => s.board?.links);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  if (!open) return null;
  const close = () => useLiveStore.setState({ dialogOpen: false, ...(sharing !== 'making' && { sharing: null }) });
  return (
    <dialog ref={dialog} className="sb-confirm sb-share" aria-labelledby="share-title" onClose={close} data-testid="share-dialog">
      <h2 className="sb-confirm__title" id="share-title">
        {links?.edit ? 'Live board: invite people' : 'Live board'}
      </h2>
      {sharing === 'making' ? (
        <p className="sb-confirm__text">Making a live board of this design…</p>
      ) : sharing?.failed ? (
        <p className="sb-confirm__text sb-share__failed" role="alert">
          {sharing.failed}
        </p>
      ) : links ? (
        <>
          <p className="sb-confirm__text">Whoever opens a link joins the board and sees changes as they are made.</p>
          {links.edit && <LinkRow label="Edit link" note="Changes the board with you" href={links.edit} testId="edit-link" />}
          <LinkRow label="View-only link" note="Watches the board live; cannot change it" href={links.view} testId="view-link" />
          <p className="sb-share__fine">
            The board is kept by this site’s server, which can read it, and in each browser that opened it. A link works until the server’s secret changes; anyone holding it can pass it on.
          </p>
        </>
      ) : null}
      <div className="sb-confirm__buttons">
        <button type="button" className="sb-button sb-button--primary" onClick={close} autoFocus>
          Done
        </button>
      </div>
    </dialog>
  );
}

function LinkRow({ label, note, href, testId }: { label: string; note: string; href: string; testId: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const ok = await copyText(href);
    if (!ok) field.current?.select();
    setCopied(ok);
  };
  return (
    <div className="sb-share__row">
      <div className="sb-share__head">
        <span className="sb-share__label">{label}</span>
        <span className="sb-share__note">{note}</span>
      </div>
      <div className="sb-share__field">
        <input ref={field} className="sb-share__input" readOnly value={href} aria-label={label} onFocus={(e) => e.target.select()} data-testid={testId} />
        <button type="button" className="sb-button sb-share__copy" onClick={() => void copy()} aria-label={`Copy the ${label.toLowerCase()}`}>
          {copied === true ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === false && <p className="sb-share__note">The browser would not copy: the link is selected, press Ctrl+C.</p>}
    </div>
  );
}
