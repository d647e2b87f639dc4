/**
 * Reading the shared document back as a design: the projection the canvas, the rules and the
 * simulator use. It always loads with the project's own loader (`parseDocument`): whatever a
 * client wrote — a field of the wrong type, a record of an unknown kind, a group naming a node
 * another person deleted — is repaired or left out, and said so. A connection whose node was
 * deleted stays: the rules report it (G001), the canvas does not draw it.
 */
import * as Y from 'yjs';
import { parseDocument } from '../model/load.ts';
import { emptyDocument } from '../model/operations.ts';
import { quoted } from '../model/quote.ts';
import { CURRENT_VERSION, type SagaDocument } from '../model/schema.ts';
import type { DesignRecord } from './diff.ts';
import { repairDesign, type RawDesign } from './repair.ts';
import { collectionRoot, COLLECTIONS, DESIGN_FIELDS, designRoot, ORDER_FIELD, orderOf, VERSION_FIELD, type Collection } from './sharedDesign.ts';

export interface Projection {
  doc: SagaDocument;
  /** What had to be repaired or left out for the design to load, one sentence each; empty when nothing. */
  repairs: string[];
}

/** The design the shared document holds, checked by the loader, and what was repaired to make it load. */
export function readDesign(ydoc: Y.Doc): Projection {
  const repairs: string[] = [];
  const raw = collect(ydoc, repairs);
  const first = parseDocument(raw);
  if (first.ok) return { doc: first.doc, repairs };
  const repaired = repairDesign(raw, repairs);
  const second = parseDocument(repaired);
  if (second.ok) return { doc: second.doc, repairs };
  // Not reached by any known input: the repairs above cover the loader's checks one by one.
  repairs.push(`the shared design could not be read (${second.error.message}); showing an empty design`);
  return { doc: emptyDocument(typeof raw.name === 'string' && raw.name.trim() ? raw.name : undefined), repairs };
}

/** The plain design the shared document holds, unchecked: records in their order, ids from their keys. */
function collect(ydoc: Y.Doc, repairs: string[]): RawDesign {
  const design = designRoot(ydoc);
  const raw: RawDesign = { format: 'sagaboard', version: CURRENT_VERSION, nodes: [], edges: [] };
  for (const key of DESIGN_FIELDS) {
    const value = plain(design.get(key));
    if (value !== undefined && !(key === 'scenarios' && Array.isArray(value) && value.length === 0)) raw[key] = value;
  }
  const version = design.get(VERSION_FIELD);
  if (typeof version === 'number' && version > CURRENT_VERSION) {
    repairs.push(`the shared design was last written by a newer Sagaboard (version ${version}); what this one does not know is left out`);
  }
  for (const c of COLLECTIONS) {
    const records = recordsIn(collectionRoot(ydoc, c), c, repairs);
    if (records.length > 0 || c === 'nodes' || c === 'edges') raw[c] = records;
  }
  return raw;
}

function recordsIn(root: Y.Map<unknown>, collection: Collection, repairs: string[]): DesignRecord[] {
  const entries: { record: DesignRecord; order: number }[] = [];
  for (const [id, value] of root.entries()) {
    if (!(value instanceof Y.Map)) {
      repairs.push(`${collection} ${quoted(id)}: not a record; left out`);
      continue;
    }
    entries.push({ record: recordOf(id, value), order: orderOf(value) ?? Number.MAX_VALUE });
  }
  entries.sort((a, b) => a.order - b.order || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return entries.map((e) => e.record);
}

/** A record's plain attributes, its id first (the key, whatever an `id` field says). */
function recordOf(id: string, map: Y.Map<unknown>): DesignRecord {
  const record: DesignRecord = { id };
  for (const [key, value] of map.entries()) {
    if (key === 'id' || key === ORDER_FIELD || key === '__proto__') continue;
    const v = plain(value);
    if (v !== undefined) record[key] = v;
  }
  return record;
}

/** A field's value as JSON: nested shared types (written by no Sagaboard, but possible) as their JSON. */
const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value);
