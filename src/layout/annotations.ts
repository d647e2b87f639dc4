/**
 * Where notes and group frames are drawn (spec §1.2a), one contract for the canvas, tidy up and
 * the exports: a note is a box of its width with its text wrapped in it; a group's frame is the
 * box around its nodes' boxes with a margin, its name on its top edge. Pure: no DOM, no fonts
 * measured (widths are estimated from character counts, as for node names).
 */
import { NOTE_WIDTH } from '../model/operations.ts';
import type { SagaNote } from '../model/index.ts';
import { wrapWords } from './nameLines.ts';

export { NOTE_WIDTH };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const NOTE_FONT = { size: 13, lineHeight: 18, charWidth: 7 } as const;
/** Space between a note's edge and its text. */
export const NOTE_PADDING = { x: 12, y: 10 } as const;
/** A note is never drawn lower than this, even empty. */
export const NOTE_MIN_HEIGHT = 40;

/** Space between a group's nodes and its frame; a multiple of the canvas grid, so frames line up with nodes. */
export const FRAME_MARGIN = 32;
/** The name on a frame's top edge: a pill centred on the edge. */
export const FRAME_LABEL = { size: 12, weight: 650, height: 22, charWidth: 7.2, paddingX: 10, inset: 14, maxWidth: 320 } as const;

/** A note's text as the lines drawn in `width`: its own line breaks kept, long lines wrapped by words, long words cut. */
export function noteLines(text: string, width: number): string[] {
  const perLine = Math.max(1, Math.floor((width - 2 * NOTE_PADDING.x) / NOTE_FONT.charWidth));
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n|\u2028|\u2029/u)) {
    const wrapped = wrapWords(paragraph.split(/[ \t]+/u).filter((w) => w !== ''), perLine);
    lines.push(...wrapped.lines, wrapped.last);
  }
  // Trailing blank lines take no room.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The box a note is drawn in, from its text and width. */
export function noteBox(note: Pick<SagaNote, 'text' | 'position' | 'width'>): Box {
  const width = note.width ?? NOTE_WIDTH;
  const height = Math.max(NOTE_MIN_HEIGHT, 2 * NOTE_PADDING.y + noteLines(note.text, width).length * NOTE_FONT.lineHeight);
  return { x: note.position.x, y: note.position.y, width, height };
}

/** The frame around some boxes (a group's nodes), or undefined when there are none. */
export function frameAround(boxes: Iterable<Box>): Box | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  if (left === Infinity) return undefined;
  return { x: left - FRAME_MARGIN, y: top - FRAME_MARGIN, width: right - left + 2 * FRAME_MARGIN, height: bottom - top + 2 * FRAME_MARGIN };
}

/** Where a frame's name is drawn: a pill on its top edge, near the left corner, as wide as the name (within limits). */
export function frameLabelBox(frame: Box, name: string): Box {
  const text = Math.ceil(Math.min(FRAME_LABEL.maxWidth, [...name.trim()].length * FRAME_LABEL.charWidth));
  const width = Math.min(Math.max(40, text + 2 * FRAME_LABEL.paddingX), Math.max(40, frame.width - 2 * FRAME_LABEL.inset));
  return { x: frame.x + FRAME_LABEL.inset, y: frame.y - FRAME_LABEL.height / 2, width, height: FRAME_LABEL.height };
}

/** A frame's name cut to what its label holds, with an ellipsis when cut. */
export function frameLabelText(name: string, label: Box): string {
  const fits = Math.max(1, Math.floor((label.width - 2 * FRAME_LABEL.paddingX) / FRAME_LABEL.charWidth + 1e-6));
  const chars = [...name.trim().replace(/\s+/gu, ' ')];
  return chars.length <= fits ? chars.join('') : `${chars.slice(0, Math.max(1, fits - 1)).join('')}…`;
}

/**
 * The colours a group is drawn in: its own `color` when it is a hex colour (`#rgb`, `#rrggbb`,
 * with alpha or not), else the default slate; the fill is a light tint of it.
 */
export function groupColours(color: string | undefined): { stroke: string; fill: string; ink: string } {
  const hex = color !== undefined && /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color.trim()) ? color.trim().toLowerCase() : undefined;
  const [r, g, b] = rgbOf(hex ?? DEFAULT_GROUP_COLOUR);
  const mix = (c: number, t: number) => Math.round(c + (255 - c) * t);
  const toHex = (...cs: number[]) => `#${cs.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  // The name's colour: the group's, darkened until it reads on white (WCAG AA, 4.5:1), and white reads on it.
  let k = 0.62;
  while (k > 0 && contrastWithWhite(r * k, g * k, b * k) < 4.6) k -= 0.04;
  const dark = (c: number) => Math.round(c * Math.max(0, k));
  return { stroke: toHex(r, g, b), fill: toHex(mix(r, 0.93), mix(g, 0.93), mix(b, 0.93)), ink: toHex(dark(r), dark(g), dark(b)) };
}

/** The contrast ratio of a colour (0–255 channels) against white. */
function contrastWithWhite(r: number, g: number, b: number): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return 1.05 / (luminance + 0.05);
}

export const DEFAULT_GROUP_COLOUR = '#64748b';

/** The palette the inspector offers: readable on white, distinct from the node colours. */
export const GROUP_PALETTE: readonly { name: string; color: string }[] = [
  { name: 'Slate', color: '#64748b' },
  { name: 'Blue', color: '#3b82f6' },
  { name: 'Teal', color: '#0d9488' },
  { name: 'Green', color: '#16a34a' },
  { name: 'Amber', color: '#d97706' },
  { name: 'Rose', color: '#e11d48' },
  { name: 'Violet', color: '#7c3aed' },
];

function rgbOf(hex: string): [number, number, number] {
  let digits = hex.slice(1);
  if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Where notes go when nodes are laid out again (tidy up): each note moves with the node nearest
 * to it (the gap between the note's box and the node's box), by as much as that node moved, so a
 * note written beside a service stays beside it. Notes with no node that moved stay where they are.
 */
export function notesFollow(notes: readonly SagaNote[], before: ReadonlyMap<string, Box>, after: ReadonlyMap<string, { x: number; y: number }>): Map<string, { x: number; y: number }> {
  const moves = new Map<string, { x: number; y: number }>();
  for (const note of notes) {
    const box = noteBox(note);
    let nearest: { id: string; gap: number } | undefined;
    for (const [id, b] of before) {
      if (!after.has(id)) continue;
      const dx = Math.max(0, b.x - (box.x + box.width), box.x - (b.x + b.width));
      const dy = Math.max(0, b.y - (box.y + box.height), box.y - (b.y + b.height));
      const gap = Math.hypot(dx, dy);
      if (nearest === undefined || gap < nearest.gap) nearest = { id, gap };
    }
    if (!nearest) continue;
    const from = before.get(nearest.id)!;
    const to = after.get(nearest.id)!;
    if (from.x === to.x && from.y === to.y) continue;
    moves.set(note.id, { x: note.position.x + to.x - from.x, y: note.position.y + to.y - from.y });
  }
  return moves;
}
