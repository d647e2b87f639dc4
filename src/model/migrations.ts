/**
 * Document migrations. `MIGRATIONS[n]` turns a raw version-n document into version n+1; a
 * document is migrated one version at a time up to CURRENT_VERSION before it is checked.
 * A migration may assume nothing about the fields it does not change: the schema checks the result.
 */
import { CURRENT_VERSION } from './schema.ts';

export type RawDocument = Record<string, unknown>;
export type Migration = (doc: RawDocument) => RawDocument;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /**
   * Version 2 (spec §1.2a) adds notes and groups: a version 1 design has neither. Version 1 knew
   * no such fields, so whatever a version 1 file holds under these keys is an unknown field, dropped
   * like any other.
   */
  1: (doc) => ({ ...doc, notes: [], groups: [] }),
};

/** Brings a raw document of `version` up to CURRENT_VERSION, one step at a time. */
export function migrate(doc: RawDocument, version: number): RawDocument {
  let current = doc;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from version ${v} to ${v + 1}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
