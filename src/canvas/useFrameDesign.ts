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
      const { domNode, transform } = store.getState();
      if (!doc || doc.nodes.length === 0 || !domNode) return Promise.resolve(false);
      const [x, y, zoom] = transform;
      const frame = designFrame(doc, domNode.closest('.sb-canvas') ?? domNode, { x, y, zoom }, toggle);
      return setViewport(frame, { duration: animate ? viewportAnimationMs() : 0 });
    },
    [setViewport, store],
  );
}
