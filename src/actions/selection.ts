/** What the editor does with the selection (keys, the palette, the inspector): each performs one named action. */
import { loadFragment } from '../model/load.ts';
import { copyFragment, duplicateNodes, groupNodes, pasteFragment } from '../model/operations.ts';
import { tooBigToDraw } from '../persistence/canvasLimits.ts';
import { NOTHING_SELECTED, useDesignStore } from '../store/designStore.ts';
import { continueLastStep, nameField } from '../store/typing.ts';
import { perform } from './action.ts';
import * as design from './design.ts';

const store = () => useDesignStore.getState();

export function deleteSelection(): void {
  const { selection, select } = store();
  if (selection.nodes.length === 0 && selection.edges.length === 0) return;
  perform(design.remove, { nodes: selection.nodes, edges: selection.edges });
  select(NOTHING_SELECTED);
}

export function selectAll(): void {
  const { doc, select } = store();
  if (doc) select({ nodes: [...doc.nodes.map((n) => n.id), ...(doc.notes ?? []).map((n) => n.id)], edges: doc.edges.map((e) => e.id) });
}

/** Whether the selection holds something to group: a node, or two groups (to merge). */
export function canGroup(doc: { nodes: readonly { id: string }[]; groups?: readonly { id: string }[] } | null, selected: readonly string[]): boolean {
  if (!doc || selected.length === 0) return false;
  const ids = new Set(selected);
  return doc.nodes.some((n) => ids.has(n.id)) || (doc.groups ?? []).filter((g) => ids.has(g.id)).length >= 2;
}

/**
 * Groups the selected nodes (and the nodes of selected groups, merged into the new one), selects
 * the new group and puts its name up for typing: grouping and naming are one undo step.
 */
export function groupSelection(): void {
  const { doc, selection, select, startRenaming, showHint } = store();
  if (!doc) return;
  const result = groupNodes(doc, selection.nodes);
  if (result.id === undefined) {
    showHint('Select the nodes to group first (Shift+click or drag a box with Shift), then press Ctrl+G.');
    return;
  }
  perform(design.group, { ids: selection.nodes });
  continueLastStep(nameField(result.id));
  select({ nodes: [result.id], edges: [] });
  startRenaming(result.id);
}

/** Removes the selected groups, and the groups of the selected nodes; their nodes stay, selected. */
export function ungroupSelection(): void {
  const { doc, selection, select, showHint } = store();
  if (!doc) return;
  const ids = new Set(selection.nodes);
  const groups = (doc.groups ?? []).filter((g) => ids.has(g.id) || g.nodes.some((id) => ids.has(id)));
  if (groups.length === 0) {
    showHint('Nothing to ungroup: select a group (click its name) or one of its nodes.');
    return;
  }
  perform(design.ungroup, { groups: groups.map((g) => g.id) });
  select({ nodes: groups.flatMap((g) => g.nodes), edges: [] });
}

export function duplicateSelection(): void {
  const { doc, selection, select } = store();
  if (!doc || selection.nodes.length === 0) return;
  const result = duplicateNodes(doc, selection.nodes);
  perform(design.duplicate, { ids: selection.nodes });
  select({ nodes: result.ids, edges: [] });
}

/** The selection as clipboard text, or undefined when nothing is selected. */
export function selectionAsText(): string | undefined {
  const { doc, selection } = store();
  if (!doc || selection.nodes.length === 0) return undefined;
  const fragment = copyFragment(doc, selection.nodes);
  if (fragment.nodes.length === 0 && !fragment.notes) return undefined;
  return JSON.stringify(fragment, null, 2);
}

/** Pastes clipboard text: a copied selection or a whole design. Anything else is refused with a hint. */
export function pasteText(text: string): void {
  const { doc, select, showHint } = store();
  if (!doc) return;
  const loaded = loadFragment(text);
  if (!loaded.ok) {
    showHint(`Nothing pasted: ${loaded.error.message}.`);
    return;
  }
  // Pasting into the design it was copied from: beside the originals, not on top of them.
  const here = new Set([...doc.nodes.map((n) => n.id), ...(doc.notes ?? []).map((n) => n.id)]);
  const beside = [...loaded.fragment.nodes, ...(loaded.fragment.notes ?? [])].some((n) => here.has(n.id));
  const offset = beside ? { x: 48, y: 48 } : { x: 0, y: 0 };
  const result = pasteFragment(doc, loaded.fragment, offset);
  const tooBig = tooBigToDraw(result.doc);
  if (tooBig) {
    showHint(`Nothing pasted: with it, ${tooBig}.`);
    return;
  }
  perform(design.paste, { fragment: loaded.fragment, offset });
  select({ nodes: result.ids, edges: [] });
}
