/**
 * A design read again from the shared document, with every part that did not change taken from
 * the design read before: the same node, connection, note and group objects, the same lists when
 * nothing in them changed. The canvas, the validation and the trade-offs work per object (memo,
 * WeakMaps, `onlyMoved`), so someone else's move redraws one node, as a move made here does.
 */
import type { SagaDocument } from '../model/schema.ts';

/** Equal JSON values, whatever the order of their keys (the shared document keeps no key order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

type Listed = { id: string };

function keepList<T extends Listed>(before: readonly T[] | undefined, after: readonly T[]): readonly T[] {
  if (!before) return after;
  const old = new Map(before.map((r) => [r.id, r]));
  let same = before.length === after.length;
  const kept = after.map((record, i) => {
    const previous = old.get(record.id);
    const reused = previous !== undefined && sameJson(previous, record) ? previous : record;
    if (reused !== before[i]) same = false;
    return reused;
  });
  return same ? before : kept;
}

const LISTS = ['nodes', 'edges', 'notes', 'groups'] as const;

/** `after`, made of `before`'s objects wherever they are equal; `before` itself when nothing changed. */
export function keepUnchanged(before: SagaDocument | null, after: SagaDocument): SagaDocument {
  if (!before) return after;
  const next: Record<string, unknown> = { ...after };
  const previous = before as unknown as Record<string, unknown>;
  let same = Object.keys(before).length === Object.keys(after).length;
  for (const key of Object.keys(after)) {
    const value = (after as unknown as Record<string, unknown>)[key];
    const old = previous[key];
    const kept = (LISTS as readonly string[]).includes(key) ? keepList(old as Listed[] | undefined, value as Listed[]) : sameJson(old, value) ? old : value;
    next[key] = kept;
    if (kept !== old) same = false;
  }
  return same ? before : (next as unknown as SagaDocument);
}
