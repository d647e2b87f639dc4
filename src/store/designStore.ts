/**
 * The app's state: the design on screen, where it came from, a load that failed, the selection
 * and what is being edited. The validation is not stored: it is derived from the document (see
 * validation.ts). Only the document enters the undo history (zundo); selection, viewport and
 * loading state never do.
 */
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { SagaDocument } from '../model/index.ts';
import type { Viewport } from '../persistence/design-library.ts';
import type { ExampleId } from '../persistence/examples.ts';

/**
 * Where a design was opened from. Examples and files are shown as they are; only saved designs
 * (in this browser's library) are written back, so the first edit of another turns it into one.
 */
export type DesignSource =
  | { kind: 'example'; id: ExampleId }
  | { kind: 'file'; url: string }
  | { kind: 'saved'; id: string }
  /** A design carried by a share link (`#share=…`): a read-only preview until copied. */
  | { kind: 'shared'; fragment: string };

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
  /** Applies one user intent to the document: one undo step. */
  apply(operation: Operation): void;
  /**
   * Runs changes to the document that continue the last undo step instead of starting one (the
   * next keystrokes of one field edit, see typing.ts): undo goes back to before the whole edit.
   */
  continueStep(changes: () => void): void;
  /**
   * Applies one user intent in several commits, waiting for `between` after each, so that no
   * single commit redraws a whole big design: still one undo step. Stops if another design opens.
   */
  applyInSteps(operations: readonly Operation[], between: () => Promise<void>): Promise<void>;
  startRenaming(nodeId: string | null): void;
  showHint(message: string | null): void;
}

/** Undo steps kept. */
const HISTORY_LIMIT = 500;

export const NOTHING_SELECTED: Selection = { nodes: [], edges: [] };

export const useDesignStore = create<DesignState & DesignActions>()(
  temporal(
    (set, get) => ({
  doc: null,
  source: null,
  openCount: 0,
  openedViewport: null,
  pending: null,
  loadProblem: null,
  selection: NOTHING_SELECTED,
  renaming: null,
  hint: null,

  startLoading: (source) => set({ pending: source }),
  showDesign: (doc, source, viewport) => {
    // Opening a design is not an edit: it starts a new history.
    const history = useDesignStore.temporal.getState();
    history.pause();
    set((s) => ({ doc, source, openCount: s.openCount + 1, openedViewport: viewport ?? null, pending: null, loadProblem: null, selection: NOTHING_SELECTED, renaming: null }));
    history.resume();
    history.clear();
  },
  adoptSource: (source) => set({ source }),
  replaceDocument: (doc) => {
    const history = useDesignStore.temporal.getState();
    // Notes and group frames are selected like nodes (one id space, spec §1.2a).
    const nodes = new Set([...doc.nodes.map((n) => n.id), ...(doc.notes ?? []).map((n) => n.id), ...(doc.groups ?? []).map((g) => g.id)]);
    const edges = new Set(doc.edges.map((e) => e.id));
    const { selection, renaming } = get();
    history.pause();
    set({ doc, renaming: renaming !== null && nodes.has(renaming) ? renaming : null, selection: { nodes: selection.nodes.filter((id) => nodes.has(id)), edges: selection.edges.filter((id) => edges.has(id)) } });
    history.resume();
    history.clear();
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
  apply: (operation) => {
    const doc = get().doc;
    // A shared design is a read-only preview: editing starts from a copy.
    if (!doc || get().source?.kind === 'shared') return;
    const next = operation(doc);
    if (next !== doc) set({ doc: next });
  },
  continueStep: (changes) => {
    const history = useDesignStore.temporal.getState();
    history.pause();
    try {
      changes();
    } finally {
      history.resume();
    }
  },
  applyInSteps: async (operations, between) => {
    const { doc: before, openCount, source } = get();
    if (!before || source?.kind === 'shared') return;
    const history = useDesignStore.temporal.getState();
    const stillOpen = () => get().openCount === openCount && get().doc !== null;
    history.pause();
    try {
      for (const [i, operation] of operations.entries()) {
        if (i > 0) await between();
        if (!stillOpen()) return;
        const doc = get().doc!;
        const next = operation(doc);
        if (next !== doc) set({ doc: next });
      }
    } finally {
      history.resume();
    }
    // The whole as one step back to the document before the first commit.
    if (stillOpen() && get().doc !== before) {
      useDesignStore.temporal.setState((t) => ({ pastStates: [...t.pastStates, { doc: before }].slice(-HISTORY_LIMIT), futureStates: [] }));
    }
  },
  startRenaming: (renaming) => set({ renaming }),
  showHint: (message) => set((s) => ({ hint: message === null ? null : { message, seq: (s.hint?.seq ?? 0) + 1 } })),
    }),
    {
      partialize: (s) => ({ doc: s.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: HISTORY_LIMIT,
    },
  ),
);

/** Undo and redo of document changes. */
export const undo = () => useDesignStore.temporal.getState().undo();
export const redo = () => useDesignStore.temporal.getState().redo();

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
  }
}
