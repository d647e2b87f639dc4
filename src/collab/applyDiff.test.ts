/**
 * The change of one user intent, written into the shared document field by field: people editing
 * the same design at once keep each other's changes.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, connect, moveNodes, removeElements, updateDocument, updateNode } from '../model/operations.ts';
import type { SagaDocument } from '../model/schema.ts';
import { example } from '../model/testing/builder.ts';
import { validate } from '../model/validate.ts';
import { applyDiff, writeDesign } from './applyDiff.ts';
import { diffDesigns, isEmptyDiff } from './diff.ts';
import { readDesign } from './project.ts';
import { edit, peers, send, syncAll } from './testing/peers.ts';

/** `n` copies of one room holding the orchestrated order process. */
function room(n: number): Y.Doc[] {
  const docs = peers(n);
  writeDesign(docs[0]!, example('order-orchestrated'));
  syncAll(docs);
  return docs;
}

const node = (doc: SagaDocument, name: string) => doc.nodes.find((n) => n.name === name)!;
const read = (ydoc: Y.Doc) => readDesign(ydoc).doc;

describe('the diff of one user intent', () => {
  it('names only the fields that changed', () => {
    const before = example('order-orchestrated');
    const service = node(before, 'PaymentService');
    const id = service.id;
    const after = updateNode(before, id, { failureRate: 0.2, latencyMs: undefined });
    const diff = diffDesigns(before, after);
    expect([...diff.nodes.changed.keys()]).toEqual([id]);
    expect(Object.fromEntries(diff.nodes.changed.get(id)!.set)).toEqual({ failureRate: 0.2 });
    expect(diff.nodes.changed.get(id)!.remove).toEqual('latencyMs' in service ? ['latencyMs'] : []);
    expect(diff.edges).toEqual({ added: [], removed: [], changed: new Map() });
    expect(isEmptyDiff(diffDesigns(before, before))).toBe(true);
  });

  it('is written in one transaction with the origin given, which an undo manager can track', () => {
    // given a room and a person whose changes carry their own origin
    const [ydoc] = room(1);
    const mine = { user: 'ada' };
    const undo = new Y.UndoManager(['design', 'nodes', 'edges', 'notes', 'groups'].map((k) => ydoc!.getMap(k)), { trackedOrigins: new Set([mine]) });
    const transactions: unknown[] = [];
    ydoc!.on('afterTransaction', (t: Y.Transaction) => transactions.push(t.origin));
    const before = read(ydoc!);
    // when they rename the design and delete a node with its connections
    edit(ydoc!, (d) => removeElements(updateDocument(d, { name: 'Mine' }), [node(d, 'PaymentService').id]), mine);
    // then it was one transaction with their origin, and one undo brings everything back
    expect(transactions).toEqual([mine]);
    expect(read(ydoc!).name).toBe('Mine');
    undo.undo();
    expect(read(ydoc!)).toEqual(before);
  });
});

describe('people editing at once', () => {
  it('keep both changes to different fields of one node', () => {
    // given two people in one room
    const [ada, bob] = room(2);
    const id = node(read(ada!), 'PaymentService').id;
    // when Ada moves the node while Bob renames it and sets its failure rate
    edit(ada!, (d) => moveNodes(d, new Map([[id, { x: 999, y: 111 }]])));
    edit(bob!, (d) => updateNode(d, id, { name: 'Payments', failureRate: 0.1 }));
    syncAll([ada!, bob!]);
    // then both see the node moved, renamed, with its failure rate
    for (const ydoc of [ada!, bob!]) expect(read(ydoc).nodes.find((n) => n.id === id)).toMatchObject({ name: 'Payments', position: { x: 999, y: 111 }, failureRate: 0.1 });
  });

  it('a connection to a node someone else deleted stays, and the rules name it (G001)', () => {
    // given two people in one room
    const [ada, bob] = room(2);
    const doc = read(ada!);
    const inventory = node(doc, 'InventoryService').id;
    // when Ada deletes a service while Bob connects a new command to it
    edit(ada!, (d) => removeElements(d, [inventory]));
    let commandId = '';
    edit(bob!, (d) => {
      const added = addNode(d, 'command', { x: 0, y: 0 });
      commandId = added.id;
      const linked = connect(added.doc, added.id, inventory);
      if (!linked.ok) throw new Error(linked.reason);
      return linked.doc;
    });
    syncAll([ada!, bob!]);
    // then both have Bob's connection, pointing at nothing, and validation says so
    for (const ydoc of [ada!, bob!]) {
      const merged = read(ydoc);
      expect(merged.nodes.some((n) => n.id === inventory)).toBe(false);
      expect(merged.edges.some((e) => e.source === commandId && e.target === inventory)).toBe(true);
      expect(validate(merged).diagnostics.some((d) => d.rule === 'G001')).toBe(true);
    }
  });

  it('an edit of a node someone else deleted is dropped: the deletion wins', () => {
    const [ada, bob] = room(2);
    const id = node(read(ada!), 'OrderService').id;
    edit(ada!, (d) => removeElements(d, [id]));
    send(ada!, bob!);
    // Bob's copy had not shown the deletion yet when he renamed it
    const stale = example('order-orchestrated');
    applyDiff(bob!, diffDesigns(stale, updateNode(stale, id, { name: 'Late' })), 'local');
    syncAll([ada!, bob!]);
    expect(read(ada!).nodes.some((n) => n.id === id)).toBe(false);
    expect(read(ada!)).toEqual(read(bob!));
  });

  it('nodes added at once by two people are listed in the same order on every copy', () => {
    const [ada, bob, cyd] = room(3);
    edit(ada!, (d) => addNode(d, 'service', { x: 1, y: 1 }).doc);
    edit(bob!, (d) => addNode(addNode(d, 'event', { x: 2, y: 2 }).doc, 'actor', { x: 3, y: 3 }).doc);
    send(bob!, cyd!);
    send(ada!, cyd!);
    syncAll([ada!, bob!]);
    const order = (ydoc: Y.Doc) => read(ydoc).nodes.map((n) => n.id);
    expect(order(ada!)).toEqual(order(bob!));
    expect(order(cyd!)).toEqual(order(ada!));
    expect(order(ada!).slice(0, -3)).toEqual(example('order-orchestrated').nodes.map((n) => n.id));
  });

  it('text with a lone surrogate reads the same on every copy', () => {
    const [ada, bob] = room(2);
    const id = node(read(ada!), 'PaymentService').id;
    edit(ada!, (d) => updateNode(d, id, { description: 'broken \ud800 text' }));
    syncAll([ada!, bob!]);
    expect(read(ada!).nodes.find((n) => n.id === id)!.description).toBe('broken \ufffd text');
    expect(read(bob!)).toEqual(read(ada!));
  });
});
