/**
 * The nodes and edges React Flow draws, derived from the store's document, validation and
 * selection. Nodes are kept in state so React Flow's measured sizes survive updates; unchanged
 * nodes and edges keep their identity, so only what changed re-renders.
 *
 * Group frames (spec §1.2a) follow their nodes: after every change of the drawn nodes, frames are
 * fitted around their nodes as drawn (a node being dragged included). Dragging a frame by its
 * name moves its nodes with it, and the drop moves them in the document as one undo step.
 */
import { useCallback, useRef, useState } from 'react';
import { applyNodeChanges, useStoreApi, type NodeChange } from '@xyflow/react';
import type { Position, SagaDocument, ValidationResult } from '../model/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { commitMoves } from './editing/useCanvasEditing.ts';
import { useDesignDoc, useOpenCount, useSelection } from '../store/selectors.ts';
import { prepareBeforeShowing } from '../store/openDesign.ts';
import { onlyMoved, useValidation, validationOf } from '../store/validation.ts';
import {
  connectionsOf,
  fitFrames,
  isDesignNode,
  isFrame,
  liveWhileReplanned,
  movedConnections,
  planUnplanned,
  positionsOf,
  reconcileEdges,
  reconcileNodes,
  toFlowNodes,
  toFrameNodes,
  toNoteNodes,
  withSelection,
  type CanvasNode,
  type FlowEdge,
  type FrameFlowNode,
  type Unplanned,
  withPlans,
} from './adapter.ts';
import { planLater } from './edges/planInWorker.ts';
import { useProgressiveReveal } from './useProgressiveReveal.ts';

interface FlowElements {
  nodes: CanvasNode[];
  edges: FlowEdge[];
}

const EMPTY: FlowElements = { nodes: [], edges: [] };

interface Derived {
  validation: ValidationResult;
  elements: FlowElements;
  connections: Unplanned;
}

const derived = new WeakMap<SagaDocument, Derived>();

/** The nodes and edges of a document as drawn, derived once per document and validation: frames first (behind), then nodes, then notes. */
export function flowElementsOf(doc: SagaDocument, validation: ValidationResult): FlowElements {
  return derivedOf(doc, validation).elements;
}

function derivedOf(doc: SagaDocument, validation: ValidationResult): Derived {
  const known = derived.get(doc);
  if (known?.validation === validation) return known;
  const positions = positionsOf(doc);
  const connections = connectionsOf(doc, positions);
  const edges = withPlans(connections, planUnplanned(connections));
  const elements = { nodes: [...toFrameNodes(doc, positions), ...toFlowNodes(doc, validation, positions), ...toNoteNodes(doc)], edges };
  const result = { validation, elements, connections };
  derived.set(doc, result);
  return result;
}

// An opened design's elements are derived in a task of their own, before it is drawn.
prepareBeforeShowing((doc) => void flowElementsOf(doc, validationOf(doc)));

/** The design on the canvas, and the last document drawn of it. */
let drawnLast: { doc: SagaDocument; derived: Derived } | undefined;

/**
 * As flowElementsOf, for the canvas's successive documents: when the new one only moved nodes of
 * the one drawn before (a move, a tidy up applied a slice a frame), the nodes are moved where they
 * were drawn, their connections drawn live (adapter.ts liveWhileReplanned), and the routes planned
 * again in a worker (edges/planInWorker.ts); `onPlanned` runs when they are in. The edit paints
 * without waiting for the planning.
 */
function editedElementsOf(doc: SagaDocument, validation: ValidationResult, onPlanned: () => void): FlowElements {
  const before = drawnLast;
  let result = derived.get(doc);
  if (result?.validation !== validation) {
    result = before && before.derived.validation === validation && onlyMoved(before.doc, doc) ? moved(before.doc, before.derived, doc) : derivedOf(doc, validation);
  }
  drawnLast = { doc, derived: result };
  return result.elements;

  function moved(from: SagaDocument, was: Derived, to: SagaDocument): Derived {
    const positions = positionsOf(to);
    // Loops, not flatMap: a tidy up moves nodes twenty at a time, and each slice would make a list per node.
    const ids = new Set<string>();
    for (let i = 0; i < to.nodes.length; i++) if (to.nodes[i] !== from.nodes[i]) ids.add(to.nodes[i]!.id);
    const nodes: CanvasNode[] = [];
    for (const n of was.elements.nodes) {
      if (!isDesignNode(n)) continue;
      nodes.push(ids.has(n.id) ? { ...n, position: positions.get(n.id)! } : n);
    }
    const connections = movedConnections(was.connections, positions, ids);
    const next: Derived = {
      validation: was.validation,
      elements: { nodes: [...toFrameNodes(to, positions), ...nodes, ...toNoteNodes(to)], edges: liveWhileReplanned(was.elements.edges, ids) },
      connections,
    };
    derived.set(to, next);
    void planLater(connections).then((plans) => {
      if (!plans || derived.get(to) !== next) return;
      derived.set(to, { ...next, elements: { ...next.elements, edges: withPlans(connections, plans, next.elements.edges) } });
      onPlanned();
    });
    return next;
  }
}

