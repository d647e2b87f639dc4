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

const MEANINGS = Object.keys(DASH) as (EdgeMeaning | 'invalid')[];
const FAMILIES = Object.keys(FAMILY_COLOUR) as EdgeFamily[];

/** The class that draws a connection's line as edgeStroke says (lineRules): its colour, width and dashes. */
export const lineClass = (meaning: EdgeMeaning | 'invalid', family: EdgeFamily): string => `sb-line--${family}-${meaning}`;

const declarations = (style: LineStyle): string =>
  Object.entries(style)
    .map(([key, value]) => `${key.startsWith('--') ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${typeof value === 'number' ? `${value}px` : String(value)}`)
    .join(';');

/**
 * The rules behind lineClass, written from edgeStroke for every family and meaning, selected or
 * not: the canvas's lines look as the legend's, from one table. A class rather than an inline
 * style on each line: the canvas draws thousands, and an inline style is one more declaration
 * block per line for the browser to make and match (a build without the lines' inline styles
 * opened 1,000 nodes about 16 ms sooner). The selectors outweigh React Flow's own (a focused
 * edge's stroke), as the inline style did.
 */
export function lineRules(): string {
  const rules: string[] = [];
  for (const selected of [false, true]) {
    for (const family of FAMILIES) {
      for (const meaning of MEANINGS) {
        const edge = selected ? '.react-flow__edge.selected' : '.react-flow__edge';
        rules.push(`.sb-connections ${edge} .react-flow__edge-path.${EDGE_LINE}.${lineClass(meaning, family)}{${declarations(edgeStroke(meaning, family, selected))}}`);
      }
    }
  }
  return rules.join('\n');
}

export const markerId = (family: EdgeFamily) => `sb-arrow-${family}`;
