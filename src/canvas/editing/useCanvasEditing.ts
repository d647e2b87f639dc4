/**
 * What the canvas does with the mouse: drop from the palette, connect handles (refusing what the
 * spec forbids, with a hint), and commit a finished drag or keyboard move as one operation.
 */
import { useCallback, type DragEvent } from 'react';
import { useReactFlow, type Connection, type FinalConnectionState, type IsValidConnection } from '@xyflow/react';
import { perform } from '../../actions/action.ts';
import * as design from '../../actions/design.ts';
import { addNode, addNote, connect, connectionProblem, NOTE_WIDTH, type NodePreset } from '../../model/operations.ts';
import type { Position } from '../../model/index.ts';
import { nodeSize } from '../../layout/nodeSize.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { continueLastStep, nameField, noteField } from '../../store/typing.ts';
import type { CanvasNode, FlowEdge } from '../adapter.ts';
import { askAnswer } from '../answers/answerStore.ts';

/** The MIME type a palette item carries while it is dragged: a node preset, or `note`. */
export const PALETTE_MIME = 'application/x-sagaboard-node';

/** What the palette adds: a node of a preset, or a note. */
export type PaletteItem = NodePreset | 'note';

const store = () => useDesignStore.getState();

/** Adds a node of `preset` centred on `at`, selects it and puts its name up for typing. */
export function placeNode(preset: NodePreset, at: Position): void {
  const { doc, select, startRenaming } = store();
  if (!doc) return;
  const placed = addNode(doc, preset, { x: 0, y: 0 });
  const node = placed.doc.nodes.find((n) => n.id === placed.id)!;
  const size = nodeSize(node.name);
  const position = { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) };
  perform(design.addNode, { preset, position });
  // The name typed next belongs to the same undo step: undo removes the node, not just its name.
  continueLastStep(nameField(placed.id));
  select({ nodes: [placed.id], edges: [] });
  startRenaming(placed.id);
}

/** Adds an empty note centred on `at`, selects it and opens it for writing: writing it is part of the same undo step. */
export function placeNote(at: Position): void {
  const { doc, select, startRenaming } = store();
  if (!doc) return;
  const position = { x: Math.round(at.x - NOTE_WIDTH / 2), y: Math.round(at.y - 20) };
  const placed = addNote(doc, position);
  perform(design.addNote, { position });
  continueLastStep(noteField(placed.id));
  select({ nodes: [placed.id], edges: [] });
  startRenaming(placed.id);
}

/** Adds what a palette item stands for at `at`. */
export function placeItem(item: PaletteItem, at: Position): void {
  if (item === 'note') placeNote(at);
  else placeNode(item, at);
}

/** Connects two nodes, or shows why the spec does not allow it. */
export function connectNodes(source: string, target: string): boolean {
  const { doc, showHint } = store();
  if (!doc) return false;
  const result = connect(doc, source, target);
  if (!result.ok) {
    showHint(result.reason);
    return false;
  }
  perform(design.connect, { source, target });
  showHint(null);
  if (result.answer) askAnswer(result.answer);
  return true;
}

/** Commits the positions of moved nodes as one operation (grid-snapped, whole pixels). */
export function commitMoves(moves: ReadonlyMap<string, Position>): void {
  if (moves.size === 0) return;
  const rounded = new Map([...moves].map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
  perform(design.move, { positions: rounded });
}

export function useCanvasEditing() {
  const { screenToFlowPosition } = useReactFlow<CanvasNode, FlowEdge>();

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback((c) => {
    const doc = store().doc;
    if (!doc || !c.source || !c.target) return false;
    const problem = connectionProblem(doc, c.source, c.target);
    if (problem && store().hint?.message !== problem) store().showHint(problem);
    return problem === undefined;
  }, []);

  const onConnect = useCallback((c: Connection) => void connectNodes(c.source, c.target), []);

  /** Dropping a connection on a node's body (not only its handle) connects to that node too. */
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (!point) return;
    const element = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
    const target = element?.dataset.id;
    if (!target || target === state.fromNode.id) return;
    const [source, to] = state.fromHandle?.type === 'target' ? [target, state.fromNode.id] : [state.fromNode.id, target];
    connectNodes(source, to);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = event.dataTransfer.getData(PALETTE_MIME) as PaletteItem;
      if (!item) return;
      event.preventDefault();
      placeItem(item, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [screenToFlowPosition],
  );

  const onNodeDoubleClick = useCallback((_: unknown, node: CanvasNode) => store().startRenaming(node.id), []);

  return { isValidConnection, onConnect, onConnectEnd, onDragOver, onDrop, onNodeDoubleClick };
}
