/**
 * How a design lives in a Y.Doc, the shared document of a live board. One root Y.Map holds the
 * design's own fields (name, description, declared style, scenarios); one root Y.Map per kind of
 * record (nodes, connections, notes, groups) holds a Y.Map per record, keyed by its id, with the
 * record's attributes as fields. Two people changing different fields of one record both keep
 * their change; the same field, the last write wins; a record deleted by one loses the other's
 * concurrent edits of it.
 *
 * Values are plain JSON (a position is one field: a move is one write). No UI, no model rules.
 */
import * as Y from 'yjs';

/** The root Y.Map of the design's own fields. */
export const DESIGN_ROOT = 'design';

/** The root Y.Maps of records, in the order the document lists them. */
export const COLLECTIONS = ['nodes', 'edges', 'notes', 'groups'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The design's own fields kept in the shared document (format and version are implied). */
export const DESIGN_FIELDS = ['name', 'description', 'declaredStyle', 'scenarios'] as const;

/** The document version that last wrote the shared document, in the design root. */
export const VERSION_FIELD = 'version';

/**
 * Where a record sits in its list, a number in the record's Y.Map: Y.Maps have no order, and a
 * design's lists do (the simulator and the exports follow it). Records created at once by two
 * people may get the same number; ties go by id, so every copy sorts alike. Not an attribute of
 * the design: the projection drops it.
 */
export const ORDER_FIELD = '@order';

/** A record's attributes: everything but its id, which is the key of its Y.Map. */
export type Fields = Record<string, unknown>;

export const designRoot = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap<unknown>(DESIGN_ROOT);
export const collectionRoot = (ydoc: Y.Doc, collection: Collection): Y.Map<unknown> => ydoc.getMap<unknown>(collection);

/** The position of a record, or undefined when its Y.Map has none (or garbage). */
export function orderOf(record: Y.Map<unknown>): number | undefined {
  const order = record.get(ORDER_FIELD);
  return typeof order === 'number' && Number.isFinite(order) ? order : undefined;
}

/** One past the highest position in a collection: where a new record goes. */
export function nextOrder(root: Y.Map<unknown>): number {
  let max = -1;
  for (const value of root.values()) {
    const order = value instanceof Y.Map ? orderOf(value) : undefined;
    if (order !== undefined && order > max) max = order;
  }
  return max + 1;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value as every copy of the shared document will read it. Yjs sends strings as UTF-8, so a
 * lone surrogate arrives elsewhere as U+FFFD while the writer's copy would keep it, and the copies
 * would never agree; -0 arrives as 0. Everything written goes through here first.
 */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD');
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(wellFormed);
  if (typeof value === 'object' && value !== null) {
    const out: Fields = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) Object.defineProperty(out, wellFormed(k) as string, { value: wellFormed(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** A record's id as a key of the shared document (see wellFormed). */
export const sharedId = (id: string): string => wellFormed(id) as string;
