/** Sizes shared by the nodes, edge routing and the layouts. */
export { nodeSize, NODE_HEIGHT } from '../layout/nodeSize.ts';
/** How tall a node may be drawn (a name on two lines): lanes keep clear of this much. */
export const NODE_DRAWN_HEIGHT = 72;
/** How far an edge runs straight out of a handle before it turns. */
export const EDGE_STUB = 20;
