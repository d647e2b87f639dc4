/**
 * Notes and groups (spec §1.2a): the editing operations on them, and that the rules and the
 * simulator never look at them.
 */
import { describe, expect, it } from 'vitest';
import { loadFragment, parseDocument } from './load.ts';
import {
  addNote,
  addToGroup,
  copyFragment,
  duplicateNodes,
  groupNodes,
  groupOf,
  moveNodes,
  pasteFragment,
  removeElements,
  removeFromGroups,
  ungroup,
  updateGroup,
  updateNote,
} from './operations.ts';
import { LIMITS, type SagaDocument } from './schema.ts';
import { example, EXAMPLE_IDS, nodeNamed } from './testing/builder.ts';
import { validate } from './validate.ts';
import { compilePlan, simulate } from '../simulation/index.ts';

const ids = (doc: SagaDocument, ...names: string[]) => names.map((n) => nodeNamed(doc, n).id);

/** The choreographed order example with a Payments and a Fulfilment group and a note. */
function annotated(): SagaDocument {
  let doc = example('order-choreographed');
  doc = groupNodes(doc, ids(doc, 'PaymentService', 'PaymentProcessed', 'PaymentFailed'), 'Payments').doc;
  doc = groupNodes(doc, ids(doc, 'InventoryService', 'ShippingService'), 'Fulfilment').doc;
  return addNote(doc, { x: 40, y: -120 }, 'Refunds take up to 3 days').doc;
}

describe('notes', () => {
  it('adds a note with an id of the shared id space, then changes its text and width', () => {
    // given a design with a node whose id is note-1's neighbour
    const doc = example('order-choreographed');
    // when a note is added and edited
    const added = addNote(doc, { x: 10.4, y: 20 });
    expect(added.doc.notes).toEqual([{ id: added.id, text: '', position: { x: 10.4, y: 20 } }]);
    expect(doc.nodes.some((n) => n.id === added.id) || doc.edges.some((e) => e.id === added.id)).toBe(false);
    const typed = updateNote(added.doc, added.id, { text: 'Two lines\nof text', width: 260 });
    // then the note says it, and a patch that changes nothing gives the same document back
    expect(typed.notes![0]).toEqual({ id: added.id, text: 'Two lines\nof text', position: { x: 10.4, y: 20 }, width: 260 });
    expect(updateNote(typed, added.id, { text: 'Two lines\nof text' })).toBe(typed);
    expect(updateNote(typed, added.id, { width: undefined }).notes![0]).not.toHaveProperty('width');
    expect(parseDocument(typed).ok).toBe(true);
  });

  it('moves notes with the nodes in one operation, and is removed by its id', () => {
    const doc = addNote(example('order-choreographed'), { x: 0, y: 0 }, 'hi');
    const node = doc.doc.nodes[0]!.id;
    const moved = moveNodes(doc.doc, new Map([[doc.id, { x: 50, y: 60 }], [node, { x: 1, y: 2 }]]));
    expect(moved.notes![0]!.position).toEqual({ x: 50, y: 60 });
    expect(moved.nodes[0]!.position).toEqual({ x: 1, y: 2 });
    const removed = removeElements(moved, [doc.id]);
    expect(removed.notes).toEqual([]);
    expect(removed.nodes).toEqual(moved.nodes);
  });
});

