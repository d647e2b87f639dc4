/**
 * Tidy up: lays the whole design out with elkjs (off the main thread), with the node sizes as
 * drawn, and applies the result as one undo step; then frames it.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Direction } from '../../layout/elk-layout.ts';
import { layoutInWorker } from '../../layout/layoutInWorker.ts';
import type { Size } from '../../layout/nodeSize.ts';
import { moveNodes } from '../../model/operations.ts';
import { useDesignStore } from '../../store/designStore.ts';
import type { FlowEdge, FlowNode } from '../adapter.ts';
import { FIT_DESIGN, viewportAnimationMs } from '../viewport.ts';

let running = false;

/** Lays out the design on screen; a second request while one runs is ignored. */
export async function tidyUp(flow: ReactFlowInstance<FlowNode, FlowEdge>, direction: Direction): Promise<void> {
  const { doc, showHint } = useDesignStore.getState();
  if (!doc || doc.nodes.length === 0 || running) return;
  running = true;
  try {
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    const positions = await layoutInWorker(doc, direction, sizes);
    // Edits made while the layout ran are kept: only positions change, of nodes that still exist.
    useDesignStore.getState().apply((d) => moveNodes(d, positions));
    requestAnimationFrame(() => void flow.fitView({ ...FIT_DESIGN, duration: viewportAnimationMs() }));
  } catch (e) {
    showHint(`Tidy up failed: ${(e as Error).message}. The design is unchanged.`);
  } finally {
    running = false;
  }
}
