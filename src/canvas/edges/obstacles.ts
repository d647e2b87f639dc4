/**
 * The nodes' boxes as obstacles for routing, indexed twice: sorted by their left side, so the boxes
 * a lane passes are found by binary search, and in a grid of cells, so the few boxes near a curve
 * are found without looking at the rest; never a scan of every node for every connection
 * (quadratic on a big design).
 */
import { segmentCrossesBox, type Box, type Point } from './geometry.ts';

/** Side of a grid cell (flow px): about a node wide. */
const CELL = 256;

export class Obstacles {
  private readonly byX: Box[];
  private readonly widest: number;
  /** The top of the highest box and the bottom of the lowest. */
  readonly top: number;
  readonly bottom: number;
  private readonly boxes: readonly Box[];
  /** The boxes in each cell, by their index in `boxes`. */
  private readonly cells = new Map<number, number[]>();
  /** The last query that looked at each box, so a box in several cells is looked at once. */
  private readonly seen: Uint32Array;
  private query = 0;

  constructor(boxes: readonly Box[]) {
    this.boxes = boxes;
    this.seen = new Uint32Array(boxes.length);
    this.byX = [...boxes].sort((a, b) => a.x - b.x);
    this.widest = this.byX.reduce((w, b) => Math.max(w, b.width), 0);
    this.top = boxes.reduce((t, b) => Math.min(t, b.y), Infinity);
    this.bottom = boxes.reduce((t, b) => Math.max(t, b.y + b.height), -Infinity);
    boxes.forEach((b, i) => {
      for (let cx = cell(b.x); cx <= cell(b.x + b.width); cx++) {
        for (let cy = cell(b.y); cy <= cell(b.y + b.height); cy++) {
          const key = cellKey(cx, cy);
          const at = this.cells.get(key);
          if (at) at.push(i);
          else this.cells.set(key, [i]);
        }
      }
    });
  }

  /** The boxes that overlap the open range (left, right) horizontally. */
  between(left: number, right: number): Box[] {
    const found: Box[] = [];
    // A box reaching past `left` starts after `left - widest`.
    for (let i = this.firstAtOrAfter(left - this.widest); i < this.byX.length && this.byX[i]!.x < right; i++) {
      const b = this.byX[i]!;
      if (b.x + b.width > left) found.push(b);
    }
    return found;
  }

  /**
   * The boxes, other than `except` (its own ends), that the line through `points` passes through,
   * each grown by `margin`; no more than `most` of them (a line through more is through too many).
   */
  crossedBy(points: readonly Point[], except: readonly Box[], margin: number, most = Infinity): Box[] {
    const crossed: Box[] = [];
    const turn = ++this.query;
    for (let i = 1; i < points.length && crossed.length < most; i++) {
      // Only the cells the segment passes through: a long diagonal line looks at a few nodes, not at all those in its bounding box.
      walkCells(points[i - 1]!, points[i]!, (key) => {
        for (const index of this.cells.get(key) ?? []) {
          if (this.seen[index] === turn) continue;
          this.seen[index] = turn;
          const b = this.boxes[index]!;
          if (!except.includes(b) && crossesGrown(points, b, margin)) crossed.push(b);
        }
      });
    }
    return crossed;
  }

  /** The boxes overlapping the rectangle from (left, top) to (right, bottom). */
  within(left: number, top: number, right: number, bottom: number): Box[] {
    const found: Box[] = [];
    const turn = ++this.query;
    for (let cx = cell(left); cx <= cell(right); cx++) {
      for (let cy = cell(top); cy <= cell(bottom); cy++) {
        for (const index of this.cells.get(cellKey(cx, cy)) ?? []) {
          if (this.seen[index] === turn) continue;
          this.seen[index] = turn;
          const b = this.boxes[index]!;
          if (b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top) found.push(b);
        }
      }
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

const cell = (v: number) => Math.floor(v / CELL);

/**
 * Calls `visit` with the key of every cell the segment a–b passes through (Amanatides and Woo's
 * grid walk): a long diagonal connection looks at the few nodes along it, not at all those in its
 * bounding box. A box is filed in every cell it overlaps, so it is met wherever the segment enters it.
 */
function walkCells(a: Point, b: Point, visit: (key: number) => void): void {
  let cx = cell(a[0]);
  let cy = cell(a[1]);
  const endX = cell(b[0]);
  const endY = cell(b[1]);
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const stepX = Math.sign(dx);
  const stepY = Math.sign(dy);
  // Distance along the segment (0 to 1) to the next cell boundary across x and across y, and between boundaries.
  const deltaX = dx === 0 ? Infinity : CELL / Math.abs(dx);
  const deltaY = dy === 0 ? Infinity : CELL / Math.abs(dy);
  let nextX = dx === 0 ? Infinity : ((stepX > 0 ? (cx + 1) * CELL - a[0] : a[0] - cx * CELL) / Math.abs(dx));
  let nextY = dy === 0 ? Infinity : ((stepY > 0 ? (cy + 1) * CELL - a[1] : a[1] - cy * CELL) / Math.abs(dy));
  visit(cellKey(cx, cy));
  for (let guard = Math.abs(endX - cx) + Math.abs(endY - cy); guard > 0; guard--) {
    if (nextX < nextY) {
      cx += stepX;
      nextX += deltaX;
    } else {
      cy += stepY;
      nextY += deltaY;
    }
    visit(cellKey(cx, cy));
  }
}

/** One number per cell (coordinates are within ±10,000,000, so cells within ±31,250). */
const cellKey = (cx: number, cy: number) => cx * 131072 + cy;

/** True when the line through `points` passes through `b` grown by `margin`. */
function crossesGrown(points: readonly Point[], b: Box, margin: number): boolean {
  const grown = { x: b.x - margin, y: b.y - margin, width: b.width + 2 * margin, height: b.height + 2 * margin };
  for (let i = 1; i < points.length; i++) if (segmentCrossesBox(points[i - 1]!, points[i]!, grown)) return true;
  return false;
}
