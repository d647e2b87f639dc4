/**
 * What the design list does: new, rename, duplicate, delete, switch. Each action keeps the
 * library, the design on screen and the address bar in step. Storage failures show the storage
 * warning; anything else the user should know comes back as a sentence for the list to show.
 */
import type { SagaDocument } from '../../model/index.ts';
import { perform } from '../../actions/action.ts';
import { patchDesign } from '../../actions/design.ts';
import { emptyDocument, updateDocument } from '../../model/operations.ts';
import { ConflictError, newDesignId, type DesignSummary, type DesignToSave, type StoredDesign } from '../../persistence/design-library.ts';
import { copyName, freeName } from '../../persistence/design-names.ts';
import { openCompare } from '../../compare/compareStore.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { clearConflict, knownRevisions, reportDamaged, useStorageStore, withLibrary, type DamagedDesign } from '../../store/storage.ts';
import { download } from '../exporting/download.ts';
import { showMade, showSaved } from '../navigation.ts';
import { autosave, currentViewport } from './saving.ts';

/** Something the user should read, or nothing when the action went as asked. */
export type Outcome = string | undefined;

const NEW_DESIGN_NAME = 'Untitled design';

/** The saved designs, newest first; undefined when storage cannot tell (the warning says why). */
export async function listDesigns(): Promise<DesignSummary[] | undefined> {
  try {
    return await withLibrary((library) => library.list(), 'read');
  } catch {
    return undefined;
  }
}

/** The id of the design on screen, when it is a saved one. */
export function savedOnScreen(): string | undefined {
  const { source } = useDesignStore.getState();
  return source?.kind === 'saved' ? source.id : undefined;
}

/** Opens Compare with the design on screen on the left, and the right side to choose. */
export function compareWithScreen(): void {
  const doc = useDesignStore.getState().doc;
  if (!doc) return;
  const id = savedOnScreen();
  openCompare(id ? { doc, id } : { doc });
}

/** Starts an empty design, named “Untitled design” (numbered when taken), and shows it. */
export async function createDesign(mode: 'push' | 'replace' = 'push'): Promise<void> {
  const taken = (await listDesigns()) ?? [];
  const doc = emptyDocument(freeName(NEW_DESIGN_NAME, taken.map((d) => d.name)));
  const id = newDesignId();
  await autosave.flush();
  // If storage refuses, the design still opens: it lives in memory and its next edit tries again.
  await write({ id, doc, updatedAt: Date.now() });
  showMade(doc, id, mode);
}

/**
 * Saves `doc` as a new design (an import, a copy of a shared one, a conversion) and shows it. Its
 * name gets a number when a saved design already has it. Resolves to the design as saved, and its id.
 */
export async function openAsNewDesign(doc: SagaDocument): Promise<{ doc: SagaDocument; id: string }> {
  const taken = (await listDesigns()) ?? [];
  const named = updateDocument(doc, { name: freeName(doc.name, taken.map((d) => d.name)) });
  const id = newDesignId();
  await autosave.flush();
  await write({ id, doc: named, updatedAt: Date.now() });
  showMade(named, id);
  return { doc: named, id };
}

/**
 * Renames a design: the one on screen (`id` null, or its id) through an edit, which can be
 * undone and is saved like any other; another one directly in the library.
 */
export async function renameDesign(id: string | null, name: string): Promise<Outcome> {
  const trimmed = name.trim();
  if (trimmed === '') return 'A design needs a name.';
  if (id === null || id === savedOnScreen()) {
    const { doc } = useDesignStore.getState();
    if (doc && doc.name !== trimmed) perform(patchDesign, { patch: { name: trimmed } });
    return undefined;
  }
  await autosave.flush();
  const stored = await readReadable(id, 'renamed');
  if (typeof stored === 'string') return stored;
  if (stored.doc.name === trimmed) return undefined;
  const { revision, ...rest } = stored;
  // Only over the version just read: a save from another tab meanwhile is never written over.
  const written = await write({ ...rest, doc: updateDocument(stored.doc, { name: trimmed }), updatedAt: Date.now() }, revision);
  if (written === 'conflict') return 'The design was changed in another tab just now; try again.';
  return undefined;
}

