/**
 * Quoting what a user typed or a file holds in a message. Input may hold characters that do not
 * show (a byte order mark, zero-width spaces, right-to-left overrides that reorder the text
 * around them, control characters that a terminal obeys) and may be thousands of characters
 * long; a message shows such characters as `<U+FEFF>` and shortens long input with an ellipsis.
 */

/**
 * Characters that do not show or that change how the text around them shows: control
 * characters (C0, DEL, C1), format characters (zero-width, bidi controls, the byte order mark,
 * soft hyphen...), line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const codePoint = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** `text` with every invisible character written out: `"\uFEFF{"` -> `"<U+FEFF>{"`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, codePoint);
}

/** How many characters of input a message quotes before it shortens it. */
export const QUOTED_CHARS = 40;

/** `text` cut to `max` characters with an ellipsis, never in the middle of a character. */
export function truncated(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** `text` cut to `max` characters with an ellipsis, with its invisible characters shown (`visible`). */
export function shortened(text: string, max: number = QUOTED_CHARS): string {
  return visible(truncated(text, max));
}

/** Input quoted in a message: `"ghost"`, shortened and with invisible characters shown. */
export const quoted = (text: string, max: number = QUOTED_CHARS): string => `"${shortened(text, max)}"`;

/** A UTF-8 file may start with a byte order mark; it is not part of the design. */
export const withoutByteOrderMark = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
