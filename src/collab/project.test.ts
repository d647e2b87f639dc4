/**
 * Reading the shared document back as a design: what was written comes back as it was, and
 * whatever a client wrote into it, the design loads with the project's loader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseDocument } from '../model/load.ts';
import { designArb } from '../model/testing/arbitraries.ts';
import { example, EXAMPLE_IDS } from '../model/testing/builder.ts';
import { validate } from '../model/validate.ts';
import { writeDesign } from './applyDiff.ts';
import { readDesign } from './project.ts';
import { collectionRoot, designRoot, wellFormed } from './sharedDesign.ts';
import { withoutEmptyLists } from './testing/peers.ts';

const written = (doc: Parameters<typeof writeDesign>[1]) => {
  const ydoc = new Y.Doc();
  writeDesign(ydoc, doc);
  return ydoc;
};

/** A record written straight into the shared document, as another client (or a hostile one) could. */
function putRecord(ydoc: Y.Doc, collection: 'nodes' | 'edges' | 'notes' | 'groups', id: string, fields: Record<string, unknown>, order = 1000): void {
  const record = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) record.set(k, v);
  record.set('@order', order);
  collectionRoot(ydoc, collection).set(id, record);
}

const loads = (ydoc: Y.Doc) => {
  const { doc, repairs } = readDesign(ydoc);
  expect(parseDocument(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
  expect(() => validate(doc)).not.toThrow();
  return { doc, repairs };
};

describe('a design written into a shared document', () => {
  it.each(EXAMPLE_IDS)('reads back exactly as it was written: %s', (id) => {
    // given a reference design
    const doc = example(id);
    // when it is written into a Y.Doc and read back
    const { doc: read, repairs } = readDesign(written(doc));
    // then nothing is lost, reordered or repaired
    expect(read).toEqual(withoutEmptyLists(doc));
    expect(repairs).toEqual([]);
  });

  it('reads back any valid design, lists in their order (property)', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 8, maxEdges: 10 }), (doc) => {
        const { doc: read, repairs } = readDesign(written(doc));
        // Yjs carries strings as UTF-8: lone surrogates arrive as U+FFFD (on every copy alike).
        const expected = withoutEmptyLists(wellFormed(doc) as typeof doc);
        if (repairs.length === 0) expect(read).toEqual(expected);
        else expect(repairs.join('\n')).toMatch(/taken by another record|in another group/);
      }),
      { numRuns: 200 },
    );
  });

  it('writing another design over it keeps the records both have and changes only what differs', () => {
    // given a room holding the orchestrated order process
    const doc = example('order-orchestrated');
    const ydoc = written(doc);
    const payment = collectionRoot(ydoc, 'nodes').get(doc.nodes[1]!.id);
    // when a copy with one node renamed and one connection gone is written over it
    const next = { ...doc, nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, name: 'Renamed' } : n)), edges: doc.edges.slice(1) };
    const changes: number[] = [];
    ydoc.on('update', (u: Uint8Array) => changes.push(u.length));
    writeDesign(ydoc, next);
    // then the node keeps its shared record, and the document holds the new design
    expect(collectionRoot(ydoc, 'nodes').get(doc.nodes[1]!.id)).toBe(payment);
    expect(readDesign(ydoc).doc).toEqual(withoutEmptyLists(next));
    expect(changes).toHaveLength(1);
  });
});

