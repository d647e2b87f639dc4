/**
 * Connecting from the keyboard: with one node selected, C opens "Connect … to…" beside it (Shift+C
 * the other way round). Type to filter, ↑ ↓ to choose, Enter to connect (one undo step, through the
 * same `connect` as a drag), Escape to cancel. Nodes the spec does not allow are listed too, greyed,
 * each with the reason a drag would show. While choosing, a dashed line previews the connection.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useDesignStore } from '../../store/designStore.ts';
import { CommandIcon, ConductorIcon, EventIcon, FailureIcon, PersonIcon, ServiceIcon, UndoIcon } from '../icons.tsx';
import { connectChoices, filterChoices, type ChoiceLook, type ConnectChoice, type ConnectDirection } from './connectChoices.ts';
import { focusNode, nodeElement } from './focusNode.ts';
import { boxOf, placeBeside } from './placeBeside.ts';
import { connectNodes } from './useCanvasEditing.ts';
import './connectPicker.css';

export interface ConnectRequest {
  nodeId: string;
  direction: ConnectDirection;
}

interface ConnectPickerProps {
  request: ConnectRequest | null;
  onClose: () => void;
}

/** The picker when asked for, and a live region that tells screen readers what was connected. */
export function ConnectPicker({ request, onClose }: ConnectPickerProps) {
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <div className="sb-visually-hidden" role="status" aria-live="polite" data-testid="connect-announcement">
        {announcement}
      </div>
      {request && <Picker key={request.nodeId} request={request} onClose={onClose} onConnected={setAnnouncement} />}
    </>
  );
}

const ICONS: Readonly<Record<ChoiceLook, ReactNode>> = {
  actor: <PersonIcon size={13} />,
  service: <ServiceIcon size={13} />,
  orchestrator: <ConductorIcon size={13} />,
  command: <CommandIcon size={13} />,
  compensation: <UndoIcon size={13} />,
  event: <EventIcon size={13} />,
  failure: <FailureIcon size={13} />,
};

const WIDTH = 320;
/** The tallest it gets (see connectPicker.css), to keep it inside the canvas. */
const MAX_HEIGHT = 430;

