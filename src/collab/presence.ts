/**
 * Presence on a live board: who is here (a name and a colour), where their pointer is, what they
 * selected, what they are looking at, what they are dragging. It travels as Yjs awareness (never
 * in the design, never in anyone's history). Whatever another client sends is read defensively:
 * what does not fit is left out, so a hostile or old client can draw nothing strange.
 */
import type { Awareness } from 'y-protocols/awareness';

export interface Person {
  name: string;
  /** `#rrggbb`. */
  colour: string;
}

export interface Point {
  x: number;
  y: number;
}

/** What someone's window shows: React Flow's viewport and the canvas's size on their screen. */
export interface View {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** One person's presence, as they publish it. Positions are in flow coordinates. */
export interface Presence {
  user: Person;
  /** The pointer over the canvas; absent when it is elsewhere. */
  cursor?: Point;
  /** Nodes, notes and groups they selected. */
  selection?: readonly string[];
  view?: View;
  /** Nodes they are dragging, where they are now: the move is committed once, at the drop. */
  drag?: Readonly<Record<string, Point>>;
  /** Watching with a view link. */
  viewer?: boolean;
}

export interface Peer extends Presence {
  /** Their Yjs client id: one per open board, per window. */
  id: number;
}

/** Colours people get: told apart on the canvas, white text on each at least 4.5:1 (WCAG AA). */
export const PERSON_COLOURS = ['#e11d48', '#b45309', '#047857', '#0e7490', '#2563eb', '#7c3aed', '#a21caf', '#475569'] as const;

const ANIMALS = ['Otter', 'Heron', 'Lynx', 'Puffin', 'Badger', 'Marten', 'Wren', 'Ibex', 'Gecko', 'Kestrel', 'Narwhal', 'Tapir'];

/** A name and colour for someone who has not chosen theirs. */
export function somePerson(random: () => number = Math.random): Person {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length) % list.length]!;
  return { name: `Guest ${pick(ANIMALS)}`, colour: pick(PERSON_COLOURS) };
}

/** Names are cut to this many characters. */
export const MAX_NAME = 32;
/** At most this many selected or dragged ids are read from someone else. */
const MAX_IDS = 500;
const COLOUR = /^#[0-9a-f]{6}$/i;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e7;
const point = (v: unknown): Point | undefined => (typeof v === 'object' && v !== null && finite((v as Point).x) && finite((v as Point).y) ? { x: (v as Point).x, y: (v as Point).y } : undefined);

/** A name and colour as typed or received: trimmed, cut, a known colour or the first one. */
export function checkedPerson(value: unknown): Person | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, colour } = value as Partial<Person>;
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  return { name: [...name.trim()].slice(0, MAX_NAME).join(''), colour: typeof colour === 'string' && COLOUR.test(colour) ? colour.toLowerCase() : PERSON_COLOURS[0] };
}

/** Someone's presence as it can be drawn, or undefined when it says nothing usable. */
export function checkedPresence(id: number, state: unknown): Peer | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const s = state as Record<string, unknown>;
  const user = checkedPerson(s.user);
  if (!user) return undefined;
  const peer: Peer = { id, user };
  const cursor = point(s.cursor);
  if (cursor) peer.cursor = cursor;
  if (Array.isArray(s.selection)) peer.selection = s.selection.filter((x): x is string => typeof x === 'string').slice(0, MAX_IDS);
  const view = s.view as Partial<View> | undefined;
  if (view && finite(view.x) && finite(view.y) && finite(view.zoom) && view.zoom > 0 && finite(view.width) && finite(view.height) && view.width > 0 && view.height > 0) {
    peer.view = { x: view.x, y: view.y, zoom: view.zoom, width: view.width, height: view.height };
  }
  if (typeof s.drag === 'object' && s.drag !== null) {
    const drag: Record<string, Point> = {};
    for (const [nodeId, at] of Object.entries(s.drag).slice(0, MAX_IDS)) {
      const p = point(at);
      if (p) drag[nodeId] = p;
    }
    if (Object.keys(drag).length > 0) peer.drag = drag;
  }
  if (s.viewer === true) peer.viewer = true;
  return peer;
}

/** Everyone else on the board, in the order they came. */
export function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [id, state] of awareness.getStates()) {
    if (id === awareness.clientID) continue;
    const peer = checkedPresence(id, state);
    if (peer) peers.push(peer);
  }
  return peers;
}

/** The centre of someone's view, in flow coordinates, and the zoom to see it as they do. */
export function centreOf(view: View): { x: number; y: number; zoom: number } {
  return { x: (view.width / 2 - view.x) / view.zoom, y: (view.height / 2 - view.y) / view.zoom, zoom: view.zoom };
}
