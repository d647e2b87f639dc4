/**
 * A converted design laid out afresh (spec §6.2: the result is tidied up), so that the app can
 * show it and the command line can write it with positions. Pure: the fallback layout, no elk.
 */
import { convert, type ConversionResult, type ConversionTarget, type ConvertOptions, type SagaDocument } from '../model/index.ts';
import { fallbackLayout } from './fallback.ts';

export function convertLaidOut(doc: SagaDocument, to: ConversionTarget, options: ConvertOptions = {}): ConversionResult {
  const result = convert(doc, to, options);
  if (!result.ok) return result;
  const positions = fallbackLayout(result.doc);
  const nodes = result.doc.nodes.map((n) => ({ ...n, position: positions.get(n.id)! }));
  return { ...result, doc: { ...result.doc, nodes } };
}
