/**
 * Every node's face drawn by Sagaboard itself, in the connections' layer (ConnectionLayer.tsx) over
 * the lines and under React Flow's nodes (faceMarkup.ts). React Flow's nodes stay where they are —
 * for pointing, selecting, dragging, connecting, focus and screen readers — but paint their own
 * face only while pointed at, selected, renamed, dragged or highlighted (faces.css).
 *
 * Why: each HTML node sits in a transform of its own, so whatever it paints is one more piece
 * the browser composites again on every frame of a pan or an edit, times the nodes of the design.
 * The faces drawn here, in SVGs, at absolute positions (no transform of any kind), are one piece
 * however many nodes there are.
 */
import { createContext, memo, useLayoutEffect, useRef } from 'react';
import { drawnSize, isDesignNode, type CanvasNode, type FlowNode } from '../adapter.ts';
import { faceMarkup } from './faceMarkup.ts';
import type { Size } from '../../layout/nodeSize.ts';
import { BUCKETS, bucketOf, sameItems } from '../buckets.ts';

/** Whether the canvas draws the nodes' faces in its face layer (the editor, without a highlight): then a node at rest need not make its own. */
export const FacesDrawn = createContext(false);

/** A node's face as the node is now, where it is: the size React Flow measured (until then, the size it will have). */
function faceOf(node: FlowNode, size: Size): string {
  const { data } = node;
  return faceMarkup({
    kind: node.type ?? 'service',
    name: data.name,
    x: node.position.x,
    y: node.position.y,
    width: size.width,
    height: size.height,
    failure: data.failure,
    compensation: data.compensation,
    terminal: data.terminal,
    orchestrator: data.coordinator,
    errors: data.errors,
    warnings: data.warnings,
  });
}

/** What a face was last drawn from: it is drawn again only when one of these changed. */
interface Drawn {
  kind: string | undefined;
  data: FlowNode['data'];
  x: number;
  y: number;
  size: Size;
}

/**
 * One node's face, drawn again only when what it shows or where it is changed (an unchanged node
 * keeps its object: adapter.ts). Every position is absolute: a group with a `transform` of its own
 * is one more piece ("paint chunk") that Chrome's compositing step walks on every frame of a pan,
 * times the nodes (1,000 nodes: 800 ms of the peer benchmark's 3 s pan went to that step, 530 ms
 * with every position absolute). The markup is written straight into the group and not kept: thousands of
 * faces' text held in props would be megabytes of heap.
 */
const Face = memo(function Face({ node }: { node: FlowNode }) {
  const ref = useRef<SVGGElement>(null);
  const drawn = useRef<Drawn | null>(null);
  useLayoutEffect(() => {
    const size = drawnSize(node);
    const { x, y } = node.position;
    const was = drawn.current;
    if (was && was.kind === node.type && was.data === node.data && was.x === x && was.y === y && was.size.width === size.width && was.size.height === size.height) return;
    ref.current!.innerHTML = faceOf(node, size);
    drawn.current = { kind: node.type, data: node.data, x, y, size };
  }, [node]);
  return <g ref={ref} className="sb-face" data-node={node.id} />;
});

const FaceBucket = memo(
  function FaceBucket({ nodes }: { nodes: FlowNode[] }) {
    return nodes.map((n) => <Face key={n.id} node={n} />);
  },
  (a, b) => sameItems(a.nodes, b.nodes),
);

/**
 * Drawn last in the connections' layer (ConnectionLayer's children): over the lines and their
 * labels; compared by React in buckets (buckets.ts), each bucket an SVG of its own. The browser
 * paints again only the SVGs that changed: with every face in one SVG, moving one node repainted
 * all of them (2,000 nodes: about 30 ms a frame; README, "Drawing big designs").
 */
export function FaceLayer({ nodes }: { nodes: readonly CanvasNode[] }) {
  const buckets = Array.from({ length: BUCKETS }, (): FlowNode[] => []);
  for (const n of nodes) if (isDesignNode(n)) buckets[bucketOf(n.id)]!.push(n);
  return (
    <div className="sb-faces" aria-hidden="true" data-testid="node-faces">
      {buckets.map((bucket, i) => (
        <svg key={i}>
          <FaceBucket nodes={bucket} />
        </svg>
      ))}
    </div>
  );
}
