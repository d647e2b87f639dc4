/**
 * The path a connection takes on the nodes where they are drawn: a curve between the sides that
 * face each other, or round through its lane when nodes stand in the way (see plan.ts). Ends lie
 * on the node's outline as drawn, so arrowheads touch it.
 */
import { EDGE_STUB } from '../metrics.ts';
import { bezierAt, bezierControls, chooseSides, pointOnSide, sideAxis, type Box, type Point, type Shape, type Side } from './geometry.ts';
import { viaPoints, type ConnectionPlan } from './plan.ts';

export interface Route {
  path: string;
  labelX: number;
  labelY: number;
  /** The route runs up or down where its label goes: the label goes beside the line rather than on it. */
  vertical: boolean;
  /** Straight distance between the two ends (a short one has no room for a label). */
  span: number;
  /**
   * For a lane route: the distance along the path where the lane starts, where along its axis it
   * starts, and which way it runs. Lets a dashed line start its pattern so that every connection
   * sharing the lane dashes in step.
   */
  laneStart?: { distance: number; at: number; direction: 1 | -1 };
}

export interface RouteInput {
  source: { box: Box; shape: Shape };
  target: { box: Box; shape: Shape };
  plan: ConnectionPlan;
  /** A node at either end is being dragged: the plan is for where it was, so the sides are chosen live. */
  live: boolean;
  /** Source and target are one node. */
  loop: boolean;
}

export function routeConnection({ source, target, plan, live, loop }: RouteInput): Route {
  if (loop) return loopRoute(source.box, source.shape);
  if (!live && plan.lane !== undefined && plan.exit !== undefined) {
    const from = pointOnSide(source.box, plan.sourceSide, plan.sourceOffset, source.shape);
    const to = pointOnSide(target.box, plan.targetSide, plan.targetOffset, target.shape);
    if (plan.sourceSide === 'bottom') {
      const out = Math.max(plan.exit, from[1] + 8);
      return laneRoute([from, [from[0], out], [plan.lane, out], [plan.lane, to[1]], to], 'y');
    }
    const out = Math.max(plan.exit, from[0] + 8);
    return laneRoute([from, [out, from[1]], [out, plan.lane], [to[0], plan.lane], to], 'x');
  }
  const sides = live ? chooseSides(source.box, target.box, plan.axis) : { source: plan.sourceSide, target: plan.targetSide };
  const keep = !live || (sides.source === plan.sourceSide && sides.target === plan.targetSide);
  const from = pointOnSide(source.box, sides.source, keep ? plan.sourceOffset : 0, source.shape);
  const to = pointOnSide(target.box, sides.target, keep ? plan.targetOffset : 0, target.shape);
  // A detour bends through its points, leaving each the way the connection runs.
  const via: Point[] = !live && plan.via ? viaPoints(plan.via).map((p) => [p.x, p.y]) : [];
  const stops = [from, ...via, to];
  let path = `M${num(from[0])},${num(from[1])}`;
  let label: Point = from;
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1]!, stops[i]!];
    const [c1, c2] = bezierControls(a, sides.source, b, i === stops.length - 1 ? sides.target : OPPOSITE[sides.source]);
    path += ` C${num(c1[0])},${num(c1[1])} ${num(c2[0])},${num(c2[1])} ${num(b[0])},${num(b[1])}`;
    if (i === Math.ceil((stops.length - 1) / 2)) label = stops.length % 2 === 0 ? bezierAt(a, c1, c2, b, stops.length === 2 && keep ? (plan.labelAt ?? 0.5) : 0.5) : b;
  }
  return {
    path,
    labelX: label[0],
    labelY: label[1],
    vertical: sideAxis(sides.source) === 'y' && sideAxis(sides.target) === 'y',
    span: Math.hypot(to[0] - from[0], to[1] - from[1]),
  };
}

const OPPOSITE: Readonly<Record<Side, Side>> = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' };

const num = (n: number) => Math.round(n * 10) / 10;

/** A connection from a node to itself: out of its right side, round over its top-right corner, into its top. */
function loopRoute(box: Box, shape: Shape): Route {
  const from = pointOnSide(box, 'right', 0, shape);
  const to = pointOnSide(box, 'top', box.width / 4, shape);
  const above = box.y - 2 * EDGE_STUB;
  const out = from[0] + 2 * EDGE_STUB;
  const { path } = roundedPolyline([from, [out, from[1]], [out, above], [to[0], above], to], RADIUS);
  return { path, labelX: (out + to[0]) / 2, labelY: above, vertical: false, span: 0 };
}

const RADIUS = 12;

/** How far along its lane from where it turns into its target a lane route's label sits (at most half the lane). */
const LABEL_FROM_ENTRY = 110;

/**
 * A rounded orthogonal route whose third segment (index 2) is the lane; the label sits on the lane
 * near where it turns into the target (what the label says is about the target's subscription), not
 * in the middle of the design where the forward connections and their labels run.
 */
function laneRoute(points: readonly Point[], along: 'x' | 'y'): Route {
  const { path, straightStarts } = roundedPolyline(points, RADIUS);
  const lane = straightStarts[2]!;
  const [from, to] = [points[2]!, points[3]!];
  const i = along === 'x' ? 0 : 1;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const length = Math.abs(to[i] - from[i]);
  const back = Math.min(length / 2, LABEL_FROM_ENTRY) * Math.sign(from[i] - to[i]);
  return {
    path,
    labelX: i === 0 ? to[0] + back : to[0],
    labelY: i === 1 ? to[1] + back : to[1],
    vertical: along === 'y',
    span: Math.hypot(last[0] - first[0], last[1] - first[1]),
    laneStart: { distance: lane.distance, at: lane.point[i], direction: to[i] >= from[i] ? 1 : -1 },
  };
}

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
  let path = `M${num(first[0])},${num(first[1])}`;
  let distance = 0;
  const straightStarts: { point: Point; distance: number }[] = [{ point: first, distance: 0 }];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const corner = points[i]!;
    const next = points[i + 1];
    const straightEnd = toward(corner, from, radii[i]!);
    distance += dist(from, corner) - radii[i - 1]! - radii[i]!;
    path += ` L${num(straightEnd[0])},${num(straightEnd[1])}`;
    if (!next) break;
    const curveEnd = toward(corner, next, radii[i]!);
    path += ` Q${num(corner[0])},${num(corner[1])} ${num(curveEnd[0])},${num(curveEnd[1])}`;
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
  // Along the path, the lane's point p is at distance + direction × (p - at): the dashes' phase
  // there is the same on every route when the offset cancels what depends on the route.
  const { distance, at, direction } = route.laneStart;
  const phase = (distance - direction * at) % period;
  return -(phase < 0 ? phase + period : phase);
}
