/** The routing-only handles a node's connections use (see ROUTING_HANDLES), and no others. */
import { useEffect, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals, type HandleType } from '@xyflow/react';
import { ROUTING_HANDLES, type RoutingHandle } from '../adapter.ts';

const PLACE: Readonly<Record<RoutingHandle, { type: HandleType; position: Position }>> = {
  'in-top': { type: 'target', position: Position.Top },
  'in-bottom': { type: 'target', position: Position.Bottom },
  'out-top': { type: 'source', position: Position.Top },
  'out-bottom': { type: 'source', position: Position.Bottom },
};

/** `used`: SagaNodeData.routingHandles. */
export function RoutingHandles({ nodeId, used }: { nodeId: string; used: string }) {
  useRemeasureOnChange(nodeId, used);
  const ids = used.split(' ');
  return ROUTING_HANDLES.filter((h) => ids.includes(h)).map((h) => (
    <Handle key={h} id={h} type={PLACE[h].type} position={PLACE[h].position} isConnectable={false} className="sb-handle" />
  ));
}

/**
 * React Flow measures a node's handles when it first draws the node; a handle added later is
 * unknown to it (and connections using it are not drawn) until the node is measured again.
 */
function useRemeasureOnChange(nodeId: string, used: string): void {
  const updateNodeInternals = useUpdateNodeInternals();
  // The set the node was last measured with: the first draw measures itself, so no call on mount
  // (which would mean a thousand extra measurements when a big design opens).
  const measured = useRef(used);
  useEffect(() => {
    if (measured.current === used) return;
    measured.current = used;
    remeasureSoon(nodeId, updateNodeInternals);
  }, [nodeId, used, updateNodeInternals]);
}

const waiting = new Set<string>();

/**
 * One measurement for every node whose handles changed in the same commit: each call of React
 * Flow's updateNodeInternals reads the layout and updates its store once, so a tidy up that
 * changes the handles of a hundred nodes would otherwise pay a hundred times (bench/layout).
 */
function remeasureSoon(nodeId: string, updateNodeInternals: (ids: string[]) => void): void {
  if (waiting.size === 0) {
    queueMicrotask(() => {
      const ids = [...waiting];
      waiting.clear();
      updateNodeInternals(ids);
    });
  }
  waiting.add(nodeId);
}
