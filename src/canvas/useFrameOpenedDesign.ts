/**
 * Frames each newly opened design (not each edit); a saved design reopens with the view where it
 * was left. Framed from the design's positions and drawn sizes, so a big design drawn in slices
 * (useProgressiveReveal) is framed at once.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useDesignStore } from '../store/designStore.ts';
import { useOpenCount } from '../store/selectors.ts';
import { useFrameDesign } from './useFrameDesign.ts';

export function useFrameOpenedDesign(): void {
  const openCount = useOpenCount();
  const { setViewport } = useReactFlow();
  const frame = useFrameDesign();
  useEffect(() => {
    if (openCount === 0) return;
    const { doc, openedViewport: saved } = useDesignStore.getState();
    if (saved) void setViewport(saved);
    // Nothing to frame in an empty design.
    else if (!doc || doc.nodes.length === 0) void setViewport({ x: 0, y: 0, zoom: 1 });
    else void frame();
  }, [openCount, frame, setViewport]);
}
