/**
 * What the app shows of a live board besides its design: the links, the connection's state,
 * who else is here and what they do, whom this person follows, and how they appear to others.
 * The session itself (the shared document, the provider, the local copy) is app/live/liveBoard.ts.
 */
import { create } from 'zustand';
import type { LiveStatus } from '../collab/connection.ts';
import { checkedPerson, somePerson, type Peer, type Person, type Presence } from '../collab/presence.ts';

export interface LiveLinks {
  /** Present for whoever can edit: a view link never leads to the edit key. */
  edit?: string;
  view: string;
}

export interface LiveState {
  /** The board on screen, if the design on screen is one. */
  board: { room: string; access: 'edit' | 'view'; links: LiveLinks } | null;
  status: LiveStatus | null;
  /** Why the server refused (status `refused`). */
  problem: string | null;
  /** Changes made here that the server has not acknowledged yet. */
  unsynced: number;
  /** Everyone else on the board. */
  peers: Peer[];
  /** How this person appears to others, remembered in this browser. */
  me: Person;
  /** Whose view this person's canvas follows (their client id). */
  following: number | null;
  /** The links dialog is open. */
  dialogOpen: boolean;
  /** Making a board of the design on screen: under way, or why it failed. */
  sharing: 'making' | { failed: string } | null;
  /** Sends this person's presence (the session sets it while a board is open). */
  publish: (presence: Partial<Presence>) => void;
}

const PERSON_KEY = 'sagaboard.person';

function rememberedPerson(): Person {
  try {
    const person = checkedPerson(JSON.parse(globalThis.localStorage?.getItem(PERSON_KEY) ?? 'null'));
    if (person) return person;
  } catch {
    /* nothing remembered, or storage refused */
  }
  return somePerson();
}

export const useLiveStore = create<LiveState>(() => ({
  board: null,
  status: null,
  problem: null,
  unsynced: 0,
  peers: [],
  me: rememberedPerson(),
  following: null,
  dialogOpen: false,
  sharing: null,
  publish: () => {},
}));

/** Changes how this person appears to others; remembered in this browser. */
export function renameMe(person: Person): void {
  const me = checkedPerson(person) ?? useLiveStore.getState().me;
  useLiveStore.setState({ me });
  try {
    globalThis.localStorage?.setItem(PERSON_KEY, JSON.stringify(me));
  } catch {
    /* storage refused: the name lasts as long as the page */
  }
  useLiveStore.getState().publish({ user: me });
}

/** Follows someone's view (their avatar clicked), or stops (null, or the same person again). */
export function follow(id: number | null): void {
  useLiveStore.setState((s) => ({ following: id === s.following ? null : id }));
}