function Picker({ request, onClose, onConnected }: { request: ConnectRequest; onClose: () => void; onConnected: (message: string) => void }) {
  const doc = useDesignStore((s) => s.doc);
  const [direction, setDirection] = useState(request.direction);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Read once, when it opens: the picker stays put while the view moves under it.
  const [place] = useState(() => placeBeside(request.nodeId, WIDTH, MAX_HEIGHT));
  const box = useRef<HTMLDivElement>(null);
  const preview = useRef<SVGSVGElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const source = doc?.nodes.find((n) => n.id === request.nodeId);
  const choices = useMemo(() => (doc ? connectChoices(doc, request.nodeId, direction) : { allowed: [], refused: [] }), [doc, request.nodeId, direction]);
  const allowed = useMemo(() => filterChoices(choices.allowed, query), [choices, query]);
  const refused = useMemo(() => filterChoices(choices.refused, query), [choices, query]);
  const shown = useMemo(() => [...allowed, ...refused], [allowed, refused]);
  const active = shown.find((c) => c.id === activeId) ?? shown[0];
  const optionId = (c: ConnectChoice) => `${id}-option-${c.id}`;

  // The node went away (undo, another tab): nothing left to connect.
  useEffect(() => {
    if (!source) onClose();
  }, [source, onClose]);

  useEffect(() => input.current?.focus(), []);

  // The dashed line from the node to the one chosen (or from it, the other way round), drawn
  // straight into the overlay: it follows the choice, never the document.
  useLayoutEffect(() => {
    const svg = preview.current;
    const frame = box.current?.parentElement?.getBoundingClientRect();
    if (svg && frame) drawPreview(svg, frame, active);
  }, [active]);

  // Keep the chosen one in view, scrolling the list only (never the page or the canvas).
  useEffect(() => {
    const option = active && document.getElementById(optionId(active));
    const list = option?.closest('.sb-connect__list');
    if (!option || !list) return;
    const o = option.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    if (o.top < l.top) list.scrollTop -= l.top - o.top + 4;
    else if (o.bottom > l.bottom) list.scrollTop += o.bottom - l.bottom + 4;
    // optionId depends on `id` only, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  if (!source) return null;

  const close = (refocus: boolean) => {
    onClose();
    if (refocus) focusNode(request.nodeId);
  };

  const pick = (choice: ConnectChoice) => {
    if (choice.problem) {
      setNotice(choice.problem);
      return;
    }
    if (connectNodes(choice.source, choice.target)) {
      onConnected(`Connected: ${choice.sentence}.`);
      close(true);
    }
  };

  const move = (by: number) => {
    if (shown.length === 0 || !active) return;
    const at = shown.indexOf(active);
    const next = shown[Math.min(shown.length - 1, Math.max(0, at + by))]!;
    setActiveId(next.id);
    setNotice(null);
  };

  const turn = (to: ConnectDirection) => {
    setDirection(to);
    setActiveId(null);
    setNotice(null);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.target === input.current) {
      const by = { ArrowDown: 1, ArrowUp: -1, PageDown: 6, PageUp: -6 }[e.key];
      if (by !== undefined) {
        e.preventDefault();
        move(by);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (active) pick(active);
      }
    }
  };

  const title = direction === 'out' ? `Connect ${source.name} to…` : `Connect … to ${source.name}`;
  const empty =
    shown.length > 0
      ? null
      : choices.allowed.length + choices.refused.length === 0
        ? 'There is no other node to connect to yet: add one from the palette.'
        : `No node matches “${query.trim()}”.`;

  return (
    <>
      <Preview ref={preview} />
      <div
        ref={box}
        className="sb-connect"
        role="dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-keys`}
        data-testid="connect-picker"
        style={{ ...place, width: WIDTH }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!box.current?.contains(e.relatedTarget as Node | null)) close(false);
        }}
      >
        <header className="sb-connect__head">
          <h2 className="sb-connect__title" id={`${id}-title`}>
            {title}
          </h2>
          <div className="sb-connect__direction" role="group" aria-label="Direction">
            <button type="button" aria-pressed={direction === 'out'} onClick={() => turn('out')} title={`Connect ${source.name} to another node (C)`}>
              Outgoing
              <Arrow />
            </button>
            <button type="button" aria-pressed={direction === 'in'} onClick={() => turn('in')} title={`Connect another node to ${source.name} (Shift+C)`}>
              <Arrow />
              Incoming
            </button>
          </div>
        </header>
        <div className="sb-connect__search">
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="sb-connect__search-icon">
            <circle cx="7" cy="7" r="4.8" fill="none" stroke="currentColor" strokeWidth="1.7" />
            <path d="m10.6 10.6 3.4 3.4" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            className="sb-connect__input"
            role="combobox"
            aria-label="Find a node"
            aria-autocomplete="list"
            aria-expanded={shown.length > 0}
            aria-controls={shown.length > 0 ? `${id}-list` : undefined}
            aria-activedescendant={active ? optionId(active) : undefined}
            placeholder="Type a name…"
            value={query}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveId(null);
              setNotice(null);
            }}
          />
        </div>
        {shown.length > 0 ? (
          <div
            id={`${id}-list`}
            className="sb-connect__list"
            role="listbox"
            aria-label={direction === 'out' ? `Nodes ${source.name} can connect to` : `Nodes that can connect to ${source.name}`}
            // Keep the focus in the field when an option is clicked.
            onMouseDown={(e) => e.preventDefault()}
          >
            {allowed.length > 0 && (
              <Group id={`${id}-allowed`} label={`Can connect (${allowed.length})`}>
                {allowed.map((c) => (
                  <Option key={c.id} id={optionId(c)} choice={c} active={c === active} onHover={() => setActiveId(c.id)} onPick={() => pick(c)} />
                ))}
              </Group>
            )}
            {refused.length > 0 && (
              <Group id={`${id}-refused`} label={`Not allowed (${refused.length})`}>
                {refused.map((c) => (
                  <Option key={c.id} id={optionId(c)} choice={c} active={c === active} onHover={() => setActiveId(c.id)} onPick={() => pick(c)} />
                ))}
              </Group>
            )}
          </div>
        ) : (
          <p className="sb-connect__empty">{empty}</p>
        )}
        {notice && (
          <p className="sb-connect__notice" role="alert">
            {notice}
          </p>
        )}
        <p className="sb-connect__keys" id={`${id}-keys`}>
          <kbd aria-label="Up or down arrow">↑↓</kbd> choose <kbd>Enter</kbd> connect <kbd>Esc</kbd> cancel
        </p>
      </div>
    </>
  );
}

