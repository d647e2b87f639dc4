/**
 * The live board's controls in the top bar. Before sharing: **Share live**. On a board: the state
 * of the connection (beside the board's name, always visible), who is here — this person first (click to change the name
 * and colour others see), then the others (click one to follow their view) — and **Invite**, which
 * shows the links again.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { PERSON_COLOURS, type Peer, type Person } from '../../collab/presence.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { follow, renameMe, useLiveStore } from '../../store/liveStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { useClickOutside } from '../useClickOutside.ts';
import { shareLive } from './onDemand.ts';
import './live.css';

export function LiveControls() {
  const board = useLiveStore((s) => s.board);
  const hasDesign = useDesignStore((s) => s.doc !== null && s.source?.kind !== 'live');
  const simulating = useSimulationStore((s) => s.active);
  if (!board) {
    return (
      <button
        type="button"
        className="sb-share-live"
        onClick={() => void shareLive()}
        disabled={!hasDesign || simulating}
        title="Make a live board of this design: everyone with its link edits it with you, live"
      >
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="5.5" cy="6" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <circle cx="11" cy="6.5" r="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M1.5 13.5c.5-2.2 2-3.4 4-3.4s3.5 1.2 4 3.4M10 10.2c1.9 0 3.5.9 4.2 3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        Share live
      </button>
    );
  }
  return (
    <div className="sb-live" role="group" aria-label="Live board">
      <People />
      <button type="button" className="sb-live__invite" onClick={() => useLiveStore.setState({ dialogOpen: true })} aria-label="Invite people" title="Invite: the board’s links, to edit with you or to watch">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="6.5" cy="5.5" r="2.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M1.8 14c.5-2.6 2.3-4 4.7-4s4.2 1.4 4.7 4M13 4.5v5M10.5 7h5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

/** Live, reconnecting, offline (what was made here is kept, and merged when back), or refused: beside the board's name. */
export function LiveState() {
  const board = useLiveStore((s) => s.board !== null);
  const status = useLiveStore((s) => s.status) ?? 'connecting';
  const problem = useLiveStore((s) => s.problem);
  const unsynced = useLiveStore((s) => s.unsynced);
  const viewOnly = useLiveStore((s) => s.board?.access === 'view');
  const text = {
    connecting: 'Connecting…',
    live: viewOnly ? 'Live · view only' : 'Live',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    refused: 'Not live',
  }[status];
  const why =
    status === 'live'
      ? 'Changes reach everyone on the board as they are made'
      : status === 'refused'
        ? `The server refused: ${problem ?? 'unknown reason'}. What is on screen is kept in this browser.`
        : 'Changes made now are kept in this browser and merged into the board when the connection is back';
  if (!board) return null;
  return (
    <span className={`sb-live__state sb-live__state--${status}`} role="status" title={why} data-testid="live-state" data-state={status}>
      <span className="sb-live__dot" aria-hidden="true" />
      {text}
      {status !== 'live' && status !== 'connecting' && unsynced > 0 && !viewOnly && <span className="sb-live__kept"> · edits kept here</span>}
    </span>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');

/** At most this many avatars of others; the rest are counted. */
const SHOWN = 4;

function People() {
  const peers = useLiveStore((s) => s.peers);
  const me = useLiveStore((s) => s.me);
  const following = useLiveStore((s) => s.following);
  const [editing, setEditing] = useState(false);
  const meButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="sb-people" data-testid="people">
      <button ref={meButton} type="button" className="sb-avatar sb-avatar--me" style={{ background: me.colour }} aria-expanded={editing} aria-label={`You: ${me.name}. Change your name and colour`} title={`You (${me.name}): change your name and colour`} onClick={() => setEditing(!editing)}>
        {initials(me.name)}
      </button>
      {editing && <MeEditor me={me} trigger={meButton} onClose={() => setEditing(false)} />}
      {peers.slice(0, SHOWN).map((peer) => (
        <PeerAvatar key={peer.id} peer={peer} followed={following === peer.id} />
      ))}
      {peers.length > SHOWN && (
        <span className="sb-avatar sb-avatar--more" title={peers.slice(SHOWN).map((p) => p.user.name).join(', ')}>
          +{peers.length - SHOWN}
        </span>
      )}
    </div>
  );
}

function PeerAvatar({ peer, followed }: { peer: Peer; followed: boolean }) {
  const { name, colour } = peer.user;
  const label = followed ? `Stop following ${name}` : `Follow ${name}’s view${peer.viewer ? ' (watching with a view link)' : ''}`;
  return (
    <button type="button" className={`sb-avatar${followed ? ' sb-avatar--followed' : ''}`} style={{ background: colour, ['--sb-peer' as string]: colour }} aria-pressed={followed} aria-label={label} title={label} onClick={() => follow(peer.id)} data-testid="peer-avatar" data-peer={name}>
      {initials(name)}
      {peer.viewer && (
        <span className="sb-avatar__badge" aria-hidden="true">
          <svg width="9" height="9" viewBox="0 0 10 10">
            <path d="M1 5s1.6-3 4-3 4 3 4 3-1.6 3-4 3-4-3-4-3z" fill="none" stroke="currentColor" strokeWidth="1.2" />
            <circle cx="5" cy="5" r="1.2" fill="currentColor" />
          </svg>
        </span>
      )}
    </button>
  );
}

/** This person's name and colour, as the others see them; remembered in this browser. */
function MeEditor({ me, trigger, onClose }: { me: Person; trigger: React.RefObject<HTMLButtonElement | null>; onClose: () => void }) {
  const panel = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(me.name);
  const id = useId();
  useClickOutside(panel, trigger, onClose, true);
  useEffect(() => panel.current?.querySelector('input')?.select(), []);
  const save = (colour = me.colour) => renameMe({ name: name.trim() || me.name, colour });
  return (
    <form
      ref={panel}
      className="sb-me"
      aria-label="How others see you"
      onSubmit={(e) => {
        e.preventDefault();
        save();
        onClose();
        trigger.current?.focus();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
          trigger.current?.focus();
        }
      }}
    >
      <label className="sb-me__label" htmlFor={id}>
        Your name on this board
      </label>
      <input id={id} className="sb-me__input" value={name} maxLength={32} onChange={(e) => setName(e.target.value)} onBlur={() => save()} />
      <div className="sb-me__colours" role="radiogroup" aria-label="Your colour">
        {PERSON_COLOURS.map((colour) => (
          <button key={colour} type="button" role="radio" aria-checked={colour === me.colour} aria-label={colour} className="sb-me__colour" style={{ background: colour }} onClick={() => save(colour)} />
        ))}
      </div>
      <p className="sb-me__note">Remembered in this browser, for every board.</p>
    </form>
  );
}
