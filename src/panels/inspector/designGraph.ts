/** The graph of a design (nodes by id, connections by meaning), built once per document object. */
import { buildGraph, type DesignGraph, type SagaDocument } from '../../model/index.ts';

const graphs = new WeakMap<SagaDocument, DesignGraph>();

/** `buildGraph(doc)`, memoised on the document's identity (documents are never mutated). */
export function graphOf(doc: SagaDocument): DesignGraph {
  let g = graphs.get(doc);
  if (!g) {
    g = buildGraph(doc);
    graphs.set(doc, g);
  }
  return g;
}