function Group({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <ul className="sb-connect__group" role="group" aria-labelledby={id}>
      <li className="sb-connect__group-label" role="presentation" id={id}>
        {label}
      </li>
      {children}
    </ul>
  );
}

function Option({ id, choice: c, active, onHover, onPick }: { id: string; choice: ConnectChoice; active: boolean; onHover: () => void; onPick: () => void }) {
  const refused = c.problem !== undefined;
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      aria-disabled={refused || undefined}
      aria-label={refused ? `${c.name}, ${c.kindLabel}: not allowed. ${c.problem}` : `${c.name}, ${c.kindLabel}: ${c.sentence}`}
      className={`sb-connect__option${active ? ' sb-connect__option--active' : ''}${refused ? ' sb-connect__option--refused' : ''}`}
      onMouseMove={active ? undefined : onHover}
      onClick={onPick}
    >
      <span className={`sb-connect__kind sb-connect__kind--${c.look}`} aria-hidden="true">
        {ICONS[c.look]}
      </span>
      <span className="sb-connect__text">
        <span className="sb-connect__line">
          <span className="sb-connect__name">{c.name}</span>
          <span className="sb-connect__kind-label">{c.kindLabel}</span>
        </span>
        <span className="sb-connect__what">
          {refused ? (
            <>
              <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" className="sb-connect__no">
                <circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
                <path d="m2.8 9.2 6.4-6.4" stroke="currentColor" strokeWidth="1.6" />
              </svg>
              {c.problem}
            </>
          ) : (
            c.sentence
          )}
        </span>
      </span>
    </li>
  );
}

function Arrow() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M1.5 6h8M6.5 3l3 3-3 3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The connection as it would be drawn: a dashed curve from one node's right side into the other's left, and a ring round the one chosen. */
function Preview({ ref }: { ref: Ref<SVGSVGElement> }) {
  return (
    <svg ref={ref} className="sb-connect-preview" aria-hidden="true" data-testid="connect-preview">
      <defs>
        <marker id="sb-connect-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 10 5 0 10z" />
        </marker>
      </defs>
      <rect className="sb-connect-preview__ring" rx="14" />
      <path className="sb-connect-preview__line" markerEnd="url(#sb-connect-arrow)" />
    </svg>
  );
}

function drawPreview(svg: SVGSVGElement, frame: DOMRect, choice: ConnectChoice | undefined): void {
  const from = choice && boxOf(nodeElement(choice.source), frame);
  const to = choice && boxOf(nodeElement(choice.target), frame);
  const other = choice && boxOf(nodeElement(choice.id), frame);
  svg.classList.toggle('sb-connect-preview--shown', Boolean(from && to && other));
  svg.classList.toggle('sb-connect-preview--refused', choice?.problem !== undefined);
  if (!from || !to || !other) return;
  const start = { x: from.left + from.width, y: from.top + from.height / 2 };
  const end = { x: to.left, y: to.top + to.height / 2 };
  const bend = Math.max(40, Math.abs(end.x - start.x) / 2);
  svg.querySelector('path.sb-connect-preview__line')!.setAttribute('d', `M${start.x} ${start.y} C${start.x + bend} ${start.y} ${end.x - bend} ${end.y} ${end.x} ${end.y}`);
  const ring = svg.querySelector('rect')!;
  ring.setAttribute('x', String(other.left - 7));
  ring.setAttribute('y', String(other.top - 7));
  ring.setAttribute('width', String(other.width + 14));
  ring.setAttribute('height', String(other.height + 14));
}
