/**
 * Layered layout of a design with elkjs: the flow reads from the triggers to the terminal
 * events; compensation links do not take part in layering, so they never tangle the main path.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { edgeMeaning, type Position, type SagaDocument } from '../model/index.ts';
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
    },
    children: doc.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? nodeSize(n.name, n.kind)) })),
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
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
