import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDocument } from '../model/operations.ts';
import type { SagaDocument } from '../model/index.ts';
import { AUTOSAVE_MAX_WAIT_MS, createAutosave, type AutosaveOptions } from './autosave.ts';
import { ConflictError, connectLibrary, openLibrary, StorageError, type DesignToSave, type StoredDesign, type Viewport } from './design-library.ts';

/** A library in memory that records every write, and can be told to refuse them. */
function memoryLibrary() {
  const records = new Map<string, StoredDesign>();
  const writes: string[] = [];
  let refusal: string | undefined;
  const check = () => {
    if (refusal) throw new StorageError(refusal, refusal.includes('quota') ? 'quota' : 'failed');
  };
  return {
    records,
    writes,
    refuse(message: string | undefined) {
      refusal = message;
    },
    /** Another tab saves design `id`. */
    saveElsewhere(id: string, name: string) {
      const revision = (records.get(id)?.revision ?? 0) + 1;
      records.set(id, { id, doc: doc(name), updatedAt: 1, revision });
    },
    async save(design: DesignToSave, revision?: number) {
      check();
      const stored = records.get(design.id)?.revision ?? 0;
      if (revision !== undefined && stored > revision) throw new ConflictError(design.id);
      writes.push(`save ${design.id} “${design.doc.name}”`);
      records.set(design.id, { ...design, revision: stored + 1 });
      return stored + 1;
    },
    async saveViewport(id: string, viewport: Viewport) {
      check();
      writes.push(`viewport ${id}`);
      const stored = records.get(id);
      if (stored) records.set(id, { ...stored, viewport });
    },
  };
}

const doc = (name: string): SagaDocument => emptyDocument(name);

