/** Sizes shared by the nodes, edge routing and the layouts. */
export { nodeSize, NODE_HEIGHT } from '../layout/nodeSize.ts';
/** How far a connection on a lane runs straight out of its node before it turns. */
export const EDGE_STUB = 20;
