/**
 * Editing operations: every user intent on a design as a pure function from one document to
 * the next. The store applies them and the undo history records the results; nothing here
 * mutates its input.
 */
import { bindAnswers, type DrawnAnswer } from './answers.ts';
import { edgeMeaning, forbiddenConnectionHint } from './connections.ts';
import { nameKey } from './names.ts';
import { LIMITS, type NodeKind, type Position, type SagaDocument, type SagaEdge, type SagaNode, type Scenario } from './schema.ts';

/** What the palette offers: the five kinds, plus a failure event preset. */
export type NodePreset = NodeKind | 'failureEvent';

const BASE_NAME: Record<NodePreset, string> = {
  actor: 'Customer',
  service: 'NewService',
  orchestrator: 'NewSaga',
  command: 'DoSomething',
  event: 'SomethingHappened',
  failureEvent: 'SomethingFailed',
};

/** A name for a new node that no node of a clashing kind uses yet (G003, G004). */
export function uniqueName(doc: SagaDocument, kind: NodeKind, base: string): string {
  // Commands and events must not share names either (G004).
  const clashes = (n: SagaNode) => n.kind === kind || (kind === 'command' && n.kind === 'event') || (kind === 'event' && n.kind === 'command');
  const taken = new Set(doc.nodes.filter(clashes).map((n) => nameKey(n.name)));
  if (!taken.has(nameKey(base))) return base;
  for (let i = 2; ; i++) {
    // The number goes on the end; a name at the length limit gives way to it.
    const name = `${base.slice(0, LIMITS.maxNameLength - String(i).length)}${i}`;
    if (!taken.has(nameKey(name))) return name;
  }
}

/** A position the document can hold: coordinates within the format's limits. */
export function withinLimits({ x, y }: Position): Position {
  const clamp = (v: number) => Math.min(LIMITS.maxCoordinate, Math.max(-LIMITS.maxCoordinate, v));
  return { x: clamp(x), y: clamp(y) };
}