function clearConnections(): void {
  const { selection, select } = useDesignStore.getState();
  if (selection.edges.length > 0) select({ nodes: selection.nodes, edges: [] });
}

/** A frame being dragged: where it and its nodes were when the drag began. */
interface FrameDrag {
  start: Position;
  members: Map<string, Position>;
}

export function useFlowElements() {
  const doc = useDesignDoc();
  const validation = useValidation();
  const selection = useSelection();
  const openCount = useOpenCount();
  const updateSelection = useDesignStore((s) => s.updateSelection);
  const flowStore = useStoreApi<CanvasNode, FlowEdge>();

  // Renders again when the routes of a move come back from the planner (editedElementsOf).
  const [, setPlanned] = useState(0);
  const onPlanned = useCallback(() => setPlanned((n) => n + 1), []);
  // Derived once per document (a lookup after that); a new object when the routes came in.
  const base = doc && validation ? editedElementsOf(doc, validation, onPlanned) : EMPTY;

  const [nodes, setNodes] = useState<CanvasNode[]>([]);
  const [edges, setEdges] = useState<FlowEdge[]>([]);
  const [synced, setSynced] = useState<{ base: FlowElements; selection: typeof selection } | null>(null);
  if (synced?.base !== base || synced.selection !== selection) {
    // Adjusting state while rendering (not in an effect) so a new design never shows a stale frame.
    setSynced({ base, selection });
    setNodes((previous) => fitFrames(reconcileNodes(previous, withSelection(base.nodes, new Set(selection.nodes)))));
    setEdges((previous) => reconcileEdges(previous, withSelection(base.edges, new Set(selection.edges))));
  }

  const frameDrags = useRef(new Map<string, FrameDrag>());

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const { nodeLookup, userSelectionActive } = flowStore.getState();
      const drawn = (id: string) => nodeLookup.get(id)?.internals.userNode;
      // A box drawn to select nodes does not select the frames it touches: select a frame by its name.
      const kept = userSelectionActive ? changes.filter((c) => !(c.type === 'select' && c.selected && drawn(c.id)?.type === 'frame')) : changes;
      const all = [...kept, ...membersFollow(kept, drawn, frameDrags.current)];
      setNodes((current) => fitFrames(applyNodeChanges(all, current)));
      const picked = all.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
      if (picked.length > 0) updateSelection('nodes', picked);
      // A node selected without Shift, Ctrl or Cmd is the whole selection: the connections selected
      // go too (React Flow would say so for its own edges; it does not see ours, ConnectionLayer).
      if (picked.some((p) => p.selected) && !flowStore.getState().multiSelectionActive) clearConnections();
      // A finished drag or a keyboard move: the document learns the new positions, as one step.
      const moved = new Map<string, Position>();
      for (const c of all) if (c.type === 'position' && c.position && !c.dragging && drawn(c.id)?.type !== 'frame') moved.set(c.id, c.position);
      commitMoves(moved);
    },
    [updateSelection, flowStore],
  );

  const drawn = useProgressiveReveal(nodes, edges, openCount);
  return { ...drawn, onNodesChange };
}

/**
 * The moves of a dragged frame's nodes: each by as much as the frame moved since the drag began
 * (nodes dragged along anyway, being selected too, keep their own move). A move that is not a
 * drag (an arrow key) moves them from where they are.
 */
export function membersFollow(changes: readonly NodeChange<CanvasNode>[], drawn: (id: string) => CanvasNode | undefined, drags: Map<string, FrameDrag>): NodeChange<CanvasNode>[] {
  const extra: NodeChange<CanvasNode>[] = [];
  const movedAnyway = new Set(changes.flatMap((c) => (c.type === 'position' ? [c.id] : [])));
  for (const c of changes) {
    if (c.type !== 'position' || !c.position) continue;
    const frame = drawn(c.id);
    if (!frame || !isFrame(frame)) continue;
    let drag = drags.get(c.id);
    if (!drag) {
      drag = { start: frame.position, members: membersOf(frame, drawn) };
      if (c.dragging) drags.set(c.id, drag);
    }
    if (!c.dragging) drags.delete(c.id);
    const dx = c.position.x - drag.start.x;
    const dy = c.position.y - drag.start.y;
    for (const [id, at] of drag.members) {
      if (movedAnyway.has(id)) continue;
      movedAnyway.add(id);
      extra.push({ type: 'position', id, position: { x: at.x + dx, y: at.y + dy }, dragging: c.dragging ?? false });
    }
  }
  return extra;
}

function membersOf(frame: FrameFlowNode, drawn: (id: string) => CanvasNode | undefined): Map<string, Position> {
  const members = new Map<string, Position>();
  for (const id of frame.data.members) {
    const node = drawn(id);
    if (node) members.set(id, node.position);
  }
  return members;
}
