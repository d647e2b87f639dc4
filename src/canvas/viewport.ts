/**
 * How the view moves: how a design is framed (when it opens, after a tidy up or its undo, when
 * simulation starts, on F), and how long viewport animations take.
 *
 * Framing keeps names readable: it never zooms out below READABLE_ZOOM when that would only make
 * a design of a few screens fit; such a design is shown from where it starts (its top left, where
 * the flow begins) and the rest is a scroll away. Only a design many screens big is framed whole,
 * as an overview of shapes. Framing leaves room for the tools floating over the canvas (the
 * palette, the tidy-up button), so no node starts hidden under them.
 */
import type { SagaDocument } from '../model/index.ts';
import { noteBox } from '../layout/annotations.ts';
import { nodeSize } from '../layout/nodeSize.ts';
import { positionsOf } from '../layout/positions.ts';
import { ZOOM_LIMITS, type Viewport } from '../persistence/viewport.ts';

/** Animation length for viewport moves; none for people who asked the system for reduced motion. */
export function viewportAnimationMs(ms = 450): number {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}

/** The zoom at which a node's name (14 px) reads at 10 px: framing goes no further out for a design of a few screens. */
export const READABLE_ZOOM = 0.72;
/** Framing never zooms in past this: a small design is shown at its size. */
const MAX_FIT_ZOOM = 1;
/**
 * A design that would need zooming out below this fraction of READABLE_ZOOM to fit is shown whole
 * (an overview): at the readable zoom, only a small corner of it would be in view.
 */
const OVERVIEW_BELOW = 0.5;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Space kept round a framed design, in screen pixels, before the tools over the canvas are counted (the zoom buttons bottom left). */
export const FRAME_MARGIN: Insets = { top: 48, right: 40, bottom: 40, left: 56 };

/**
 * The viewport that frames `bounds` (flow coordinates) in a canvas of `size` less `insets`
 * (screen pixels). `whole`: fit the whole design however small that makes it.
 */
export function frameFor(bounds: Rect, size: { width: number; height: number }, insets: Insets, whole = false): Viewport {
  const area = { x: insets.left, y: insets.top, width: Math.max(1, size.width - insets.left - insets.right), height: Math.max(1, size.height - insets.top - insets.bottom) };
  const width = Math.max(1, bounds.width);
  const height = Math.max(1, bounds.height);
  const fit = Math.min(area.width / width, area.height / height, MAX_FIT_ZOOM);
  const zoom = clampZoom(fit >= READABLE_ZOOM || whole || fit < READABLE_ZOOM * OVERVIEW_BELOW ? fit : READABLE_ZOOM);
  // Along each axis: centred when it fits, else from its start.
  const place = (start: number, room: number, from: number, extent: number) =>
    extent * zoom <= room + 0.5 ? start + (room - extent * zoom) / 2 - from * zoom : start - from * zoom;
  return { x: place(area.x, area.width, bounds.x, width), y: place(area.y, area.height, bounds.y, height), zoom };
}

const clampZoom = (zoom: number) => Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, zoom));

/** The rectangle the design covers, as drawn (from its positions and the nodes' drawn sizes), its notes included. */
export function boundsOf(doc: SagaDocument): Rect {
  const positions = positionsOf(doc);
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  const take = (x: number, y: number, width: number, height: number) => {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  };
  for (const n of doc.nodes) {
    const at = positions.get(n.id)!;
    const size = nodeSize(n.name, n.kind);
    take(at.x, at.y, size.width, size.height);
  }
  // A note beside the nodes is part of the drawing: framed, it is not left under the side panel.
  for (const note of doc.notes ?? []) {
    const box = noteBox(note);
    take(box.x, box.y, box.width, box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Tools floating over the top of the canvas: framing keeps the design below them. A lone button in
 * a corner (the legend's, help) is left out: keeping clear of it would cost a band across the whole view.
 */
const TOP_TOOLS = '.react-flow__panel.top-center, .react-flow__panel.top-right';
const CORNER_BUTTON = 120;
/** Space between those tools and the framed design. */
const BELOW_TOOLS = 20;

/** The canvas's size, and the margins that keep a framed design clear of the tools over it. */
export function canvasArea(canvas: Element): { size: { width: number; height: number }; insets: Insets } {
  const box = canvas.getBoundingClientRect();
  let top = FRAME_MARGIN.top;
  for (const tool of canvas.querySelectorAll(TOP_TOOLS)) {
    const r = tool.getBoundingClientRect();
    if (r.height > 0 && r.width > CORNER_BUTTON && r.top - box.top < box.height / 3) top = Math.max(top, r.bottom - box.top + BELOW_TOOLS);
  }
  return { size: { width: box.width, height: box.height }, insets: { ...FRAME_MARGIN, top } };
}

/** What of a connection's route can lie outside the nodes (edges/plan.ts: a lane, an exit line, a detour). */
export interface RouteReach {
  sourceSide?: string;
  lane?: number;
  exit?: number;
  via?: string;
}

/** `bounds` grown to take in the lanes that run round the nodes (replies riding above a design). */
export function withRoutes(bounds: Rect, routes: Iterable<RouteReach | undefined>): Rect {
  let { x: left, y: top } = bounds;
  let right = bounds.x + bounds.width;
  let bottom = bounds.y + bounds.height;
  const take = (x: number, y: number) => {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  };
  for (const r of routes) {
    if (r?.lane === undefined || r.exit === undefined) continue;
    // Left to right, a lane is a line along x at y = lane and exits run down x = exit; top to bottom, the other way round.
    if (r.sourceSide === 'bottom') take(r.lane, r.exit);
    else take(r.exit, r.lane);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Viewports within this much of each other count as the same frame (F twice shows the whole). */
const SAME = 2;

/**
 * The viewport framing `doc` (and the `routes` of its connections) on `canvas`. When the view is
 * already so framed and part of the design is out of it, `toggle` frames the whole design instead
 * (F, then F again).
 */
export function designFrame(doc: SagaDocument, canvas: Element, routes: Iterable<RouteReach | undefined>, current?: Viewport, toggle = false): Viewport {
  const { size, insets } = canvasArea(canvas);
  const bounds = withRoutes(boundsOf(doc), routes);
  const framed = frameFor(bounds, size, insets);
  if (!toggle || !current) return framed;
  const same = Math.abs(current.x - framed.x) < SAME && Math.abs(current.y - framed.y) < SAME && Math.abs(current.zoom - framed.zoom) < 0.005;
  return same ? frameFor(bounds, size, insets, true) : framed;
}
