/**
 * Editing operations: every user intent on a design as a pure function from one document to
 * the next. The store applies them and the undo history records the results; nothing here
 * mutates its input.
 */
import { bindAnswers, type DrawnAnswer } from './answers.ts';
import { edgeMeaning, forbiddenConnectionHint } from './connections.ts';
import { nameKey } from './names.ts';
import { CURRENT_VERSION, LIMITS, type NodeKind, type Position, type SagaDocument, type SagaEdge, type SagaGroup, type SagaNode, type SagaNote, type Scenario } from './schema.ts';

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

/**
 * What ids made here carry after their kind while a live board is open (`service-k3f9a-4`): two
 * people adding a node at the same moment each look for a free number in the same design, and
 * would otherwise both make `service-4`. Empty otherwise.
 */
let idTag = '';

/** Ids made from now on carry `tag` (a live board's client id), or nothing again when undefined. */
export function setIdTag(tag: string | undefined): void {
  idTag = tag ? `${tag}-` : '';
}

/** An id not used by any node, connection, note or group, readable as `service-3`. */
export function uniqueId(doc: SagaDocument, prefix: string, taken: Set<string> = usedIds(doc)): string {
  for (let i = taken.size + 1; ; i++) {
    const id = `${prefix}-${idTag}${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Every id of the design: nodes, connections, notes and groups share one id space (spec §1.2a). */
const usedIds = (doc: SagaDocument): Set<string> =>
  new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id), ...(doc.notes ?? []).map((n) => n.id), ...(doc.groups ?? []).map((g) => g.id)]);

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
 * messages in `on` and `compensates` go too, so deleting never leaves dangling references. Ids of
 * notes and groups remove those: a group goes as a frame, its nodes stay. A removed node leaves its
 * group, and a group left without nodes goes too (it has nothing to frame).
 */
export function removeElements(doc: SagaDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): SagaDocument {
  const ids = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (ids.size === 0 && edges.size === 0) return doc;
  const nodes = new Set(doc.nodes.filter((n) => ids.has(n.id)).map((n) => n.id));
  let keptEdges = doc.edges;
  if (nodes.size > 0 || edges.size > 0) {
    keptEdges = [];
    for (const e of doc.edges) {
      if (edges.has(e.id) || nodes.has(e.source) || nodes.has(e.target)) continue;
      keptEdges.push(nodes.size > 0 ? withoutReferences(e, nodes) : e);
    }
  }
  let next: SagaDocument = { ...doc, nodes: nodes.size > 0 ? doc.nodes.filter((n) => !nodes.has(n.id)) : doc.nodes, edges: keptEdges };
  if (doc.notes?.some((n) => ids.has(n.id))) next.notes = doc.notes.filter((n) => !ids.has(n.id));
  if (doc.groups?.some((g) => ids.has(g.id))) next = { ...next, groups: doc.groups.filter((g) => !ids.has(g.id)) };
  return nodes.size > 0 ? outOfGroups(next, nodes) : next;
}

/** The document with `nodes` taken out of their groups; groups left empty are removed. */
function outOfGroups(doc: SagaDocument, nodes: ReadonlySet<string>): SagaDocument {
  if (!doc.groups?.some((g) => g.nodes.some((id) => nodes.has(id)))) return doc;
  const groups: SagaGroup[] = [];
  for (const g of doc.groups) {
    if (!g.nodes.some((id) => nodes.has(id))) groups.push(g);
    else {
      const members = g.nodes.filter((id) => !nodes.has(id));
      if (members.length > 0) groups.push({ ...g, nodes: members });
    }
  }
  return { ...doc, groups };
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
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Moves nodes and notes to new positions (one drag, or arrow keys, is one operation). Other ids are ignored. */
export function moveNodes(doc: SagaDocument, positions: ReadonlyMap<string, Position>): SagaDocument {
  if (positions.size === 0) return doc;
  const moved = <T extends { position?: Position }>(item: T, id: string): T => (positions.has(id) ? { ...item, position: withinLimits(positions.get(id)!) } : item);
  const next = { ...doc, nodes: doc.nodes.map((n) => moved(n, n.id)) };
  if (doc.notes?.some((n) => positions.has(n.id))) next.notes = doc.notes.map((n) => moved(n, n.id));
  return next;
}

/** Document-level fields: name, description and declared style. */
export function updateDocument(doc: SagaDocument, patch: Partial<Pick<SagaDocument, 'name' | 'description' | 'declaredStyle'>>): SagaDocument {
  return applyPatch(doc, patch);
}

/** A piece of a design on the clipboard: some nodes and the connections among them, notes, groups. */
export interface Fragment {
  format: 'sagaboard-fragment';
  nodes: SagaNode[];
  edges: SagaEdge[];
  notes?: SagaNote[];
  groups?: SagaGroup[];
}

/**
 * Copies the given nodes and the connections between them, the given notes, and the given groups
 * with their nodes (a group copied is a group pasted; a node copied alone leaves its group behind).
 */
export function copyFragment(doc: SagaDocument, ids: Iterable<string>): Fragment {
  const picked = new Set(ids);
  const groups = (doc.groups ?? []).filter((g) => picked.has(g.id));
  for (const g of groups) for (const id of g.nodes) picked.add(id);
  const notes = (doc.notes ?? []).filter((n) => picked.has(n.id));
  return {
    format: 'sagaboard-fragment',
    nodes: doc.nodes.filter((n) => picked.has(n.id)),
    edges: doc.edges.filter((e) => picked.has(e.source) && picked.has(e.target)),
    ...(notes.length > 0 && { notes }),
    ...(groups.length > 0 && { groups }),
  };
}

/**
 * Pastes a fragment, shifted by `offset`: new ids, names made unique, references in `on` and
 * `compensates` remapped to the pasted copies, groups holding the pasted copies of their nodes
 * (taken out of any group they would share with the design's). Returns the ids of everything
 * pasted: nodes, notes and groups.
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
  const notes = (fragment.notes ?? []).map((n): SagaNote => ({ ...n, id: uniqueId(doc, 'note', taken), position: withinLimits({ x: n.position.x + offset.x, y: n.position.y + offset.y }) }));
  const inGroup = new Set<string>();
  const groups: SagaGroup[] = [];
  for (const g of fragment.groups ?? []) {
    // Each pasted node joins one pasted group at most, like any node.
    const members = g.nodes.map((id) => idMap.get(id)).filter((id): id is string => id !== undefined && !inGroup.has(id));
    if (members.length === 0) continue;
    for (const id of members) inGroup.add(id);
    groups.push({ ...g, id: uniqueId(doc, 'group', taken), nodes: members });
  }
  const pasted: SagaDocument = { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] };
  if (notes.length > 0) pasted.notes = [...(doc.notes ?? []), ...notes];
  if (groups.length > 0) pasted.groups = [...(doc.groups ?? []), ...groups];
  return { doc: pasted, ids: [...nodes.map((n) => n.id), ...notes.map((n) => n.id), ...groups.map((g) => g.id)] };
}

/** Duplicates nodes (and the connections among them), notes and groups next to the originals. */
export function duplicateNodes(doc: SagaDocument, ids: Iterable<string>, offset: Position = { x: 40, y: 40 }): { doc: SagaDocument; ids: string[] } {
  return pasteFragment(doc, copyFragment(doc, ids), offset);
}

/** An empty design. */
export function emptyDocument(name = 'Untitled design'): SagaDocument {
  return { format: 'sagaboard', version: CURRENT_VERSION, name, nodes: [], edges: [] };
}

/* Notes and groups (spec §1.2a): drawn on the canvas, ignored by the rules and the simulator. */

/** How wide a note is drawn when it says nothing else. */
export const NOTE_WIDTH = 200;

/** Adds a note at `position` (its top-left corner). */
export function addNote(doc: SagaDocument, position: Position, text = ''): { doc: SagaDocument; id: string } {
  const id = uniqueId(doc, 'note');
  const note: SagaNote = { id, text: text.slice(0, LIMITS.maxNoteLength), position: withinLimits(position) };
  return { doc: { ...doc, notes: [...(doc.notes ?? []), note] }, id };
}

/** Changes a note's text or width (`width: undefined` goes back to the default). */
export function updateNote(doc: SagaDocument, id: string, patch: Partial<Pick<SagaNote, 'text' | 'width'>>): SagaDocument {
  const notes = doc.notes ?? [];
  const i = notes.findIndex((n) => n.id === id);
  if (i < 0) return doc;
  const next = applyPatch(notes[i]!, patch);
  if (next === notes[i]) return doc;
  const copy = notes.slice();
  copy[i] = next;
  return { ...doc, notes: copy };
}

/** The group node `id` is in, if any. */
export function groupOf(doc: SagaDocument, nodeId: string): SagaGroup | undefined {
  return doc.groups?.find((g) => g.nodes.includes(nodeId));
}

/** A group name no group has yet: `base`, then `base 2`, `base 3`… */
export function uniqueGroupName(doc: SagaDocument, base = 'Group'): string {
  const taken = new Set((doc.groups ?? []).map((g) => nameKey(g.name)));
  if (!taken.has(nameKey(base))) return base;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, LIMITS.maxNameLength - String(i).length - 1)} ${i}`;
    if (!taken.has(nameKey(name))) return name;
  }
}