/** An id not used by any node or connection, readable as `service-3`. */
export function uniqueId(doc: SagaDocument, prefix: string, taken: Set<string> = usedIds(doc)): string {
  for (let i = taken.size + 1; ; i++) {
    const id = `${prefix}-${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const usedIds = (doc: SagaDocument): Set<string> => new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);

/** Adds a node of the preset's kind at `position`, with a unique default name. */
export function addNode(doc: SagaDocument, preset: NodePreset, position: Position): { doc: SagaDocument; id: string } {
  const kind: NodeKind = preset === 'failureEvent' ? 'event' : preset;
  const id = uniqueId(doc, kind);
  const name = uniqueName(doc, kind, BASE_NAME[preset]);
  position = withinLimits(position);
  const node = (preset === 'failureEvent' ? { id, kind, name, position, outcome: 'failure' } : { id, kind, name, position }) as SagaNode;
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** `answer`: the connection leaves a participant that consumes several messages; `on` was guessed (answers.ts). */
export type ConnectResult = { ok: true; doc: SagaDocument; id: string; answer?: DrawnAnswer } | { ok: false; reason: string };

/** Why `source -> target` cannot be drawn, or undefined when it can (the canvas asks while dragging). */
export function connectionProblem(doc: SagaDocument, sourceId: string, targetId: string): string | undefined {
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source || !target) return 'Both ends of a connection must be nodes of the design.';
  return problemBetween(source, target, doc.edges.some((e) => e.source === sourceId && e.target === targetId));
}

/** The same answer for two nodes already found, and whether they are already connected (for lists of many). */
export function problemBetween(source: SagaNode, target: SagaNode, alreadyConnected: boolean): string | undefined {
  if (source.id === target.id) return `${source.name} cannot connect to itself.`;
  if (!edgeMeaning(source.kind, target.kind)) {
    const hint = forbiddenConnectionHint(source.kind, target.kind);
    return `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`;
  }
  if (alreadyConnected) return `${source.name} is already connected to ${target.name}.`;
  return undefined;
}

/**
 * Connects two nodes when the spec allows it (§1.2); otherwise says why not and what to draw
 * instead. Which input each output answers (`on`) is kept up to date as drawn (`bindAnswers`).
 */
export function connect(doc: SagaDocument, sourceId: string, targetId: string): ConnectResult {
  const problem = connectionProblem(doc, sourceId, targetId);
  if (problem) return { ok: false, reason: problem };
  const id = uniqueId(doc, 'edge');
  const bound = bindAnswers({ ...doc, edges: [...doc.edges, { id, source: sourceId, target: targetId }] }, id);
  return { ok: true, id, doc: bound.doc, ...(bound.answer && { answer: bound.answer }) };
}

/**
 * Removes nodes (with every connection that touches them) and connections. References to removed
 * messages in `on` and `compensates` go too, so deleting never leaves dangling references.
 */
export function removeElements(doc: SagaDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): SagaDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return doc;
  const keptEdges: SagaEdge[] = [];
  for (const e of doc.edges) {
    if (edges.has(e.id) || nodes.has(e.source) || nodes.has(e.target)) continue;
    keptEdges.push(nodes.size > 0 ? withoutReferences(e, nodes) : e);
  }
  return { ...doc, nodes: nodes.size > 0 ? doc.nodes.filter((n) => !nodes.has(n.id)) : doc.nodes, edges: keptEdges };
}

function withoutReferences(edge: SagaEdge, removed: ReadonlySet<string>): SagaEdge {
  const on = edge.on?.filter((m) => !removed.has(m));
  const dropCompensates = edge.compensates !== undefined && removed.has(edge.compensates);
  if (on?.length === edge.on?.length && !dropCompensates) return edge;
  const next: SagaEdge = { ...edge };
  if (on && on.length > 0) next.on = on;
  else delete next.on;
  if (dropCompensates) delete next.compensates;
  return next;
}

/** Fields of a node an inspector may change (not its id or kind). */
export type NodePatch = Partial<Omit<SagaNode, 'id' | 'kind'>> & Record<string, unknown>;

/** Changes attributes of one node; `undefined` values remove the attribute (back to its default). */
export function updateNode(doc: SagaDocument, id: string, patch: NodePatch): SagaDocument {
  return replaceIn(doc, 'nodes', id, (n) => applyPatch(n, patch as Partial<SagaNode>));
}

/** Changes attributes of one connection (`on`, `compensates`, latency, failure rate). */
export function updateEdge(doc: SagaDocument, id: string, patch: Partial<Omit<SagaEdge, 'id'>>): SagaDocument {
  return replaceIn(doc, 'edges', id, (e) => applyPatch(e, patch));
}

/** The document with element `id` of `list` replaced; the same document when nothing changed. */
function replaceIn<K extends 'nodes' | 'edges'>(doc: SagaDocument, list: K, id: string, change: (element: SagaDocument[K][number]) => SagaDocument[K][number]): SagaDocument {
  const elements = doc[list] as readonly SagaDocument[K][number][];
  const i = elements.findIndex((x) => x.id === id);
  if (i < 0) return doc;
  const next = change(elements[i]!);
  if (next === elements[i]) return doc;
  const copy = elements.slice();
  copy[i] = next;
  return { ...doc, [list]: copy };
}

/** `target` with the patch applied (undefined removes a field); `target` itself when the patch changes nothing. */
function applyPatch<T extends object>(target: T, patch: object): T {
  const current = target as Record<string, unknown>;
  const next = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'kind' || key === '__proto__') continue;
    if (value === undefined) {
      if (!Object.hasOwn(current, key)) continue;
      delete next[key];
    } else if (Object.hasOwn(current, key) && sameValue(current[key], value)) continue;
    else next[key] = value;
    changed = true;
  }
  return changed ? (next as T) : target;
}

/** Equal attribute values: numbers, strings, booleans, and lists or small objects of them. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Moves nodes to new positions (one drag, or arrow keys, is one operation). */
export function moveNodes(doc: SagaDocument, positions: ReadonlyMap<string, Position>): SagaDocument {
  if (positions.size === 0) return doc;
  return { ...doc, nodes: doc.nodes.map((n) => (positions.has(n.id) ? { ...n, position: withinLimits(positions.get(n.id)!) } : n)) };
}

/** Document-level fields: name, description and declared style. */
export function updateDocument(doc: SagaDocument, patch: Partial<Pick<SagaDocument, 'name' | 'description' | 'declaredStyle'>>): SagaDocument {
  return applyPatch(doc, patch);
}

/** A piece of a design on the clipboard: some nodes and the connections among them. */
export interface Fragment {
  format: 'sagaboard-fragment';
  nodes: SagaNode[];
  edges: SagaEdge[];
}

/** Copies the given nodes and the connections between them. */
export function copyFragment(doc: SagaDocument, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  return {
    format: 'sagaboard-fragment',
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * Pastes a fragment, shifted by `offset`: new ids, names made unique, references in `on` and
 * `compensates` remapped to the pasted copies. Returns the ids of the pasted nodes.
 */
export function pasteFragment(doc: SagaDocument, fragment: Fragment, offset: Position): { doc: SagaDocument; ids: string[] } {
  const taken = usedIds(doc);
  const idMap = new Map<string, string>();
  let next = doc;
  const nodes: SagaNode[] = [];
  for (const n of fragment.nodes) {
    const id = uniqueId(doc, n.kind, taken);
    idMap.set(n.id, id);
    const position = withinLimits({ x: (n.position?.x ?? 0) + offset.x, y: (n.position?.y ?? 0) + offset.y });
    const node = { ...n, id, position, name: uniqueName(next, n.kind, n.name.trim()) } as SagaNode;
    nodes.push(node);
    next = { ...next, nodes: [...next.nodes, node] };
  }
  const edges = fragment.edges
    .filter((e) => idMap.has(e.source) && idMap.has(e.target))
    .map((e) => {
      const copy: SagaEdge = { ...e, id: uniqueId(doc, 'edge', taken), source: idMap.get(e.source)!, target: idMap.get(e.target)! };
      const on = e.on?.map((m) => idMap.get(m)).filter((m): m is string => m !== undefined);
      if (on && on.length > 0) copy.on = on;
      else delete copy.on;
      if (e.compensates !== undefined) {
        const c = idMap.get(e.compensates);
        if (c) copy.compensates = c;
        else delete copy.compensates;
      }
      return copy;
    });
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}

/** Duplicates nodes (and the connections among them) next to the originals. */
export function duplicateNodes(doc: SagaDocument, nodeIds: Iterable<string>, offset: Position = { x: 40, y: 40 }): { doc: SagaDocument; ids: string[] } {
  return pasteFragment(doc, copyFragment(doc, nodeIds), offset);
}

/** An empty design. */
export function emptyDocument(name = 'Untitled design'): SagaDocument {
  return { format: 'sagaboard', version: 1, name, nodes: [], edges: [] };
}

/** Saves a scenario under its name, replacing one of the same name (spec §4.6). */
export function saveScenario(doc: SagaDocument, scenario: Scenario): SagaDocument {
  const others = (doc.scenarios ?? []).filter((s) => s.name !== scenario.name);
  const index = (doc.scenarios ?? []).findIndex((s) => s.name === scenario.name);
  const scenarios = [...others];
  scenarios.splice(index < 0 ? scenarios.length : index, 0, scenario);
  return { ...doc, scenarios };
}

/** Removes the scenario with that name. */
export function removeScenario(doc: SagaDocument, name: string): SagaDocument {
  if (!doc.scenarios?.some((s) => s.name === name)) return doc;
  const scenarios = doc.scenarios.filter((s) => s.name !== name);
  const { scenarios: _omitted, ...rest } = doc;
  return scenarios.length ? { ...rest, scenarios } : rest;
}
