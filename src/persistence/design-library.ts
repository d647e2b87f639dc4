/**
 * The designs saved in this browser (IndexedDB, through `idb`). Every record is checked with the
 * model's loader when it is read back, so a corrupt record is reported, never shown half-broken.
 *
 * Several tabs share the library. Each save of a design claims the next revision of it, and a
 * claim that another tab already made fails the whole write (compare-and-set, see `save`), so no
 * tab writes over a revision it has not seen. Every write is announced to the other tabs on a
 * BroadcastChannel (`listenToOtherTabs`).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { LIMITS, parseDocument, truncated, type SagaDocument } from '../model/index.ts';
import { checkedViewport, type Viewport } from './viewport.ts';

export type { Viewport };

export interface StoredDesign {
  id: string;
  doc: SagaDocument;
  updatedAt: number;
  viewport?: Viewport;
  /** Counts the saves of the document: 1 for the first. Records saved before revisions existed have none (0). */
  revision?: number;
}

/** A design to save: the library numbers its revision. */
export type DesignToSave = Omit<StoredDesign, 'revision'>;

export interface DesignSummary {
  id: string;
  name: string;
  updatedAt: number;
}

export type ReadResult =
  | { ok: true; design: StoredDesign & { revision: number } }
  | { ok: false; id: string; raw: unknown; message: string };

interface LibrarySchema extends DBSchema {
  designs: { key: string; value: StoredDesign; indexes: { updatedAt: number } };
  settings: { key: string; value: unknown };
  /** `[design id, revision]` for every revision saved: a revision can be claimed once only. */
  claims: { key: [string, number]; value: number };
}

export type StorageProblem = 'quota' | 'unavailable' | 'blocked' | 'failed';

/** Storage failed: quota exceeded, storage disabled (private mode), or the database is blocked. */
export class StorageError extends Error {
  readonly kind: StorageProblem;
  constructor(message: string, kind: StorageProblem = 'failed') {
    super(message);
    this.kind = kind;
  }
}

/**
 * A save refused because it would write over something this tab has not seen: a newer revision
 * saved by another tab, or a damaged record. Storage works; nothing was written.
 */
export class ConflictError extends Error {
  readonly id: string;
  constructor(id: string, message = 'the design was changed in another tab') {
    super(message);
    this.id = id;
  }
}

const DB_NAME = 'sagaboard';
const DB_VERSION = 2;
const LAST_OPENED = 'lastOpened';
const CHANNEL = 'sagaboard-designs';
/** Claims older than this many revisions are dropped, so the claims of a busy design stay small. */
const CLAIMS_KEPT = 1000;

/** This tab, so that it can tell its own announcements from those of other tabs. */
const TAB = Math.random().toString(36).slice(2);

/** What a tab says after a write: design `id` was saved at `revision`, or deleted. */
export type LibraryChange = { kind: 'saved'; id: string; revision: number } | { kind: 'deleted'; id: string };

export interface DesignLibrary {
  list(): Promise<DesignSummary[]>;
  read(id: string): Promise<ReadResult | undefined>;
  /**
   * Saves `design` as the revision after `revision` (a compare-and-set: it fails with a
   * ConflictError when that revision was claimed already, by another tab or an earlier write).
   * Without `revision`, saves it as the revision after the newest one, whatever it is. Refuses to
   * write over a record that cannot be read (ConflictError). Resolves to the revision written.
   */
  save(design: DesignToSave, revision?: number): Promise<number>;
  /** Records where the view of a saved design is, leaving its document and date alone; nothing if it is gone. */
  saveViewport(id: string, viewport: Viewport): Promise<void>;
  remove(id: string): Promise<void>;
  lastOpened(): Promise<string | undefined>;
  setLastOpened(id: string): Promise<void>;
}

/** How long opening storage may take before Sagaboard carries on without it. */
const OPEN_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** The connection was closed (another tab upgrades the database, or the browser closed it): open again. */
  onClose?(): void;
}

