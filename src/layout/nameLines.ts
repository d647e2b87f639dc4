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

/** Where a name may break inside a word: between the words of CamelCase ("Payment|Processed") and after _ - / . : */
export const NAME_BREAK = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[_\-/.:])/u;

/**
 * A name as lines that fit `width`: words wrap at spaces, and a word too long for a line breaks
 * where NAME_BREAK allows ("ReserveInventoryFor|OrderCommand"), else it is cut. The canvas draws
 * names in exactly these lines (HTML node and face alike), the layouts size nodes by them and the
 * SVG export draws them. A line that starts where a space was begins with it (" Order"), so the
 * lines joined are the name; callers that draw a line trim it.
 */
export function nameLines(name: string, width: number, kind: NodeKind): string[] {
  const inset = textInset(kind);
  const perLine = Math.max(1, Math.floor((width - inset.left - inset.right) / NAME_FONT.charWidth));
  const lines: string[] = [];
  let line = '';
  let length = 0;
  const place = (piece: string, spaced: boolean) => {
    const size = [...piece].length;
    const gap = line !== '' && spaced ? 1 : 0;
    if (line !== '' && length + gap + size > perLine) {
      lines.push(line);
      line = spaced ? ` ${piece}` : piece;
      length = size;
    } else {
      line += gap ? ` ${piece}` : piece;
      length += gap + size;
    }
  };
  for (const word of name.trim().split(/\s+/u)) {
    const pieces = [...word].length > perLine ? word.split(NAME_BREAK).flatMap((p) => cut(p, perLine)) : [word];
    pieces.forEach((piece, i) => place(piece, i === 0));
  }
  lines.push(line);
  return lines;
}

/** The lines of a name as drawn: nameLines without the space a line starts with. */
export const wrapName = (name: string, width: number, kind: NodeKind): string[] => nameLines(name, width, kind).map((line) => line.trimStart());

/** A piece longer than a line, cut into lines. */
function cut(piece: string, perLine: number): string[] {
  const chars = [...piece];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  return out;
}

/** The height a node needs for its caption and its wrapped name. */
export function textHeight(lineCount: number): number {
  return 2 * TEXT_PADDING.vertical + CAPTION_FONT.lineHeight + TEXT_PADDING.gap + lineCount * NAME_FONT.lineHeight;
}
