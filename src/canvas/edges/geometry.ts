/**
 * Where a connection meets its nodes. Connections float: each one leaves and enters on the sides
 * of its two nodes that face each other, chosen from where the nodes are (not from fixed handles),
 * so any arrangement reads, left to right, top to bottom or by hand. Pure geometry, shared by the
 * planner (edges/plan.ts, once per document) and the drawing (MessageEdge, live while dragging).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** The axis a design reads along: 'x' left to right, 'y' top to bottom. */
export type Axis = 'x' | 'y';

/** Two nodes closer than this along an axis are not joined across it (no room for the curve). */
export const MIN_GAP = 32;

/** The axis a side is crossed along: left and right sides are left along x. */
export const sideAxis = (side: Side): Axis => (side === 'left' || side === 'right' ? 'x' : 'y');

/** Free space between two boxes along x and along y; negative where they overlap. */
export function gaps(a: Box, b: Box): { x: number; y: number } {
  return {
    x: Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width)),
    y: Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height)),
  };
}

/**
 * The axis the design reads along, from its connections: a connection votes for x when its target
 * is clearly to the right of its source, for y when clearly below. In a left-to-right layout the
 * fan of an orchestrator goes right (and some of it down); top to bottom, it goes down (and some of
 * it right), so the count tells the two apart where distances alone do not.
 */
export function flowAxis(connections: Iterable<{ source: Box; target: Box }>): Axis {
  let x = 0;
  let y = 0;
  for (const { source, target } of connections) {
    if (target.x >= source.x + source.width + MIN_GAP) x++;
    if (target.y >= source.y + source.height + MIN_GAP) y++;
  }
  return y > x ? 'y' : 'x';
}

/**
 * The sides a connection leaves and enters by: those that face each other, across the design's
 * reading axis when the nodes have room along it, else across the other axis, else (nodes nearly
 * touching) across whichever axis separates them more.
 */
export function chooseSides(source: Box, target: Box, axis: Axis): { source: Side; target: Side } {
  const gap = gaps(source, target);
  const other: Axis = axis === 'x' ? 'y' : 'x';
  const across: Axis = gap[axis] >= MIN_GAP ? axis : gap[other] >= MIN_GAP ? other : gap.x >= gap.y ? 'x' : 'y';
  if (across === 'x') {
    return centre(target).x >= centre(source).x ? { source: 'right', target: 'left' } : { source: 'left', target: 'right' };
  }
  return centre(target).y >= centre(source).y ? { source: 'bottom', target: 'top' } : { source: 'top', target: 'bottom' };
}

export const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * How a node's outline departs from its box, so that a line ends on the outline drawn: a pill's
 * rounded ends (events, actors), a command's pointed tip, an orchestrator's outer ring.
 */
export type Shape = 'box' | 'round' | 'tag' | 'ring';

/** Radius of the rounded ends of events and actors (nodes.css: border-radius 28px). */
const ROUND = 28;
/** The orchestrator's outer ring lies this far outside its box (nodes.css box-shadow). */
const RING = 5.5;
/** A command's tip: its corners are at 91% of the width, its point at 98.8% (MessageNodes.tsx). */
const TAG_CORNER = 0.91;
const TAG_POINT = 0.988;

export type Point = readonly [number, number];

/**
 * The point on a node's outline on `side`, `offset` pixels from the middle of that side (positive
 * to the right or down).
 */
export function pointOnSide(box: Box, side: Side, offset: number, shape: Shape = 'box'): Point {
  const horizontal = side === 'top' || side === 'bottom';
  const length = horizontal ? box.width : box.height;
  const along = Math.max(-length / 2, Math.min(length / 2, offset));
  const depth = inset(box, side, along, shape);
  const c = centre(box);
  switch (side) {
    case 'left':
      return [box.x + depth, c.y + along];
    case 'right':
      return [box.x + box.width - depth, c.y + along];
    case 'top':
      return [c.x + along, box.y + depth];
    case 'bottom':
      return [c.x + along, box.y + box.height - depth];
  }
}

/** How far inside the box (negative: outside) the outline is, `along` pixels from the side's middle. */
function inset(box: Box, side: Side, along: number, shape: Shape): number {
  switch (shape) {
    case 'ring':
      return -RING;
    case 'tag':
      return side === 'right' ? box.width * (1 - TAG_POINT) + box.width * (TAG_POINT - TAG_CORNER) * Math.min(1, Math.abs(along) / (box.height / 2)) : 0;
    case 'round': {
      const r = Math.min(ROUND, box.height / 2, box.width / 2);
      const half = (side === 'top' || side === 'bottom' ? box.width : box.height) / 2;
      // Distance from the start of the rounding (a side is straight up to r from its ends).
      const into = Math.abs(along) - (half - r);
      return into <= 0 ? 0 : r - Math.sqrt(Math.max(0, r * r - into * into));
    }
    default:
      return 0;
  }
}

/** The direction a line leaves `side` in. */
const NORMAL: Readonly<Record<Side, Point>> = { left: [-1, 0], right: [1, 0], top: [0, -1], bottom: [0, 1] };

/** Curvature of a connection's bezier (as React Flow's default curve, a little tighter). */
const CURVATURE = 0.35;

/**
 * The control points of the curve from `from` leaving `fromSide` to `to` entering `toSide`: each
 * end leaves straight out of its side, half-way to the other when it lies ahead, and a little
 * (growing slowly with the distance) when it lies behind (as React Flow's getBezierPath).
 */
export function bezierControls(from: Point, fromSide: Side, to: Point, toSide: Side): [Point, Point] {
  return [control(from, fromSide, to), control(to, toSide, from)];
}

function control(at: Point, side: Side, toward: Point): Point {
  const [nx, ny] = NORMAL[side];
  const ahead = nx !== 0 ? (toward[0] - at[0]) * nx : (toward[1] - at[1]) * ny;
  const reach = ahead >= 0 ? 0.5 * ahead : CURVATURE * 25 * Math.sqrt(-ahead);
  return [at[0] + nx * reach, at[1] + ny * reach];
}

/** The point at `t` of the cubic bezier a, b, c, d. */
export function bezierAt(a: Point, b: Point, c: Point, d: Point, t: number): Point {
  const u = 1 - t;
  const [w0, w1, w2, w3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [w0 * a[0] + w1 * b[0] + w2 * c[0] + w3 * d[0], w0 * a[1] + w1 * b[1] + w2 * c[1] + w3 * d[1]];
}

/** True when the segment a–b passes through the box (Liang–Barsky clipping; no allocation, it runs for every node near every connection). */
export function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  // For each side: p < 0 where the segment enters across it, p > 0 where it leaves; q its distance inside.
  const p = [-dx, dx, -dy, dy];
  const q = [a[0] - box.x, box.x + box.width - a[0], a[1] - box.y, box.y + box.height - a[1]];
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < 4; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    if (pi === 0) {
      if (qi < 0) return false;
      continue;
    }
    const r = qi / pi;
    if (pi < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return t0 < t1;
}

/**
 * Where several connections meet one side of a node, their ends spread along it, in the order
 * given (sorted so that they do not cross), `gap` apart at most and within the side less its
 * corners; one alone meets the middle. Offsets from the middle of the side.
 */
export function spreadAlong(count: number, length: number, gap = 16): number[] {
  if (count <= 1) return count === 1 ? [0] : [];
  const room = Math.max(0, length - 2 * Math.min(16, length / 4));
  const step = Math.min(gap, room / (count - 1));
  return Array.from({ length: count }, (_, i) => Math.round((i - (count - 1) / 2) * step * 10) / 10);
}
