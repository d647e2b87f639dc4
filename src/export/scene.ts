/**
 * A scene: what an SVG export draws, in canvas coordinates. The app passes the scene it measured
 * on the canvas (routed edges, real sizes); `sceneOfDocument` makes one from the document alone,
 * so that the export also works in Node and in tests.
 */
import { frameAround, frameLabelBox, noteBox, type Box } from '../layout/annotations.ts';
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

/** A note (spec §1.2a): its text in a box. */
export interface SceneNote extends Box {
  id: string;
  text: string;
}

/** A group's frame around its nodes (spec §1.2a), named on its top edge. */
export interface SceneGroup extends Box {
  id: string;
  name: string;
  /** The group's own colour, as the design says it. */
  color?: string;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** Drawn over the nodes, like the canvas. */
  notes?: SceneNote[];
  /** Drawn behind everything. */
  groups?: SceneGroup[];
  /** The box holding every node, edge, note and frame. */
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The notes and group frames of a document around nodes already placed: frames from the nodes'
 * boxes, notes at their positions, as tall as their text (or as `noteSizes` says, when taller).
 */
export function annotationsOf(doc: SagaDocument, nodes: readonly SceneNode[], noteSizes: ReadonlyMap<string, Box> = new Map()): { notes: SceneNote[]; groups: SceneGroup[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const groups: SceneGroup[] = [];
  for (const g of doc.groups ?? []) {
    const frame = frameAround(g.nodes.map((id) => byId.get(id)).filter((n) => n !== undefined));
    // A group without nodes has nothing to frame.
    if (frame) groups.push({ id: g.id, name: g.name, ...frame, ...(g.color !== undefined && { color: g.color }) });
  }
  const notes = (doc.notes ?? []).map((n): SceneNote => {
    const estimated = noteBox(n);
    const drawn = noteSizes.get(n.id);
    return drawn ? { id: n.id, text: n.text, ...drawn, height: Math.max(drawn.height, estimated.height) } : { id: n.id, text: n.text, ...estimated };
  });
  return { notes, groups };
}

/** The corners of the boxes notes and frames take (a frame's name sticks out over its top edge). */
export function annotationCorners({ notes, groups }: { notes: readonly SceneNote[]; groups: readonly SceneGroup[] }): [number, number][] {
  const corners = (b: Box): [number, number][] => [[b.x, b.y], [b.x + b.width, b.y + b.height]];
  return [...notes.flatMap(corners), ...groups.flatMap((g) => [...corners(g), ...corners(frameLabelBox(g, g.name))])];
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
  const annotations = annotationsOf(doc, nodes);
  points.push(...annotationCorners(annotations));
  const x = Math.min(...points.map((p) => p[0]));
  const y = Math.min(...points.map((p) => p[1]));
  const right = Math.max(...points.map((p) => p[0]));
  const bottom = Math.max(...points.map((p) => p[1]));
  return { nodes, edges, ...onlyListed(annotations), bounds: { x, y, width: right - x, height: bottom - y } };
}

/** The notes and frames, each list only when it holds something (a scene of a design without them is as before). */
function onlyListed({ notes, groups }: { notes: SceneNote[]; groups: SceneGroup[] }): Pick<Scene, 'notes' | 'groups'> {
  return { ...(notes.length > 0 && { notes }), ...(groups.length > 0 && { groups }) };
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
