import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../model/index.ts';
import { example } from '../model/testing/builder.ts';
import { connectLibrary, newDesignId, openLibrary, StorageError, type DesignLibrary } from './design-library.ts';

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

  it('reports a corrupt record with its raw content instead of opening it', async () => {
    const lib = await openLibrary();
    const corrupt = { ...example('checkout-fanout'), version: 99 } as unknown as SagaDocument;
    await lib.save({ id: 'bad', doc: corrupt, updatedAt: 3 });
    const r = await lib.read('bad');
    expect(r).toMatchObject({ ok: false, id: 'bad', message: expect.stringMatching(/^made by a newer Sagaboard/) });
    if (r && !r.ok) expect((r.raw as { doc: unknown }).doc).toEqual(corrupt);
  });

  it('says so when the browser offers no storage', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
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
