/**
 * One connection, drawn by meaning: colour, line style, arrowhead and an optional label. Drawn by
 * ConnectionLayer, into its one SVG, from the two nodes' boxes as drawn now (floating: the ends
 * follow the nodes' boxes, not React Flow's handles, which are for drawing new connections).
 * The element keeps React Flow's class names and roles, so its styles, focus ring and the
 * screen-reader description apply as to any React Flow edge.
 */
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { FlowEdge } from '../adapter.ts';
import { EDGE_LINE, edgeStroke, lineClass, markerId } from './edgeLook.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { laneDashOffset, routeConnection } from './routes.ts';
import type { Box, Shape } from './geometry.ts';
import type { ConnectionPlan } from './plan.ts';

/** Below this room between its ends a label would cover the nodes: a compensation shows its mark only. */
const ROOM_FOR_LABEL = 118;

/** Before the adapter has planned it (never, in practice): left to right. */
const UNPLANNED: ConnectionPlan = { axis: 'x', sourceSide: 'right', targetSide: 'left', sourceOffset: 0, targetOffset: 0 };

/** A node as a connection sees it: its box as drawn now, its outline, and whether it is being dragged. */
export interface DrawnEnd {
  box: Box;
  shape: Shape;
  dragging: boolean;
}

/** What a connection can do besides being drawn: nothing in a diagram to look at only. */
export interface ConnectionEvents {
  /** Selects the connection; `add` keeps the rest of the selection (and toggles this one). */
  select(id: string, add: boolean): void;
  unselect(id: string): void;
  /** The id of React Flow's description of a connection for screen readers. */
  describedBy: string;
}

interface ConnectionProps {
  edge: FlowEdge;
  source: DrawnEnd;
  target: DrawnEnd;
  events: ConnectionEvents | null;
  /** Where the label goes: a group over every connection's line, in the same SVG. */
  labels: SVGGElement | null;
  /** Where a fault badge goes (HTML): React Flow's label layer, above the connections and under the nodes. */
  badges: Element | null;
  /** Lit by a highlight (both ends lit), dimmed (not), or neither (nothing highlighted). */
  lit: boolean | undefined;
  /** While simulating: the faults injected on this connection, in words. */
  faults: string | undefined;
}

const SELECT_KEYS = new Set(['Enter', ' ', 'Escape']);

export const Connection = memo(function Connection({ edge, source, target, events, labels, badges, lit, faults }: ConnectionProps) {
  const { id, data, selected = false } = edge;
  const meaning = data?.meaning ?? 'invalid';
  const family = data?.family ?? 'invalid';
  const route = routeConnection({ source, target, plan: data ?? UNPLANNED, live: source.dragging || target.dragging || data?.live === true, loop: edge.source === edge.target });
  // A line on a lane keeps its dashes in step with the others there: the one inline style a line may have.
  const dashOffset = route.laneStart ? laneDashOffset(route, edgeStroke(meaning, family)['--sb-dash']) : undefined;
  const line = `react-flow__edge-path ${EDGE_LINE} ${lineClass(meaning, family)}`;
  const compact = family === 'compensation' && !route.vertical && !route.laneStart && route.span < ROOM_FOR_LABEL;
  const onClick = events && ((e: MouseEvent) => events.select(id, e.shiftKey || e.metaKey || e.ctrlKey));
  const onKeyDown =
    events &&
    ((e: KeyboardEvent<SVGGElement>) => {
      if (!SELECT_KEYS.has(e.key)) return;
      if (e.key === 'Escape') {
        e.currentTarget.blur();
        events.unselect(id);
      } else events.select(id, false);
    });
  return (
    <g
      className={`react-flow__edge react-flow__edge-message nopan${selected ? ' selected' : ''}${events ? ' selectable' : ' inactive'}`}
      data-id={id}
      data-testid={`rf__edge-${id}`}
      role={events ? 'group' : 'img'}
      aria-roledescription="edge"
      aria-label={edge.ariaLabel}
      aria-describedby={events?.describedBy}
      tabIndex={events ? 0 : undefined}
      onClick={onClick ?? undefined}
      onKeyDown={onKeyDown ?? undefined}
    >
      <path
        d={route.path}
        fill="none"
        className={lit === false ? `${line} sb-edge--dimmed` : line}
        markerEnd={`url(#${markerId(family)})`}
        style={dashOffset === undefined ? undefined : { strokeDashoffset: dashOffset }}
      />
      {events && <path d={route.path} fill="none" strokeOpacity={0} strokeWidth={14} className="react-flow__edge-interaction" />}
      {labels &&
        data?.label &&
        createPortal(
          <EdgeLabel text={data.label} family={family} compact={compact} selected={selected} dimmed={lit === false} x={route.labelX} y={route.labelY} beside={route.vertical} />,
          labels,
        )}
      {badges &&
        faults &&
        createPortal(
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
          </div>,
          badges,
        )}
    </g>
  );
});
