/**
 * What changed between two versions of a design, field by field: the change one user intent made,
 * to be written into the shared document (applyDiff.ts) without touching what it did not change,
 * so that other people's concurrent edits of other fields survive.
 */
import { sameValue } from '../model/operations.ts';
import type { SagaDocument } from '../model/schema.ts';
import { COLLECTIONS, DESIGN_FIELDS, type Collection, type Fields } from './sharedDesign.ts';

/** Fields given a new value, and fields removed (back to their default). */
export interface FieldChanges {
  set: ReadonlyMap<string, unknown>;
  remove: readonly string[];
}

/** A record as it is listed in a design: an id and its attributes. */
export type DesignRecord = { id: string } & Fields;

/** The records of one list (nodes, connections, notes or groups) added, removed or changed. */
export interface RecordChanges {
  added: readonly DesignRecord[];
  removed: readonly string[];
  /** By record id. */
  changed: ReadonlyMap<string, FieldChanges>;
}

/** Everything one design has that the other has not: the design's own fields and each list. */
export type DesignDiff = { design: FieldChanges } & Record<Collection, RecordChanges>;

/** The records of one list of a design (notes and groups may be absent). */
export function recordsOf(doc: SagaDocument, collection: Collection): readonly DesignRecord[] {
  return (doc[collection] ?? []) as unknown as readonly DesignRecord[];
}

/** What turns `before` into `after`: field-level changes of the design and of each record. */
export function diffDesigns(before: SagaDocument, after: SagaDocument): DesignDiff {
  const design = fieldChanges(pick(before, DESIGN_FIELDS), pick(after, DESIGN_FIELDS));
  const diff = { design } as DesignDiff;
  for (const c of COLLECTIONS) diff[c] = recordChanges(recordsOf(before, c), recordsOf(after, c));
  return diff;
}

/** True when applying the diff would change nothing. */
export function isEmptyDiff(diff: DesignDiff): boolean {
  const noFields = (f: FieldChanges) => f.set.size === 0 && f.remove.length === 0;
  return noFields(diff.design) && COLLECTIONS.every((c) => diff[c].added.length === 0 && diff[c].removed.length === 0 && diff[c].changed.size === 0);
}

function recordChanges(before: readonly DesignRecord[], after: readonly DesignRecord[]): RecordChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const added: DesignRecord[] = [];
  const changed = new Map<string, FieldChanges>();
  for (const record of after) {
    const previous = old.get(record.id);
    if (!previous) {
      added.push(record);
      continue;
    }
    if (previous === record) continue;
    const fields = fieldChanges(withoutId(previous), withoutId(record));
    if (fields.set.size > 0 || fields.remove.length > 0) changed.set(record.id, fields);
  }
  const removed = before.filter((r) => !now.has(r.id)).map((r) => r.id);
  return { added, removed, changed };
}

/** The fields of `after` that differ from `before`, and those `before` has and `after` has not. */
function fieldChanges(before: Fields, after: Fields): FieldChanges {
  const set = new Map<string, unknown>();
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && !(Object.hasOwn(before, key) && sameValue(before[key], value))) set.set(key, value);
  }
  const remove = Object.keys(before).filter((key) => before[key] !== undefined && (!Object.hasOwn(after, key) || after[key] === undefined));
  return { set, remove };
}

/** The attributes of a record: everything but its id. */
export function withoutId(record: DesignRecord): Fields {
  const { id: _id, ...fields } = record;
  return fields;
}

function pick(doc: SagaDocument, keys: readonly string[]): Fields {
  const out: Fields = {};
  for (const key of keys) if (Object.hasOwn(doc, key)) out[key] = (doc as unknown as Fields)[key];
  return out;
}