/**
 * Makes a group of the given nodes and of the nodes of the given groups (which are merged into it):
 * each node leaves the group it was in, and groups left empty go. Ids of connections and notes are
 * ignored. The new group is named `name`, or `Group` numbered; `id` is undefined when no node was given.
 */
export function groupNodes(doc: SagaDocument, ids: Iterable<string>, name?: string): { doc: SagaDocument; id: string | undefined } {
  const picked = new Set(ids);
  const merged = (doc.groups ?? []).filter((g) => picked.has(g.id));
  for (const g of merged) for (const id of g.nodes) picked.add(id);
  const members = doc.nodes.filter((n) => picked.has(n.id)).map((n) => n.id);
  if (members.length === 0) return { doc, id: undefined };
  const id = uniqueId(doc, 'group');
  const base = outOfGroups(doc, new Set(members));
  // The first merged group's colour carries over; its name too, when it is the only one.
  const given = name?.trim() ? name.trim().slice(0, LIMITS.maxNameLength) : merged.length === 1 ? merged[0]!.name : undefined;
  const group: SagaGroup = { id, name: given ?? uniqueGroupName(base), nodes: members };
  if (merged[0]?.color !== undefined) group.color = merged[0].color;
  return { doc: { ...base, groups: [...(base.groups ?? []), group] }, id };
}

