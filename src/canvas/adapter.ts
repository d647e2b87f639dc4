/**
 * The one place where a Sagaboard document becomes React Flow nodes and edges, and where canvas
 * changes go back into a document. React Flow-only fields (handles, lanes, selection, measured
 * sizes) are derived here and never written into the document.
 *
 * Notes and groups (spec §1.2a) are React Flow nodes too: a note where the document puts it, and
 * a group as its name on the top edge of a frame around its nodes' boxes. The frame itself is no
 * React Flow node (a parent node would make its nodes' positions relative to it, and a node of its
 * size would sit over the connections or take their clicks): FrameLayer draws it behind the
 * connections from the box its name carries. `fitFrames` follows the nodes as they are dragged,
 * and dragging a group's name moves its nodes (useFlowElements).
 */
import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import {
  attemptsText,
  buildGraph,
  durationText,
  isCompensationCommand,
  edgeMeaning,
  EDGE_MEANING_LABEL,
  retryPolicyText,
  type DesignGraph,
  type Diagnostic,
  type EdgeMeaning,
  type NodeKind,
  type Position,
  type SagaDocument,
  type SagaNode,
  type ValidationResult,
} from '../model/index.ts';

import { FRAME_LABEL, frameAround, NOTE_WIDTH, type Box as FrameBox } from '../layout/annotations.ts';
import { positionsOf } from '../layout/positions.ts';
import type { Box } from './edges/geometry.ts';
import { planConnections, samePlan, type ConnectionPlan, type ConnectionToPlan } from './edges/plan.ts';
import { nodeSize } from './metrics.ts';

export { positionsOf };

/** What a node draws, and nothing else: a change to one node re-renders that node only. */
export interface SagaNodeData extends Record<string, unknown> {
  name: string;
  /** An event with outcome "failure". */
  failure: boolean;
  /** An event that ends the process. */
  terminal: boolean;
  /** A command that undoes another one (target of a compensated-by connection). */
  compensation: boolean;
  /** The participant the validator found coordinating the flow. */
  coordinator: boolean;
  errors: number;
  warnings: number;
  infos: number;
  /** A command's retry policy: its attempts (0 = no limit), present only when it is retried. */
  retryAttempts?: number;
  /** The retry policy in a sentence, for the badge's tooltip and screen readers. */
  retryText?: string;
  /** A command's timeout in simulated milliseconds, present only when it has one. */
  timeoutMs?: number;
}

/** The colour family of a connection: which kind of message travels on it. */
export type EdgeFamily = 'command' | 'event' | 'failure' | 'compensation' | 'invalid';

/**
 * With how the connection is drawn (edges/plan.ts): the sides of its nodes it joins, where along
 * them, and the lane it takes round nodes in the way. Flat fields, so an unchanged connection
 * compares equal and is not drawn again.
 */
export interface MessageEdgeData extends Record<string, unknown>, ConnectionPlan {
  meaning: EdgeMeaning | 'invalid';
  family: EdgeFamily;
  label?: string;
  /** One of its nodes moved and its route is being planned again: until then its ends face each other, as while dragging. */
  live?: boolean;
}

export type FlowNode = Node<SagaNodeData, NodeKind>;
export type FlowEdge = Edge<MessageEdgeData, 'message'>;

/** What a note draws. */
export interface NoteData extends Record<string, unknown> {
  text: string;
}

/** What a group's name on its frame draws, whose boxes the frame goes around, and where the frame is. */
export interface FrameData extends Record<string, unknown> {
  name: string;
  color?: string;
  /** The group's node ids (the document's own list: the same array while the group is unchanged). */
  members: readonly string[];
  /** The frame around the members' boxes, in flow coordinates. */
  box: FrameBox;
}

export type NoteFlowNode = Node<NoteData, 'note'>;
export type FrameFlowNode = Node<FrameData, 'frame'>;
/** Everything React Flow draws as a node: the design's nodes, notes and group frames. */
export type CanvasNode = FlowNode | NoteFlowNode | FrameFlowNode;


