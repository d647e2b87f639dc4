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
 * SVG export draws them. The lines joined are the name exactly, whitespace included (a line that
 * starts where a space was begins with it), so the name reads whole to a screen reader and a
 * search; whoever draws a line trims it (wrapName).
 */
export function nameLines(name: string, width: number, kind: NodeKind): string[] {
  const words = name.trim();
  if (words === '') return [name];
  const inset = textInset(kind);
  const perLine = Math.max(1, Math.floor((width - inset.left - inset.right) / NAME_FONT.charWidth));
  const lines: string[] = [];
  let line = '';
  /** The characters the line draws: a run of whitespace between words is drawn as one space. */
  let length = 0;
  let space = '';
  for (const token of words.split(/(\s+)/u)) {
    if (/^\s/u.test(token)) {
      space = token;
      continue;
    }
    const pieces = [...token].length > perLine ? token.split(NAME_BREAK).flatMap((p) => cut(p, perLine)) : [token];
    pieces.forEach((piece, i) => {
      const before = i === 0 ? space : '';
      const size = [...piece].length;
      const gap = before === '' ? 0 : 1;
      if (line !== '' && length + gap + size > perLine) {
        lines.push(line);
        line = before + piece;
        length = size;
      } else {
        line += before + piece;
        length += gap + size;
      }
    });
    space = '';
  }
  lines.push(line);
  // Whitespace around the name stays with its first and last lines.
  lines[0] = name.slice(0, name.length - name.trimStart().length) + lines[0];
  lines[lines.length - 1] += name.slice(name.trimEnd().length);
  return lines;
}

/** The lines of a name as drawn: nameLines with each run of whitespace one space, none around. */
export const wrapName = (name: string, width: number, kind: NodeKind): string[] => nameLines(name, width, kind).map((line) => line.trim().replace(/\s+/gu, ' '));

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
