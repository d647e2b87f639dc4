/** Selecting nodes and edges from a panel and bringing them into view on the canvas. */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { viewportAnimationMs } from '../canvas/viewport.ts';
import { useDesignStore } from '../store/designStore.ts';

export interface FocusTarget {
  nodes: readonly string[];
  edges: readonly string[];
}

/** Returns a function that selects the target and centres the view on it (or on its edges' ends). */
export function useFocusOn(): (target: FocusTarget) => void {
  const { fitView } = useReactFlow();
  return useCallback(
    (target: FocusTarget) => {
      const { doc, select } = useDesignStore.getState();
      if (!doc) return;
      const exists = new Set(doc.nodes.map((n) => n.id));
      const ends = doc.edges.filter((e) => target.edges.includes(e.id)).flatMap((e) => [e.source, e.target]);
      const inView = [...new Set(target.nodes.length > 0 ? target.nodes : ends)].filter((id) => exists.has(id));
      select({ nodes: target.nodes.filter((id) => exists.has(id)), edges: [...target.edges] });
      if (inView.length > 0) {
        void fitView({ nodes: inView.map((id) => ({ id })), padding: 0.4, maxZoom: 1.15, duration: viewportAnimationMs() });
      }
    },
    [fitView],
  );
}