/** Saves a copy of a design, named “… (copy)”, next to it; the design on screen stays. */
export async function duplicateDesign(id: string): Promise<Outcome> {
  await autosave.flush();
  let original: { doc: SagaDocument; viewport?: StoredDesign['viewport'] };
  if (id === savedOnScreen()) {
    original = { doc: useDesignStore.getState().doc!, viewport: currentViewport() };
  } else {
    const stored = await readReadable(id, 'copied');
    if (typeof stored === 'string') return stored;
    original = stored;
  }
  const taken = (await listDesigns()) ?? [];
  const doc = updateDocument(original.doc, { name: copyName(original.doc.name, taken.map((d) => d.name)) });
  const copy: DesignToSave = { id: newDesignId(), doc, updatedAt: Date.now() };
  if (original.viewport) copy.viewport = original.viewport;
  return (await write(copy)) === true ? undefined : 'The copy could not be saved.';
}

/**
 * Deletes a saved design. When it is the one on screen, the most recent other design opens, or
 * a new one when none is left.
 */
export async function deleteDesign(id: string): Promise<Outcome> {
  autosave.discard(id);
  await autosave.flush();
  try {
    await withLibrary((library) => library.remove(id), 'write');
  } catch {
    return 'The design could not be deleted.';
  }
  clearConflict(id);
  if (useStorageStore.getState().damaged?.id === id) reportDamaged(null);
  if (id !== savedOnScreen()) return undefined;
  const next = ((await listDesigns()) ?? []).find((d) => d.id !== id);
  if (next && (await showSaved(next.id, 'replace'))) return undefined;
  await createDesign('replace');
  return undefined;
}

/** Opens a saved design from the list. */
export async function switchTo(id: string): Promise<void> {
  if (id === savedOnScreen()) return;
  await autosave.flush();
  await showSaved(id);
}

/** Saves `design` (over `revision` only, when given); remembers the revision it now has. */
async function write(design: DesignToSave, revision?: number): Promise<true | false | 'conflict'> {
  try {
    knownRevisions.set(design.id, await withLibrary((library) => library.save(design, revision), 'write'));
    return true;
  } catch (e) {
    return e instanceof ConflictError ? 'conflict' : false; // a storage failure is shown as the storage warning
  }
}

/** Downloads the design on screen as a design file (what Export → JSON does), to keep it safe. */
export async function downloadDesign(): Promise<void> {
  const doc = useDesignStore.getState().doc;
  if (!doc) return;
  const ex = await import('../../export/index.ts');
  download(`${ex.fileSlugOf(doc.name) || 'design'}.sagaboard.json`, ex.toJson(doc), 'application/json');
}

/**
 * Downloads a damaged saved design exactly as it is stored: its design (an object written as
 * JSON, or its text as it is), or the whole record when there is no design in it.
 */
export async function downloadDamaged(damaged: DamagedDesign): Promise<void> {
  const doc = typeof damaged.raw === 'object' && damaged.raw !== null ? (damaged.raw as { doc?: unknown }).doc : undefined;
  const content = typeof doc === 'string' ? doc : stringify(doc ?? damaged.raw);
  const ex = await import('../../export/index.ts');
  download(`${ex.fileSlugOf(damaged.name ?? '') || damaged.id}.damaged.sagaboard.json`, content, 'application/json');
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A saved design that can be read, or a sentence saying why this one cannot be `verb`. */
async function readReadable(id: string, verb: string): Promise<(StoredDesign & { revision: number }) | string> {
  let read;
  try {
    read = await withLibrary((library) => library.read(id), 'read');
  } catch {
    return `The design could not be ${verb}: storage is not available.`;
  }
  if (read === undefined) return `The design could not be ${verb}: it is no longer saved in this browser.`;
  if (!read.ok) return `This design is damaged and cannot be ${verb}: ${read.message}.`;
  return read.design;
}
