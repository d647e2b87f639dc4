/**
 * How big a node is drawn: wide enough for its name on one line (within limits), and tall enough
 * for the name wrapped when it is longer; one size contract for the canvas, the layouts, the
 * saved layouts of the examples and the export.
 */
import type { NodeKind } from '../model/index.ts';
import { textHeight, wrapName } from './nameLines.ts';

export interface Size {
  width: number;
  height: number;
}

export const NODE_MIN_WIDTH = 140;
export const NODE_MAX_WIDTH = 260;
/** The height layouts reserve for a node (a one-line name). */
export const NODE_HEIGHT = 56;

export function nodeSize(name: string, kind: NodeKind = 'service'): Size {
  const width = Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, name.length * 8 + 56));
  return { width, height: Math.max(NODE_HEIGHT, textHeight(wrapName(name, width, kind).length)) };
}
