/**
 * The app's state: the design on screen, where it came from, a load that failed, the selection
 * and what is being edited. The validation is not stored: it is derived from the document (see
 * validation.ts). Every change of the document goes through `apply`, with a name and a history
 * policy (history.ts); selection, viewport and loading state never enter the history.
 *
 * A live board's design lives in a shared document (collab/): the store shows its projection,
 * sends each change there, and its undo and redo are that person's own (`SharedDesignBackend`).
 */
import { create } from 'zustand';
import type { SagaDocument } from '../model/index.ts';
import type { Viewport } from '../persistence/design-library.ts';
import type { ExampleId } from '../persistence/examples.ts';
import { LocalHistory, type Step, type StepMeta } from './history.ts';

export type { HistoryPolicy, StepMeta } from './history.ts';

/**
 * Where a design was opened from. Examples and files are shown as they are; only saved designs
 * (in this browser's library) are written back, so the first edit of another turns it into one.
 */
export type DesignSource =
  | { kind: 'example'; id: ExampleId }
  | { kind: 'file'; url: string }
  | { kind: 'saved'; id: string }
  /** A design carried by a share link (`#share=…`): a read-only preview until copied. */
  | { kind: 'shared'; fragment: string }
  /** A live board (`?live=<room>`), to edit or, with a view link, to watch. */
  | { kind: 'live'; room: string; access: 'edit' | 'view' };

/** True when the design from `source` cannot be changed here: a share link's preview, a live board opened to view. */
export function isReadOnlySource(source: DesignSource | null): boolean {
  return source?.kind === 'shared' || (source?.kind === 'live' && source.access === 'view');
}

/**
 * The shared document of a live board, as the store uses it: every change is written there (and
 * comes back as `sharedChanged`), and undo and redo take back this person's changes only.
 */
export interface SharedDesignBackend {
  /** Writes the change from `before` to `after`; `continuing` is a step of `lastStep()` to continue. */
  commit(before: SagaDocument, after: SagaDocument, meta: StepMeta, continuing: unknown): void;
  undo(): void;
  redo(): void;
  /** This person's last step, while it is the last one they made. */
  lastStep(): unknown;
  undoLabel(): string | null;
  redoLabel(): string | null;
}

export interface Selection {
  /** What is selected on the canvas besides connections: nodes, notes and groups (their ids share one space). */
  nodes: readonly string[];
  edges: readonly string[];
}

/** A design that could not be opened; the previous design stays on screen. */
export interface LoadProblem {
  /** What could not be opened: `example “Checkout fan-out”`, `file “/x.sagaboard.json”`. */
  what: string;
  /** Why, in one sentence. */
  message: string;
}

