/**
 * The app's state: the design on screen, where it came from, a load that failed, and the
 * selection. The validation is not stored: it is derived from the document (see validation.ts).
 */
import { create } from 'zustand';
import type { SagaDocument } from '../model/index.ts';
import type { ExampleId } from '../persistence/examples.ts';

/** Where a design was opened from. */
export type DesignSource = { kind: 'example'; id: ExampleId } | { kind: 'file'; url: string };

export interface Selection {
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
  /** The design being downloaded, if any. */
  pending: DesignSource | null;
  loadProblem: LoadProblem | null;
  selection: Selection;
}

export interface DesignActions {
  startLoading(source: DesignSource): void;
  /** Shows a freshly opened design; clears the selection and any load problem. */
  showDesign(doc: SagaDocument, source: DesignSource): void;
  /** Records why something could not be opened; keeps the current design. */
  failLoading(problem: LoadProblem): void;
  dismissLoadProblem(): void;
  select(selection: Selection): void;
  /** Applies selection changes reported by the canvas for nodes or for edges. */
  updateSelection(kind: keyof Selection, changes: readonly { id: string; selected: boolean }[]): void;
}

export const NOTHING_SELECTED: Selection = { nodes: [], edges: [] };

export const useDesignStore = create<DesignState & DesignActions>()((set, get) => ({
  doc: null,
  source: null,
  openCount: 0,
  pending: null,
  loadProblem: null,
  selection: NOTHING_SELECTED,

  startLoading: (source) => set({ pending: source }),
  showDesign: (doc, source) =>
    set((s) => ({ doc, source, openCount: s.openCount + 1, pending: null, loadProblem: null, selection: NOTHING_SELECTED })),
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
}));

function sameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((id) => y.includes(id));
  return same(a.nodes, b.nodes) && same(a.edges, b.edges);
}

/** True when both sources name the same example or file. */
export function sameSource(a: DesignSource | null, b: DesignSource | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === 'example' ? b.kind === 'example' && a.id === b.id : b.kind === 'file' && a.url === b.url;
}
