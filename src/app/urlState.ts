/**
 * The design named in the address bar: `?example=<id>` (default order-orchestrated) or
 * `?file=<url>` (a design file on this site, e.g. a test fixture). Switching designs updates it.
 */
import { DEFAULT_EXAMPLE, isExampleId } from '../persistence/examples.ts';
import type { DesignSource, LoadProblem } from '../store/designStore.ts';

export interface UrlRequest {
  source: DesignSource;
  /** Set when the address asked for something that cannot be opened; `source` is the default then. */
  problem?: LoadProblem;
}

const DEFAULT_SOURCE: DesignSource = { kind: 'example', id: DEFAULT_EXAMPLE };

export function requestFromUrl(href: string): UrlRequest {
  const url = new URL(href);
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
      problem: { what: `file “${file}”`, message: 'Sagaboard opens design files from this site only' },
    };
  }
  const example = url.searchParams.get('example');
  if (example === null || isExampleId(example)) return { source: { kind: 'example', id: example ?? DEFAULT_EXAMPLE } };
  return { source: DEFAULT_SOURCE, problem: { what: `example “${example}”`, message: 'there is no example with this name' } };
}

/** The query string that names `source`. */
export function searchFor(source: DesignSource): string {
  return source.kind === 'example' ? `?example=${encodeURIComponent(source.id)}` : `?file=${encodeURIComponent(source.url)}`;
}

/** Writes `source` into the address bar: a new history entry (`push`) or in place (`replace`). */
export function writeSourceToUrl(source: DesignSource, mode: 'push' | 'replace'): void {
  const search = searchFor(source);
  if (window.location.search === search) return;
  const next = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', next);
  else window.history.replaceState(null, '', next);
}
