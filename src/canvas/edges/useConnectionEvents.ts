/**
 * Selecting connections, which React Flow no longer sees (ConnectionLayer draws them): a click
 * selects one connection and nothing else, with Shift, Ctrl or Cmd it is added to the selection
 * (or taken out of it), Enter or Space on a focused connection selects it, Escape lets it go; a
 * click on the background clears them with the nodes. As React Flow does for its own edges.
 */
import { useCallback, useMemo } from 'react';
import { useStore, useStoreApi } from '@xyflow/react';
import { useDesignStore } from '../../store/designStore.ts';
import type { ConnectionEvents } from './Connection.tsx';

export function useConnectionEvents(): { events: ConnectionEvents; onPaneClick: () => void } {
  const flow = useStoreApi();
  const rfId = useStore((s) => s.rfId);
  const events = useMemo<ConnectionEvents>(
    () => ({
      select(id, add) {
        const { selection, select } = useDesignStore.getState();
        // The box round several selected nodes goes, as when React Flow selects an edge.
        flow.setState({ nodesSelectionActive: false });
        if (!add) return select({ nodes: [], edges: [id] });
        const has = selection.edges.includes(id);
        select({ nodes: selection.nodes, edges: has ? selection.edges.filter((e) => e !== id) : [...selection.edges, id] });
      },
      unselect(id) {
        useDesignStore.getState().updateSelection('edges', [{ id, selected: false }]);
      },
      describedBy: `react-flow__edge-desc-${rfId}`,
    }),
    [flow, rfId],
  );
  const onPaneClick = useCallback(() => {
    const { selection, select } = useDesignStore.getState();
    if (selection.edges.length > 0) select({ nodes: selection.nodes, edges: [] });
  }, []);
  return { events, onPaneClick };
}
