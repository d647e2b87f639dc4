/** The path an edge takes: a curve forward, or around through its lane when it runs backward. */
import { getBezierPath, Position } from '@xyflow/react';
import { EDGE_STUB } from '../metrics.ts';
import { handlesRunBackward } from './lanes.ts';

export interface Route {
  path: string;
  labelX: number;
  labelY: number;
  /** A vertical route: its label goes beside the line rather than on it. */
  vertical: boolean;
  /**
   * For a lane route: the distance along the path where the lane starts, and its x there. Lets a
   * dashed line start its pattern so that every connection sharing the lane dashes in step.
   */
  laneStart?: { distance: number; x: number };
}

interface RouteInput {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
  laneY: number | undefined;
  exitX: number | undefined;
  entryX: number | undefined;
}

export function routeEdge(p: RouteInput): Route {
  const fromRight = p.sourcePosition === Position.Right;
  const intoSide = p.targetPosition === Position.Left;
  if (fromRight && !intoSide && p.laneY !== undefined) {
    // A lane from the adapter: out to the right, along the lane, down (or up) into the target.
    const out = Math.max(p.exitX ?? p.sourceX + EDGE_STUB, p.sourceX + 8);
    const entry = p.entryX ?? p.targetX;
    return laneRoute([[p.sourceX, p.sourceY], [out, p.sourceY], [out, p.laneY], [entry, p.laneY], [entry, p.targetY]]);
  }
  if (fromRight && intoSide && handlesRunBackward(p.sourceX, p.targetX)) {
    // Backward without a lane (e.g. while a node is dragged): pass just under both ends.
    const lane = Math.max(p.sourceY, p.targetY) + 70;
    const out = p.sourceX + EDGE_STUB;
    const back = p.targetX - EDGE_STUB;
    return laneRoute([[p.sourceX, p.sourceY], [out, p.sourceY], [out, lane], [back, lane], [back, p.targetY], [p.targetX, p.targetY]]);
  }
  const [path, labelX, labelY] = getBezierPath({ ...p, curvature: 0.35 });
  return { path, labelX, labelY, vertical: !(fromRight && intoSide) };
}

const RADIUS = 12;

/** A rounded orthogonal route whose third segment (index 2) is the lane; the label sits on the lane. */
function laneRoute(points: readonly Point[]): Route {
  const { path, straightStarts } = roundedPolyline(points, RADIUS);
  const lane = straightStarts[2]!;
  const [from, to] = [points[2]!, points[3]!];
  return { path, labelX: (from[0] + to[0]) / 2, labelY: from[1], vertical: false, laneStart: { distance: lane.distance, x: lane.point[0] } };
}

type Point = readonly [number, number];

/**
 * An SVG path through `points`, each corner rounded with up to `radius`, and for every segment
 * where its straight part starts (point and distance along the path).
 */
export function roundedPolyline(points: readonly Point[], radius: number): { path: string; straightStarts: { point: Point; distance: number }[] } {
  const first = points[0];
  if (!first) return { path: '', straightStarts: [] };
  const radii = points.map((p, i) => {
    const prev = points[i - 1];
    const next = points[i + 1];
    return prev && next ? Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2) : 0;
  });
  let path = `M${first[0]},${first[1]}`;
  let distance = 0;
  const straightStarts: { point: Point; distance: number }[] = [{ point: first, distance: 0 }];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const corner = points[i]!;
    const next = points[i + 1];
    const straightEnd = toward(corner, from, radii[i]!);
    distance += dist(from, corner) - radii[i - 1]! - radii[i]!;
    path += ` L${straightEnd[0]},${straightEnd[1]}`;
    if (!next) break;
    const curveEnd = toward(corner, next, radii[i]!);
    path += ` Q${corner[0]},${corner[1]} ${curveEnd[0]},${curveEnd[1]}`;
    distance += quadraticLength(straightEnd, corner, curveEnd);
    straightStarts.push({ point: curveEnd, distance });
  }
  return { path, straightStarts };
}

const dist = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);

function toward(from: Point, to: Point, r: number): Point {
  const d = dist(from, to);
  if (d === 0) return from;
  return [from[0] + ((to[0] - from[0]) * r) / d, from[1] + ((to[1] - from[1]) * r) / d];
}

function quadraticLength(a: Point, control: Point, b: Point): number {
  let length = 0;
  let prev = a;
  for (let i = 1; i <= 16; i++) {
    const t = i / 16;
    const u = 1 - t;
    const p: Point = [u * u * a[0] + 2 * u * t * control[0] + t * t * b[0], u * u * a[1] + 2 * u * t * control[1] + t * t * b[1]];
    length += dist(prev, p);
    prev = p;
  }
  return length;
}

/** The dash offset that puts a lane route's dashes in step with every other route on that lane. */
export function laneDashOffset(route: Route, dasharray: string | undefined): number | undefined {
  if (!route.laneStart || !dasharray) return undefined;
  const period = dasharray.split(/[\s,]+/).reduce((sum, n) => sum + Number(n), 0);
  if (!(period > 0)) return undefined;
  const phase = (route.laneStart.distance + route.laneStart.x) % period;
  return -(phase < 0 ? phase + period : phase);
}
