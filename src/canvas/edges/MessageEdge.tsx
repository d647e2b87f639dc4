/** One connection, drawn by meaning: colour, line style, arrowhead and an optional label. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { FlowEdge } from '../adapter.ts';
import { EDGE_LINE, edgeStroke, markerId } from './edgeLook.ts';
import { UndoIcon } from '../icons.tsx';
import { laneDashOffset, routeEdge } from './routes.ts';
import { useConnectionHighlighted } from '../../store/highlightStore.ts';

/** Below this horizontal room a label would cover the nodes: a compensation shows its mark only. */
const ROOM_FOR_LABEL = 118;

export const MessageEdge = memo(function MessageEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected = false } = props;
  const meaning = data?.meaning ?? 'invalid';
  const family = data?.family ?? 'invalid';
  const route = routeEdge({ ...props, laneY: data?.laneY, exitX: data?.exitX, entryX: data?.entryX });
  const lit = useConnectionHighlighted(props.source, props.target);
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
    </>
  );
});

export const edgeTypes = { message: MessageEdge };
