/**
 * Writing into the shared document: a whole design (to open a room with it, or to replace what it
 * holds), or the diff of one user intent, field by field, in one Yjs transaction with the origin
 * the caller gives (the origin Y.UndoManager tracks, so each person undoes their own changes).
 */
import * as Y from 'yjs';
import { sameValue } from '../model/operations.ts';
import { CURRENT_VERSION, type SagaDocument } from '../model/schema.ts';
import { isEmptyDiff, recordsOf, withoutId, type DesignDiff, type FieldChanges } from './diff.ts';
import { collectionRoot, COLLECTIONS, DESIGN_FIELDS, designRoot, nextOrder, ORDER_FIELD, sharedId, VERSION_FIELD, wellFormed, type Fields } from './sharedDesign.ts';

/**
 * Applies the changes of one user intent to the shared document, in one transaction with `origin`.
 * Only the fields the diff names are written: concurrent edits of other fields stay. A change to a
 * record someone else deleted meanwhile is dropped (the deletion wins); a record added under an id
 * that already exists there takes the added record's fields.
 */
export function applyDiff(ydoc: Y.Doc, diff: DesignDiff, origin: unknown): void {
  if (isEmptyDiff(diff)) return;
  ydoc.transact(() => {
    applyFields(designRoot(ydoc), diff.design);
    for (const c of COLLECTIONS) {
      const root = collectionRoot(ydoc, c);
      const { added, removed, changed } = diff[c];
      for (const id of removed) root.delete(sharedId(id));
      for (const [id, fields] of changed) {
        const record = root.get(sharedId(id));
        if (record instanceof Y.Map) applyFields(record, fields);
      }
      let order = added.length > 0 ? nextOrder(root) : 0;
      for (const record of added) {
        const existing = root.get(sharedId(record.id));
        if (existing instanceof Y.Map) writeFields(existing, withoutId(record));
        else root.set(sharedId(record.id), newRecord(withoutId(record), order++));
      }
    }
  }, origin);
}

/**
 * Makes the shared document hold exactly `doc`, in one transaction with `origin`: what differs is
 * rewritten field by field, records it lacks are removed, and every record takes its place in the
 * design's lists. Opening a room with a design, or replacing the design of a room, is this.
 */
export function writeDesign(ydoc: Y.Doc, doc: SagaDocument, origin: unknown = null): void {
  ydoc.transact(() => {
    const design = designRoot(ydoc);
    const fields: Fields = {};
    for (const key of DESIGN_FIELDS) if (doc[key] !== undefined) fields[key] = doc[key];
    writeFields(design, fields, [VERSION_FIELD]);
    if (design.get(VERSION_FIELD) !== CURRENT_VERSION) design.set(VERSION_FIELD, CURRENT_VERSION);
    for (const c of COLLECTIONS) {
      const root = collectionRoot(ydoc, c);
      const records = recordsOf(doc, c);
      const keep = new Set(records.map((r) => sharedId(r.id)));
      for (const key of [...root.keys()]) if (!keep.has(key)) root.delete(key);
      records.forEach((record, order) => {
        const existing = root.get(sharedId(record.id));
        if (existing instanceof Y.Map) {
          writeFields(existing, withoutId(record));
          if (existing.get(ORDER_FIELD) !== order) existing.set(ORDER_FIELD, order);
        } else root.set(sharedId(record.id), newRecord(withoutId(record), order));
      });
    }
  }, origin);
}

function newRecord(fields: Fields, order: number): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) record.set(wellFormed(key) as string, wellFormed(value));
  record.set(ORDER_FIELD, order);
  return record;
}

function applyFields(target: Y.Map<unknown>, changes: FieldChanges): void {
  for (const key of changes.remove) target.delete(wellFormed(key) as string);
  for (const [key, value] of changes.set) setField(target, key, value);
}

/** Makes `target` hold exactly `fields` (besides the keys in `keep`), writing only what differs. */
function writeFields(target: Y.Map<unknown>, fields: Fields, keep: readonly string[] = [ORDER_FIELD]): void {
  const wanted = new Set<string>(keep);
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    wanted.add(wellFormed(key) as string);
    setField(target, key, value);
  }
  for (const key of [...target.keys()]) if (!wanted.has(key)) target.delete(key);
}

function setField(target: Y.Map<unknown>, key: string, value: unknown): void {
  const k = wellFormed(key) as string;
  const v = wellFormed(value);
  const current = target.get(k);
  if (!target.has(k) || current instanceof Y.AbstractType || !sameValue(current, v)) target.set(k, v);
}
