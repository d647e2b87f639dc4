/**
 * Free text inside Mermaid source. Mermaid reads names as syntax in many places (quotes end a
 * label, `;` ends a statement, `%%{...}%%` anywhere is a config directive, a leading backtick
 * starts Markdown) and renders labels as HTML. So every ASCII character that is not plainly
 * text becomes a Mermaid entity code (`#quot;`, `#60;`), which Mermaid turns back into that
 * character as text, never as markup; line breaks become spaces; control characters go.
 */

/** ASCII characters that are text in every place a name appears (quoted labels, participant aliases, messages). */
const PLAIN = /^[A-Za-z0-9 .,!?'()*+\-/=@$~^_]$/;
const NAMED: Readonly<Record<string, string>> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;' };

/** Shown for a name with nothing printable in it: Mermaid refuses an empty label. */
export const UNNAMED = '(unnamed)';

/** A name or note as Mermaid text: entity codes for syntax characters, one line, never empty. */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of oneLine(text)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out += PLAIN.test(ch) ? ch : (NAMED[ch] ?? `#${code};`);
    else out += /\p{Cs}/u.test(ch) ? '\uFFFD' : ch;
  }
  return out === '' ? UNNAMED : out;
}

/**
 * A title for Mermaid's front matter: a YAML double-quoted string (JSON is valid YAML) whose
 * syntax characters are `\u` escapes, so that no directive or quote can appear in the source.
 */
export function mermaidTitle(text: string): string {
  let out = '';
  for (const ch of oneLine(text)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 && !PLAIN.test(ch)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += /\p{Cs}/u.test(ch) ? '\uFFFD' : ch;
  }
  return `"${out}"`;
}

/** Whitespace runs (newlines, tabs, line separators) as one space; other control characters removed. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/\p{Cc}/gu, '').trim();
}

/** `n3_place_order`: Mermaid node ids from their index (unique, never a keyword) and the letters of the design's id (readable). */
export function mermaidId(prefix: string, index: number, id: string): string {
  const letters = id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return letters ? `${prefix}${index + 1}_${letters}` : `${prefix}${index + 1}`;
}
