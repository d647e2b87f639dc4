/**
 * Frames each newly opened design (not each edit) once its nodes have been measured; a saved
 * design reopens with the view where it was left.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useDesignStore } from '../store/designStore.ts';
import { useOpenCount } from '../store/selectors.ts';
import { FIT_DESIGN } from './viewport.ts';

export function useFrameOpenedDesign(): void {
  const openCount = useOpenCount();
  const { fitView, setViewport } = useReactFlow();
  useEffect(() => {
    if (openCount === 0) return;
    const { doc, openedViewport: saved } = useDesignStore.getState();
    // Nothing to frame in an empty design; a fit queued now would wait for the first node added, then jump to it.
    if (!doc || doc.nodes.length === 0) return void setViewport(saved ?? { x: 0, y: 0, zoom: 1 });
    const framed = fitView(FIT_DESIGN);
    // The framing waits for the nodes to be measured; restoring after it keeps it from undoing the restore.
    if (saved) void framed.then(() => setViewport(saved));
  }, [openCount, fitView, setViewport]);
}
