/**
 * Routing for connections that cannot run straight from one node to the other because nodes are
 * in the way, such as the replies an orchestrator receives from the far end of a left-to-right
 * layout: instead of a curve through the nodes in between, they leave their source on the side
 * the design reads towards, travel along a lane that no node touches, and turn into the target
 * from that lane. Connections that look alike and share a target share one lane, and sources
 * stacked in a column share one exit line, so replies read as a single bus.
 *
 * Written for lanes running along x (a left-to-right design); plan.ts turns a top-to-bottom
 * design on its side to use it there. Pure geometry.
 */
import { EDGE_STUB } from '../metrics.ts';
import type { Box } from './geometry.ts';
import type { Obstacles } from './obstacles.ts';

export type { Box };

export interface LaneRequest {
  id: string;
  /** Connections with the same bus key (same target, same line style) share a lane. */
  bus: string;
  sourceBox: Box;
  targetBox: Box;
}

/** Where a connection runs: out to the exit line at x = `exit`, along the lane at y = `lane`, into the target. */
export interface Lane {
  lane: number;
  exit: number;
  /** Which side of the target the lane reaches it from: 'before' (above) or 'after' (below). */
  enter: 'before' | 'after';
}

/** Space kept between a lane and the nodes it passes. */
const CLEARANCE = 22;
/** Distance between two lanes, or two exit lines, that would otherwise coincide. */
export const LANE_SPACING = 12;
/** Sources whose left sides are this close count as one column and share an exit line. */
const SAME_COLUMN = 40;
/** How many positions a lane may try around each free line before the next one. */
const TRIES = 24;

interface Segment {
  at: number;
  from: number;
  to: number;
}

const crosses = (a: Segment, b: Segment) => Math.abs(a.at - b.at) < LANE_SPACING && a.from < b.to && b.from < a.to;

const right = (b: Box) => b.x + b.width;
const middleY = (b: Box) => b.y + b.height / 2;
const middleX = (b: Box) => b.x + b.width / 2;

/** The lane of every connection, given the nodes as obstacles. */
export function assignLanes(requests: readonly LaneRequest[], obstacles: Obstacles): Map<string, Lane> {
  const buses = new Map<string, LaneRequest[]>();
  for (const r of requests) {
    const bus = buses.get(r.bus);
    if (bus) bus.push(r);
    else buses.set(r.bus, [r]);
  }
  const lanesTaken: Segment[] = [];
  const exitsTaken: Segment[] = [];
  const lanes = new Map<string, Lane>();
  for (const bus of buses.values()) {
    const target = bus[0]!.targetBox;
    const exits = bus.map((c) => right(c.sourceBox) + EDGE_STUB);
    const span = { from: Math.min(middleX(target), ...exits), to: Math.max(middleX(target), ...exits) };
    const at = freeLane(bus, obstacles, (y) => !lanesTaken.some((t) => crosses(t, { at: y, ...span })));
    lanesTaken.push({ at, ...span });
    const enter = at < target.y ? 'before' : 'after';
    for (const column of columnsOf(bus)) {
      const sourceMiddles = column.map((c) => middleY(c.sourceBox));
      const exit: Segment = {
        at: Math.max(...column.map((c) => right(c.sourceBox))) + EDGE_STUB,
        from: Math.min(at, ...sourceMiddles),
        to: Math.max(at, ...sourceMiddles),
      };
      while (exitsTaken.some((t) => crosses(t, exit))) exit.at += LANE_SPACING;
      exitsTaken.push(exit);
      for (const c of column) lanes.set(c.id, { lane: Math.round(at), exit: Math.round(exit.at), enter });
    }
  }
  return lanes;
}

/** The bus's sources grouped by column (left sides close together). */
function columnsOf(bus: readonly LaneRequest[]): LaneRequest[][] {
  const columns: LaneRequest[][] = [];
  for (const c of [...bus].sort((a, b) => a.sourceBox.x - b.sourceBox.x)) {
    const last = columns[columns.length - 1];
    if (last && c.sourceBox.x - last[0]!.sourceBox.x <= SAME_COLUMN) last.push(c);
    else columns.push([c]);
  }
  return columns;
}

/**
 * A free horizontal line for the whole bus: above, between or below the nodes in its way, the one
 * with the least vertical travel in total that no other lane takes. A line between two rows may
 * move within the gap; above and below everything, it moves outwards.
 */
function freeLane(bus: readonly LaneRequest[], obstacles: Obstacles, free: (y: number) => boolean): number {
  const left = Math.min(...bus.map((c) => Math.min(c.targetBox.x, c.sourceBox.x))) - CLEARANCE;
  const far = Math.max(...bus.map((c) => Math.max(right(c.targetBox), right(c.sourceBox) + EDGE_STUB))) + CLEARANCE;
  const blocked = obstacles
    .between(left, far)
    .map((b) => [b.y - CLEARANCE, b.y + b.height + CLEARANCE] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [top, bottom] of blocked) {
    const last = merged[merged.length - 1];
    if (last && top <= last[1]) last[1] = Math.max(last[1], bottom);
    else merged.push([top, bottom]);
  }
  const travel = (y: number) => bus.reduce((sum, c) => sum + Math.abs(middleY(c.sourceBox) - y) + Math.abs(middleY(c.targetBox) - y), 0);
  const above = merged[0]?.[0] ?? middleY(bus[0]!.targetBox);
  const below = merged[merged.length - 1]?.[1] ?? middleY(bus[0]!.targetBox);
  const candidates: { y: number; low: number; high: number }[] = [
    { y: above, low: -Infinity, high: above },
    { y: below, low: below, high: Infinity },
  ];
  for (let i = 1; i < merged.length; i++) candidates.push({ y: (merged[i - 1]![1] + merged[i]![0]) / 2, low: merged[i - 1]![1], high: merged[i]![0] });
  candidates.sort((a, b) => travel(a.y) - travel(b.y));
  for (const c of candidates) {
    for (let i = 0; i < TRIES; i++) {
      // 0, +1, -1, +2, -2… spacings from the line, as far as its gap allows.
      const y = c.y + (i % 2 === 0 ? 1 : -1) * Math.ceil(i / 2) * LANE_SPACING;
      if (y >= c.low && y <= c.high && free(y)) return y;
    }
  }
  // Everything near is taken: further out above.
  let y = above - LANE_SPACING;
  while (!free(y)) y -= LANE_SPACING;
  return y;
}
