/**
 * The inspector's changes to the design: each call is one operation of model/operations.ts,
 * applied once through the store, so each is exactly one undo step.
 */
import { removeElements, updateDocument, updateEdge, updateNode, type NodePatch } from '../../model/operations.ts';
import type { SagaDocument, SagaEdge } from '../../model/index.ts';
import { NOTHING_SELECTED, useDesignStore } from '../../store/designStore.ts';

type DesignPatch = Partial<Pick<SagaDocument, 'name' | 'description' | 'declaredStyle'>>;
type EdgePatch = Partial<Omit<SagaEdge, 'id' | 'source' | 'target'>>;

const store = () => useDesignStore.getState();

/** Changes attributes of one node; `undefined` removes an attribute (back to its default). */
export function patchNode(id: string, patch: NodePatch): void {
  store().apply((doc) => updateNode(doc, id, patch));
}

/** Changes attributes of one connection; `undefined` removes an attribute. */
export function patchEdge(id: string, patch: EdgePatch): void {
  store().apply((doc) => updateEdge(doc, id, patch));
}

/** Changes the design's name, description or declared style. */
export function patchDesign(patch: DesignPatch): void {
  store().apply((doc) => updateDocument(doc, patch));
}

/** Deletes nodes (with their connections) and connections, then clears the selection. */
export function deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void {
  store().apply((doc) => removeElements(doc, nodeIds, edgeIds));
  store().select(NOTHING_SELECTED);
}
