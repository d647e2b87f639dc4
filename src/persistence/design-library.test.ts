import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../model/index.ts';
import { example } from '../model/testing/builder.ts';
import { openLibrary, StorageError } from './design-library.ts';

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