/** Opens the library; throws a StorageError with a readable message when the browser refuses. */
export async function openLibrary(options: OpenOptions = {}): Promise<DesignLibrary> {
  if (!hasIndexedDB()) throw new StorageError('this browser offers no storage (IndexedDB is unavailable, as in some private windows)', 'unavailable');
  let db: IDBPDatabase<LibrarySchema>;
  try {
    db = await withTimeout(
      (blocked) =>
        openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
          upgrade(database, oldVersion) {
            if (oldVersion < 1) {
              const designs = database.createObjectStore('designs', { keyPath: 'id' });
              designs.createIndex('updatedAt', 'updatedAt');
              database.createObjectStore('settings');
            }
            if (oldVersion < 2) database.createObjectStore('claims');
          },
          blocked: () => blocked(new StorageError('another Sagaboard tab is blocking storage; close the other tabs and reload', 'blocked')),
          // A newer Sagaboard in another tab needs the database: let it have it, and reopen on next use.
          blocking: () => {
            db.close();
            options.onClose?.();
          },
          terminated: () => options.onClose?.(),
        }),
      OPEN_TIMEOUT_MS,
    );
  } catch (e) {
    if (e instanceof StorageError) throw e;
    throw new StorageError(`the browser refused to open storage (${describe(e)})`, 'unavailable');
  }
  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ConflictError || e instanceof StorageError) throw e;
      throw new StorageError(`${what} failed: ${describe(e)}`, kindOf(e));
    }
  };
  /** Ids of records found damaged in this tab: never written over. */
  const damaged = new Set<string>();
  return {
    list: () =>
      guard('reading the design list', async () => {
        // Not through the date index: a record without a proper date must still be listed.
        const all = (await db.getAll('designs')) as unknown[];
        return all
          .filter((d): d is Partial<StoredDesign> & { id: string } => typeof d === 'object' && d !== null && typeof (d as { id?: unknown }).id === 'string')
          .map((d) => ({ id: d.id, name: nameInRecord(d) ?? '(unreadable design)', updatedAt: typeof d.updatedAt === 'number' && Number.isFinite(d.updatedAt) ? d.updatedAt : 0 }))
          .sort((a, b) => b.updatedAt - a.updatedAt);
      }),
    read: (id) =>
      guard('reading a design', async () => {
        const raw = (await db.get('designs', id)) as unknown;
        if (raw === undefined) return undefined;
        const checked = check(raw);
        if (!checked.ok) {
          damaged.add(id);
          return { ok: false, id, raw, message: checked.message };
        }
        const { viewport, ...record } = raw as StoredDesign;
        // A damaged revision (beyond what a browser could save, or not a whole number) is not
        // trusted: the newest revision claimed stands for it, so the next save is no false conflict.
        const revision = storedRevision(record) ?? (await newestClaim(db, id));
        const view = checkedViewport(viewport);
        return { ok: true, design: { ...record, doc: checked.doc, revision, ...(view && { viewport: view }) } };
      }),
    save: (design, revision) =>
      guard('saving', async () => {
        if (damaged.has(design.id)) throw new ConflictError(design.id, DAMAGED);
        const tx = db.transaction(['designs', 'claims'], 'readwrite');
        // A claim made already fails (ConstraintError), and the whole transaction with it: a conflict.
        let claimRefused = false;
        const done = tx.done.then(
          () => undefined,
          (e: unknown) => (claimRefused || (e instanceof DOMException && e.name === 'ConstraintError') ? new ConflictError(design.id) : e),
        );
        const giveUp = async (e: unknown): Promise<never> => {
          try {
            tx.abort();
          } catch {
            // finished already
          }
          await done;
          throw e;
        };
        let claim: number;
        if (revision !== undefined) {
          // All requests go out at once, before anything comes back, so a save started as the tab
          // closes still finishes. The claim fails, and with it the whole write, if it was made already.
          claim = revision + 1;
        } else {
          const stored = (await tx.objectStore('designs').get(design.id)) as unknown;
          if (stored !== undefined && !check(stored).ok) return giveUp(new ConflictError(design.id, DAMAGED));
          const last = await tx.objectStore('claims').openCursor(claimsOf(design.id), 'prev');
          claim = Math.max(stored === undefined ? 0 : (storedRevision(stored as StoredDesign) ?? 0), last ? last.key[1] : 0) + 1;
        }
        try {
          void tx.objectStore('designs').put({ ...design, revision: claim }).catch(() => undefined);
          void tx.objectStore('claims').add(Date.now(), [design.id, claim]).catch((e: unknown) => {
            if (e instanceof DOMException && e.name === 'ConstraintError') claimRefused = true;
          });
          if (claim > CLAIMS_KEPT) void tx.objectStore('claims').delete(IDBKeyRange.bound([design.id, 0], [design.id, claim - CLAIMS_KEPT])).catch(() => undefined);
          // Committing at once, not when the page next idles, lets a save started as the tab closes finish.
          tx.commit();
        } catch (e) {
          // A request refused at once (the browser may refuse a write before it starts): nothing is kept.
          return giveUp(e);
        }
        const failure = await done;
        if (failure !== undefined) throw failure;
        announce({ kind: 'saved', id: design.id, revision: claim });
        return claim;
      }),
    saveViewport: (id, viewport) =>
      guard('saving', async () => {
        const tx = db.transaction('designs', 'readwrite');
        const stored = (await tx.store.get(id)) as unknown;
        const view = checkedViewport(viewport);
        if (stored !== undefined && view !== undefined && check(stored).ok) await tx.store.put({ ...(stored as StoredDesign), viewport: view });
        await tx.done;
      }),
    remove: (id) =>
      guard('deleting', async () => {
        const tx = db.transaction(['designs', 'claims'], 'readwrite');
        void tx.objectStore('designs').delete(id);
        void tx.objectStore('claims').delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
        await tx.done;
        damaged.delete(id);
        announce({ kind: 'deleted', id });
      }),
    lastOpened: () =>
      guard('reading settings', async () => {
        const v = await db.get('settings', LAST_OPENED);
        return typeof v === 'string' ? v : undefined;
      }),
    setLastOpened: (id) => guard('saving settings', () => db.put('settings', id, LAST_OPENED).then(() => undefined)),
  };
}

