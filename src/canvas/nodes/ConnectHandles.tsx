/**
 * The two handles a connection is drawn from by hand (in on the left, out on the right), present
 * only while the pointer is over the node or the node is selected. A design of thousands of nodes
 * would otherwise hold thousands of handles, each watching React Flow's store on every frame of a
 * pan and each a piece of its own to composite. Dropping a connection anywhere on a node connects
 * to it (useCanvasEditing), so other nodes need no handle; the node under the pointer shows its own.
 * React Flow learns where a handle is when it measures the node: it is measured again as soon
 * as the handles appear.
 */
import { useLayoutEffect } from 'react';
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';

export function ConnectHandles({ nodeId }: { nodeId: string }) {
  const updateNodeInternals = useUpdateNodeInternals();
  useLayoutEffect(() => updateNodeInternals(nodeId), [nodeId, updateNodeInternals]);
  return (
    <>
      <Handle type="target" position={Position.Left} id="in" isConnectable className="sb-handle" />
      <Handle type="source" position={Position.Right} id="out" isConnectable className="sb-handle" />
    </>
  );
}
