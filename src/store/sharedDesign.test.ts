/**
 * The store on a live board, in Node: this person's copy (A) shown by the store, someone else's
 * (B) edited directly, the two shared documents synchronised by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { perform } from '../actions/action.ts';
import * as design from '../actions/design.ts';
import { writeDesign } from '../collab/applyDiff.ts';
import { SharedEditor, UNTRACKED } from '../collab/sharedEditor.ts';
import { send } from '../collab/testing/peers.ts';
import { addNode, emptyDocument, setIdTag, updateNode, type NodePreset } from '../model/operations.ts';
import type { SagaDocument } from '../model/schema.ts';
import { lastStep, redo, undo, useDesignStore } from './designStore.ts';
import { showSharedDesign } from './sharedDesign.ts';

const store = () => useDesignStore.getState();
const names = (doc: SagaDocument | null) => (doc?.nodes ?? []).map((n) => n.name).sort();
const nodeNamed = (doc: SagaDocument, name: string) => doc.nodes.find((n) => n.name === name)!;

let a: SharedEditor;
let b: SharedEditor;
let left: number;

/** A board holding `doc`, opened by A (in the store) and by B. */
function board(doc: SagaDocument, access: 'edit' | 'view' = 'edit'): void {
  const first = new Y.Doc();
  writeDesign(first, doc, UNTRACKED);
  const second = new Y.Doc();
  send(first, second);
  a = new SharedEditor(first);
  b = new SharedEditor(second);
  left = 0;
  showSharedDesign(a, { kind: 'live', room: 'room', access }, () => left++);
}

const sync = () => {
  send(a.ydoc, b.ydoc);
  send(b.ydoc, a.ydoc);
};

/** B does something, with ids of B's own, as B's app would. */
function byB(change: (doc: SagaDocument) => SagaDocument, label = 'edit'): void {
  setIdTag(b.ydoc.clientID.toString(36));
  try {
    b.commit(b.design, change(b.design), { label, history: 'record' });
  } finally {
    setIdTag(a.ydoc.clientID.toString(36));
  }
}

const addB = (preset: NodePreset) => byB((d) => addNode(d, preset, { x: 300, y: 0 }).doc);

describe('a live board in the store', () => {
  beforeEach(() => board(addNode(emptyDocument('Shared'), 'service', { x: 0, y: 0 }).doc));
  afterEach(() => store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' }));

  it('shows what the shared document holds, and what others change in it once it arrives', () => {
    expect(names(store().doc)).toEqual(['NewService']);
    byB((d) => updateNode(d, d.nodes[0]!.id, { name: 'Payments' }));
    expect(names(store().doc)).toEqual(['NewService']);
    sync();
    expect(names(store().doc)).toEqual(['Payments']);
  });

  it('sends each change made here to the shared document, where others get it', () => {
    perform(design.addNode, { preset: 'event', position: { x: 200, y: 0 } });
    expect(names(store().doc)).toEqual(['NewService', 'SomethingHappened']);
    sync();
    expect(names(b.design)).toEqual(['NewService', 'SomethingHappened']);
  });

  it('keeps the objects of what did not change, so the canvas redraws only what someone else changed', () => {
    byB((d) => addNode(d, 'event', { x: 300, y: 0 }).doc);
    sync();
    const before = store().doc!;
    byB((d) => updateNode(d, nodeNamed(d, 'SomethingHappened').id, { position: { x: 320, y: 40 } }));
    sync();
    const after = store().doc!;
    expect(after).not.toBe(before);
    expect(nodeNamed(after, 'NewService')).toBe(nodeNamed(before, 'NewService'));
    expect(after.edges).toBe(before.edges);
    expect(nodeNamed(after, 'SomethingHappened').position).toEqual({ x: 320, y: 40 });
  });

  it('undoes my own change and never the other person’s, on either copy', () => {
    perform(design.addNode, { preset: 'command', position: { x: 0, y: 200 } });
    sync();
    addB('event');
    sync();
    expect(names(store().doc)).toEqual(['DoSomething', 'NewService', 'SomethingHappened']);
    expect(store().undoLabel).toBe('add a command');
    undo();
    sync();
    expect(names(store().doc)).toEqual(['NewService', 'SomethingHappened']);
    expect(names(b.design)).toEqual(['NewService', 'SomethingHappened']);
    expect(store().redoLabel).toBe('add a command');
    redo();
    sync();
    expect(names(b.design)).toEqual(['DoSomething', 'NewService', 'SomethingHappened']);
  });

  it('undoing my edit of a field leaves the other person’s later edit of it, and their edit of another field', () => {
    const id = store().doc!.nodes[0]!.id;
    perform(design.rename, { id, name: 'Mine' });
    perform(design.patchNode, { id, patch: { description: 'mine too' } });
    sync();
    byB((d) => updateNode(d, id, { name: 'Theirs', latencyMs: 40 }));
    sync();
    undo(); // my description
    undo(); // my name: theirs came after it, and stays
    sync();
    for (const doc of [store().doc!, b.design]) {
      expect(doc.nodes[0]).toMatchObject({ name: 'Theirs', latencyMs: 40 });
      expect(doc.nodes[0]!.description).toBeUndefined();
    }
  });

  it('two people adding a node at the same moment both keep theirs: ids carry each copy’s client id', () => {
    perform(design.addNode, { preset: 'event', position: { x: 0, y: 100 } });
    addB('event');
    sync();
    expect(store().doc!.nodes).toHaveLength(3);
    expect(b.design.nodes).toHaveLength(3);
    const ids = store().doc!.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain(`event-${a.ydoc.clientID.toString(36)}-2`);
  });

  it('makes a node added and named one undo step, typed name and all (the squash policy)', () => {
    perform(design.addNode, { preset: 'service', position: { x: 0, y: 300 } });
    const added = lastStep();
    const id = store().doc!.nodes.at(-1)!.id;
    for (const name of ['O', 'Or', 'Orders']) store().continueStep(added, () => perform(design.rename, { id, name }));
    // Someone else's edit in between does not end my step.
    addB('actor');
    sync();
    store().continueStep(added, () => perform(design.rename, { id, name: 'OrderService' }));
    expect(store().undoLabel).toBe('add a service');
    undo();
    expect(names(store().doc)).toEqual(['Customer', 'NewService']);
  });

  it('stops showing the board when another design opens: ids go back to plain ones', () => {
    store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' });
    expect(left).toBe(1);
    expect(store().shared).toBeNull();
    perform(design.addNode, { preset: 'service', position: { x: 0, y: 0 } });
    expect(store().doc!.nodes[0]!.id).toBe('service-1');
    sync();
    expect(names(b.design)).toEqual(['NewService']);
  });
});

describe('a live board opened with a view link', () => {
  beforeEach(() => board(addNode(emptyDocument('Shared'), 'service', { x: 0, y: 0 }).doc, 'view'));
  afterEach(() => store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' }));

  it('changes nothing from here, and still shows what others change', () => {
    expect(perform(design.addNode, { preset: 'event', position: { x: 0, y: 0 } })).toBe(false);
    expect(a.ydoc.getMap('nodes').size).toBe(1);
    addB('event');
    sync();
    expect(names(store().doc)).toEqual(['NewService', 'SomethingHappened']);
  });
});