describe('whatever a client wrote, the design loads', () => {
  it('drops fields of the wrong type, keeps the record, and says so', () => {
    // given a service whose failure rate, latency and position another client broke
    const ydoc = written(example('order-orchestrated'));
    const service = collectionRoot(ydoc, 'nodes').get('payment') as Y.Map<unknown> | undefined;
    const id = service ? 'payment' : [...collectionRoot(ydoc, 'nodes').keys()].find((k) => (collectionRoot(ydoc, 'nodes').get(k) as Y.Map<unknown>).get('kind') === 'service')!;
    const record = collectionRoot(ydoc, 'nodes').get(id) as Y.Map<unknown>;
    record.set('failureRate', 'often');
    record.set('latencyMs', -5);
    record.set('position', { x: 'left' });
    record.set('shoeSize', 44);
    // when the design is read
    const { doc, repairs } = loads(ydoc);
    // then the node is there without the broken fields, unknown fields dropped
    const node = doc.nodes.find((n) => n.id === id)!;
    expect(node).not.toHaveProperty('failureRate');
    expect(node).not.toHaveProperty('latencyMs');
    expect(node).not.toHaveProperty('position');
    expect(node).not.toHaveProperty('shoeSize');
    expect(repairs.join('\n')).toMatch(/failureRate: expected number, got "often"; removed/);
    expect(repairs.join('\n')).toMatch(/latencyMs: must be at least 0, got -5; removed/);
  });

  it('gives a plain value to a required field, and leaves out what cannot be a record', () => {
    // given records another client wrote: a blank name, an unknown kind, a connection without a
    // source, a note without text, a value that is not a record at all
    const ydoc = written(example('checkout-fanout'));
    putRecord(ydoc, 'nodes', 'svc-x', { kind: 'service', name: '   ' });
    putRecord(ydoc, 'nodes', 'robot-1', { kind: 'robot', name: 'R2' });
    putRecord(ydoc, 'edges', 'edge-x', { target: 'svc-x' });
    putRecord(ydoc, 'notes', 'note-x', { position: { x: 1, y: 2 }, text: 7 });
    collectionRoot(ydoc, 'nodes').set('junk', 'not a record');
    designRoot(ydoc).set('declaredStyle', 'anarchy');
    // when the design is read
    const { doc, repairs } = loads(ydoc);
    // then
    expect(doc.nodes.find((n) => n.id === 'svc-x')?.name).toBe('svc-x');
    expect(doc.nodes.some((n) => n.id === 'robot-1' || n.id === 'junk')).toBe(false);
    expect(doc.edges.some((e) => e.id === 'edge-x')).toBe(false);
    expect(doc.notes?.find((n) => n.id === 'note-x')?.text).toBe('');
    expect(doc.declaredStyle).toBeUndefined();
    expect(repairs).toHaveLength(6);
  });

  it('keeps ids unique across the lists and each node in one group, naming only nodes that exist', () => {
    // given a note that took a node's id, and groups naming a deleted node and a node twice
    const ydoc = written(example('order-choreographed'));
    const [a, b] = [...collectionRoot(ydoc, 'nodes').keys()];
    putRecord(ydoc, 'notes', a!, { text: 'clash', position: { x: 0, y: 0 } });
    putRecord(ydoc, 'groups', 'g1', { name: 'One', nodes: [a, 'gone'] }, 1);
    putRecord(ydoc, 'groups', 'g2', { name: 'Two', nodes: [a, b] }, 2);
    putRecord(ydoc, 'groups', 'g3', { name: 'Three', nodes: ['gone'] }, 3);
    // when the design is read
    const { doc } = loads(ydoc);
    // then the node keeps its id, the first group keeps the node, the empty group goes
    expect(doc.notes ?? []).toEqual([]);
    expect(doc.groups).toEqual([
      { id: 'g1', name: 'One', nodes: [a] },
      { id: 'g2', name: 'Two', nodes: [b] },
    ]);
  });

  it('repairs a design name and scenarios of the wrong shape', () => {
    const ydoc = written(example('create-order-saga'));
    designRoot(ydoc).set('name', '');
    designRoot(ydoc).set('scenarios', [{ name: 'ok', seed: 1, faults: [] }, { name: 'bad', seed: -1, faults: [] }]);
    const { doc, repairs } = loads(ydoc);
    expect(doc.name).toBe('Untitled design');
    expect(doc.scenarios).toEqual([{ name: 'ok', seed: 1, faults: [] }]);
    expect(repairs).toHaveLength(2);
  });

  it('an empty shared document reads as an empty design', () => {
    expect(loads(new Y.Doc()).doc).toEqual({ format: 'sagaboard', version: 2, name: 'Untitled design', nodes: [], edges: [] });
  });
});
