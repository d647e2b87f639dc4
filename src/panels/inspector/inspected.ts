/** What the inspector shows for the current selection. */
import type { SagaDocument } from '../../model/index.ts';
import type { Selection } from '../../store/designStore.ts';
import { graphOf } from './designGraph.ts';

const edgeIds = new WeakMap<SagaDocument, ReadonlySet<string>>();

function edgeIdsOf(doc: SagaDocument): ReadonlySet<string> {
  let ids = edgeIds.get(doc);
  if (!ids) {
    ids = new Set(doc.edges.map((e) => e.id));
    edgeIds.set(doc, ids);
  }
  return ids;
}

export type Inspected =
  | { what: 'none' }
  | { what: 'design' }
  | { what: 'node'; id: string }
  | { what: 'edge'; id: string }
  | { what: 'note'; id: string }
  | { what: 'group'; id: string }
  /** `annotations`: the selected notes and groups, when there are any. */
  | { what: 'several'; nodes: string[]; edges: string[]; annotations?: string[] };

/** What the inspector shows for a selection; ids no longer in the design (after an undo) are ignored. */
export function inspectedOf(doc: SagaDocument | null, selection: Selection): Inspected {
  if (!doc) return { what: 'none' };
  // The design's graph only when something is selected: with nothing selected, an edit (a tidy up's every slice) builds none.
  const nodes = selection.nodes.length > 0 ? selection.nodes.filter((id) => graphOf(doc).node.has(id)) : [];
  const edges = selection.edges.length > 0 ? selection.edges.filter((id) => edgeIdsOf(doc).has(id)) : [];
  const notes = doc.notes?.length ? selection.nodes.filter((id) => doc.notes!.some((n) => n.id === id)) : [];
  const groups = doc.groups?.length ? selection.nodes.filter((id) => doc.groups!.some((gr) => gr.id === id)) : [];
  const annotations = [...notes, ...groups];
  if (nodes.length + edges.length + annotations.length === 0) return { what: 'design' };
  if (nodes.length === 1 && edges.length + annotations.length === 0) return { what: 'node', id: nodes[0]! };
  if (edges.length === 1 && nodes.length + annotations.length === 0) return { what: 'edge', id: edges[0]! };
  if (nodes.length + edges.length === 0 && annotations.length === 1) return notes.length === 1 ? { what: 'note', id: notes[0]! } : { what: 'group', id: groups[0]! };
  return annotations.length > 0 ? { what: 'several', nodes, edges, annotations } : { what: 'several', nodes, edges };
}

/** A flat list of strings: compared shallowly, the inspector re-renders only when what it shows changes. */
export const inspectedKey = (i: Inspected): string[] =>
  i.what === 'several' ? ['several', String(i.nodes.length), String(i.edges.length), ...i.nodes, ...i.edges, ...(i.annotations ?? [])] : 'id' in i ? [i.what, i.id] : [i.what];

export function fromInspectedKey([what, ...rest]: readonly string[]): Inspected {
  switch (what) {
    case 'node':
    case 'edge':
    case 'note':
    case 'group':
      return { what, id: rest[0]! };
    case 'several': {
      const n = Number(rest[0]);
      const e = Number(rest[1]);
      const annotations = rest.slice(2 + n + e);
      const nodes = rest.slice(2, 2 + n);
      const edges = rest.slice(2 + n, 2 + n + e);
      return annotations.length > 0 ? { what, nodes, edges, annotations } : { what, nodes, edges };
    }
    case 'design':
      return { what };
    default:
      return { what: 'none' };
  }
}
