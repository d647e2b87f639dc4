/**
 * A node's name wrapped to its width, and the height that takes. Widths are estimated from
 * character counts (no fonts are measured, so it runs in Node and in workers), with the same 8 px
 * per character as nodeSize.ts; the SVG export draws names with these lines.
 */
import type { NodeKind } from '../model/index.ts';

export const NAME_FONT = { size: 14, weight: 650, lineHeight: 18, charWidth: 8 } as const;
export const CAPTION_FONT = { size: 9.5, weight: 700, lineHeight: 14 } as const;
/** Space above and below a node's text block, and between caption and name. */
export const TEXT_PADDING = { vertical: 8, gap: 2 } as const;

/** Left and right padding of a node's text; a command's tip takes room on the right. */
export function textInset(kind: NodeKind): { left: number; right: number } {
  switch (kind) {
    case 'actor':
      return { left: 16, right: 12 };
    case 'command':
      return { left: 13, right: 20 };
    case 'event':
      return { left: 14, right: 12 };
    default:
      return { left: 12, right: 12 };
  }
}

/**
 * Words laid into lines of at most `perLine` characters, a word longer than a line cut: the full
 * lines, and the last line, still open. Names (below) and notes (annotations.ts) wrap so.
 */
export function wrapWords(words: readonly string[], perLine: number): { lines: string[]; last: string } {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i += perLine) {
      const piece = chars.slice(i, i + perLine).join('');
      const joined = line === '' ? piece : `${line} ${piece}`;
      if ([...joined].length <= perLine) line = joined;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  return { lines, last: line };
}

/** A name as lines that fit `width` (simple word wrap; a word longer than a line is cut). */
export function wrapName(name: string, width: number, kind: NodeKind): string[] {
  const inset = textInset(kind);
  const perLine = Math.max(1, Math.floor((width - inset.left - inset.right) / NAME_FONT.charWidth));
  const { lines, last } = wrapWords(name.trim().split(/\s+/u), perLine);
  if (last !== '' || lines.length === 0) lines.push(last);
  return lines;
}

/** The height a node needs for its caption and its wrapped name. */
export function textHeight(lineCount: number): number {
  return 2 * TEXT_PADDING.vertical + CAPTION_FONT.lineHeight + TEXT_PADDING.gap + lineCount * NAME_FONT.lineHeight;
}
