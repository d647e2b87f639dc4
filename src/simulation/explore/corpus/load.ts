/** Reads the planted-bug designs of this folder (Node only: tests, benchmark). The reference processes: model/testing/builder.ts `example`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument, type SagaDocument } from '../../../model/index.ts';

/** The corpus design `id` (a file of this folder). */
export function corpusDesign(id: string): SagaDocument {
  const path = join(import.meta.dirname, `${id}.sagaboard.json`);
  const result = loadDocument(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.doc;
}
