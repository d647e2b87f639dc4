/**
 * How big a node is drawn: wide enough for its name on one line (within limits), one size
 * contract for the canvas, the fallback layout and the saved layouts of the examples.
 */

export interface Size {
  width: number;
  height: number;
}

export const NODE_MIN_WIDTH = 140;
export const NODE_MAX_WIDTH = 260;
/** The height layouts reserve for a node (a one-line name). */
export const NODE_HEIGHT = 56;

export function nodeSize(name: string): Size {
  return { width: Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, name.length * 8 + 56)), height: NODE_HEIGHT };
}
