/**
 * The design named in the address bar: `?design=<id>` (a design saved in this browser),
 * `?example=<id>` or `?file=<url>` (a design file on this site, e.g. a test fixture). Without any,
 * the last saved design opened, else the default example. Switching designs updates it.
 * What the address asked for is quoted short in messages (model/quote.ts): anyone can make a link.
 */
import { readLiveLink, type LiveLink } from '../collab/rooms.ts';
import { shortened } from '../model/index.ts';
import { DEFAULT_EXAMPLE, isExampleId } from '../persistence/examples.ts';
import { isShareFragment } from '../persistence/shareFragment.ts';
import type { DesignSource, LoadProblem } from '../store/designStore.ts';

export interface UrlRequest {
  source: DesignSource;
  /** A live board's link: the room and the key that opens it. */
  live?: LiveLink;
  /** Set when the address asked for something that cannot be opened; `source` is the default then. */
  problem?: LoadProblem;
  /** The address names no design: the last saved design opened comes before `source` (the default). */
  lastOpenedFirst?: true;
}

const DEFAULT_SOURCE: DesignSource = { kind: 'example', id: DEFAULT_EXAMPLE };

/** Ids the library makes (see newDesignId), with room for ids made differently later. */
const DESIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function requestFromUrl(href: string): UrlRequest {
  const url = new URL(href);
  if (isShareFragment(url.hash)) return { source: { kind: 'shared', fragment: url.hash } };
  if (url.searchParams.has('live')) {
    const live = readLiveLink(url);
    if (live) return { source: { kind: 'live', room: live.room, access: live.access }, live };
    return { source: DEFAULT_SOURCE, problem: { what: 'live board', message: 'this live link is incomplete or was changed; ask for the link again' } };
  }
  const design = url.searchParams.get('design');
  if (design !== null) {
    if (DESIGN_ID.test(design)) return { source: { kind: 'saved', id: design } };
    return { source: DEFAULT_SOURCE, problem: { what: `saved design “${shortened(design)}”`, message: 'this is not the id of a saved design' } };
  }
  const file = url.searchParams.get('file');
  if (file !== null) {
    let target: URL | undefined;
    try {
      target = new URL(file, url);
    } catch {
      target = undefined;
    }
    if (target && target.origin === url.origin) return { source: { kind: 'file', url: file } };
    return {
      source: DEFAULT_SOURCE,
      problem: { what: `file “${shortened(file, 80)}”`, message: 'Sagaboard opens design files from this site only' },
    };
  }
  const example = url.searchParams.get('example');
  if (example === null) return { source: DEFAULT_SOURCE, lastOpenedFirst: true };
  if (isExampleId(example)) return { source: { kind: 'example', id: example } };
  return { source: DEFAULT_SOURCE, problem: { what: `example “${shortened(example)}”`, message: 'there is no example with this name' } };
}

/** The query string that names `source`. */
export function searchFor(source: DesignSource): string {
  switch (source.kind) {
    case 'example':
      return `?example=${encodeURIComponent(source.id)}`;
    case 'file':
      return `?file=${encodeURIComponent(source.url)}`;
    case 'saved':
      return `?design=${encodeURIComponent(source.id)}`;
    case 'shared':
      return '';
    case 'live':
      return `?live=${encodeURIComponent(source.room)}`;
  }
}

/** Writes `source` into the address bar: a new history entry (`push`) or in place (`replace`). */
export function writeSourceToUrl(source: DesignSource, mode: 'push' | 'replace'): void {
  const search = searchFor(source);
  // The fragment belongs to a share link, or holds a live board's key: it stays only while its design is on screen.
  const hash = source.kind === 'shared' ? source.fragment : source.kind === 'live' ? window.location.hash : '';
  if (window.location.search === search && window.location.hash === hash) return;
  const next = `${window.location.pathname}${search}${hash}`;
  if (mode === 'push') window.history.pushState(null, '', next);
  else window.history.replaceState(null, '', next);
}
