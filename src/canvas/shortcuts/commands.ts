/** Editor commands behind the shortcuts (and menus): each applies one operation to the design. */
import { loadFragment } from '../../model/load.ts';
import { copyFragment, duplicateNodes, pasteFragment, removeElements } from '../../model/operations.ts';
import { tooBigToDraw } from '../../persistence/canvasLimits.ts';
import { NOTHING_SELECTED, useDesignStore } from '../../store/designStore.ts';

const store = () => useDesignStore.getState();

export function deleteSelection(): void {
  const { selection, apply, select } = store();
  if (selection.nodes.length === 0 && selection.edges.length === 0) return;
  apply((d) => removeElements(d, selection.nodes, selection.edges));
  select(NOTHING_SELECTED);
}

export function selectAll(): void {
  const { doc, select } = store();
  if (doc) select({ nodes: doc.nodes.map((n) => n.id), edges: doc.edges.map((e) => e.id) });
}

export function duplicateSelection(): void {
  const { doc, selection, apply, select } = store();
  if (!doc || selection.nodes.length === 0) return;
  const result = duplicateNodes(doc, selection.nodes);
  apply(() => result.doc);
  select({ nodes: result.ids, edges: [] });
}

/** The selection as clipboard text, or undefined when nothing is selected. */
export function selectionAsText(): string | undefined {
  const { doc, selection } = store();
  if (!doc || selection.nodes.length === 0) return undefined;
  return JSON.stringify(copyFragment(doc, selection.nodes), null, 2);
}

/** Pastes clipboard text: a copied selection or a whole design. Anything else is refused with a hint. */
export function pasteText(text: string): void {
  const { doc, apply, select, showHint } = store();
  if (!doc) return;
  const loaded = loadFragment(text);
  if (!loaded.ok) {
    showHint(`Nothing pasted: ${loaded.error.message}.`);
    return;
  }
  // Pasting into the design it was copied from: beside the originals, not on top of them.
  const here = new Set(doc.nodes.map((n) => n.id));
  const beside = loaded.fragment.nodes.some((n) => here.has(n.id));
  const result = pasteFragment(doc, loaded.fragment, beside ? { x: 48, y: 48 } : { x: 0, y: 0 });
  const tooBig = tooBigToDraw(result.doc);
  if (tooBig) {
    showHint(`Nothing pasted: with it, ${tooBig}.`);
    return;
  }
  apply(() => result.doc);
  select({ nodes: result.ids, edges: [] });
}
