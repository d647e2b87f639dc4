/** Where a small panel opened for a node goes (the connect picker, the answer choice): next to the node, inside the canvas. */
import { nodeElement } from './focusNode.ts';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 14;
const MARGIN = 8;

/** Where an element is, relative to the canvas frame. */
export function boxOf(element: Element | null, frame: DOMRect): Box | null {
  if (!element) return null;
  const r = element.getBoundingClientRect();
  return { left: r.left - frame.left, top: r.top - frame.top, width: r.width, height: r.height };
}

export type Place = { left: number; top?: number; bottom?: number; maxHeight: number };

/**
 * Under the node, lined up with it (connections mostly run to the right, so the preview stays in
 * sight), else over it, growing upwards; inside the canvas. Top centre when the node is out of view.
 */
export function placeBeside(nodeId: string, width: number, maxHeight: number): Place {
  const node = nodeElement(nodeId);
  const frame = node?.closest('.sb-canvas')?.getBoundingClientRect();
  if (!node || !frame) return { left: MARGIN, top: MARGIN, maxHeight };
  const at = boxOf(node, frame)!;
  const left = Math.min(Math.max(MARGIN, at.left), Math.max(MARGIN, frame.width - width - MARGIN));
  if (at.left > frame.width || at.left + at.width < 0 || at.top > frame.height || at.top + at.height < 0) {
    return { left: Math.max(MARGIN, (frame.width - width) / 2), top: 64, maxHeight: Math.min(maxHeight, frame.height - 64 - MARGIN) };
  }
  const below = at.top + at.height + GAP;
  const roomBelow = frame.height - below - MARGIN;
  const roomAbove = at.top - GAP - MARGIN;
  if (roomBelow >= Math.min(maxHeight, 300) || roomBelow >= roomAbove) return { left, top: below, maxHeight: Math.min(maxHeight, roomBelow) };
  return { left, bottom: frame.height - (at.top - GAP), maxHeight: Math.min(maxHeight, roomAbove) };
}
