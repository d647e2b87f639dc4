/**
 * The inspector's changes to the design: each call performs one named action (actions/design.ts),
 * so each is exactly one undo step, with its name.
 */
import { perform } from '../../actions/action.ts';
import * as design from '../../actions/design.ts';
import type { NodePatch } from '../../model/operations.ts';
import type { SagaDocument, SagaEdge } from '../../model/index.ts';
import { NOTHING_SELECTED, useDesignStore } from '../../store/designStore.ts';

type DesignPatch = Partial<Pick<SagaDocument, 'name' | 'description' | 'declaredStyle'>>;
type EdgePatch = Partial<Omit<SagaEdge, 'id' | 'source' | 'target'>>;

const store = () => useDesignStore.getState();

/** Changes attributes of one node; `undefined` removes an attribute (back to its default). */
export function patchNode(id: string, patch: NodePatch): void {
  perform(design.patchNode, { id, patch });
}

/** Changes attributes of one connection; `undefined` removes an attribute. */
export function patchEdge(id: string, patch: EdgePatch): void {
  perform(design.patchEdge, { id, patch });
}

/** Changes the design's name, description or declared style. */
export function patchDesign(patch: DesignPatch): void {
  perform(design.patchDesign, { patch });
}

/** Deletes nodes (with their connections) and connections, then clears the selection. */
export function deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void {
  perform(design.remove, { nodes: nodeIds, edges: edgeIds });
  store().select(NOTHING_SELECTED);
}
