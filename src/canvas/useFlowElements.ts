/**
 * The nodes and edges React Flow draws, derived from the store's document, validation and
 * selection. Nodes are kept in state so React Flow's measured sizes survive updates; unchanged
 * nodes and edges keep their identity, so only what changed re-renders.
 */
import { useCallback, useMemo, useState } from 'react';
import { applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { Position, SagaDocument, ValidationResult } from '../model/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { commitMoves } from './editing/useCanvasEditing.ts';
import { useDesignDoc, useOpenCount, useSelection } from '../store/selectors.ts';
import { prepareBeforeShowing } from '../store/openDesign.ts';
import { useValidation, validationOf } from '../store/validation.ts';
import { positionsOf, reconcileEdges, reconcileNodes, toFlowEdges, toFlowNodes, withSelection, type FlowEdge, type FlowNode } from './adapter.ts';
import { useProgressiveReveal } from './useProgressiveReveal.ts';

interface FlowElements {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const EMPTY: FlowElements = { nodes: [], edges: [] };

const derived = new WeakMap<SagaDocument, { validation: ValidationResult; elements: FlowElements }>();

/** The nodes and edges of a document as drawn, derived once per document and validation. */
export function flowElementsOf(doc: SagaDocument, validation: ValidationResult): FlowElements {
  const known = derived.get(doc);
  if (known?.validation === validation) return known.elements;
  const positions = positionsOf(doc);
  const edges = toFlowEdges(doc, positions);
  const elements = { nodes: toFlowNodes(doc, validation, edges, positions), edges };
  derived.set(doc, { validation, elements });
  return elements;
}

// An opened design's elements are derived in a task of their own, before it is drawn.
prepareBeforeShowing((doc) => void flowElementsOf(doc, validationOf(doc)));

export function useFlowElements() {
  const doc = useDesignDoc();
  const validation = useValidation();
  const selection = useSelection();
  const openCount = useOpenCount();
  const updateSelection = useDesignStore((s) => s.updateSelection);

  const base = useMemo<FlowElements>(() => (doc && validation ? flowElementsOf(doc, validation) : EMPTY), [doc, validation]);

  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [edges, setEdges] = useState<FlowEdge[]>([]);
  const [synced, setSynced] = useState<{ base: FlowElements; selection: typeof selection } | null>(null);
  if (synced?.base !== base || synced.selection !== selection) {
    // Adjusting state while rendering (not in an effect) so a new design never shows a stale frame.
    setSynced({ base, selection });
    setNodes((previous) => reconcileNodes(previous, withSelection(base.nodes, new Set(selection.nodes))));
    setEdges((previous) => reconcileEdges(previous, withSelection(base.edges, new Set(selection.edges))));
  }

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      const picked = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
      if (picked.length > 0) updateSelection('nodes', picked);
      // A finished drag or a keyboard move: the document learns the new positions, as one step.
      const moved = new Map<string, Position>();
      for (const c of changes) if (c.type === 'position' && c.position && !c.dragging) moved.set(c.id, c.position);
      commitMoves(moved);
    },
    [updateSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const picked = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
      if (picked.length > 0) updateSelection('edges', picked);
    },
    [updateSelection],
  );

  const drawn = useProgressiveReveal(nodes, edges, openCount);
  return { ...drawn, onNodesChange, onEdgesChange };
}
