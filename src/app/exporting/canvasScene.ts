/**
 * The scene an export draws, measured on the canvas: node boxes as React Flow placed and
 * measured them, and connections along the paths drawn on screen (with their labels halfway);
 * notes as drawn, group frames around the nodes as placed. Whatever is not rendered (off
 * screen) keeps the document's own scene.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { SagaDocument } from '../../model/index.ts';
import type { Scene } from '../../export/index.ts';
import type { CanvasNode, FlowEdge } from '../../canvas/adapter.ts';

type Exports = typeof import('../../export/index.ts');

export function sceneOfCanvas(ex: Exports, doc: SagaDocument, flow: ReactFlowInstance<CanvasNode, FlowEdge>, root: ParentNode = document): Scene {
  const base = ex.sceneOfDocument(doc);
  const boxes: [number, number, number, number][] = [];
  const nodes = base.nodes.map((n) => {
    const drawn = flow.getInternalNode(n.id);
    const placed =
      drawn?.measured.width && drawn.measured.height
        ? { ...n, x: drawn.internals.positionAbsolute.x, y: drawn.internals.positionAbsolute.y, width: drawn.measured.width, height: drawn.measured.height }
        : n;
    boxes.push([placed.x, placed.y, placed.x + placed.width, placed.y + placed.height]);
    return placed;
  });
  const edges = base.edges.map((e) => {
    const path = root.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(e.id)}"] .react-flow__edge-path`);
    const d = path?.getAttribute('d');
    if (!path || !d) return e;
    const box = path.getBBox();
    boxes.push([box.x, box.y, box.x + box.width, box.y + box.height]);
    const middle = path.getPointAtLength(path.getTotalLength() / 2);
    return { ...e, path: d, ...(e.label ? { label: { ...e.label, x: middle.x, y: middle.y } } : {}) };
  });
  const noteSizes = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const n of doc.notes ?? []) {
    const drawn = flow.getInternalNode(n.id);
    if (drawn?.measured.width && drawn.measured.height) noteSizes.set(n.id, { ...drawn.internals.positionAbsolute, width: drawn.measured.width, height: drawn.measured.height });
  }
  const annotations = ex.annotationsOf(doc, nodes, noteSizes);
  for (const [x, y] of ex.annotationCorners(annotations)) boxes.push([x, y, x, y]);
  const x = Math.min(...boxes.map((b) => b[0]));
  const y = Math.min(...boxes.map((b) => b[1]));
  const right = Math.max(...boxes.map((b) => b[2]));
  const bottom = Math.max(...boxes.map((b) => b[3]));
  const { notes, groups } = annotations;
  return { nodes, edges, ...(notes.length > 0 && { notes }), ...(groups.length > 0 && { groups }), bounds: { x, y, width: right - x, height: bottom - y } };
}
