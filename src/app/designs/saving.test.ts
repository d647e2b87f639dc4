import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { example } from '../../model/testing/builder.ts';
import { emptyDocument, updateDocument } from '../../model/operations.ts';
import { undo, useDesignStore } from '../../store/designStore.ts';
import { openLibrary } from '../../persistence/design-library.ts';
import { getLibrary, knownRevisions, useStorageStore } from '../../store/storage.ts';
import { autosave, checkOtherTabs, keepMine, saveMineAsCopy, startSaving, takeTheirs, viewportMoved } from './saving.ts';

/** Addresses written by the app with history.replaceState. */
const addresses: string[] = [];
const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });

beforeAll(() => {
  // Just enough of a browser page for the address bar and the page lifecycle events.
  const location = { pathname: '/', search: '', hash: '' };
  const history = {
    replaceState: (_: unknown, __: string, url: string) => {
      addresses.push(url);
      location.search = url.slice(url.indexOf('?'));
    },
    pushState: () => undefined,
  };
  vi.stubGlobal('window', Object.assign(new EventTarget(), { location, history }));
  vi.stubGlobal('document', page);
});

const store = () => useDesignStore.getState();
const library = () => getLibrary();
const orders = () => example('order-orchestrated');
const savedId = () => {
  const source = store().source;
  return source?.kind === 'saved' ? source.id : undefined;
};

let stop: () => void;
beforeEach(async () => {
  addresses.length = 0;
  for (const d of await (await library()).list()) await (await library()).remove(d.id);
  stop = startSaving();
});
afterEach(async () => {
  for (const c of useStorageStore.getState().conflicts) autosave.discard(c.id);
  useStorageStore.setState({ conflicts: [] });
  await autosave.flush();
  stop();
});

describe('saving the design on screen', () => {
  it('saves the first edit of an example as a new design, and the address names it', async () => {
    // given an example on screen, whose view was moved
    store().showDesign(orders(), { kind: 'example', id: 'order-orchestrated' });
    viewportMoved({ x: 10, y: 20, zoom: 0.5 });
    await autosave.flush();
    expect(await (await library()).list()).toEqual([]);

    // when it is edited
    store().apply((d) => updateDocument(d, { description: 'With gift wrap.' }));

    // then it is a saved design of its own, under a new id, with the same name and the view
    const id = savedId();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(addresses).toEqual([`/?design=${id}`]);
    await autosave.flush();
    const read = await (await library()).read(id!);
    expect(read).toMatchObject({ ok: true, design: { doc: { name: 'Order fulfilment (orchestrated)', description: 'With gift wrap.' }, viewport: { x: 10, y: 20, zoom: 0.5 } } });
    await vi.waitFor(async () => expect(await (await library()).lastOpened()).toBe(id));

    // when it is edited again, then the same design is saved, not another copy
    store().apply((d) => updateDocument(d, { name: 'Gift orders' }));
    expect(savedId()).toBe(id);
    await autosave.flush();
    expect((await (await library()).list()).map((d) => [d.id, d.name])).toEqual([[id, 'Gift orders']]);
  });

  it('saves an undo like any edit, and keeps the history across the switch to a saved design', async () => {
    store().showDesign(orders(), { kind: 'example', id: 'order-orchestrated' });
    store().apply((d) => updateDocument(d, { name: 'Renamed' }));
    undo();
    expect(store().doc!.name).toBe('Order fulfilment (orchestrated)');
    await autosave.flush();
    expect((await (await library()).list()).map((d) => d.name)).toEqual(['Order fulfilment (orchestrated)']);
  });

  it('does not save a design that is only opened', async () => {
    store().showDesign(emptyDocument('Opened only'), { kind: 'saved', id: 'openedonly01' });
    await autosave.flush();
    expect(await (await library()).read('openedonly01')).toBeUndefined();
    expect(addresses).toEqual([]);
  });

  it('saves the moved view of a saved design', async () => {
    await (await library()).save({ id: 'viewed000001', doc: emptyDocument('Viewed'), updatedAt: 1 });
    store().showDesign(emptyDocument('Viewed'), { kind: 'saved', id: 'viewed000001' }, { x: 0, y: 0, zoom: 1 });
    viewportMoved({ x: -40, y: 15, zoom: 1.25 });
    await autosave.flush();
    expect(await (await library()).read('viewed000001')).toMatchObject({ ok: true, design: { updatedAt: 1, viewport: { x: -40, y: 15, zoom: 1.25 } } });
  });

  it('writes at once when the tab is hidden, without waiting for the pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      store().showDesign(emptyDocument('Hidden'), { kind: 'saved', id: 'hidden000001' });
      store().apply((d) => updateDocument(d, { description: 'typed just before closing' }));
      page.visibilityState = 'hidden';
      page.dispatchEvent(new Event('visibilitychange'));
      // The pause timer never fires here (time is frozen): only the flush can have written it.
      let read;
      for (let i = 0; i < 100 && !read; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        read = await (await library()).read('hidden000001');
      }
      expect(read).toMatchObject({ ok: true, design: { doc: { description: 'typed just before closing' } } });
    } finally {
      page.visibilityState = 'visible';
      vi.useRealTimers();
    }
  });
});