describe('autosave', () => {
  let lib: ReturnType<typeof memoryLibrary>;
  let events: string[];
  const autosave = (extra: Partial<AutosaveOptions> = {}) =>
    createAutosave({
      library: async () => lib,
      now: () => 1000,
      onSaved: (id) => events.push(`saved ${id}`),
      onFailed: (e, id) => events.push(`failed ${id}: ${e.message}`),
      ...extra,
    });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    lib = memoryLibrary();
    events = [];
  });
  afterEach(() => vi.useRealTimers());

  it('writes once the edits pause for 300 ms, and only the last version', async () => {
    // given a design edited three times, 100 ms apart
    const saver = autosave();
    saver.documentChanged('a', doc('one'), undefined);
    await vi.advanceTimersByTimeAsync(100);
    saver.documentChanged('a', doc('two'), undefined);
    await vi.advanceTimersByTimeAsync(100);
    saver.documentChanged('a', doc('three'), undefined);

    // when less than 300 ms have passed since the last edit, then nothing is written yet
    await vi.advanceTimersByTimeAsync(299);
    expect(lib.writes).toEqual([]);
    expect(saver.unsaved).toBe(true);

    // when the pause is complete, then the last version is written once
    await vi.advanceTimersByTimeAsync(1);
    expect(lib.writes).toEqual(['save a “three”']);
    expect(lib.records.get('a')).toEqual({ id: 'a', doc: doc('three'), updatedAt: 1000, revision: 1 });
    expect(events).toEqual(['saved a']);
    expect(saver.unsaved).toBe(false);
  });

  it('writes at once when flushed (the tab is closing), and not again afterwards', async () => {
    const saver = autosave();
    saver.documentChanged('a', doc('one'), { x: 1, y: 2, zoom: 1 });
    await saver.flush();
    expect(lib.writes).toEqual(['save a “one”']);
    expect(lib.records.get('a')?.viewport).toEqual({ x: 1, y: 2, zoom: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(lib.writes).toHaveLength(1);
  });

  it('saves a moved view without touching the document or its date', async () => {
    // given a saved design
    lib.records.set('a', { id: 'a', doc: doc('one'), updatedAt: 5 });
    const saver = autosave();
    // when only its view moves
    saver.viewportChanged('a', { x: 10, y: 20, zoom: 0.5 });
    await vi.advanceTimersByTimeAsync(300);
    // then only the viewport is written
    expect(lib.writes).toEqual(['viewport a']);
    expect(lib.records.get('a')).toEqual({ id: 'a', doc: doc('one'), updatedAt: 5, viewport: { x: 10, y: 20, zoom: 0.5 } });
  });

  it('keeps a moved view when the document changes afterwards', async () => {
    const saver = autosave();
    saver.viewportChanged('a', { x: 10, y: 20, zoom: 0.5 });
    saver.documentChanged('a', doc('two'), undefined);
    await saver.flush();
    expect(lib.records.get('a')).toEqual({ id: 'a', doc: doc('two'), updatedAt: 1000, viewport: { x: 10, y: 20, zoom: 0.5 }, revision: 1 });
  });

  it('writes the changes of one design at once when another design changes', async () => {
    const saver = autosave();
    saver.documentChanged('a', doc('first'), undefined);
    saver.documentChanged('b', doc('second'), undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(lib.writes).toEqual(['save a “first”']);
    await vi.advanceTimersByTimeAsync(300);
    expect(lib.writes).toEqual(['save a “first”', 'save b “second”']);
  });

  it('reports a refused write, keeps the change, and writes it with the next change', async () => {
    // given storage that is full
    lib.refuse('saving failed: the browser has no space left for this site (storage quota exceeded)');
    const unsavedStates: boolean[] = [];
    const saver = autosave({ onUnsavedChange: (u) => unsavedStates.push(u) });

    // when an edit is saved, then the failure is reported and the change is still unsaved
    saver.documentChanged('a', doc('one'), undefined);
    await vi.advanceTimersByTimeAsync(300);
    expect(events).toEqual(['failed a: saving failed: the browser has no space left for this site (storage quota exceeded)']);
    expect(saver.unsaved).toBe(true);
    expect(lib.records.size).toBe(0);

    // when space is freed and the user moves the view, then the kept document is written with it
    lib.refuse(undefined);
    saver.viewportChanged('a', { x: 3, y: 4, zoom: 2 });
    await vi.advanceTimersByTimeAsync(300);
    expect(lib.records.get('a')).toEqual({ id: 'a', doc: doc('one'), updatedAt: 1000, viewport: { x: 3, y: 4, zoom: 2 }, revision: 1 });
    expect(events.at(-1)).toBe('saved a');
    expect(saver.unsaved).toBe(false);
    expect(unsavedStates).toEqual([true, false]);
  });

  it('writes edits that never pause at least once a second, so a tab that dies loses at most a second', async () => {
    // given edits every 100 ms for 2.5 s: the 300 ms pause never comes
    const saver = autosave();
    const written: number[] = [];
    let t = 0;
    for (; t < 2500; t += 100) {
      saver.documentChanged('a', doc(`edit at ${t}`), undefined);
      await vi.advanceTimersByTimeAsync(100);
      if (lib.writes.length > written.length) written.push(t);
    }
    // then a write happened every AUTOSAVE_MAX_WAIT_MS
    expect(lib.writes.length).toBe(Math.floor(2500 / AUTOSAVE_MAX_WAIT_MS));
    expect(written).toEqual([900, 1900]);
    // and, if the tab died now, what is stored is at most a second old
    const last = Number(/edit at (\d+)/.exec(lib.records.get('a')!.doc.name)![1]);
    expect(t - last).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS + 100);
  });

  it('tries a failed write again by itself, waiting longer each time, until it succeeds', async () => {
    lib.refuse('saving failed: the browser has no space left for this site (storage quota exceeded)');
    const saver = autosave({ retryDelaysMs: [2000, 5000] });
    saver.documentChanged('a', doc('one'), undefined);
    await vi.advanceTimersByTimeAsync(300);
    expect(events).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(events).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4999);
    expect(events).toHaveLength(2);
    // when space is freed, then the next attempt saves it with no edit needed
    lib.refuse(undefined);
    await vi.advanceTimersByTimeAsync(1);
    expect(events.at(-1)).toBe('saved a');
    expect(lib.records.get('a')?.doc.name).toBe('one');
    expect(saver.unsaved).toBe(false);
  });

  it('retry() writes the failed changes at once', async () => {
    lib.refuse('denied');
    const saver = autosave();
    saver.documentChanged('a', doc('one'), undefined);
    await saver.flush();
    lib.refuse(undefined);
    saver.retry();
    await saver.flush();
    expect(lib.records.get('a')?.doc.name).toBe('one');
  });

  it('never writes over a revision saved by another tab: the change is held and reported', async () => {
    // given design a at revision 1, known to this tab
    const revisions = new Map<string, number>();
    const conflicts: string[] = [];
    const saver = autosave({ revisions, onConflict: (id, d) => conflicts.push(`${id} ${d?.name}`) });
    saver.documentChanged('a', doc('mine 1'), undefined);
    await saver.flush();
    expect(revisions.get('a')).toBe(1);

    // when another tab saves it, then this tab's next change is not written
    lib.saveElsewhere('a', 'theirs');
    saver.documentChanged('a', doc('mine 2'), undefined);
    await saver.flush();
    expect(lib.records.get('a')?.doc.name).toBe('theirs');
    expect(conflicts).toEqual(['a mine 2']);
    expect(saver.pending('a')).toBe(true);

    // and later changes are held too, however long one waits
    saver.documentChanged('a', doc('mine 3'), undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    await saver.flush();
    expect(lib.records.get('a')?.doc.name).toBe('theirs');
    expect(saver.waitingDocument('a')?.name).toBe('mine 3');

    // when the user keeps theirs as the base and releases, then the held change is written
    revisions.set('a', 2);
    saver.release('a');
    await saver.flush();
    expect(lib.records.get('a')).toMatchObject({ doc: { name: 'mine 3' }, revision: 3 });
    expect(saver.unsaved).toBe(false);
  });

  it('writes one design one write at a time, each on top of the last', async () => {
    const revisions = new Map<string, number>();
    let release: () => void = () => undefined;
    const slow = { ...lib, save: async (d: DesignToSave, r?: number) => {
      await new Promise<void>((resolve) => (release = resolve));
      return lib.save(d, r);
    } };
    const saver = autosave({ revisions, library: async () => slow });
    saver.documentChanged('a', doc('one'), undefined);
    await vi.advanceTimersByTimeAsync(300);
    saver.documentChanged('a', doc('two'), undefined);
    await vi.advanceTimersByTimeAsync(1000);
    // the second waits for the first
    expect(lib.writes).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await saver.flush();
    expect(lib.writes).toEqual(['save a “one”', 'save a “two”']);
    expect(lib.records.get('a')?.revision).toBe(2);
    expect(revisions.get('a')).toBe(2);
  });

  it('retries opening storage that refused to open', async () => {
    let attempts = 0;
    const library = connectLibrary(async () => {
      attempts++;
      if (attempts === 1) throw new Error('denied');
      return lib as never;
    });
    const saver = autosave({ library });
    saver.documentChanged('a', doc('one'), undefined);
    await saver.flush();
    expect(events).toEqual(['failed a: denied']);
    saver.documentChanged('a', doc('two'), undefined);
    await saver.flush();
    expect(attempts).toBe(2);
    expect(lib.records.get('a')?.doc.name).toBe('two');
  });

  it('forgets the changes of a design that is being deleted', async () => {
    const saver = autosave();
    saver.documentChanged('a', doc('one'), undefined);
    saver.discard('a');
    await saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(lib.writes).toEqual([]);
    expect(saver.unsaved).toBe(false);
  });
});

describe('autosave into the browser library', () => {
  it('writes records the library reads back, viewport included', async () => {
    const library = connectLibrary();
    const saver = createAutosave({ library, now: () => 42 });
    saver.documentChanged('real', emptyDocument('Kept'), { x: -120.5, y: 33.25, zoom: 0.8125 });
    await saver.flush();
    saver.viewportChanged('real', { x: 1, y: 2, zoom: 1.5 });
    await saver.flush();
    const read = await (await openLibrary()).read('real');
    expect(read).toEqual({ ok: true, design: { id: 'real', doc: emptyDocument('Kept'), updatedAt: 42, viewport: { x: 1, y: 2, zoom: 1.5 }, revision: 1 } });
  });
});
