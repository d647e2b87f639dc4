/**
 * How a connection is drawn. Colour says which message travels (command blue, event orange,
 * failure red, compensation violet); the line says the meaning: solid into a message (sends,
 * publishes), dotted out of it to its consumer (handled by, subscribed by), dashed for a
 * compensation. Shared by the edges and the legend, so they cannot disagree.
 */
import type { CSSProperties } from 'react';
import type { EdgeMeaning } from '../../model/index.ts';
import { FAMILY_COLOUR } from '../../export/look.ts';
import type { EdgeFamily } from '../adapter.ts';

// The same colours as the exported pictures: one table for both.
export { FAMILY_COLOUR };

const DASH: Readonly<Record<EdgeMeaning | 'invalid', string | undefined>> = {
  sends: undefined,
  publishes: undefined,
  handledBy: '0.5 5',
  subscribedBy: '0.5 5',
  compensatedBy: '7 5',
  invalid: '3 4',
};

/** A line's inline style; `--sb-dash` is its dash pattern (none: solid). */
export type LineStyle = CSSProperties & { '--sb-dash'?: string };

/**
 * The style of a line drawn with the class EDGE_LINE (canvas.css). The dash pattern is a custom
 * property the class applies rather than an inline stroke-dasharray, so the canvas can override
 * it: at far zoom every connection is drawn solid, where dots and dashes cannot be told apart
 * anyway and cost the most to paint.
 */
export function edgeStroke(meaning: EdgeMeaning | 'invalid', family: EdgeFamily, selected = false): LineStyle {
  const dotted = meaning === 'handledBy' || meaning === 'subscribedBy';
  const width = dotted ? 2.6 : 2;
  const dash = family === 'compensation' && meaning === 'subscribedBy' ? DASH.compensatedBy : DASH[meaning];
  const style: LineStyle = { stroke: FAMILY_COLOUR[family], strokeWidth: selected ? width + 1.5 : width, strokeLinecap: 'round' };
  if (dash !== undefined) style['--sb-dash'] = dash;
  return style;
}

/** The class of every connection line, in the canvas and in the legend. */
export const EDGE_LINE = 'sb-edge-line';

export const markerId = (family: EdgeFamily) => `sb-arrow-${family}`;