const DAMAGED = 'the saved copy is damaged and is kept as it is';

/** The document of a stored record, or why it cannot be opened. */
function check(raw: unknown): { ok: true; doc: SagaDocument } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, message: 'the saved record is not a design' };
  const doc = (raw as { doc?: unknown }).doc;
  if (doc === undefined || doc === null) return { ok: false, message: 'the saved record holds no design' };
  if (typeof doc === 'string') {
    // Text where a design should be: say whether it is JSON at all.
    try {
      JSON.parse(doc);
    } catch (e) {
      return { ok: false, message: `the saved design is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
    }
    return { ok: false, message: 'the saved design is text where a design object should be' };
  }
  const loaded = parseDocument(doc);
  return loaded.ok ? { ok: true, doc: loaded.doc } : { ok: false, message: loaded.error.message };
}

/** The name a stored record gives its design, even a damaged one (from its text, if need be), at most as long as a name may be. */
export function nameInRecord(raw: unknown): string | undefined {
  const doc = typeof raw === 'object' && raw !== null ? (raw as { doc?: unknown }).doc : undefined;
  if (typeof doc === 'string') return /"name"\s*:\s*"([^"\\]{1,300})"/.exec(doc)?.[1];
  const name = typeof doc === 'object' && doc !== null ? (doc as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? truncated(name, LIMITS.maxNameLength) : undefined;
}

/**
 * Revisions stay far below 2^53, where adding one would no longer change the number: a design
 * saved every second for 60 years reaches 2^31.
 */
export const MAX_REVISION = 2 ** 31;

/** The revision a record says it has: 0 for records from before revisions, undefined when damaged. */
function storedRevision(record: Partial<StoredDesign>): number | undefined {
  const { revision } = record;
  if (revision === undefined) return 0;
  return typeof revision === 'number' && Number.isInteger(revision) && revision >= 0 && revision <= MAX_REVISION ? revision : undefined;
}

/** The claims of design `id` that a save can have made. */
const claimsOf = (id: string) => IDBKeyRange.bound([id, 0], [id, MAX_REVISION]);

async function newestClaim(db: IDBPDatabase<LibrarySchema>, id: string): Promise<number> {
  const last = await db.transaction('claims').store.openCursor(claimsOf(id), 'prev');
  return last ? last.key[1] : 0;
}

/**
 * The library, opened on first use and shared. A refusal is not remembered: the next call tries
 * again, so storage that comes back (space freed, another tab closed) is used again; nor is a
 * connection the browser closed.
 */
export function connectLibrary(open: (options: OpenOptions) => Promise<DesignLibrary> = openLibrary): () => Promise<DesignLibrary> {
  let opened: Promise<DesignLibrary> | undefined;
  return () => {
    if (opened === undefined) {
      const attempt: Promise<DesignLibrary> = open({
        onClose: () => {
          if (opened === attempt) opened = undefined;
        },
      }).catch((e: unknown) => {
        if (opened === attempt) opened = undefined;
        throw e instanceof StorageError ? e : new StorageError(describe(e), kindOf(e));
      });
      opened = attempt;
    }
    return opened;
  };
}

let channel: BroadcastChannel | undefined | null;

function getChannel(): BroadcastChannel | undefined {
  if (channel === undefined) channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  return channel ?? undefined;
}

function announce(change: LibraryChange): void {
  try {
    getChannel()?.postMessage({ ...change, tab: TAB });
  } catch {
    // Another tab not hearing about a save is caught by the next save's compare-and-set.
  }
}

/** Calls `listener` when another tab saved or deleted a design; returns how to stop. */
export function listenToOtherTabs(listener: (change: LibraryChange) => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const listening = new BroadcastChannel(CHANNEL);
  listening.onmessage = (e: MessageEvent) => {
    const data = e.data as (LibraryChange & { tab?: unknown }) | null;
    if (!data || data.tab === TAB || typeof data.id !== 'string') return;
    if (data.kind === 'saved' && Number.isSafeInteger(data.revision)) listener({ kind: 'saved', id: data.id, revision: data.revision });
    else if (data.kind === 'deleted') listener({ kind: 'deleted', id: data.id });
  };
  return () => listening.close();
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
    const timer = setTimeout(() => reject(new StorageError(`storage did not answer within ${ms / 1000} s`, 'failed')), ms);
    const settle = <A>(fn: (a: A) => void) => (a: A) => {
      clearTimeout(timer);
      fn(a);
    };
    start(settle(reject)).then(settle(resolve), settle(reject));
  });
}

function kindOf(e: unknown): StorageProblem {
  if (e instanceof StorageError) return e.kind;
  if (isQuotaError(e)) return 'quota';
  return 'failed';
}

function isQuotaError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'QuotaExceededError';
}

function describe(e: unknown): string {
  if (isQuotaError(e)) return 'the browser has no space left for this site (storage quota exceeded)';
  if (e instanceof DOMException) return `${e.name}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
