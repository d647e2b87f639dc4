/**
 * Text in an exported SVG: XML escaping, and names wrapped to a node's width (layout/nameLines.ts,
 * the same estimate the layouts size nodes with).
 */
export { CAPTION_FONT, NAME_FONT, TEXT_PADDING, textHeight, textInset, wrapName } from '../layout/nameLines.ts';

/** Characters XML 1.0 forbids even as references: C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value, escaped for XML; characters XML cannot hold become U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (ch) => ENTITY[ch]!);
}
