/**
 * The overview in the corner: the whole design small, the part in view framed, and a drag or a
 * wheel on it pans and zooms the canvas (React Flow's own minimap behaviour, XYMinimap). Drawn as
 * one path per colour from the nodes as drawn, and redrawn only when they change: a pan moves the
 * frame alone. React Flow's MiniMap drew each node as an element of its own watching the store,
 * and measured every node's bounds on every frame of a pan (2,000 nodes: about 8 ms a frame).
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { getNodeDimensions, XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import type { CanvasNode } from './adapter.ts';
import type { Box as Rect } from './edges/geometry.ts';

const WIDTH = 200;
const HEIGHT = 150;
/** Room round the design, in overview pixels. */
const OFFSET = 5;

/** Measured, or (out of view, not drawn by React Flow yet) the size it will have. */
const sizeOf = (n: CanvasNode) => getNodeDimensions(n);

function boundsOf(nodes: readonly CanvasNode[]): Rect | null {
  if (nodes.length === 0) return null;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const { width, height } = sizeOf(n);
    x1 = Math.min(x1, n.position.x);
    y1 = Math.min(y1, n.position.y);
    x2 = Math.max(x2, n.position.x + width);
    y2 = Math.max(y2, n.position.y + height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

function union(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

const viewOf = (s: ReactFlowState): Rect => ({ x: -s.transform[0] / s.transform[2], y: -s.transform[1] / s.transform[2], width: s.width / s.transform[2], height: s.height / s.transform[2] });
const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

const rects = new WeakMap<CanvasNode, string>();

/** A node's rectangle as path data, made once per node object ('' before it is measured). */
function rectOf(n: CanvasNode): string {
  let d = rects.get(n);
  if (d === undefined) {
    const width = Math.round(sizeOf(n).width);
    const height = Math.round(sizeOf(n).height);
    d = width === 0 || height === 0 ? '' : `M${Math.round(n.position.x)},${Math.round(n.position.y)}h${width}v${height}h${-width}z`;
    rects.set(n, d);
  }
  return d;
}

/** Every node as a rectangle, one path per colour. */
const OverviewNodes = memo(function OverviewNodes({ nodes, colourOf }: { nodes: readonly CanvasNode[]; colourOf: (node: CanvasNode) => string }) {
  const paths = useMemo(() => {
    const byColour = new Map<string, string[]>();
    for (const n of nodes) {
      const d = rectOf(n);
      if (d === '') continue;
      const colour = colourOf(n);
      const list = byColour.get(colour);
      if (list) list.push(d);
      else byColour.set(colour, [d]);
    }
    return [...byColour].map(([colour, parts]) => ({ colour, d: parts.join('') }));
  }, [nodes, colourOf]);
  return paths.map(({ colour, d }) => <path key={colour} className="react-flow__minimap-node" d={d} style={{ fill: colour }} />);
});

export function Overview({ nodes, colourOf, label }: { nodes: readonly CanvasNode[]; colourOf: (node: CanvasNode) => string; label: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const minimap = useRef<XYMinimapInstance | undefined>(undefined);
  const panZoom = useStore((s) => s.panZoom);
  const flow = useStore((s) => ({ width: s.width, height: s.height, translateExtent: s.translateExtent }), (a, b) => a.width === b.width && a.height === b.height && a.translateExtent === b.translateExtent);
  // The one thing that changes on every frame of a pan: what is in view.
  const view = useStore(viewOf, sameRect);
  const nodeBounds = useMemo(() => boundsOf(nodes), [nodes]);
  const shown = union(nodeBounds, view);
  const scale = Math.max(shown.width / WIDTH, shown.height / HEIGHT);
  const scaleRef = useRef(scale);
  useEffect(() => {
    scaleRef.current = scale;
  });
  const width = scale * WIDTH + 2 * OFFSET * scale;
  const height = scale * HEIGHT + 2 * OFFSET * scale;
  const x = shown.x - (scale * WIDTH - shown.width) / 2 - OFFSET * scale;
  const y = shown.y - (scale * HEIGHT - shown.height) / 2 - OFFSET * scale;

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => scaleRef.current });
    minimap.current = instance;
    return () => instance.destroy();
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({ translateExtent: flow.translateExtent, width: flow.width, height: flow.height, inversePan: false, pannable: true, zoomStep: 1, zoomable: true });
  }, [flow, panZoom]);

  const pad = OFFSET * scale;
  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="overview">
      <svg ref={svg} width={WIDTH} height={HEIGHT} viewBox={`${x} ${y} ${width} ${height}`} className="react-flow__minimap-svg" role="img" aria-label={label}>
        <OverviewNodes nodes={nodes} colourOf={colourOf} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - pad},${y - pad}h${width + pad * 2}v${height + pad * 2}h${-width - pad * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
