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
  | { what: 'several'; nodes: string[]; edges: string[] };

/** What the inspector shows for a selection; ids no longer in the design (after an undo) are ignored. */
export function inspectedOf(doc: SagaDocument | null, selection: Selection): Inspected {
  if (!doc) return { what: 'none' };
  const g = graphOf(doc);
  const nodes = selection.nodes.filter((id) => g.node.has(id));
  const edges = selection.edges.length > 0 ? selection.edges.filter((id) => edgeIdsOf(doc).has(id)) : [];
  if (nodes.length + edges.length === 0) return { what: 'design' };
  if (nodes.length === 1 && edges.length === 0) return { what: 'node', id: nodes[0]! };
  if (edges.length === 1 && nodes.length === 0) return { what: 'edge', id: edges[0]! };
  return { what: 'several', nodes, edges };
}

/** A flat list of strings: compared shallowly, the inspector re-renders only when what it shows changes. */
export const inspectedKey = (i: Inspected): string[] => (i.what === 'several' ? ['several', String(i.nodes.length), ...i.nodes, ...i.edges] : 'id' in i ? [i.what, i.id] : [i.what]);

export function fromInspectedKey([what, ...rest]: readonly string[]): Inspected {
  switch (what) {
    case 'node':
    case 'edge':
      return { what, id: rest[0]! };
    case 'several': {
      const n = Number(rest[0]);
      return { what, nodes: rest.slice(1, 1 + n), edges: rest.slice(1 + n) };
    }
    case 'design':
      return { what };
    default:
      return { what: 'none' };
  }
}
