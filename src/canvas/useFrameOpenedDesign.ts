/**
 * Frames each newly opened design (not each edit) once its nodes have been measured; a saved
 * design reopens with the view where it was left.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { SagaDocument } from '../model/index.ts';
import { nodeSize } from '../layout/nodeSize.ts';
import { positionsOf } from '../layout/positions.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useOpenCount } from '../store/selectors.ts';
import { REVEAL_SLICE } from './useProgressiveReveal.ts';
import { FIT_DESIGN } from './viewport.ts';

export function useFrameOpenedDesign(): void {
  const openCount = useOpenCount();
  const { fitView, fitBounds, setViewport } = useReactFlow();
  useEffect(() => {
    if (openCount === 0) return;
    const { doc, openedViewport: saved } = useDesignStore.getState();
    // Nothing to frame in an empty design; a fit queued now would wait for the first node added, then jump to it.
    if (!doc || doc.nodes.length === 0) return void setViewport(saved ?? { x: 0, y: 0, zoom: 1 });
    // A big design is drawn a slice at a time (useProgressiveReveal): framed from its positions
    // and drawn sizes at once, not from the nodes drawn so far.
    const framed = doc.nodes.length > REVEAL_SLICE ? fitBounds(boundsOf(doc), { padding: 0.04 }) : fitView(FIT_DESIGN);
    // The framing waits for the nodes to be measured; restoring after it keeps it from undoing the restore.
    if (saved) void framed.then(() => setViewport(saved));
  }, [openCount, fitView, fitBounds, setViewport]);
}

/** The rectangle the design covers, as drawn. */
function boundsOf(doc: SagaDocument) {
  const positions = positionsOf(doc);
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const n of doc.nodes) {
    const at = positions.get(n.id)!;
    const size = nodeSize(n.name, n.kind);
    left = Math.min(left, at.x);
    top = Math.min(top, at.y);
    right = Math.max(right, at.x + size.width);
    bottom = Math.max(bottom, at.y + size.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
