import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../model/index.ts';
import { example } from '../model/testing/builder.ts';
import { ConflictError, connectLibrary, listenToOtherTabs, newDesignId, openLibrary, StorageError, type DesignLibrary, type LibraryChange } from './design-library.ts';

/** Writes `record` into the designs store as another program (or an older Sagaboard) would. */
async function putRaw(record: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('sagaboard');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('designs', 'readwrite');
    tx.objectStore('designs').put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('the design library', () => {
  it('saves, lists newest first, reads back and deletes designs', async () => {
    const lib = await openLibrary();
    await lib.save({ id: 'a', doc: example('checkout-fanout'), updatedAt: 1 });
    await lib.save({ id: 'b', doc: example('credit-reservation'), updatedAt: 2, viewport: { x: 1, y: 2, zoom: 1.5 } });
    expect((await lib.list()).map((d) => d.name)).toEqual(['Credit reservation (choreographed)', 'Checkout fan-out (choreographed)']);
    expect(await lib.read('b')).toMatchObject({ ok: true, design: { viewport: { x: 1, y: 2, zoom: 1.5 } } });
    await lib.remove('a');
    expect((await lib.list()).map((d) => d.id)).toEqual(['b']);
    await lib.setLastOpened('b');
    expect(await lib.lastOpened()).toBe('b');
  });

  it('drops a damaged view read back (zoom 0, NaN, a pan beyond any design), so the design is framed instead', async () => {
    const lib = await openLibrary();
    await lib.save({ id: 'view-ok', doc: example('checkout-fanout'), updatedAt: 1, viewport: { x: -120, y: 40, zoom: 0.8 } });
    expect(await lib.read('view-ok')).toMatchObject({ ok: true, design: { viewport: { x: -120, y: 40, zoom: 0.8 } } });
    for (const [i, viewport] of [{ x: 0, y: 0, zoom: 0 }, { x: Number.NaN, y: 0, zoom: 1 }, { x: 0, y: 0, zoom: 1e9 }, { x: 1e300, y: 0, zoom: 1 }, { x: '0', y: 0, zoom: 1 }, 'here'].entries()) {
      await putRaw({ id: `view-${i}`, doc: example('checkout-fanout'), updatedAt: 1, revision: 1, viewport });
      const read = await lib.read(`view-${i}`);
      expect(read).toMatchObject({ ok: true });
      if (read?.ok) expect(read.design.viewport).toBeUndefined();
    }
  });

  it('never writes a view the canvas could not show again', async () => {
    const lib = await openLibrary();
    await lib.save({ id: 'view-write', doc: example('checkout-fanout'), updatedAt: 1, viewport: { x: 1, y: 2, zoom: 1 } });
    await lib.saveViewport('view-write', { x: Number.NaN, y: 0, zoom: 0 });
    expect(await lib.read('view-write')).toMatchObject({ ok: true, design: { viewport: { x: 1, y: 2, zoom: 1 } } });
  });

  it('a damaged revision (2^53, where adding one changes nothing) fakes no conflict: the next save goes through', async () => {
    const lib = await openLibrary();
    expect(await lib.save({ id: 'rev', doc: example('checkout-fanout'), updatedAt: 1 })).toBe(1);
    expect(await lib.save({ id: 'rev', doc: example('checkout-fanout'), updatedAt: 2 }, 1)).toBe(2);
    await putRaw({ id: 'rev', doc: example('checkout-fanout'), updatedAt: 2, revision: 2 ** 53 });
    const read = await lib.read('rev');
    expect(read).toMatchObject({ ok: true, design: { revision: 2 } });
    const revision = read?.ok ? read.design.revision : -1;
    expect(await lib.save({ id: 'rev', doc: { ...example('checkout-fanout'), name: 'Next' }, updatedAt: 3 }, revision)).toBe(3);
    expect(await lib.read('rev')).toMatchObject({ ok: true, design: { doc: { name: 'Next' }, revision: 3 } });
    // Without a known revision too: the newest claim counts, not the damaged number.
    await putRaw({ id: 'rev', doc: example('checkout-fanout'), updatedAt: 4, revision: 2 ** 53 + 2 });
    expect(await lib.save({ id: 'rev', doc: example('checkout-fanout'), updatedAt: 5 })).toBe(4);
  });

  it('opens a design saved by a Sagaboard that wrote version 1 as version 2, without notes or groups (spec §1.2a)', async () => {
    const v1 = { ...JSON.parse(JSON.stringify(example('credit-reservation'))), version: 1 };
    delete v1.notes;
    delete v1.groups;
    await putRaw({ id: 'old', doc: v1, updatedAt: 7 });
    const lib = await openLibrary();
    const r = await lib.read('old');
    expect(r).toMatchObject({ ok: true, design: { doc: { version: 2, notes: [], groups: [], nodes: v1.nodes } } });
  });

  it('reports a corrupt record with its raw content instead of opening it', async () => {
    const lib = await openLibrary();
    const corrupt = { ...example('checkout-fanout'), version: 99 } as unknown as SagaDocument;
    await lib.save({ id: 'bad', doc: corrupt, updatedAt: 3 });
    const r = await lib.read('bad');
    expect(r).toMatchObject({ ok: false, id: 'bad', message: expect.stringMatching(/^made by a newer Sagaboard/) });
    if (r && !r.ok) expect((r.raw as { doc: unknown }).doc).toEqual(corrupt);
  });

  it('numbers the revisions of a design, and refuses a save over a revision it has not seen', async () => {
    // given two tabs with the same design open at revision 1
    const tabA = await openLibrary();
    const tabB = await openLibrary();
    expect(await tabA.save({ id: 'cas', doc: example('checkout-fanout'), updatedAt: 1 })).toBe(1);
    const seen = await tabB.read('cas');
    expect(seen).toMatchObject({ ok: true, design: { revision: 1 } });

    // when tab A saves a change on top of revision 1
    expect(await tabA.save({ id: 'cas', doc: { ...example('checkout-fanout'), name: 'A' }, updatedAt: 2 }, 1)).toBe(2);

    // then tab B, still on revision 1, cannot write over it; nothing of B's is stored
    await expect(tabB.save({ id: 'cas', doc: { ...example('checkout-fanout'), name: 'B' }, updatedAt: 3 }, 1)).rejects.toBeInstanceOf(ConflictError);
    expect(await tabB.read('cas')).toMatchObject({ ok: true, design: { doc: { name: 'A' }, revision: 2 } });

    // and B may write over it knowingly (on top of revision 2, or of whatever is newest)
    expect(await tabB.save({ id: 'cas', doc: { ...example('checkout-fanout'), name: 'B' }, updatedAt: 3 }, 2)).toBe(3);
    expect(await tabA.save({ id: 'cas', doc: { ...example('checkout-fanout'), name: 'A again' }, updatedAt: 4 })).toBe(4);
  });

  it('counts a record saved before revisions existed as revision 0', async () => {
    await putRaw({ id: 'legacy', doc: example('credit-reservation'), updatedAt: 5 });
    const lib = await openLibrary();
    expect(await lib.read('legacy')).toMatchObject({ ok: true, design: { revision: 0 } });
    expect(await lib.save({ id: 'legacy', doc: example('credit-reservation'), updatedAt: 6 }, 0)).toBe(1);
    await expect(lib.save({ id: 'legacy', doc: example('credit-reservation'), updatedAt: 7 }, 0)).rejects.toBeInstanceOf(ConflictError);
  });

  it('says why a damaged record cannot be opened, lists it, and never writes over it', async () => {
    await putRaw({ id: 'text', doc: '{"format": "sagaboard", "vers', updatedAt: 8 });
    await putRaw({ id: 'schema', doc: { format: 'sagaboard', version: 1, name: 'Half', nodes: 'none' } });
    await putRaw({ id: 'future', doc: { ...example('checkout-fanout'), version: 99 }, updatedAt: 9 });
    const lib = await openLibrary();
    expect(await lib.read('text')).toMatchObject({ ok: false, message: expect.stringMatching(/^the saved design is not valid JSON/) });
    expect(await lib.read('schema')).toMatchObject({ ok: false, message: expect.stringContaining('nodes') });
    expect(await lib.read('future')).toMatchObject({ ok: false, message: expect.stringMatching(/^made by a newer Sagaboard/) });
    // A record without a date is listed too (last).
    const listed = await lib.list();
    expect(listed.map((d) => d.id)).toEqual(expect.arrayContaining(['text', 'schema', 'future']));
    expect(listed.at(-1)).toMatchObject({ id: 'schema', name: 'Half', updatedAt: 0 });

    // Neither this tab, which read it, nor another, which did not, writes over it.
    await expect(lib.save({ id: 'future', doc: example('checkout-fanout'), updatedAt: 10 }, 0)).rejects.toBeInstanceOf(ConflictError);
    const other = await openLibrary();
    await expect(other.save({ id: 'future', doc: example('checkout-fanout'), updatedAt: 10 })).rejects.toBeInstanceOf(ConflictError);
    await other.saveViewport('future', { x: 1, y: 1, zoom: 1 });
    expect((await lib.read('future')) as { raw: unknown }).toMatchObject({ raw: { doc: { version: 99 }, updatedAt: 9 } });
    expect(((await lib.read('future')) as { raw: object }).raw).not.toHaveProperty('viewport');
  });

  it('reports a full disk as such, and keeps nothing of the refused write', async () => {
    const lib = await openLibrary();
    await lib.save({ id: 'full', doc: example('checkout-fanout'), updatedAt: 1 });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      const refused = lib.save({ id: 'full', doc: { ...example('checkout-fanout'), name: 'Too big' }, updatedAt: 2 }, 1);
      await expect(refused).rejects.toThrow('saving failed: the browser has no space left for this site (storage quota exceeded)');
      await expect(refused).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    // The refused write claimed nothing: the next one goes on top of revision 1.
    expect(await lib.save({ id: 'full', doc: { ...example('checkout-fanout'), name: 'Smaller' }, updatedAt: 3 }, 1)).toBe(2);
  });

  it('tells other tabs about saves and deletions', async () => {
    const heard: LibraryChange[] = [];
    // This test is one tab: what it hears comes from a channel posting as another tab.
    const stop = listenToOtherTabs((c) => heard.push(c));
    const otherTab = new BroadcastChannel('sagaboard-designs');
    otherTab.postMessage({ kind: 'saved', id: 'x', revision: 3, tab: 'other' });
    otherTab.postMessage({ kind: 'deleted', id: 'x', tab: 'other' });
    otherTab.postMessage({ kind: 'saved', id: 'x' });
    // Its own saves are not reported back to it.
    const lib = await openLibrary();
    await lib.save({ id: 'own', doc: example('checkout-fanout'), updatedAt: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    otherTab.close();
    expect(heard).toEqual([
      { kind: 'saved', id: 'x', revision: 3 },
      { kind: 'deleted', id: 'x' },
    ]);
  });

  it('says so when the browser offers no storage', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(openLibrary()).rejects.toMatchObject({ kind: 'unavailable' });
      await expect(openLibrary()).rejects.toBeInstanceOf(StorageError);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('connecting to the library', () => {
  it('opens once and shares the library', async () => {
    let opened = 0;
    const get = connectLibrary(async () => {
      opened++;
      return {} as DesignLibrary;
    });
    expect(await get()).toBe(await get());
    expect(opened).toBe(1);
  });

  it('tries again after a refusal, and turns any failure into a StorageError', async () => {
    let opened = 0;
    const get = connectLibrary(async () => {
      opened++;
      if (opened === 1) throw new Error('denied');
      return {} as DesignLibrary;
    });
    await expect(get()).rejects.toThrow(new StorageError('denied'));
    await expect(get()).resolves.toEqual({});
  });

  it('says so when the browser refuses even to show its storage', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, get: () => { throw new Error('denied'); } });
    try {
      await expect(openLibrary()).rejects.toThrow(/this browser offers no storage/);
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', saved);
    }
  });

  it('moves the view of a saved design without touching its date, and ignores one that is gone', async () => {
    const lib = await openLibrary();
    await lib.save({ id: 'v', doc: example('checkout-fanout'), updatedAt: 7 });
    await lib.saveViewport('v', { x: 5, y: 6, zoom: 0.75 });
    await lib.saveViewport('gone', { x: 5, y: 6, zoom: 0.75 });
    expect(await lib.read('v')).toMatchObject({ ok: true, design: { updatedAt: 7, viewport: { x: 5, y: 6, zoom: 0.75 } } });
    expect(await lib.read('gone')).toBeUndefined();
  });

  it('makes ids fit for an address bar', () => {
    const ids = new Set(Array.from({ length: 100 }, newDesignId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});