describe('groups', () => {
  it('groups nodes under a numbered default name, or the name given', () => {
    const doc = example('order-choreographed');
    const first = groupNodes(doc, ids(doc, 'PaymentService'));
    const second = groupNodes(first.doc, ids(doc, 'ShippingService'));
    expect(first.doc.groups).toEqual([{ id: first.id, name: 'Group', nodes: ids(doc, 'PaymentService') }]);
    expect(second.doc.groups!.map((g) => g.name)).toEqual(['Group', 'Group 2']);
    expect(groupNodes(doc, ids(doc, 'PaymentService'), '  Payments ').doc.groups![0]!.name).toBe('Payments');
    // connections, notes and unknown ids are no members; nothing to group gives no group
    expect(groupNodes(doc, [doc.edges[0]!.id, 'ghost'])).toEqual({ doc, id: undefined });
  });

  it('moves a node that joins another group out of the first; a group left empty goes', () => {
    // given Payments {PaymentService, PaymentProcessed, PaymentFailed} and Fulfilment {InventoryService, ShippingService}
    const doc = annotated();
    const [payments, fulfilment] = doc.groups!;
    // when PaymentService joins Fulfilment
    const joined = addToGroup(doc, fulfilment!.id, ids(doc, 'PaymentService'));
    // then it is in Fulfilment only
    expect(groupOf(joined, ids(doc, 'PaymentService')[0]!)?.name).toBe('Fulfilment');
    expect(joined.groups![0]!.nodes).toEqual(ids(doc, 'PaymentProcessed', 'PaymentFailed'));
    expect(parseDocument(joined).ok).toBe(true);
    // and grouping the rest of Payments elsewhere leaves no empty Payments behind
    const regrouped = groupNodes(joined, payments!.nodes.slice(1), 'Events');
    expect(regrouped.doc.groups!.map((g) => g.name)).toEqual(['Fulfilment', 'Events']);
  });

  it('merges selected groups into the new one, keeping the first one’s colour', () => {
    let doc = annotated();
    doc = updateGroup(doc, doc.groups![0]!.id, { color: '#0d9488' });
    const merged = groupNodes(doc, [doc.groups![0]!.id, doc.groups![1]!.id, ...ids(doc, 'Customer')], 'Everything');
    const members = new Set([...doc.groups![0]!.nodes, ...doc.groups![1]!.nodes, ...ids(doc, 'Customer')]);
    // in the design's order
    expect(merged.doc.groups).toEqual([{ id: merged.id, name: 'Everything', color: '#0d9488', nodes: doc.nodes.filter((n) => members.has(n.id)).map((n) => n.id) }]);
    expect(parseDocument(merged.doc).ok).toBe(true);
  });

  it('deleting a node takes it out of its group; deleting the last one removes the group', () => {
    const doc = annotated();
    const once = removeElements(doc, ids(doc, 'InventoryService'));
    expect(once.groups![1]).toMatchObject({ name: 'Fulfilment', nodes: ids(doc, 'ShippingService') });
    const twice = removeElements(once, ids(doc, 'ShippingService'));
    expect(twice.groups!.map((g) => g.name)).toEqual(['Payments']);
    expect(parseDocument(twice).ok).toBe(true);
  });

  it('deleting a group’s frame (or ungrouping) keeps its nodes where they are', () => {
    const doc = annotated();
    const payments = doc.groups![0]!.id;
    for (const after of [removeElements(doc, [payments]), ungroup(doc, [payments])]) {
      expect(after.groups!.map((g) => g.name)).toEqual(['Fulfilment']);
      expect(after.nodes).toBe(doc.nodes);
      expect(after.edges).toBe(doc.edges);
    }
    expect(ungroup(doc, ['ghost'])).toBe(doc);
  });

  it('takes nodes out of their groups, and renames and recolours a group', () => {
    const doc = annotated();
    const out = removeFromGroups(doc, ids(doc, 'PaymentFailed', 'ShippingService'));
    expect(out.groups!.map((g) => g.nodes.length)).toEqual([2, 1]);
    const renamed = updateGroup(out, out.groups![0]!.id, { name: 'Billing', color: '#7c3aed' });
    expect(renamed.groups![0]).toMatchObject({ name: 'Billing', color: '#7c3aed' });
    expect(updateGroup(renamed, renamed.groups![0]!.id, { color: undefined }).groups![0]).not.toHaveProperty('color');
    expect(updateGroup(renamed, renamed.groups![0]!.id, { name: 'Billing' })).toBe(renamed);
  });

  it('copies a group with its nodes, notes with them, and pastes them with new ids', () => {
    // given the annotated design
    const doc = annotated();
    const payments = doc.groups![0]!;
    const note = doc.notes![0]!;
    // when the Payments frame and the note are copied and pasted through the clipboard's text
    const fragment = copyFragment(doc, [payments.id, note.id]);
    expect(new Set(fragment.nodes.map((n) => n.id))).toEqual(new Set(payments.nodes));
    const loaded = loadFragment(JSON.stringify(fragment));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const pasted = pasteFragment(doc, loaded.fragment, { x: 48, y: 48 });
    // then a second Payments group frames the copies, the note is copied too, and the design still loads
    expect(pasted.doc.groups).toHaveLength(3);
    const copy = pasted.doc.groups![2]!;
    expect(copy.name).toBe('Payments');
    expect(copy.nodes.every((id) => pasted.ids.includes(id) && !payments.nodes.includes(id))).toBe(true);
    expect(pasted.doc.notes).toHaveLength(2);
    expect(pasted.doc.notes![1]).toMatchObject({ text: note.text, position: { x: note.position.x + 48, y: note.position.y + 48 } });
    expect(pasted.ids).toContain(copy.id);
    expect(parseDocument(pasted.doc).ok).toBe(true);
  });

  it('duplicating nodes alone leaves the copies out of any group', () => {
    const doc = annotated();
    const result = duplicateNodes(doc, ids(doc, 'PaymentService'));
    expect(result.doc.groups).toEqual(doc.groups);
    expect(parseDocument(result.doc).ok).toBe(true);
  });

  it('makes group names unique within the length limit', () => {
    let doc = example('order-choreographed');
    const long = 'x'.repeat(LIMITS.maxNameLength);
    doc = groupNodes(doc, ids(doc, 'PaymentService'), long).doc;
    doc = groupNodes(doc, ids(doc, 'ShippingService')).doc;
    expect(doc.groups!.map((g) => g.name)).toEqual([long, 'Group']);
  });
});

describe('rules and simulator ignore notes and groups (spec §1.2a)', () => {
  it.each(EXAMPLE_IDS)('%s validates and simulates exactly as without them', (id) => {
    // given an example, and the same example with a note and every node grouped
    const plain = example(id);
    let doc = addNote(plain, { x: 0, y: 0 }, 'A note about OrderService').doc;
    doc = groupNodes(doc, plain.nodes.slice(0, Math.ceil(plain.nodes.length / 2)).map((n) => n.id), 'Half').doc;
    doc = groupNodes(doc, plain.nodes.slice(Math.ceil(plain.nodes.length / 2)).map((n) => n.id), 'Other half').doc;
    // then the verdict, every diagnostic and a run's trace are the same
    expect(validate(doc)).toEqual(validate(plain));
    for (const seed of [1, 2, 3]) {
      expect(simulate(compilePlan(doc), { seed }).trace).toEqual(simulate(compilePlan(plain), { seed }).trace);
    }
  });
});