export interface DesignState {
  doc: SagaDocument | null;
  source: DesignSource | null;
  /** Counts opened designs (not edits), so the canvas can frame each new design once. */
  openCount: number;
  /** Where the view of the opened design was left, to restore instead of framing it. */
  openedViewport: Viewport | null;
  /** The design being downloaded, if any. */
  pending: DesignSource | null;
  loadProblem: LoadProblem | null;
  selection: Selection;
  /** The node or group whose name, or the note whose text, is being typed on the canvas, if any. */
  renaming: string | null;
  /** A short message about the last thing the canvas refused (e.g. a forbidden connection). */
  hint: Hint | null;
  /** The live board's shared document, when the design on screen is one. */
  shared: SharedDesignBackend | null;
  /** What undo and redo would take back or do again, in words; null when there is nothing. */
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface Hint {
  message: string;
  /** Increases with each hint, so the same message shown twice is noticed. */
  seq: number;
}

/** A user intent on the document: a pure function from one document to the next (see model/operations.ts). */
export type Operation = (doc: SagaDocument) => SagaDocument;

export interface DesignActions {
  startLoading(source: DesignSource): void;
  /** Shows a freshly opened design; clears the selection and any load problem. */
  showDesign(doc: SagaDocument, source: DesignSource, viewport?: Viewport): void;
  /**
   * Shows a live board: its design as the shared document holds it now, and from now on every
   * change goes there (`backend`). Opening is not an edit.
   */
  showSharedDesign(doc: SagaDocument, source: Extract<DesignSource, { kind: 'live' }>, backend: SharedDesignBackend, viewport?: Viewport): void;
  /** The shared document changed (someone's edit, an undo, a reconnection): shows its design as it is now. */
  sharedChanged(doc: SagaDocument): void;
  /** The design on screen now lives at `source` (an example saved as a copy); its history goes on. */
  adoptSource(source: DesignSource): void;
  /**
   * Shows another version of the design on screen (saved by another tab), keeping the view and
   * what is still selected. Not an edit: the undo history starts again from it.
   */
  replaceDocument(doc: SagaDocument): void;
  /** Records why something could not be opened; keeps the current design. */
  failLoading(problem: LoadProblem): void;
  dismissLoadProblem(): void;
  select(selection: Selection): void;
  /** Applies selection changes reported by the canvas for nodes or for edges. */
  updateSelection(kind: keyof Selection, changes: readonly { id: string; selected: boolean }[]): void;
  /**
   * The one place a user intent changes the document (actions/perform.ts names them): the change
   * enters the history as `step` says (one step of its own unless told otherwise). Nothing happens
   * on a design that cannot be changed here, or when the operation changes nothing.
   */
  apply(operation: Operation, step?: Partial<StepMeta>): void;
  /**
   * Runs `changes` so that what they apply continues `step` (the squash policy) when it is still
   * the last step made here, instead of starting one: the next keystrokes of one field edit
   * (typing.ts), the next slice of a tidy up. Otherwise they make a step of their own.
   */
  continueStep(step: unknown, changes: () => void): void;
  startRenaming(nodeId: string | null): void;
  showHint(message: string | null): void;
}

export const NOTHING_SELECTED: Selection = { nodes: [], edges: [] };

/** The history of a design kept in this browser (a live board's is its backend's). */
const local = new LocalHistory();
/** The step the changes applied now continue (continueStep), if any. */
let continuing: unknown;

export const useDesignStore = create<DesignState & DesignActions>()((set, get) => {
  /** The undo and redo labels as they are now. */
  const labels = (): Pick<DesignState, 'undoLabel' | 'redoLabel'> => {
    const { shared } = get();
    return shared ? { undoLabel: shared.undoLabel(), redoLabel: shared.redoLabel() } : { undoLabel: local.undoLabel, redoLabel: local.redoLabel };
  };
  /** What is still there of the selection and of the name being typed, in `doc`. */
  const stillThere = (doc: SagaDocument): Pick<DesignState, 'selection' | 'renaming'> => {
    // Notes and group frames are selected like nodes (one id space, spec §1.2a).
    const nodes = new Set([...doc.nodes.map((n) => n.id), ...(doc.notes ?? []).map((n) => n.id), ...(doc.groups ?? []).map((g) => g.id)]);
    const edges = new Set(doc.edges.map((e) => e.id));
    const { selection, renaming } = get();
    const kept = { nodes: selection.nodes.filter((id) => nodes.has(id)), edges: selection.edges.filter((id) => edges.has(id)) };
    return { selection: sameSelection(kept, selection) ? selection : kept, renaming: renaming !== null && nodes.has(renaming) ? renaming : null };
  };
  return {
    doc: null,
    source: null,
    openCount: 0,
    openedViewport: null,
    pending: null,
    loadProblem: null,
    selection: NOTHING_SELECTED,
    renaming: null,
    hint: null,
    shared: null,
    undoLabel: null,
    redoLabel: null,

    startLoading: (source) => set({ pending: source }),
    showDesign: (doc, source, viewport) => {
      // Opening a design is not an edit: it starts a new history.
      local.clear();
      set((s) => ({ doc, source, shared: null, openCount: s.openCount + 1, openedViewport: viewport ?? null, pending: null, loadProblem: null, selection: NOTHING_SELECTED, renaming: null, undoLabel: null, redoLabel: null }));
    },
    showSharedDesign: (doc, source, backend, viewport) => {
      local.clear();
      set((s) => ({ doc, source, shared: backend, openCount: s.openCount + 1, openedViewport: viewport ?? null, pending: null, loadProblem: null, selection: NOTHING_SELECTED, renaming: null }));
      set(labels());
    },
    sharedChanged: (doc) => {
      if (get().shared === null) return;
      set({ ...(doc !== get().doc && { doc, ...stillThere(doc) }), ...labels() });
    },
    adoptSource: (source) => set({ source }),
    replaceDocument: (doc) => {
      local.clear();
      set({ doc, ...stillThere(doc), undoLabel: null, redoLabel: null });
    },
    failLoading: (loadProblem) => set({ pending: null, loadProblem }),
    dismissLoadProblem: () => set({ loadProblem: null }),
    select: (selection) => {
      if (!sameSelection(get().selection, selection)) set({ selection });
    },
    updateSelection: (kind, changes) => {
      const current = get().selection;
      const ids = new Set(current[kind]);
      for (const c of changes) {
        if (c.selected) ids.add(c.id);
        else ids.delete(c.id);
      }
      get().select({ ...current, [kind]: [...ids] });
    },
    apply: (operation, step) => {
      const { doc, source, shared } = get();
      // A shared design is a read-only preview (editing starts from a copy); a view link only watches.
      if (!doc || isReadOnlySource(source)) return;
      const next = operation(doc);
      if (next === doc) return;
      const meta: StepMeta = { label: step?.label ?? 'edit', history: step?.history ?? 'record' };
      const into = continuing ?? (meta.history === 'squash' ? lastStep() : undefined);
      if (shared) {
        // The shared document's projection comes back through sharedChanged, at once.
        shared.commit(doc, next, meta, into);
        return;
      }
      if (meta.history !== 'ignore') local.add(doc, next, meta.label, into as Step | undefined);
      set({ doc: next, ...labels() });
    },
    continueStep: (step, changes) => {
      const outer = continuing;
      continuing = step;
      try {
        changes();
      } finally {
        continuing = outer;
      }
    },
    startRenaming: (renaming) => set({ renaming }),
    showHint: (message) => set((s) => ({ hint: message === null ? null : { message, seq: (s.hint?.seq ?? 0) + 1 } })),
  };
});

/** Undo and redo of document changes: on a live board, this person's own. */
export const undo = (): void => travel('undo');
export const redo = (): void => travel('redo');

function travel(way: 'undo' | 'redo'): void {
  const { shared, doc } = useDesignStore.getState();
  if (shared) return shared[way]();
  const next = local[way]();
  if (next === undefined) return;
  useDesignStore.setState({ ...(next !== doc && { doc: next }), undoLabel: local.undoLabel, redoLabel: local.redoLabel });
}

/** The last undo step made here, while it is the last change of the document made here; undefined otherwise. */
export function lastStep(): unknown {
  const { shared, doc } = useDesignStore.getState();
  return shared ? shared.lastStep() : local.last(doc);
}

/** The steps of the history kept in this browser, oldest first, and the redo steps, next first (for tests). */
export function localHistory(): { past: readonly Step[]; future: readonly Step[] } {
  return { past: local.past, future: local.future };
}

function sameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((id) => y.includes(id));
  return same(a.nodes, b.nodes) && same(a.edges, b.edges);
}

/** True when both sources name the same example, file or saved design. */
export function sameSource(a: DesignSource | null, b: DesignSource | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.kind) {
    case 'example':
      return b.kind === 'example' && a.id === b.id;
    case 'file':
      return b.kind === 'file' && a.url === b.url;
    case 'saved':
      return b.kind === 'saved' && a.id === b.id;
    case 'shared':
      return b.kind === 'shared' && a.fragment === b.fragment;
    case 'live':
      return b.kind === 'live' && a.room === b.room && a.access === b.access;
  }
}
