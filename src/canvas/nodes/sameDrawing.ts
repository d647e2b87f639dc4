/** When a node component re-renders: only when what it draws changes. */
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../adapter.ts';

/**
 * memo() comparison for the node components: they draw only their id, data, whether they can
 * be connected and whether they are selected (a selected node shows its handles). React Flow also
 * passes position, size and drag state, which change on every frame of a drag; its own wrapper
 * moves the node, so the node itself need not re-render for them.
 */
export function sameDrawing(a: NodeProps<FlowNode>, b: NodeProps<FlowNode>): boolean {
  return a.id === b.id && a.data === b.data && a.isConnectable === b.isConnectable && a.selected === b.selected;
}
