/** One connection, drawn by meaning: colour, line style, arrowhead and an optional label. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { FlowEdge } from '../adapter.ts';
import { EDGE_LINE, edgeStroke, markerId } from './edgeLook.ts';
import { UndoIcon } from '../icons.tsx';
import { laneDashOffset, routeEdge } from './routes.ts';
import { useConnectionHighlighted } from '../../store/highlightStore.ts';
import { useFaultsOn } from '../../store/simulationStore.ts';

/** Below this horizontal room a label would cover the nodes: a compensation shows its mark only. */
const ROOM_FOR_LABEL = 118;

export const MessageEdge = memo(function MessageEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected = false } = props;
  const meaning = data?.meaning ?? 'invalid';
  const family = data?.family ?? 'invalid';
  const route = routeEdge({ ...props, laneY: data?.laneY, exitX: data?.exitX, entryX: data?.entryX });
  const lit = useConnectionHighlighted(props.source, props.target);
  // While simulating: the faults injected on this connection, as on a node.
  const faults = useFaultsOn(id);
  const stroke = edgeStroke(meaning, family, selected);
  const dashOffset = laneDashOffset(route, stroke['--sb-dash']);
  const labelPlacement = route.vertical ? 'translate(10px, -50%)' : 'translate(-50%, -50%)';
  const compact = family === 'compensation' && !route.vertical && !route.laneStart && Math.abs(props.targetX - props.sourceX) < ROOM_FOR_LABEL;
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
