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
  /** Records where the view of a saved design is, leaving its document and date alone; nothing if it is gone. */
  saveViewport(id: string, viewport: Viewport): Promise<void>;
  remove(id: string): Promise<void>;
  lastOpened(): Promise<string | undefined>;
  setLastOpened(id: string): Promise<void>;
}

/** How long opening storage may take before Sagaboard carries on without it. */
const OPEN_TIMEOUT_MS = 5000;

/** Opens the library; throws a StorageError with a readable message when the browser refuses. */
export async function openLibrary(): Promise<DesignLibrary> {
  if (!hasIndexedDB()) throw new StorageError('this browser offers no storage (IndexedDB is unavailable, as in some private windows)');
  let db: IDBPDatabase<LibrarySchema>;
  try {
    db = await withTimeout(
      (blocked) =>
        openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
          upgrade(database) {
            const designs = database.createObjectStore('designs', { keyPath: 'id' });
            designs.createIndex('updatedAt', 'updatedAt');
            database.createObjectStore('settings');
          },
          blocked: () => blocked(new StorageError('another Sagaboard tab is blocking storage; close the other tabs and reload')),
        }),
      OPEN_TIMEOUT_MS,
    );
  } catch (e) {
    if (e instanceof StorageError) throw e;
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
    save: (design) =>
      guard('saving', async () => {
        const tx = db.transaction('designs', 'readwrite');
        void tx.store.put(design);
        // Committing at once, not when the page next idles, lets a save started as the tab closes finish.
        tx.commit();
        await tx.done;
      }),
    saveViewport: (id, viewport) =>
      guard('saving', async () => {
        const tx = db.transaction('designs', 'readwrite');
        const stored = await tx.store.get(id);
        if (stored) await tx.store.put({ ...stored, viewport });
        await tx.done;
      }),
    remove: (id) => guard('deleting', () => db.delete('designs', id)),
    lastOpened: () => guard('reading settings', async () => {
      const v = await db.get('settings', LAST_OPENED);
      return typeof v === 'string' ? v : undefined;
    }),
    setLastOpened: (id) => guard('saving settings', () => db.put('settings', id, LAST_OPENED).then(() => undefined)),
  };
}

/**
 * The library, opened on first use and shared. A refusal is not remembered: the next call tries
 * again, so storage that comes back (space freed, another tab closed) is used again.
 */
export function connectLibrary(open: () => Promise<DesignLibrary> = openLibrary): () => Promise<DesignLibrary> {
  let opened: Promise<DesignLibrary> | undefined;
  return () => {
    opened ??= open().catch((e: unknown) => {
      opened = undefined;
      throw e instanceof StorageError ? e : new StorageError(describe(e));
    });
    return opened;
  };
}

/** A new id for a saved design: short, for the address bar, and unique in practice. */
export function newDesignId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function hasIndexedDB(): boolean {
  try {
    // A browser may refuse even to show the factory (the getter throws), as some private modes do.
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    return false;
  }
}

/** Runs `start`; gives up after `ms`, or as soon as `start` calls its `fail` argument. */
function withTimeout<T>(start: (fail: (e: Error) => void) => Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StorageError(`storage did not answer within ${ms / 1000} s`)), ms);
    const settle = <A>(fn: (a: A) => void) => (a: A) => {
      clearTimeout(timer);
      fn(a);
    };
    start(settle(reject)).then(settle(resolve), settle(reject));
  });
}

function describe(e: unknown): string {
  if (e instanceof DOMException) {
    if (e.name === 'QuotaExceededError') return 'the browser has no space left for this site (storage quota exceeded)';
    return `${e.name}: ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}
