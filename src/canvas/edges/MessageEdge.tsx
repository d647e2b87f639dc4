/** One connection, drawn by meaning: colour, line style, arrowhead and an optional label. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../adapter.ts';
import { EDGE_LINE, edgeStroke, markerId } from './edgeLook.ts';
import { UndoIcon } from '../icons.tsx';
import { laneDashOffset, routeConnection } from './routes.ts';
import type { Box, Shape } from './geometry.ts';
import type { ConnectionPlan } from './plan.ts';
import { useConnectionHighlighted } from '../../store/highlightStore.ts';
import { useFaultsOn } from '../../store/simulationStore.ts';

/** Below this room between its ends a label would cover the nodes: a compensation shows its mark only. */
const ROOM_FOR_LABEL = 118;

/** Before the adapter has planned it (never, in practice): left to right. */
const UNPLANNED: ConnectionPlan = { axis: 'x', sourceSide: 'right', targetSide: 'left', sourceOffset: 0, targetOffset: 0 };

const SHAPE: Readonly<Record<string, Shape>> = { event: 'round', actor: 'round', command: 'tag', orchestrator: 'ring' };

function drawn(node: InternalNode<FlowNode>): { box: Box; shape: Shape } {
  const { x, y } = node.internals.positionAbsolute;
  return { box: { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? 0 }, shape: SHAPE[node.type ?? ''] ?? 'box' };
}

export const MessageEdge = memo(function MessageEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected = false } = props;
  const meaning = data?.meaning ?? 'invalid';
  const family = data?.family ?? 'invalid';
  // Floating: the ends follow the nodes' boxes, not React Flow's handles (which are for drawing new connections).
  const sourceNode = useInternalNode<FlowNode>(props.source);
  const targetNode = useInternalNode<FlowNode>(props.target);
  const lit = useConnectionHighlighted(props.source, props.target);
  // While simulating: the faults injected on this connection, as on a node.
  const faults = useFaultsOn(id);
  if (!sourceNode || !targetNode) return null;
  const route = routeConnection({
    source: drawn(sourceNode),
    target: drawn(targetNode),
    plan: data ?? UNPLANNED,
    live: sourceNode.dragging === true || targetNode.dragging === true,
    loop: props.source === props.target,
  });
  const stroke = edgeStroke(meaning, family, selected);
  const dashOffset = laneDashOffset(route, stroke['--sb-dash']);
  const labelPlacement = route.vertical ? 'translate(10px, -50%)' : 'translate(-50%, -50%)';
  const compact = family === 'compensation' && !route.vertical && !route.laneStart && route.span < ROOM_FOR_LABEL;
  return (
    <>
      <BaseEdge
        id={id}
        path={route.path}
        className={lit === false ? `${EDGE_LINE} sb-edge--dimmed` : EDGE_LINE}
        markerEnd={`url(#${markerId(family)})`}
        style={dashOffset === undefined ? stroke : { ...stroke, strokeDashoffset: dashOffset }}
        interactionWidth={14}
      />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`sb-edge-label sb-edge-label--${family}${compact ? ' sb-edge-label--compact' : ''}${selected ? ' sb-edge-label--selected' : ''}${lit === false ? ' sb-edge-label--dimmed' : ''}`}
            style={{ transform: `translate(${route.labelX}px, ${route.labelY}px) ${labelPlacement}` }}
            title={compact ? data.label : undefined}
          >
            {compact && <UndoIcon size={11} />}
            <span className={compact ? 'sb-visually-hidden' : undefined}>{data.label}</span>
          </div>
        </EdgeLabelRenderer>
      )}
      {faults && (
        <EdgeLabelRenderer>
          <div
            className="sb-sim-fault sb-sim-fault--edge"
            data-testid="fault-badge"
            data-edge={id}
            // Below the label when there is one, else on the line.
            style={{ transform: `translate(${route.labelX}px, ${route.labelY}px) translate(-50%, ${data?.label ? '70%' : '-50%'})` }}
            title={`Injected: ${faults}`}
          >
            <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M7 1 2.5 7H6l-1 4 4.5-6H6z" fill="currentColor" />
            </svg>
            <span className="sb-visually-hidden">Fault injected: </span>
            {faults}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { message: MessageEdge };
