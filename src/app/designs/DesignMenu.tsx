/**
 * The “Designs” menu of the top bar: the designs saved in this browser, newest first, the one on
 * screen marked, and what can be done with them. A non-modal popover: Tab and the arrow keys move
 * through it, Escape closes it (or cancels a rename), a click outside closes it.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { LIMITS } from '../../model/index.ts';
import type { DesignSummary } from '../../persistence/design-library.ts';
import { useDesignName, useDesignSource } from '../../store/selectors.ts';
import { useClickOutside } from '../useClickOutside.ts';
import { useStorageStore } from '../../store/storage.ts';
import { compareWithScreen, createDesign, deleteDesign, duplicateDesign, listDesigns, renameDesign, switchTo, type Outcome } from './designActions.ts';
import { OpenFileButton } from '../importing/OpenFileButton.tsx';
import { relativeTime } from './relativeTime.ts';
import './designs.css';

export function DesignMenu() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  }, []);
  return (
    <div className="sb-designs">
      <button
        ref={trigger}
        type="button"
        className="sb-designs__trigger"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        <DesignsIcon />
        Designs
        <svg className="sb-designs__chevron" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && <DesignPanel id={panelId} trigger={trigger} onClose={close} />}
    </div>
  );
}

/** One line of the list: a saved design, or the unsaved design on screen (`id` null). */
interface Row {
  key: string;
  id: string | null;
  name: string;
  current: boolean;
  /** What to say under the name. */
  note: string;
}

const ON_SCREEN = 'on-screen';
const OPEN_BUTTON = '[data-design-open]';

