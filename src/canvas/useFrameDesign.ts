/** Framing the design in view (see viewport.ts), for every place that does it. */
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useDesignStore } from '../store/designStore.ts';
import { designFrame, viewportAnimationMs } from './viewport.ts';

export interface FrameOptions {
  /** Glide there (unless the system asks for reduced motion). */
  animate?: boolean;
  /** Already framed: show the whole design instead (F pressed again). */
  toggle?: boolean;
}

/** A function that frames the open design on the canvas, from its positions (no need to wait for React Flow). */
export function useFrameDesign(): (options?: FrameOptions) => Promise<boolean> {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    ({ animate = false, toggle = false }: FrameOptions = {}) => {
      const doc = useDesignStore.getState().doc;
      const { domNode, transform, edges } = store.getState();
      if (!doc || doc.nodes.length === 0 || !domNode) return Promise.resolve(false);
      const [x, y, zoom] = transform;
      // The lanes of the connections as drawn: replies riding round the design are part of it.
      const frame = designFrame(doc, domNode.closest('.sb-canvas') ?? domNode, edges.map((e) => e.data), { x, y, zoom }, toggle);
      return setViewport(frame, { duration: animate ? viewportAnimationMs() : 0 });
    },
    [setViewport, store],
  );
}
