/**
 * Where the view of a design is: pan and zoom, saved with the design so it reopens as it was
 * left. A view read back from storage is checked like everything else stored: a damaged one
 * (zoom 0, NaN, a pan far beyond any design) is dropped and the design is framed instead.
 */
import { LIMITS } from '../model/index.ts';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The zoom range of the canvas. */
export const ZOOM_LIMITS = { min: 0.15, max: 2.5 } as const;

/** Farther than any design can be drawn at the highest zoom: such a pan shows nothing. */
const MAX_PAN = LIMITS.maxCoordinate * ZOOM_LIMITS.max * 2;

/** `raw` as a viewport the canvas can show, or undefined when it is not one. */
export function checkedViewport(raw: unknown): Viewport | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { x, y, zoom } = raw as Partial<Record<keyof Viewport, unknown>>;
  const pan = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_PAN;
  if (!pan(x) || !pan(y)) return undefined;
  if (typeof zoom !== 'number' || !(zoom >= ZOOM_LIMITS.min && zoom <= ZOOM_LIMITS.max)) return undefined;
  return { x, y, zoom };
}