function DesignPanel({ id, trigger, onClose }: { id: string; trigger: RefObject<HTMLButtonElement | null>; onClose(refocus: boolean): void }) {
  const source = useDesignSource();
  const name = useDesignName();
  const revision = useStorageStore((s) => s.revision);
  const [designs, setDesigns] = useState<DesignSummary[] | undefined | 'loading'>('loading');
  const [now, setNow] = useState(() => Date.now());
  const [notice, setNotice] = useState<string>();
  const [renaming, setRenaming] = useState<string>();
  const [deleting, setDeleting] = useState<Row>();
  // Where focus goes once the list is on screen: the design on screen at first, a row after a rename.
  const [focusRequest, setFocusRequest] = useState<{ key?: string }>({});
  const focusOn = (key?: string) => setFocusRequest({ key });
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void listDesigns().then((list) => {
      if (!live) return;
      setDesigns(list);
      setNow(Date.now());
    });
    return () => {
      live = false;
    };
  }, [revision, source]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  useClickOutside(panel, trigger, useCallback(() => onClose(false), [onClose]));

  const loaded = designs !== 'loading';
  useEffect(() => {
    const root = panel.current;
    if (!root) return;
    // While the list is read from storage the panel itself holds the focus, so Escape and the
    // arrow keys reach it at once (pressed on the menu button, Escape closed nothing).
    if (!loaded) {
      root.focus();
      return;
    }
    // Not when the focus went elsewhere meanwhile: Escape may have sent it back to the menu button
    // between the list showing and this effect (a focused row then went with the panel). Focus
    // on nothing (the rename field just gone) is still brought back to the list.
    const active = document.activeElement;
    if (active && active !== document.body && !root.contains(active)) return;
    const buttons = [...root.querySelectorAll<HTMLElement>(OPEN_BUTTON)];
    const target =
      buttons.find((b) => b.dataset.designOpen === focusRequest.key) ??
      buttons.find((b) => b.getAttribute('aria-current') === 'true') ??
      root.querySelector<HTMLElement>('button');
    target?.focus();
  }, [focusRequest, loaded]);

  const currentId = source?.kind === 'saved' ? source.id : null;
  const rows = listRows(designs, currentId, source?.kind, name, now);

  const run = async (action: () => Promise<Outcome>, then?: () => void) => {
    setNotice(undefined);
    const outcome = await action();
    if (outcome) setNotice(outcome);
    then?.();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const buttons = [...(panel.current?.querySelectorAll<HTMLElement>(OPEN_BUTTON) ?? [])];
    if (buttons.length === 0) return;
    const at = buttons.findIndex((b) => b.closest('li')?.contains(document.activeElement ?? null));
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : e.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0);
    e.preventDefault();
    buttons[next]!.focus();
  };

  return (
    <div ref={panel} id={id} className="sb-designs__panel" role="dialog" aria-label="Designs" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="sb-designs__head">
        <div>
          <h2 className="sb-designs__title">Designs</h2>
          <p className="sb-designs__subtitle">Saved in this browser as you edit</p>
        </div>
        <button
          type="button"
          className="sb-designs__new"
          onClick={() => {
            onClose(true);
            void createDesign();
          }}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M7 2.5v9M2.5 7h9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          New design
        </button>
        <OpenFileButton className="sb-designs__new" onPicked={() => onClose(false)} />
      </div>
      {notice && (
        <p className="sb-designs__notice" role="status">
          {notice}
        </p>
      )}
      {designs === undefined && <p className="sb-designs__empty">Saved designs are not available: this browser is not letting Sagaboard store them.</p>}
      {rows.length > 0 && (
        <ul className="sb-designs__list" aria-label="Saved designs">
          {rows.map((row) => (
            <li key={row.key} className={`sb-designs__row${row.current ? ' sb-designs__row--current' : ''}`}>
              {renaming === row.key ? (
                <RenameField
                  name={row.name}
                  onDone={(next) => {
                    setRenaming(undefined);
                    if (next === null) focusOn(row.key);
                    else void run(() => renameDesign(row.id, next), () => focusOn(row.key));
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="sb-designs__open"
                  data-design-open={row.key}
                  aria-current={row.current ? 'true' : undefined}
                  aria-describedby={`${id}-${row.key}-note`}
                  onClick={() => {
                    onClose(true);
                    if (row.id !== null) void switchTo(row.id);
                  }}
                >
                  <span className="sb-designs__name" title={row.name}>
                    {row.name}
                  </span>
                </button>
              )}
              <span className="sb-designs__note" id={`${id}-${row.key}-note`}>
                {row.current && (
                  <>
                    <span className="sb-designs__badge">Open now</span>{' '}
                  </>
                )}
                {row.note}
              </span>
              <div className="sb-designs__actions">
                <IconButton label={`Rename “${row.name}”`} onClick={() => setRenaming(row.key)} icon={<RenameIcon />} />
                {row.id !== null && (
                  <IconButton label={`Duplicate “${row.name}”`} onClick={() => void run(() => duplicateDesign(row.id!))} icon={<DuplicateIcon />} />
                )}
                {row.id !== null && <IconButton label={`Delete “${row.name}”`} onClick={() => setDeleting(row)} icon={<DeleteIcon />} danger />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 && Array.isArray(designs) && <p className="sb-designs__empty">No saved designs yet.</p>}
      <div className="sb-designs__tools">
        <button
          type="button"
          className="sb-designs__tool"
          disabled={name === undefined}
          onClick={() => {
            onClose(true);
            compareWithScreen();
          }}
        >
          <CompareIcon />
          <span>
            Compare designs…
            <span className="sb-designs__tool-note">Put any two designs side by side</span>
          </span>
        </button>
      </div>
      <p className="sb-designs__foot">Examples open as they are; your first edit saves a copy here.</p>
      {deleting && (
        <ConfirmDelete
          row={deleting}
          onCancel={() => {
            setDeleting(undefined);
            focusOn(deleting.key);
          }}
          onConfirm={() => {
            setDeleting(undefined);
            void run(() => deleteDesign(deleting.id!), () => focusOn());
          }}
        />
      )}
    </div>
  );
}

/** The rows of the list: saved designs newest first, and the design on screen marked (first, if unsaved). */
function listRows(
  designs: DesignSummary[] | undefined | 'loading',
  currentId: string | null,
  kind: string | undefined,
  name: string | undefined,
  now: number,
): Row[] {
  if (designs === 'loading') return [];
  const saved = designs ?? [];
  const rows: Row[] = saved.map((d) => ({
    key: d.id,
    id: d.id,
    // The name on screen may be newer than the one saved a moment ago.
    name: d.id === currentId && name ? name : d.name,
    current: d.id === currentId,
    note: `Edited ${relativeTime(d.updatedAt, now)}`,
  }));
  if (name !== undefined && !rows.some((r) => r.current)) {
    const note = currentId !== null ? 'Not saved yet' : kind === 'file' ? 'From a file · your first edit saves a copy' : 'Example · your first edit saves a copy';
    rows.unshift({ key: currentId ?? ON_SCREEN, id: currentId, name, current: true, note });
  }
  return rows;
}

function RenameField({ name, onDone }: { name: string; onDone(next: string | null): void }) {
  const [value, setValue] = useState(name);
  const done = useRef(false);
  const finish = (next: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(next);
  };
  return (
    <input
      className="sb-designs__rename"
      aria-label={`New name for “${name}”`}
      value={value}
      maxLength={LIMITS.maxNameLength}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
      onBlur={() => finish(value)}
    />
  );
}

function ConfirmDelete({ row, onCancel, onConfirm }: { row: Row; onCancel(): void; onConfirm(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sb-confirm"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      // Escape belongs to this dialog: it must not also close the menu behind it.
      onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}
    >
      <h2 id={titleId} className="sb-confirm__title">
        Delete “{row.name}”?
      </h2>
      <p id={textId} className="sb-confirm__text">
        It will be removed from this browser for good.
        {row.current && ' Your most recent other design opens instead.'}
      </p>
      <div className="sb-confirm__buttons">
        <button type="button" className="sb-button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="sb-button sb-button--danger" onClick={onConfirm}>
          Delete
        </button>
      </div>
    </dialog>
  );
}

function IconButton({ label, onClick, icon, danger }: { label: string; onClick(): void; icon: ReactNode; danger?: boolean }) {
  return (
    <button type="button" className={`sb-designs__action${danger ? ' sb-designs__action--danger' : ''}`} aria-label={label} title={label.replace(/ “.*”$/, '')} onClick={onClick}>
      {icon}
    </button>
  );
}

function DesignsIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="2.5" y="4.5" width="9" height="9" rx="1.6" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M5 2.5h7a1.5 1.5 0 0 1 1.5 1.5v7" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

function CompareIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.75" y="3" width="5.5" height="10" rx="1.3" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="8.75" y="3" width="5.5" height="10" rx="1.3" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M3.7 6h1.6M3.7 8.5h1.6M10.7 6h1.6M10.7 8.5h1.6" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}

function RenameIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M10.5 2.8 13.2 5.5 6 12.7l-3.3.6.6-3.3 7.2-7.2Z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}

function DuplicateIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M10.5 3.5v-.3A1.2 1.2 0 0 0 9.3 2H3.2A1.2 1.2 0 0 0 2 3.2v6.1a1.2 1.2 0 0 0 1.2 1.2h.3" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

function DeleteIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M2.5 4.5h11M6.5 4.5V3a.8.8 0 0 1 .8-.8h1.4a.8.8 0 0 1 .8.8v1.5M4 4.5l.7 8.6a1 1 0 0 0 1 .9h4.6a1 1 0 0 0 1-.9l.7-8.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
