/**
 * Every node's face drawn by Sagaboard itself, in the connections' SVG (ConnectionLayer.tsx) over
 * the lines and under React Flow's nodes (faceMarkup.ts). React Flow's nodes stay where they are —
 * for pointing, selecting, dragging, connecting, focus and screen readers — but paint their own
 * face only while pointed at, selected, renamed, dragged or highlighted (faces.css).
 *
 * Why: each HTML node sits in a transform of its own, so whatever it paints is one more piece
 * the browser composites again on every frame of a pan or an edit, times the nodes of the design.
 * Faces drawn here in absolute coordinates are one piece however many nodes there are.
 */
import { createContext, memo, useLayoutEffect, useRef } from 'react';
import { drawnSize, isDesignNode, type CanvasNode, type FlowNode } from '../adapter.ts';
import { faceMarkup } from './faceMarkup.ts';
import { BUCKETS, bucketOf, sameItems } from '../buckets.ts';

/** Whether the canvas draws the nodes' faces in its face layer (the editor, without a highlight): then a node at rest need not make its own. */
export const FacesDrawn = createContext(false);

/** A node's face as the node is now: where it is and the size React Flow measured (until then, the size it will have). */
function faceOf(node: FlowNode): string {
  const size = drawnSize(node);
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

/**
 * One node's face, drawn again only when its node object changed (an unchanged node keeps its
 * object: adapter.ts). The markup is written straight into the group and not kept: thousands of
 * faces' text held in props would be megabytes of heap.
 */
const Face = memo(function Face({ node }: { node: FlowNode }) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    ref.current!.innerHTML = faceOf(node);
  }, [node]);
  return <g ref={ref} data-node={node.id} />;
});

const FaceBucket = memo(
  function FaceBucket({ nodes }: { nodes: FlowNode[] }) {
    return nodes.map((n) => <Face key={n.id} node={n} />);
  },
  (a, b) => sameItems(a.nodes, b.nodes),
);

/** Drawn last in the connections' SVG (ConnectionLayer's children): over the lines and their labels; compared by React in buckets (buckets.ts). */
export function FaceLayer({ nodes }: { nodes: readonly CanvasNode[] }) {
  const buckets = Array.from({ length: BUCKETS }, (): FlowNode[] => []);
  for (const n of nodes) if (isDesignNode(n)) buckets[bucketOf(n.id)]!.push(n);
  return (
    <g className="sb-faces" aria-hidden="true" data-testid="node-faces">
      {buckets.map((bucket, i) => (
        <FaceBucket key={i} nodes={bucket} />
      ))}
    </g>
  );
}
