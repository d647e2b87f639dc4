/**
 * The nodes' boxes as obstacles for routing, sorted by their left side, so the boxes a line or a
 * lane passes are found by binary search instead of a scan of every node for every connection
 * (quadratic on a big design).
 */
import { segmentCrossesBox, type Box, type Point } from './geometry.ts';

export class Obstacles {
  private readonly byX: Box[];
  private readonly widest: number;
  constructor(boxes: readonly Box[]) {
    this.byX = [...boxes].sort((a, b) => a.x - b.x);
    this.widest = this.byX.reduce((w, b) => Math.max(w, b.width), 0);
  }

  /** The boxes that overlap the open range (left, right) horizontally. */
  between(left: number, right: number): Box[] {
    const found: Box[] = [];
    this.visit(left, right, (b) => void found.push(b));
    return found;
  }

  /** The boxes, other than `except` (its own ends), that the line through `points` passes through, each grown by `margin`. */
  crossedBy(points: readonly Point[], except: readonly Box[], margin: number): Box[] {
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    for (const [x, y] of points) {
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
    const crossed: Box[] = [];
    this.visit(left - margin, right + margin, (b) => {
      if (b.y - margin > bottom || b.y + b.height + margin < top || except.includes(b)) return;
      const grown = { x: b.x - margin, y: b.y - margin, width: b.width + 2 * margin, height: b.height + 2 * margin };
      for (let i = 1; i < points.length; i++) {
        if (segmentCrossesBox(points[i - 1]!, points[i]!, grown)) return void crossed.push(b);
      }
    });
    return crossed;
  }

  /** Calls `f` with every box overlapping (left, right) horizontally, until it returns true. */
  private visit(left: number, right: number, f: (b: Box) => boolean | void): boolean {
    // A box reaching past `left` starts after `left - widest`.
    for (let i = this.firstAtOrAfter(left - this.widest); i < this.byX.length && this.byX[i]!.x < right; i++) {
      const b = this.byX[i]!;
      if (b.x + b.width > left && f(b) === true) return true;
    }
    return false;
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
