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
import { xmlText } from '../../export/svgText.ts';
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

/** A face in the page, and what it was last drawn from: it is drawn again only when one of these changed. */
interface DrawnFace {
  element: Element;
  /** The node object it was drawn from: the same object is the same face (adapter.ts keeps unchanged nodes' objects). */
  node: FlowNode;
  kind: string | undefined;
  data: FlowNode['data'];
  x: number;
  y: number;
  size: Size;
}

const drawnFrom = (element: Element, node: FlowNode, size: Size): DrawnFace => ({ element, node, kind: node.type, data: node.data, x: node.position.x, y: node.position.y, size });

const unchanged = (was: DrawnFace, node: FlowNode, size: Size): boolean =>
  was.kind === node.type && was.data === node.data && was.x === node.position.x && was.y === node.position.y && was.size.width === size.width && was.size.height === size.height;

/** A face's own group: its markup inside, its node's id on it (for the tests and the tools that look for a face). */
const faceGroup = (node: FlowNode, size: Size): string => `<g class="sb-face" data-node="${xmlText(node.id)}">${faceOf(node, size)}</g>`;

/**
 * One bucket's faces, in an SVG of their own, kept by this component rather than by React: a face
 * is drawn again only when what it shows or where it is changed (an unchanged node keeps its
 * object: adapter.ts), and the faces new to a bucket (all of them, as a design opens) are written
 * in one piece: one parse rather than one per face, and no React component per face. Every
 * position is absolute: a group with a `transform` of its own is one more piece ("paint chunk")
 * that Chrome's compositing step walks on every frame of a pan, times the nodes (1,000 nodes: 800
 * ms of the peer benchmark's 3 s pan went to that step, 530 ms with every position absolute). The
 * markup is written into the page and not kept: thousands of faces' text held in memory would be
 * megabytes of heap.
 */
const FaceBucket = memo(
  function FaceBucket({ nodes }: { nodes: FlowNode[] }) {
    const ref = useRef<SVGSVGElement>(null);
    const drawn = useRef(new Map<string, DrawnFace>());
    /** The ids of the faces in the order they are in the page. */
    const inPage = useRef<string[]>([]);
    useLayoutEffect(() => {
      const layer = ref.current!;
      const was = drawn.current;
      const now = new Map<string, DrawnFace>();
      // The new faces, written into the page in one piece after the others.
      let markup = '';
      const added: [FlowNode, Size][] = [];
      for (const n of nodes) {
        const face = was.get(n.id);
        if (face?.node === n) {
          now.set(n.id, face);
          continue;
        }
        const size = drawnSize(n);
        if (!face) {
          markup += faceGroup(n, size);
          added.push([n, size]);
        } else if (unchanged(face, n, size)) now.set(n.id, face);
        else {
          face.element.innerHTML = faceOf(n, size);
          now.set(n.id, drawnFrom(face.element, n, size));
        }
      }
      for (const [id, face] of was) if (!now.has(id)) face.element.remove();
      if (added.length > 0) {
        const last = layer.lastElementChild;
        layer.insertAdjacentHTML('beforeend', markup);
        let element = last ? last.nextElementSibling : layer.firstElementChild;
        for (const [n, size] of added) {
          now.set(n.id, drawnFrom(element!, n, size));
          element = element!.nextElementSibling;
        }
      }
      // In the order of the nodes: a face drawn later is over one drawn before. Nothing to do when
      // no face came or went and the nodes are in the order they were (a move, a tidy up's slice).
      const order = inPage.current;
      const sameOrder = added.length === 0 && now.size === was.size && order.length === nodes.length && nodes.every((n, i) => order[i] === n.id);
      if (!sameOrder) {
        let expected = layer.firstElementChild;
        for (const n of nodes) {
          const { element } = now.get(n.id)!;
          if (element === expected) expected = expected.nextElementSibling;
          else layer.insertBefore(element, expected);
        }
        inPage.current = nodes.map((n) => n.id);
      }
      drawn.current = now;
    }, [nodes]);
    return <svg ref={ref} />;
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
        <FaceBucket key={i} nodes={bucket} />
      ))}
    </div>
  );
}
