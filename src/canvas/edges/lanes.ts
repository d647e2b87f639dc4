/**
 * Routing for connections that run backwards (their target is left of their source), such as the
 * replies an orchestrator receives: instead of an S-curve through the nodes in between, they leave
 * to the right, travel along a horizontal lane that no node touches, and drop into the target from
 * above or below. Connections that look alike and share a target share one lane, and sources
 * stacked in a column share one exit line, so replies read as a single bus. Pure geometry.
 */
import { EDGE_STUB } from '../metrics.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BackwardConnection {
  id: string;
  /** Connections with the same bus key (same target, same line style) share a lane. */
  bus: string;
  sourceBox: Box;
  targetBox: Box;
}

/** Where a backward connection runs: out to `exitX`, along `laneY`, into the target at `entryX`. */
export interface Lane {
  laneY: number;
  exitX: number;
  entryX: number;
  /** Which side of the target the lane reaches it from. */
  enter: 'top' | 'bottom';
}

/** Space kept between a lane and the nodes it passes. */
const CLEARANCE = 28;
/** Distance between two lanes, or two exit lines, that would otherwise coincide. */
const SPACING = 12;
/** Sources whose left sides are this close count as one column and share an exit line. */
const SAME_COLUMN = 40;

/** True when a connection cannot run forward from the source's right side to the target's left side. */
export function runsBackward(sourceBox: Box, targetBox: Box): boolean {
  return targetBox.x < sourceBox.x + sourceBox.width + 2 * EDGE_STUB;
}

/** Same test, from the handle coordinates React Flow gives an edge. */
export function handlesRunBackward(sourceX: number, targetX: number): boolean {
  return targetX < sourceX + 2 * EDGE_STUB;
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

const crosses = (a: Segment, b: Segment) => Math.abs(a.at - b.at) < SPACING && a.from < b.to && b.from < a.to;

/** The lane of every backward connection, given every node's box. */
export function assignLanes(connections: readonly BackwardConnection[], boxes: readonly Box[]): Map<string, Lane> {
  const buses = new Map<string, BackwardConnection[]>();
  for (const c of connections) buses.set(c.bus, [...(buses.get(c.bus) ?? []), c]);
  const lanesTaken: Segment[] = [];
  const exitsTaken: Segment[] = [];
  const entriesPerTarget = new Map<string, number>();
  const lanes = new Map<string, Lane>();
  const obstacles = new Obstacles(boxes);
  for (const bus of buses.values()) {
    const target = bus[0]!.targetBox;
    const { y, side } = sharedLane(bus, obstacles);
    const entry = entriesPerTarget.get(boxKey(target)) ?? 0;
    entriesPerTarget.set(boxKey(target), entry + 1);
    const entryX = target.x + target.width / 2 + (entry % 2 === 0 ? 1 : -1) * Math.ceil(entry / 2) * SPACING;
    const lane: Segment = { at: y, from: entryX, to: Math.max(...bus.map((c) => c.sourceBox.x + c.sourceBox.width)) + EDGE_STUB };
    while (lanesTaken.some((t) => crosses(t, lane))) lane.at += side * SPACING;
    lanesTaken.push(lane);
    const enter = lane.at < target.y ? 'top' : 'bottom';
    for (const column of columnsOf(bus)) {
      const sourceMiddles = column.map((c) => c.sourceBox.y + c.sourceBox.height / 2);
      const exit: Segment = {
        at: Math.max(...column.map((c) => c.sourceBox.x + c.sourceBox.width)) + EDGE_STUB,
        from: Math.min(lane.at, ...sourceMiddles),
        to: Math.max(lane.at, ...sourceMiddles),
      };
      while (exitsTaken.some((t) => crosses(t, exit))) exit.at += SPACING;
      exitsTaken.push(exit);
      for (const c of column) lanes.set(c.id, { laneY: Math.round(lane.at), exitX: Math.round(exit.at), entryX: Math.round(entryX), enter });
    }
  }
  return lanes;
}

const boxKey = (b: Box) => `${b.x},${b.y}`;

/** The bus's sources grouped by column (left sides close together). */
function columnsOf(bus: readonly BackwardConnection[]): BackwardConnection[][] {
  const columns: BackwardConnection[][] = [];
  for (const c of [...bus].sort((a, b) => a.sourceBox.x - b.sourceBox.x)) {
    const last = columns[columns.length - 1];
    if (last && c.sourceBox.x - last[0]!.sourceBox.x <= SAME_COLUMN) last.push(c);
    else columns.push([c]);
  }
  return columns;
}

/**
 * The free horizontal line (above, between or below the nodes in the way of the whole bus) with
 * the least vertical travel in total. `side` is where to move it when it is taken.
 */
function sharedLane(bus: readonly BackwardConnection[], obstacles: Obstacles): { y: number; side: -1 | 1 } {
  const left = Math.min(...bus.map((c) => c.targetBox.x)) - CLEARANCE;
  const right = Math.max(...bus.map((c) => c.sourceBox.x + c.sourceBox.width)) + EDGE_STUB + CLEARANCE;
  const blocked = obstacles
    .between(left, right)
    .map((b) => [b.y - CLEARANCE, b.y + b.height + CLEARANCE] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [top, bottom] of blocked) {
    const last = merged[merged.length - 1];
    if (last && top <= last[1]) last[1] = Math.max(last[1], bottom);
    else merged.push([top, bottom]);
  }
  const middle = (b: Box) => b.y + b.height / 2;
  const travel = (y: number) => bus.reduce((sum, c) => sum + Math.abs(middle(c.sourceBox) - y) + Math.abs(middle(c.targetBox) - y), 0);
  const candidates: { y: number; side: -1 | 1 }[] = [
    { y: merged[0]![0], side: -1 },
    { y: merged[merged.length - 1]![1], side: 1 },
  ];
  for (let i = 1; i < merged.length; i++) candidates.push({ y: (merged[i - 1]![1] + merged[i]![0]) / 2, side: 1 });
  return candidates.reduce((best, next) => (travel(next.y) < travel(best.y) ? next : best));
}

/**
 * The nodes' boxes sorted by their left side, so the boxes a lane passes are found by binary
 * search instead of a scan of every node for every lane (quadratic on a big design).
 */
class Obstacles {
  private readonly byX: Box[];
  private readonly widest: number;
  constructor(boxes: readonly Box[]) {
    this.byX = [...boxes].sort((a, b) => a.x - b.x);
    this.widest = this.byX.reduce((w, b) => Math.max(w, b.width), 0);
  }
  /** The boxes that overlap the open range (left, right) horizontally. */
  between(left: number, right: number): Box[] {
    // A box reaching past `left` starts after `left - widest`.
    const from = this.firstAtOrAfter(left - this.widest);
    const found: Box[] = [];
    for (let i = from; i < this.byX.length && this.byX[i]!.x < right; i++) {
      const b = this.byX[i]!;
      if (b.x + b.width > left) found.push(b);
    }
    return found;
  }
  private firstAtOrAfter(x: number): number {
    let lo = 0;
    let hi = this.byX.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.byX[mid]!.x < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
