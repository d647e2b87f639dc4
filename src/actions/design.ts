/**
 * The user intents on a design, each a named action (action.ts): the canvas, the inspector, the
 * menus, the problems list and simulation mode perform these, so every undo step has a name
 * ("Undo: connect PaymentService → PaymentProcessed"). Each `perform` is an operation of
 * model/operations.ts; the labels read the document before the change.
 */
import type { Direction } from '../layout/elk-layout.ts';
import type { Fix } from '../model/fixes.ts';
import type { Position, SagaDocument, SagaEdge, SagaGroup, SagaNote, Scenario } from '../model/index.ts';
import {
  addNode as addNodeOperation,
  addNote as addNoteOperation,
  connect as connectOperation,
  duplicateNodes,
  groupNodes,
  moveNodes,
  pasteFragment,
  removeElements,
  removeFromGroups,
  removeScenario as removeScenarioOperation,
  saveScenario as saveScenarioOperation,
  ungroup as ungroupOperation,
  updateDocument,
  updateEdge,
  updateGroup,
  updateNode,
  updateNote,
  type Fragment,
  type NodePatch,
  type NodePreset,
} from '../model/operations.ts';
import { action } from './action.ts';

const KIND_WORDS: Record<NodePreset, string> = {
  actor: 'an actor',
  service: 'a service',
  orchestrator: 'an orchestrator',
  command: 'a command',
  event: 'an event',
  failureEvent: 'a failure event',
};

/** What the user calls the node, note or group `id` (its name), or the id when there is none. */
export function nameOf(doc: SagaDocument, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  if (node) return node.name;
  const group = doc.groups?.find((g) => g.id === id);
  if (group) return group.name;
  return doc.notes?.some((n) => n.id === id) ? 'a note' : id;
}

const edgeName = (doc: SagaDocument, edge: Pick<SagaEdge, 'source' | 'target'>) => `${nameOf(doc, edge.source)} → ${nameOf(doc, edge.target)}`;

