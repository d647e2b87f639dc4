/**
 * The designs saved in this browser (IndexedDB, through `idb`). Every record is checked with the
 * model's loader when it is read back, so a corrupt record is reported, never shown half-broken.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseDocument, type SagaDocument } from '../model/index.ts';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface StoredDesign {
  id: string;
  doc: SagaDocument;
  updatedAt: number;
  viewport?: Viewport;
}

export interface DesignSummary {
  id: string;
  name: string;
  updatedAt: number;
}

export type ReadResult = { ok: true; design: StoredDesign } | { ok: false; id: string; raw: unknown; message: string };

interface LibrarySchema extends DBSchema {
  designs: { key: string; value: StoredDesign; indexes: { updatedAt: number } };
  settings: { key: string; value: unknown };
}

/** Storage failed: quota exceeded, storage disabled (private mode), or the database is blocked. */
export class StorageError extends Error {}

const DB_NAME = 'sagaboard';
const DB_VERSION = 1;
const LAST_OPENED = 'lastOpened';

export interface DesignLibrary {
  list(): Promise<DesignSummary[]>;
  read(id: string): Promise<ReadResult | undefined>;
  save(design: StoredDesign): Promise<void>;
  remove(id: string): Promise<void>;
  lastOpened(): Promise<string | undefined>;
  setLastOpened(id: string): Promise<void>;
}

/** Opens the library; throws a StorageError with a readable message when the browser refuses. */
export async function openLibrary(): Promise<DesignLibrary> {
  if (typeof indexedDB === 'undefined') throw new StorageError('this browser offers no storage (IndexedDB is unavailable, as in some private windows)');
  let db: IDBPDatabase<LibrarySchema>;
  try {
    db = await openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        const designs = database.createObjectStore('designs', { keyPath: 'id' });
        designs.createIndex('updatedAt', 'updatedAt');
        database.createObjectStore('settings');
      },
    });
  } catch (e) {
    throw new StorageError(`the browser refused to open storage (${describe(e)})`);
  }
  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw new StorageError(`${what} failed: ${describe(e)}`);
    }
  };
  return {
    list: () =>
      guard('reading the design list', async () => {
        const all = await db.getAllFromIndex('designs', 'updatedAt');
        return all.reverse().map((d) => ({ id: d.id, name: typeof d.doc?.name === 'string' ? d.doc.name : '(unreadable design)', updatedAt: d.updatedAt }));
      }),
    read: (id) =>
      guard('reading a design', async () => {
        const raw = await db.get('designs', id);
        if (raw === undefined) return undefined;
        const loaded = parseDocument((raw as Partial<StoredDesign>).doc);
        if (!loaded.ok) return { ok: false, id, raw, message: loaded.error.message };
        return { ok: true, design: { ...raw, doc: loaded.doc } };
      }),
    save: (design) => guard('saving', () => db.put('designs', design).then(() => undefined)),
    remove: (id) => guard('deleting', () => db.delete('designs', id)),
    lastOpened: () => guard('reading settings', async () => {
      const v = await db.get('settings', LAST_OPENED);
      return typeof v === 'string' ? v : undefined;
    }),
    setLastOpened: (id) => guard('saving settings', () => db.put('settings', id, LAST_OPENED).then(() => undefined)),
  };
}

function describe(e: unknown): string {
  if (e instanceof DOMException) {
    if (e.name === 'QuotaExceededError') return 'the browser has no space left for this site (storage quota exceeded)';
    return `${e.name}: ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}
