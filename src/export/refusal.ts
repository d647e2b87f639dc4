/** Why an export is refused: a design (or trace) with nothing to show. */
import type { SagaDocument } from '../model/index.ts';

/** An export that cannot be made; its message is one sentence for the user. */
export class ExportRefused extends Error {
  override readonly name = 'ExportRefused';
}

export const EMPTY_DESIGN = 'the design is empty: there is nothing to export; add a node first';

/** Throws ExportRefused for a design without nodes: an empty file, diagram or picture helps nobody. */
export function refuseEmpty(doc: Pick<SagaDocument, 'nodes'>): void {
  if (doc.nodes.length === 0) throw new ExportRefused(EMPTY_DESIGN);
}