export const isDesignNode = (n: CanvasNode): n is FlowNode => n.type !== 'note' && n.type !== 'frame';
export const isFrame = (n: CanvasNode): n is FrameFlowNode => n.type === 'frame';

/** The document's notes as React Flow nodes: drawn as wide as the note says, as tall as their text. */
export function toNoteNodes(doc: SagaDocument): NoteFlowNode[] {
  return (doc.notes ?? []).map((n) => ({
    id: n.id,
    type: 'note',
    position: n.position,
    width: n.width ?? NOTE_WIDTH,
    data: { text: n.text },
    ariaLabel: `Note: ${n.text.trim() === '' ? 'empty' : n.text.length > 120 ? `${n.text.slice(0, 120)}…` : n.text}`,
  }));
}

/** The document's groups as frames around their nodes' boxes (as sized before React Flow measures them); a group with no node drawn has no frame. */
export function toFrameNodes(doc: SagaDocument, positions = positionsOf(doc)): FrameFlowNode[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const frames: FrameFlowNode[] = [];
  for (const g of doc.groups ?? []) {
    const boxes = g.nodes.flatMap((id) => {
      const node = byId.get(id);
      const at = positions.get(id);
      return node && at ? [{ ...at, ...nodeSize(node.name) }] : [];
    });
    const box = frameAround(boxes);
    if (!box) continue;
    frames.push({
      id: g.id,
      type: 'frame',
      position: labelPosition(box),
      data: { name: g.name, members: g.nodes, box, ...(g.color !== undefined && { color: g.color }) },
      connectable: false,
      ariaLabel: `Group ${g.name}, ${g.nodes.length} node${g.nodes.length === 1 ? '' : 's'}`,
    });
  }
  return frames;
}

/** Where a group's name sits: on the frame's top edge, near its left corner (layout/annotations.ts). */
export const labelPosition = (box: FrameBox) => ({ x: box.x + FRAME_LABEL.inset, y: box.y - FRAME_LABEL.height / 2 });

/**
 * Frames fitted around their nodes as drawn now (moved, and measured by React Flow): called after
 * every change of the drawn nodes, so a frame follows its nodes while they are dragged. Returns
 * the same array when no frame moved.
 */
export function fitFrames(nodes: readonly CanvasNode[]): CanvasNode[] {
  if (!nodes.some(isFrame)) return nodes as CanvasNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let changed = false;
  const fitted = nodes.map((n) => {
    if (!isFrame(n)) return n;
    const boxes: FrameBox[] = [];
    for (const id of n.data.members) {
      const member = byId.get(id);
      if (!member || !isDesignNode(member)) continue;
      boxes.push({ ...member.position, ...drawnSize(member) });
    }
    const box = frameAround(boxes);
    const now = n.data.box;
    if (!box || (box.x === now.x && box.y === now.y && box.width === now.width && box.height === now.height)) return n;
    changed = true;
    return { ...n, position: labelPosition(box), data: { ...n.data, box } };
  });
  return changed ? fitted : (nodes as CanvasNode[]);
}

export const KIND_LABEL: Readonly<Record<NodeKind, string>> = {
  actor: 'Actor',
  service: 'Service',
  orchestrator: 'Orchestrator',
  command: 'Command',
  event: 'Event',
};

/** The document's nodes as React Flow nodes, with what each one draws. */
export function toFlowNodes(doc: SagaDocument, validation: ValidationResult, positions = positionsOf(doc)): FlowNode[] {
  const graph = buildGraph(doc);
  const problems = problemsByNode(validation.diagnostics);
  return doc.nodes.map((n) => {
    const data = nodeData(n, graph, problems.get(n.id), validation.coordinator === n.id);
    // `measured` is the size the node will have: React Flow, measuring the node the moment it is
    // mounted, finds nothing changed and draws no node in view a second time.
    const size = nodeSize(n.name, n.kind);
    const { width, height } = size;
    return { id: n.id, type: n.kind, position: positions.get(n.id)!, width, initialHeight: height, measured: size, handles: handlesOf(width, height), data, ariaLabel: describeNode(n.kind, data) };
  });
}

