/**
 * A connection's label ("compensated by", "not allowed") drawn in the connections' own SVG, as a
 * pill with its words, or a round mark with an undo arrow where a compensation has no room: in
 * absolute coordinates, like the lines. As HTML each label sat in a transform of its own, one more
 * piece for the browser to composite on every frame of a pan (521 of them on the peer graph).
 */
import { memo } from 'react';
import { iconMarkup } from '../nodes/faceIcons.ts';
import type { EdgeFamily } from '../adapter.ts';

/** canvas.css .sb-edge-label: 11.5 px, weight 650, 8 px either side, a 1 px outline. */
const FONT = { size: 11.5, weight: 650 } as const;
const PADDING = 8;
const HEIGHT = 20;
const COMPACT = 20;
const MARK = 11;
/** The words' colour, for the undo mark drawn in the compact label. */
const COMPENSATION_INK = '#6d28d9';

const widths = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;

/** The label's width in the canvas' own font, measured once per text (estimated where nothing can measure). */
function textWidth(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    if (measure === undefined) measure = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measure) {
      measure.font = `${FONT.weight} ${FONT.size}px ${getComputedStyle(document.documentElement).getPropertyValue('--sb-font') || 'sans-serif'}`;
      width = measure.measureText(text).width;
    } else width = text.length * 6.8;
    widths.set(text, width);
  }
  return width;
}

interface EdgeLabelProps {
  text: string;
  family: EdgeFamily;
  /** Only the undo mark: the words are its title. */
  compact: boolean;
  selected: boolean;
  dimmed: boolean;
  /** The label's anchor on the line. */
  x: number;
  y: number;
  /** Beside a vertical line (left edge at the anchor), else centred on it. */
  beside: boolean;
}

export const EdgeLabel = memo(function EdgeLabel({ text, family, compact, selected, dimmed, x, y, beside }: EdgeLabelProps) {
  const width = compact ? COMPACT : Math.ceil(textWidth(text)) + 2 * PADDING + 2;
  const height = compact ? COMPACT : HEIGHT;
  const left = beside ? x + 10 : x - width / 2;
  const top = y - height / 2;
  const className = `sb-edge-label sb-edge-label--${family}${compact ? ' sb-edge-label--compact' : ''}${selected ? ' sb-edge-label--selected' : ''}${dimmed ? ' sb-edge-label--dimmed' : ''}`;
  return (
    <g className={className} data-testid="edge-label">
      <rect x={left + 0.5} y={top + 0.5} width={width - 1} height={height - 1} rx={(height - 1) / 2} />
      {compact ? (
        <>
          <title>{text}</title>
          <g dangerouslySetInnerHTML={{ __html: iconMarkup('undo', COMPENSATION_INK, left + (width - MARK) / 2, top + (height - MARK) / 2, MARK) }} />
        </>
      ) : (
        <text x={left + width / 2} y={top + height / 2}>
          {text}
        </text>
      )}
    </g>
  );
});
