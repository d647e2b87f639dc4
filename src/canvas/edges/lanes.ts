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
/** How many free lines a lane tries, nearest first. */
const CANDIDATES = 4;
/** How far above and below a bus its free line is looked for first (flow px). */
const BAND = 160;

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
  const lanesTaken = new Taken();
  const exitsTaken = new Taken();
  const lanes = new Map<string, Lane>();
  for (const bus of buses.values()) {
    const target = bus[0]!.targetBox;
    const exits = bus.map((c) => right(c.sourceBox) + EDGE_STUB);
    const span = { from: Math.min(middleX(target), ...exits), to: Math.max(middleX(target), ...exits) };
    const at = freeLane(bus, obstacles, (y) => !lanesTaken.crosses({ at: y, ...span }));
    lanesTaken.add({ at, ...span });
    const enter = at < target.y ? 'before' : 'after';
    for (const column of columnsOf(bus)) {
      const sourceMiddles = column.map((c) => middleY(c.sourceBox));
      const exit: Segment = {
        at: Math.max(...column.map((c) => right(c.sourceBox))) + EDGE_STUB,
        from: Math.min(at, ...sourceMiddles),
        to: Math.max(at, ...sourceMiddles),
      };
      while (exitsTaken.crosses(exit)) exit.at += LANE_SPACING;
      exitsTaken.add(exit);
      for (const c of column) lanes.set(c.id, { lane: Math.round(at), exit: Math.round(exit.at), enter });
    }
  }
  return lanes;
}

/**
 * The lanes (or exit lines) taken so far, filed by where they lie across their length, so that
 * whether a new one would run on top of one is found among its few neighbours.
 */
class Taken {
  private readonly byBand = new Map<number, Segment[]>();
  add(s: Segment): void {
    const band = Math.floor(s.at / LANE_SPACING);
    const at = this.byBand.get(band);
    if (at) at.push(s);
    else this.byBand.set(band, [s]);
  }
  crosses(s: Segment): boolean {
    const band = Math.floor(s.at / LANE_SPACING);
    for (let b = band - 1; b <= band + 1; b++) for (const t of this.byBand.get(b) ?? []) if (crosses(t, s)) return true;
    return false;
  }
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
 *
 * The nodes are looked at in a band round the bus, widened only when it holds no free line: a line
 * inside the band is free of every node exactly when it is free of those in the band, so a bus on a
 * big design looks at its neighbourhood, not at every node in the design's height.
 */
function freeLane(bus: readonly LaneRequest[], obstacles: Obstacles, free: (y: number) => boolean): number {
  let left = Infinity;
  let far = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const c of bus) {
    left = Math.min(left, c.targetBox.x, c.sourceBox.x);
    far = Math.max(far, right(c.targetBox), right(c.sourceBox) + EDGE_STUB);
    top = Math.min(top, c.targetBox.y, c.sourceBox.y);
    bottom = Math.max(bottom, c.targetBox.y + c.targetBox.height, c.sourceBox.y + c.sourceBox.height);
  }
  left -= CLEARANCE;
  far += CLEARANCE;
  const travel = (y: number) => bus.reduce((sum, c) => sum + Math.abs(middleY(c.sourceBox) - y) + Math.abs(middleY(c.targetBox) - y), 0);
  for (let reach = BAND; ; reach *= 3) {
    const whole = top - reach <= obstacles.top && bottom + reach >= obstacles.bottom;
    const low = whole ? -Infinity : top - reach;
    const high = whole ? Infinity : bottom + reach;
    const boxes = whole ? obstacles.between(left, far) : obstacles.within(left, low, far, high);
    const candidates = freeLines(boxes, low, high, middleY(bus[0]!.targetBox));
    candidates.sort((a, b) => travel(a.y) - travel(b.y));
    // The few nearest lines are worth trying; past them, further out.
    for (const c of candidates.slice(0, CANDIDATES)) {
      for (let i = 0; i < TRIES; i++) {
        // 0, +1, -1, +2, -2… spacings from the line, as far as its gap allows.
        const y = c.y + (i % 2 === 0 ? 1 : -1) * Math.ceil(i / 2) * LANE_SPACING;
        if (y >= c.low && y <= c.high && free(y)) return y;
      }
    }
    if (whole) break;
  }
  // Everything near is taken: further out above.
  let y = Math.min(obstacles.top, top) - CLEARANCE - LANE_SPACING;
  while (!free(y)) y -= LANE_SPACING;
  return y;
}

/** The free lines among `boxes` within (low, high): above them, between them, below them. */
function freeLines(boxes: readonly Box[], low: number, high: number, fallback: number): { y: number; low: number; high: number }[] {
  const blocked = boxes.map((b) => [b.y - CLEARANCE, b.y + b.height + CLEARANCE] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of blocked) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  if (merged.length === 0) return [{ y: fallback, low, high }];
  const lines = [
    { y: merged[0]![0], low, high: merged[0]![0] },
    { y: merged[merged.length - 1]![1], low: merged[merged.length - 1]![1], high },
  ];
  for (let i = 1; i < merged.length; i++) lines.push({ y: (merged[i - 1]![1] + merged[i]![0]) / 2, low: merged[i - 1]![1], high: merged[i]![0] });
  return lines.filter((l) => l.y >= low && l.y <= high);
}