/** A connect handle as React Flow measures it on the page (nodes/ConnectHandles.tsx, nodes.css): 12 px square, centred on the node's side, reaching 4 px past it. */
const HANDLE = { size: 12, outside: 4 };

/**
 * Where a node's two handles are, declared before React Flow measures the node: otherwise React
 * Flow draws every node once, seen or not, to learn them (Canvas.tsx, onlyRenderVisibleElements).
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let handles = handlesBySize.get(key);
  if (!handles) {
    const { size, outside } = HANDLE;
    const y = height / 2 - size / 2;
    handles = [
      { id: 'in', type: 'target', position: Side.Left, x: -outside, y, width: size, height: size },
      { id: 'out', type: 'source', position: Side.Right, x: width + outside - size, y, width: size, height: size },
    ];
    handlesBySize.set(key, handles);
  }
  return handles;
}

/** Nodes of one size share their handles (React Flow only reads them). */
const handlesBySize = new Map<string, NodeHandle[]>();

function nodeData(n: SagaNode, graph: DesignGraph, problems: Counts | undefined, coordinator: boolean): SagaNodeData {
  return {
    name: n.name,
    failure: n.kind === 'event' && n.outcome === 'failure',
    terminal: n.kind === 'event' && n.terminal === true,
    compensation: n.kind === 'command' && isCompensationCommand(graph, n.id),
    coordinator,
    errors: problems?.error ?? 0,
    warnings: problems?.warning ?? 0,
    infos: problems?.info ?? 0,
    // Numbers and text only, so that an unchanged policy compares equal and the node does not re-render.
    ...(n.kind === 'command' && n.retry ? { retryAttempts: n.retry.maxAttempts, retryText: retryPolicyText(n.retry) } : {}),
    ...(n.kind === 'command' && n.timeoutMs !== undefined ? { timeoutMs: n.timeoutMs } : {}),
  };
}

type Counts = { error: number; warning: number; info: number };

function problemsByNode(diagnostics: readonly Diagnostic[]): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const d of diagnostics) {
    for (const id of new Set(d.nodes)) {
      const c = counts.get(id) ?? { error: 0, warning: 0, info: 0 };
      c[d.severity]++;
      counts.set(id, c);
    }
  }
  return counts;
}

/** A sentence for screen readers: "Failure event PaymentFailed, 1 error", "Command ProcessPayment, retried up to 3 attempts, 5 s timeout". */
export function describeNode(kind: NodeKind, data: SagaNodeData): string {
  const what = data.compensation ? 'Compensation command' : data.failure ? 'Failure event' : data.terminal ? 'End event' : KIND_LABEL[kind];
  const retry = data.retryAttempts === undefined ? '' : data.retryAttempts === 0 ? 'retried until it succeeds' : `retried up to ${attemptsText(data.retryAttempts)}`;
  const timeout = data.timeoutMs === undefined ? '' : `${durationText(data.timeoutMs)} timeout`;
  const details = [retry, timeout, plural(data.errors, 'error'), plural(data.warnings, 'warning')].filter(Boolean).join(', ');
  return details ? `${what} ${data.name}, ${details}` : `${what} ${data.name}`;
}

