/**
 * A way round for a connection running with the flow whose curve would pass through nodes, such
 * as a connection skipping a layer of a tidied design, or one drawn past a node placed by hand in
 * its way: for each band of nodes it would cross, the free gap nearest its course, so that it
 * bends through the gaps (as the layout left them) instead of through the nodes: it enters each
 * gap and leaves it at the same height, running straight past the nodes on either side.
 *
 * Written for a connection running along x; plan.ts turns a top-to-bottom one on its side. Pure.
 */
import type { Box, Point } from './geometry.ts';
import type { Obstacles } from './obstacles.ts';

/** Space kept between a connection passing through a gap and the nodes on either side. */
const CLEARANCE = 14;
/** A way round is looked for this far (flow px) either side of the straight course, no further. */
const REACH = 400;
/** A connection crossing more bands of nodes than this has no good way round: it is drawn straight. */
const MOST_BANDS = 4;

/**
 * The points to pass through on the way from `from` to `to`, or none when there is no way round
 * near the straight course. `crossed`: the nodes the direct curve passes through.
 */
export function detour(from: Point, to: Point, crossed: readonly Box[], obstacles: Obstacles, ends: readonly Box[]): Point[] | undefined {
  // Bands: the crossed nodes merged where they overlap along x, in the order the connection meets them.
  const bands: [number, number][] = [];
  for (const b of [...crossed].sort((p, q) => p.x - q.x)) {
    const last = bands[bands.length - 1];
    if (last && b.x <= last[1]) last[1] = Math.max(last[1], b.x + b.width);
    else bands.push([b.x, b.x + b.width]);
  }
  if (bands.length > MOST_BANDS) return undefined;
  if (from[0] > to[0]) bands.reverse();
  const points: Point[] = [];
  for (const [left, right] of bands) {
    const middle = (left + right) / 2;
    // Where the straight course passes the band, and the free line nearest to it.
    const course = from[1] + ((to[1] - from[1]) * (middle - from[0])) / (to[0] - from[0] || 1);
    const blocked = obstacles
      .within(left, course - REACH, right, course + REACH)
      .filter((b) => !ends.includes(b))
      .map((b) => [b.y - CLEARANCE, b.y + b.height + CLEARANCE] as [number, number])
      .sort((p, q) => p[0] - q[0]);
    const y = nearestFree(course, blocked);
    // Beyond the reach, what is free is not known.
    if (y === undefined || Math.abs(y - course) >= REACH) return undefined;
    // Through the whole gap, straight: a curve bending at its middle would cut the corners of the nodes beside it.
    if (from[0] <= to[0]) points.push([left, y], [right, y]);
    else points.push([right, y], [left, y]);
  }
  return points;
}

/** The y nearest `y` outside every interval. */
function nearestFree(y: number, intervals: readonly [number, number][]): number | undefined {
  const merged: [number, number][] = [];
  for (const [top, bottom] of intervals) {
    const last = merged[merged.length - 1];
    if (last && top <= last[1]) last[1] = Math.max(last[1], bottom);
    else merged.push([top, bottom]);
  }
  const inside = merged.find(([top, bottom]) => y > top && y < bottom);
  if (!inside) return y;
  return y - inside[0] <= inside[1] - y ? inside[0] : inside[1];
}