describe('a design open in two tabs', () => {
  /** Design `id` saved, then opened here as a saved design at that revision. */
  async function openedHere(id: string, name: string) {
    const revision = await (await library()).save({ id, doc: emptyDocument(name), updatedAt: 1 });
    knownRevisions.set(id, revision);
    store().showDesign(emptyDocument(name), { kind: 'saved', id });
    return revision;
  }
  /** The other tab: its own connection, saving on top of what it read. */
  async function otherTabSaves(id: string, name: string) {
    const other = await openLibrary();
    const read = await other.read(id);
    if (!read?.ok) throw new Error('unreadable');
    return other.save({ id, doc: updateDocument(read.design.doc, { name }), updatedAt: 2 }, read.design.revision);
  }
  const conflicts = () => useStorageStore.getState().conflicts;
  const stored = async (id: string) => ((await (await library()).read(id)) as { design: { doc: { name: string }; revision: number } }).design;

  it('shows what the other tab saved when nothing here is waiting to be saved', async () => {
    await openedHere('twotabs00001', 'Here');
    const revision = await otherTabSaves('twotabs00001', 'Saved there');
    await checkOtherTabs('twotabs00001', revision);
    expect(store().doc!.name).toBe('Saved there');
    expect(conflicts()).toEqual([]);
    // Showing it is not an edit: nothing is written back, and undo does not bring the old one back.
    expect(autosave.unsaved).toBe(false);
    undo();
    expect(store().doc!.name).toBe('Saved there');
    // The next edit here builds on it.
    store().apply((d) => updateDocument(d, { description: 'then here' }));
    await autosave.flush();
    expect(await stored('twotabs00001')).toMatchObject({ doc: { name: 'Saved there', description: 'then here' }, revision: revision + 1 });
  });

  it('holds the changes made here when both tabs changed the design, and says so', async () => {
    await openedHere('twotabs00002', 'Both');
    store().apply((d) => updateDocument(d, { name: 'Mine' }));
    const revision = await otherTabSaves('twotabs00002', 'Theirs');
    await checkOtherTabs('twotabs00002', revision);
    expect(conflicts()).toEqual([{ id: 'twotabs00002', name: 'Mine' }]);
    await autosave.flush();
    expect((await stored('twotabs00002')).doc.name).toBe('Theirs');
  });

  it('finds the conflict on saving even when no message came from the other tab', async () => {
    await openedHere('twotabs00003', 'Quiet');
    await otherTabSaves('twotabs00003', 'Theirs');
    store().apply((d) => updateDocument(d, { name: 'Mine' }));
    await autosave.flush();
    expect(conflicts()).toEqual([{ id: 'twotabs00003', name: 'Mine' }]);
    expect((await stored('twotabs00003')).doc.name).toBe('Theirs');
  });

  it('reloads theirs, keeps mine over theirs, or saves mine as a copy, as the user chooses', async () => {
    // Reload theirs: the version on screen is the other tab's; nothing of mine is written.
    await openedHere('twotabs00004', 'Choice');
    await otherTabSaves('twotabs00004', 'Theirs');
    store().apply((d) => updateDocument(d, { name: 'Mine' }));
    await autosave.flush();
    await takeTheirs('twotabs00004');
    expect(store().doc!.name).toBe('Theirs');
    expect(conflicts()).toEqual([]);
    expect(autosave.unsaved).toBe(false);

    // Keep mine: written over theirs, knowingly.
    await otherTabSaves('twotabs00004', 'Theirs again');
    store().apply((d) => updateDocument(d, { name: 'Mine again' }));
    await autosave.flush();
    expect(conflicts()).toHaveLength(1);
    await keepMine('twotabs00004');
    expect(await stored('twotabs00004')).toMatchObject({ doc: { name: 'Mine again' } });
    expect(conflicts()).toEqual([]);

    // Save mine as a copy: theirs stays, mine goes on as “… (copy)” under a new address.
    await otherTabSaves('twotabs00004', 'Theirs once more');
    store().apply((d) => updateDocument(d, { name: 'Mine once more' }));
    await autosave.flush();
    await saveMineAsCopy('twotabs00004');
    const copy = savedId()!;
    expect(copy).not.toBe('twotabs00004');
    expect(addresses.at(-1)).toBe(`/?design=${copy}`);
    expect(store().doc!.name).toBe('Mine once more (copy)');
    expect((await stored('twotabs00004')).doc.name).toBe('Theirs once more');
    expect((await stored(copy)).doc.name).toBe('Mine once more (copy)');
  });
});
