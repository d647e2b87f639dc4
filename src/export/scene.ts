/**
 * A scene: what an SVG export draws, in canvas coordinates. The app passes the scene it measured
 * on the canvas (routed edges, real sizes); `sceneOfDocument` makes one from the document alone,
 * so that the export also works in Node and in tests.
 */
import { positionsOf } from '../layout/positions.ts';
import { nodeSize } from '../layout/nodeSize.ts';
import { analyse, classify, edgeMeaning, type NodeKind, type SagaDocument } from '../model/index.ts';
import { edgeLabelOf, familyOf, flagsOf, type EdgeFamily, type EdgeLook, type NodeFlags } from './look.ts';
import { refuseEmpty } from './refusal.ts';

export interface SceneNode extends NodeFlags {
  id: string;
  kind: NodeKind;
  name: string;
  /** Top-left corner and size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneEdge {
  id: string;
  meaning: EdgeLook;
  /** The line, as an SVG path `d`, ending where the arrowhead goes. */
  path: string;
  /** Drawn dashed whatever its meaning (e.g. a subscription that compensates). */
  dashed?: boolean;
  /** Its colour; from the meaning when absent. */
  family?: EdgeFamily;
  /** Words drawn on the line, centred at (x, y). */
  label?: { text: string; x: number; y: number };
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** The box holding every node and edge. */
  bounds: { x: number; y: number; width: number; height: number };
}

/** A scene from the document: saved positions (laid out when missing), sizes from the names, curved edges. */
export function sceneOfDocument(doc: SagaDocument): Scene {
  refuseEmpty(doc);
  const analysis = analyse(doc);
  const graph = analysis.graph;
  const hub = classify(analysis).coordinator;
  const positions = positionsOf(doc);
  const nodes: SceneNode[] = doc.nodes.map((n) => {
    const { width, height } = nodeSize(n.name, n.kind);
    const at = positions.get(n.id)!;
    const flags = { ...flagsOf(n, graph), orchestrator: n.kind === 'service' && n.id === hub };
    return { id: n.id, kind: n.kind, name: n.name, x: at.x, y: at.y, width, height, ...onlyTrue(flags) };
  });

  const box = new Map(nodes.map((n) => [n.id, n]));
  const edges: SceneEdge[] = [];
  const points: [number, number][] = nodes.flatMap((n) => [[n.x, n.y], [n.x + n.width, n.y + n.height]] as [number, number][]);
  for (const e of doc.edges) {
    const source = graph.node.get(e.source);
    const target = graph.node.get(e.target);
    // A connection to a missing node (G001) has nowhere to go.
    if (!source || !target) continue;
    const meaning: EdgeLook = edgeMeaning(source.kind, target.kind) ?? 'invalid';
    const family = familyOf(meaning, source, target, graph, e.compensates);
    const curve = curveBetween(box.get(source.id)!, box.get(target.id)!, meaning);
    points.push(...curve);
    const words = edgeLabelOf(meaning, graph, e.compensates);
    const [p0, p1, p2, p3] = curve;
    // The point of a cubic curve at t = 1/2.
    const middle = (i: 0 | 1) => (p0[i] + 3 * p1[i] + 3 * p2[i] + p3[i]) / 8;
    edges.push({
      id: e.id,
      meaning,
      path: `M${p0.join(',')} C${p1.join(',')} ${p2.join(',')} ${p3.join(',')}`,
      family,
      ...(family === 'compensation' && meaning === 'subscribedBy' ? { dashed: true } : {}),
      ...(words ? { label: { text: words, x: middle(0), y: middle(1) } } : {}),
    });
  }
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { nodes, edges, bounds: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } };
}

type Point = [number, number];

/**
 * A cubic curve from the right side of the source to the left side of the target; a compensation
 * drawn under (or over) its command goes from bottom to top instead, as on the canvas.
 */
function curveBetween(s: SceneNode, t: SceneNode, meaning: EdgeLook): [Point, Point, Point, Point] {
  const stacked = meaning === 'compensatedBy' && Math.abs(s.x - t.x) < Math.min(s.width, t.width) / 2;
  if (stacked) {
    const down = t.y >= s.y;
    const start: Point = [round(s.x + s.width / 2), round(down ? s.y + s.height : s.y)];
    const end: Point = [round(t.x + t.width / 2), round(down ? t.y : t.y + t.height)];
    const bend = Math.max(20, Math.abs(end[1] - start[1]) / 2) * (down ? 1 : -1);
    return [start, [start[0], round(start[1] + bend)], [end[0], round(end[1] - bend)], end];
  }
  const start: Point = [round(s.x + s.width), round(s.y + s.height / 2)];
  const end: Point = [round(t.x), round(t.y + t.height / 2)];
  // Forward, the curve eases over half the distance; backward (a reply), a short fixed bend keeps
  // it from looping far out around the whole design.
  const bend = end[0] >= start[0] ? Math.max(40, (end[0] - start[0]) / 2) : 60;
  return [start, [round(start[0] + bend), start[1]], [round(end[0] - bend), end[1]], end];
}

const round = (n: number) => Math.round(n * 10) / 10;

function onlyTrue(flags: NodeFlags): NodeFlags {
  return Object.fromEntries(Object.entries(flags).filter(([, on]) => on === true));
}