/** "PaymentService", "PaymentService and OrderService", "3 nodes". */
function namesOf(doc: SagaDocument, ids: readonly string[], plural = 'nodes'): string {
  if (ids.length === 1) return nameOf(doc, ids[0]!);
  if (ids.length === 2) return `${nameOf(doc, ids[0]!)} and ${nameOf(doc, ids[1]!)}`;
  return `${ids.length} ${plural}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const addNode = action<{ preset: NodePreset; position: Position }>({
  id: 'node.add',
  label: (_, { preset }) => `add ${KIND_WORDS[preset]}`,
  history: 'record',
  perform: (doc, { preset, position }) => addNodeOperation(doc, preset, position).doc,
});

export const addNote = action<{ position: Position }>({
  id: 'note.add',
  label: () => 'add a note',
  history: 'record',
  perform: (doc, { position }) => addNoteOperation(doc, position).doc,
});

export const connect = action<{ source: string; target: string }>({
  id: 'connect',
  label: (doc, edge) => `connect ${edgeName(doc, edge)}`,
  history: 'record',
  perform: (doc, { source, target }) => {
    const result = connectOperation(doc, source, target);
    return result.ok ? result.doc : doc;
  },
});

export const move = action<{ positions: ReadonlyMap<string, Position> }>({
  id: 'move',
  label: (doc, { positions }) => `move ${namesOf(doc, [...positions.keys()])}`,
  history: 'record',
  perform: (doc, { positions }) => moveNodes(doc, positions),
});

/** One slice of a tidy up (canvas/layout/tidyUp.ts continues the step with the next slices). */
export const tidyUp = action<{ positions: ReadonlyMap<string, Position>; direction: Direction }>({
  id: 'layout.tidy',
  label: (_, { direction }) => (direction === 'DOWN' ? 'tidy up top to bottom' : 'tidy up'),
  history: 'record',
  perform: (doc, { positions }) => moveNodes(doc, positions),
});

export const remove = action<{ nodes: readonly string[]; edges: readonly string[] }>({
  id: 'delete',
  label: (doc, { nodes, edges }) => {
    if (nodes.length === 0 && edges.length === 1) {
      const edge = doc.edges.find((e) => e.id === edges[0]);
      return `delete ${edge ? edgeName(doc, edge) : 'a connection'}`;
    }
    if (edges.length === 0) return `delete ${namesOf(doc, nodes, 'elements')}`;
    return `delete ${count(nodes.length + edges.length, 'element')}`;
  },
  history: 'record',
  perform: (doc, { nodes, edges }) => removeElements(doc, nodes, edges),
});

export const duplicate = action<{ ids: readonly string[] }>({
  id: 'duplicate',
  label: (doc, { ids }) => `duplicate ${namesOf(doc, ids, 'elements')}`,
  history: 'record',
  perform: (doc, { ids }) => duplicateNodes(doc, ids).doc,
});

export const paste = action<{ fragment: Fragment; offset: Position }>({
  id: 'paste',
  label: (_, { fragment }) => `paste ${count(fragment.nodes.length + (fragment.notes?.length ?? 0), 'element')}`,
  history: 'record',
  perform: (doc, { fragment, offset }) => pasteFragment(doc, fragment, offset).doc,
});

export const group = action<{ ids: readonly string[] }>({
  id: 'group',
  label: (doc, { ids }) => `group ${namesOf(doc, ids)}`,
  history: 'record',
  perform: (doc, { ids }) => groupNodes(doc, ids).doc,
});

export const ungroup = action<{ groups: readonly string[] }>({
  id: 'ungroup',
  label: (doc, { groups }) => `ungroup ${namesOf(doc, groups, 'groups')}`,
  history: 'record',
  perform: (doc, { groups }) => ungroupOperation(doc, groups),
});

export const leaveGroup = action<{ nodes: readonly string[] }>({
  id: 'group.leave',
  label: (doc, { nodes }) => `take ${namesOf(doc, nodes)} out of ${nodes.length === 1 ? 'its group' : 'their groups'}`,
  history: 'record',
  perform: (doc, { nodes }) => removeFromGroups(doc, nodes),
});

export const patchNode = action<{ id: string; patch: NodePatch }>({
  id: 'node.patch',
  label: (doc, { id, patch }) => (Object.keys(patch).length === 1 && 'name' in patch ? `rename ${nameOf(doc, id)}` : `edit ${nameOf(doc, id)}`),
  history: 'record',
  perform: (doc, { id, patch }) => updateNode(doc, id, patch),
});

/** Renames a node or a group, as the canvas does in place. */
export const rename = action<{ id: string; name: string }>({
  id: 'rename',
  label: (doc, { id }) => `rename ${nameOf(doc, id)}`,
  history: 'record',
  perform: (doc, { id, name }) => (doc.groups?.some((g) => g.id === id) ? updateGroup(doc, id, { name }) : updateNode(doc, id, { name })),
});

export const patchEdge = action<{ id: string; patch: Partial<Omit<SagaEdge, 'id' | 'source' | 'target'>> }>({
  id: 'edge.patch',
  label: (doc, { id, patch }) => {
    const edge = doc.edges.find((e) => e.id === id);
    const what = edge ? edgeName(doc, edge) : 'a connection';
    return 'on' in patch ? `choose what ${what} answers` : `edit ${what}`;
  },
  history: 'record',
  perform: (doc, { id, patch }) => updateEdge(doc, id, patch),
});

export const patchDesign = action<{ patch: Partial<Pick<SagaDocument, 'name' | 'description' | 'declaredStyle'>> }>({
  id: 'design.patch',
  label: (_, { patch }) => (Object.keys(patch).length === 1 && 'name' in patch ? 'rename the design' : 'edit the design'),
  history: 'record',
  perform: (doc, { patch }) => updateDocument(doc, patch),
});

export const patchNote = action<{ id: string; patch: Partial<Pick<SagaNote, 'text' | 'width'>> }>({
  id: 'note.patch',
  label: (_, { patch }) => ('width' in patch && !('text' in patch) ? 'resize a note' : 'write in a note'),
  history: 'record',
  perform: (doc, { id, patch }) => updateNote(doc, id, patch),
});

export const patchGroup = action<{ id: string; patch: Partial<Pick<SagaGroup, 'name' | 'color'>> }>({
  id: 'group.patch',
  label: (doc, { id, patch }) => `${'color' in patch ? 'colour' : 'rename'} ${nameOf(doc, id)}`,
  history: 'record',
  perform: (doc, { id, patch }) => updateGroup(doc, id, patch),
});

export const saveScenario = action<{ scenario: Scenario }>({
  id: 'scenario.save',
  label: (_, { scenario }) => `save scenario “${scenario.name}”`,
  history: 'record',
  perform: (doc, { scenario }) => saveScenarioOperation(doc, scenario),
});

export const removeScenario = action<{ name: string }>({
  id: 'scenario.remove',
  label: (_, { name }) => `delete scenario “${name}”`,
  history: 'record',
  perform: (doc, { name }) => removeScenarioOperation(doc, name),
});

/** A one-click fix from the problems list (model/fixes.ts). */
export const fix = action<{ fix: Fix }>({
  id: 'fix',
  label: (_, { fix: f }) => `fix: ${f.label}`,
  history: 'record',
  perform: (doc, { fix: f }) => f.apply(doc),
});

/** A revision of the design made from simulation mode (a retry policy added): `note` says what. */
export const revise = action<{ change: (doc: SagaDocument) => SagaDocument; what: string }>({
  id: 'revise',
  label: (_, { what }) => what,
  history: 'record',
  perform: (doc, { change }) => change(doc),
});

/** The design on screen replaced by an imported one (Ctrl+Z brings it back). */
export const replaceDesign = action<{ doc: SagaDocument; from: string }>({
  id: 'design.replace',
  label: (_, { from }) => `replace the design with ${from}`,
  history: 'record',
  perform: (_, { doc }) => doc,
});
