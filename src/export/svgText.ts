/**
 * Text in an exported SVG: XML escaping, and names wrapped to a node's width. Widths are
 * estimated from character counts (no fonts are measured, so it runs in Node), with the same
 * 8 px per character as layout/nodeSize.ts.
 */
import type { NodeKind } from '../model/index.ts';

/** Characters XML 1.0 forbids even as references: C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value, escaped for XML; characters XML cannot hold become U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (ch) => ENTITY[ch]!);
}

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

/** A name as lines that fit `width` (simple word wrap; a word longer than a line is cut). */
export function wrapName(name: string, width: number, kind: NodeKind): string[] {
  const inset = textInset(kind);
  const perLine = Math.max(1, Math.floor((width - inset.left - inset.right) / NAME_FONT.charWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of name.trim().split(/\s+/u)) {
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
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** The height a node needs for its caption and its wrapped name. */
export function textHeight(lineCount: number): number {
  return 2 * TEXT_PADDING.vertical + CAPTION_FONT.lineHeight + TEXT_PADDING.gap + lineCount * NAME_FONT.lineHeight;
}