const plural = (n: number, word: string) => (n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`);

/**
 * A design's connections before their routes are planned: the edges with their look, and what the
 * planner (edges/plan.ts) needs: each connection's ends and every node's box.
 */
export interface Unplanned {
  edges: FlowEdge[];
  looks: EdgeLook[];
  toPlan: ConnectionToPlan[];
  /** Each node's box, by id (a name's width is measured by wrapping it: once per node). */
  boxes: Map<string, Box>;
}

type EdgeLook = Pick<MessageEdgeData, 'meaning' | 'family' | 'label'>;

/** The document's connections as React Flow edges, styled by meaning, each with its route planned. */
export function toFlowEdges(doc: SagaDocument, positions = positionsOf(doc)): FlowEdge[] {
  const unplanned = connectionsOf(doc, positions);
  return withPlans(unplanned, planUnplanned(unplanned));
}

/** The routes of every connection (edges/plan.ts). */
export const planUnplanned = ({ toPlan, boxes }: Unplanned): Map<string, ConnectionPlan> => planConnections(toPlan, [...boxes.values()]);

/**
 * The connections with their routes. With `previous` (the same connections as drawn before, in the
 * same order), a connection whose look and route did not change keeps its edge object, so a move
 * allocates only for the connections whose routes it changed.
 */
export function withPlans({ edges, looks }: Unplanned, plans: ReadonlyMap<string, ConnectionPlan>, previous?: readonly FlowEdge[]): FlowEdge[] {
  return edges.map((edge, i) => {
    const look = looks[i]!;
    const plan = plans.get(edge.id)!;
    const old = previous?.[i];
    if (old?.id === edge.id && old.data && sameLookAndPlan(old.data, look, plan)) return old;
    return { ...edge, data: { ...look, ...plan } };
  });
}

function sameLookAndPlan(data: MessageEdgeData, look: EdgeLook, plan: ConnectionPlan): boolean {
  return (
    data.live === undefined &&
    data.meaning === look.meaning &&
    data.family === look.family &&
    data.label === look.label &&
    samePlan(data, plan)
  );
}

export function connectionsOf(doc: SagaDocument, positions = positionsOf(doc)): Unplanned {
  const graph = buildGraph(doc);
  const boxes = new Map<string, Box>();
  for (const n of doc.nodes) boxes.set(n.id, { ...positions.get(n.id)!, ...nodeSize(n.name, n.kind) });
  const edges: FlowEdge[] = [];
  const looks: EdgeLook[] = [];
  const toPlan: ConnectionToPlan[] = [];
  for (const e of doc.edges) {
    const source = graph.node.get(e.source);
    const target = graph.node.get(e.target);
    if (!source || !target) continue; // drawn nowhere; rule G001 reports it
    const meaning = edgeMeaning(source.kind, target.kind) ?? 'invalid';
    const { family, label } = edgeLook(meaning, source, target, graph, e.compensates);
    looks.push(label === undefined ? { meaning, family } : { meaning, family, label });
    toPlan.push({ id: e.id, source: source.id, target: target.id, sourceBox: boxes.get(source.id)!, targetBox: boxes.get(target.id)!, bus: `${target.id} ${family} ${meaning}`, label });
    const ariaLabel = `${source.name} ${meaning === 'invalid' ? 'cannot connect to' : EDGE_MEANING_LABEL[meaning]} ${target.name}`;
    // The handles only serve drawing new connections by hand: the line floats (edges/Connection.tsx).
    edges.push({ id: e.id, type: 'message', source: e.source, target: e.target, sourceHandle: 'out', targetHandle: 'in', ariaLabel });
  }
  return { edges, looks, toPlan, boxes };
}

/** The same connections with the `moved` nodes at their new `positions` (sizes do not change when a node moves). */
export function movedConnections(unplanned: Unplanned, positions: ReadonlyMap<string, Position>, moved: ReadonlySet<string>): Unplanned {
  const boxes = new Map(unplanned.boxes);
  for (const id of moved) {
    const box = boxes.get(id);
    if (box) boxes.set(id, { ...box, ...positions.get(id)! });
  }
  const toPlan = unplanned.toPlan.map((c) => (moved.has(c.source) || moved.has(c.target) ? { ...c, sourceBox: boxes.get(c.source)!, targetBox: boxes.get(c.target)! } : c));
  return { ...unplanned, toPlan, boxes };
}

/**
 * The connections of moved nodes marked `live` (their ends chosen from the sides that face each
 * other now, as while dragging) until their routes are planned again; the rest keep their routes.
 */
export function liveWhileReplanned(edges: readonly FlowEdge[], moved: ReadonlySet<string>): FlowEdge[] {
  return edges.map((e) => (moved.has(e.source) || moved.has(e.target) ? { ...e, data: { ...e.data!, live: true } } : e));
}

function edgeLook(
  meaning: EdgeMeaning | 'invalid',
  source: SagaNode,
  target: SagaNode,
  graph: DesignGraph,
  compensates: string | undefined,
): { family: EdgeFamily; label?: string } {
  switch (meaning) {
    case 'invalid':
      return { family: 'invalid', label: 'not allowed' };
    case 'compensatedBy':
      return { family: 'compensation', label: 'compensated by' };
    case 'sends':
    case 'handledBy': {
      const command = meaning === 'sends' ? target : source;
      return { family: isCompensationCommand(graph, command.id) ? 'compensation' : 'command' };
    }
    case 'publishes':
    case 'subscribedBy': {
      if (compensates !== undefined && meaning === 'subscribedBy') {
        const undone = graph.node.get(compensates);
        return { family: 'compensation', label: `compensates ${undone?.name ?? compensates}` };
      }
      const event = meaning === 'publishes' ? target : source;
      return { family: event.kind === 'event' && event.outcome === 'failure' ? 'failure' : 'event' };
    }
  }
}

/** Nodes with `selected` set from the selection; untouched nodes keep their identity. */
export function withSelection<T extends { id: string; selected?: boolean }>(items: readonly T[], selected: ReadonlySet<string>): T[] {
  return items.map((item) => {
    const isSelected = selected.has(item.id);
    return (item.selected ?? false) === isSelected ? item : { ...item, selected: isSelected };
  });
}

/**
 * Keeps the previous object of every node that did not change, so React Flow re-renders only
 * what changed and keeps the sizes it measured.
 */
export function reconcileNodes<N extends CanvasNode>(previous: readonly N[], next: readonly N[]): N[] {
  const before = previousOf(previous);
  return next.map((n, i) => {
    const old = before(n.id, i);
    if (!old) return n;
    if (
      old.type === n.type &&
      old.width === n.width &&
      old.height === n.height &&
      old.position.x === n.position.x &&
      old.position.y === n.position.y &&
      (old.selected ?? false) === (n.selected ?? false) &&
      old.ariaLabel === n.ariaLabel &&
      sameData(old.data, n.data)
    ) {
      return old;
    }
    return old.measured ? { ...n, measured: old.measured } : n;
  });
}

/** Same for edges: unchanged edges keep their identity. */
export function reconcileEdges(previous: readonly FlowEdge[], next: readonly FlowEdge[]): FlowEdge[] {
  const before = previousOf(previous);
  return next.map((e, i) => {
    const old = before(e.id, i);
    if (old === e) return e;
    const same =
      old !== undefined &&
      old.source === e.source &&
      old.target === e.target &&
      old.sourceHandle === e.sourceHandle &&
      old.targetHandle === e.targetHandle &&
      (old.selected ?? false) === (e.selected ?? false) &&
      old.ariaLabel === e.ariaLabel &&
      sameData(old.data ?? {}, e.data ?? {});
    return same ? old : e;
  });
}

/**
 * The element of `previous` with an id, asked with the place it has in the next list: mostly the
 * same place (a list of hundreds, reconciled after each slice of a tidy up), else looked up by id.
 */
function previousOf<T extends { id: string }>(previous: readonly T[]): (id: string, at: number) => T | undefined {
  let byId: Map<string, T> | undefined;
  return (id, at) => {
    const there = previous[at];
    if (there?.id === id) return there;
    if (!byId) {
      byId = new Map();
      for (const x of previous) byId.set(x.id, x);
    }
    return byId.get(id);
  };
}

/** The same data: the same object (most often), or the same values. */
const sameData = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => a === b || shallowEqual(a, b);

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** A node's size as drawn now: what React Flow measured, and until then the size it will have (nodeSize). */
export function drawnSize(node: FlowNode): { width: number; height: number } {
  const { measured } = node;
  return measured?.width !== undefined && measured.height !== undefined ? { width: measured.width, height: measured.height } : nodeSize(node.data.name, node.type);
}