/** Adds nodes to an existing group; each leaves the group it was in (a node is in one group at most). */
export function addToGroup(doc: SagaDocument, groupId: string, nodeIds: Iterable<string>): SagaDocument {
  const group = doc.groups?.find((g) => g.id === groupId);
  if (!group) return doc;
  const existing = new Set(doc.nodes.map((n) => n.id));
  const joining = [...new Set(nodeIds)].filter((id) => existing.has(id) && !group.nodes.includes(id));
  if (joining.length === 0) return doc;
  const moved = outOfGroups(doc, new Set(joining));
  return { ...moved, groups: (moved.groups ?? []).map((g) => (g.id === groupId ? { ...g, nodes: [...g.nodes, ...joining] } : g)) };
}

/** Takes nodes out of whatever group they are in; groups left empty go. */
export function removeFromGroups(doc: SagaDocument, nodeIds: Iterable<string>): SagaDocument {
  return outOfGroups(doc, new Set(nodeIds));
}

/** Removes groups (their frames); their nodes stay where they are. */
export function ungroup(doc: SagaDocument, groupIds: Iterable<string>): SagaDocument {
  const ids = new Set(groupIds);
  if (!doc.groups?.some((g) => ids.has(g.id))) return doc;
  return { ...doc, groups: doc.groups.filter((g) => !ids.has(g.id)) };
}

/** Renames a group or changes its colour (`color: undefined` goes back to the default). */
export function updateGroup(doc: SagaDocument, id: string, patch: Partial<Pick<SagaGroup, 'name' | 'color'>>): SagaDocument {
  const groups = doc.groups ?? [];
  const i = groups.findIndex((g) => g.id === id);
  if (i < 0) return doc;
  const next = applyPatch(groups[i]!, patch);
  if (next === groups[i]) return doc;
  const copy = groups.slice();
  copy[i] = next;
  return { ...doc, groups: copy };
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
