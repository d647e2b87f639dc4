/**
 * Layered layout of a design with elkjs: the flow reads from the triggers to the terminal
 * events; compensation links do not take part in layering, so they never tangle the main path.
 * A group's nodes (spec §1.2a) are laid out together inside a box of their own, with room for the
 * frame around them, so a tidied group still reads as one and its frame covers no other node.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { edgeMeaning, type Position, type SagaDocument } from '../model/index.ts';
import { FRAME_LABEL, FRAME_MARGIN } from './annotations.ts';
import { nodeSize, type Size } from './nodeSize.ts';

export type Direction = 'RIGHT' | 'DOWN';

/** Designs above this many nodes get elkjs's faster options. */
export const LARGE_DESIGN = 60;

/** Computes a position for every node. `sizes` gives rendered sizes where known; `wrap` folds long chains into rows. */
export async function layoutDesign(
  doc: SagaDocument,
  { direction = 'RIGHT', sizes = new Map<string, Size>(), wrap = false }: { direction?: Direction; sizes?: ReadonlyMap<string, Size>; wrap?: boolean } = {},
): Promise<Map<string, Position>> {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const child = (id: string): ElkNode => {
    const n = byId.get(id)!;
    return { id, ...(sizes.get(id) ?? nodeSize(n.name, n.kind)) };
  };
  const groups = (doc.groups ?? []).map((g) => ({ id: g.id, nodes: g.nodes.filter((id) => ids.has(id)) })).filter((g) => g.nodes.length > 0);
  const grouped = new Set(groups.flatMap((g) => g.nodes));
  // Measured (bench/layout): above a few dozen nodes, network-simplex placement and thorough
  // crossing minimisation cost seconds; simple placement with polyline routing (the canvas draws
  // its own edges) is several times faster.
  const large = doc.nodes.length > LARGE_DESIGN;
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '36',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'NETWORK_SIMPLEX',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.thoroughness': large ? '1' : '7',
      'elk.separateConnectedComponents': 'true',
      ...(large ? { 'elk.edgeRouting': 'POLYLINE' } : {}),
      // Long chains can wrap into several rows instead of one very wide band.
      ...(wrap ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': '1.6' } : {}),
      // Groups are boxes with nodes inside: connections into them are laid out with the whole.
      ...(groups.length > 0 ? { 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' } : {}),
    },
    children: [
      ...groups.map(
        (g): ElkNode => ({
          id: g.id,
          // Room for the frame (its margin, and its name on the top edge) and some air outside it.
          layoutOptions: { 'elk.padding': `[top=${FRAME_MARGIN + FRAME_LABEL.height / 2},left=${FRAME_MARGIN},bottom=${FRAME_MARGIN},right=${FRAME_MARGIN}]` },
          children: g.nodes.map(child),
        }),
      ),
      ...doc.nodes.filter((n) => !grouped.has(n.id)).map((n) => child(n.id)),
    ],
    edges: doc.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => {
        const compensation = edgeMeaning(kinds.get(e.source)!, kinds.get(e.target)!) === 'compensatedBy';
        return {
          id: e.id,
          sources: [e.source],
          targets: [e.target],
          ...(compensation ? { layoutOptions: { 'elk.layered.priority.direction': '0', 'elk.layered.layering.layerConstraint': 'NONE' } } : {}),
        };
      }),
  };
  const result = await new ELK().layout(graph);
  const positions = new Map<string, Position>();
  const place = (nodes: readonly ElkNode[], dx: number, dy: number) => {
    for (const n of nodes) {
      const x = dx + (n.x ?? 0);
      const y = dy + (n.y ?? 0);
      // A group's box is not a node: its children's positions are relative to it.
      if (n.children?.length) place(n.children, x, y);
      else if (ids.has(n.id)) positions.set(n.id, { x: Math.round(x), y: Math.round(y) });
    }
  };
  place(result.children ?? [], 0, 0);
  return positions;
}
