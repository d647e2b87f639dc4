import { describe, expect, it } from 'vitest';
import { loadFragment, parseDocument } from './load.ts';
import { LIMITS, type SagaDocument } from './schema.ts';
import {
  addNode,
  connect,
  copyFragment,
  duplicateNodes,
  emptyDocument,
  moveNodes,
  pasteFragment,
  removeElements,
  updateEdge,
  updateNode,
} from './operations.ts';
import { edgeBetween, example, nodeNamed } from './testing/builder.ts';
import { validate } from './validate.ts';

describe('adding nodes', () => {
  it('gives each new node a unique id and a default name the rules accept', () => {
    // given an empty design
    let doc = emptyDocument();
    // when the architect adds two commands, an event and a failure event
    for (const preset of ['command', 'command', 'event', 'failureEvent'] as const) doc = addNode(doc, preset, { x: 0, y: 0 }).doc;
    // then names are unique, read well, and the failure preset is a failure event
    expect(doc.nodes.map((n) => n.name)).toEqual(['DoSomething', 'DoSomething2', 'SomethingHappened', 'SomethingFailed']);
    expect(new Set(doc.nodes.map((n) => n.id)).size).toBe(4);
    expect(doc.nodes[3]).toMatchObject({ kind: 'event', outcome: 'failure' });
    expect(validate(doc).diagnostics.filter((d) => ['G003', 'G004', 'G005'].includes(d.rule))).toEqual([]);
  });

  it('never changes the document it is given', () => {
    const doc = emptyDocument();
    addNode(doc, 'service', { x: 1, y: 2 });
    expect(doc.nodes).toEqual([]);
  });
});

describe('connecting', () => {
  it('creates the connection the spec allows', () => {
    let doc = emptyDocument();
    const a = addNode(doc, 'actor', { x: 0, y: 0 });
    const c = addNode(a.doc, 'command', { x: 0, y: 0 });
    const r = connect(c.doc, a.id, c.id);
    expect(r.ok).toBe(true);
    if (r.ok) doc = r.doc;
    expect(doc.edges).toEqual([{ id: expect.any(String), source: a.id, target: c.id }]);
  });

  it('refuses a forbidden pair with the reason and what to draw instead', () => {
    const doc = example('order-orchestrated');
    const r = connect(doc, nodeNamed(doc, 'PaymentProcessed').id, nodeNamed(doc, 'PaymentFailed').id);
    expect(r).toEqual({
      ok: false,
      reason: 'An event cannot trigger an event directly: connect it to the service that reacts to it, and let that service publish or send the next message.',
    });
  });

  it('refuses a second identical connection and a loop onto itself', () => {
    const doc = example('order-orchestrated');
    const c = nodeNamed(doc, 'ProcessPayment').id;
    expect(connect(doc, c, nodeNamed(doc, 'PaymentService').id)).toEqual({ ok: false, reason: 'ProcessPayment is already connected to PaymentService.' });
    expect(connect(doc, c, c)).toEqual({ ok: false, reason: 'ProcessPayment cannot connect to itself.' });
  });
});

describe('removing', () => {
  it('removes a node with every connection that touches it, and references to it', () => {
    const doc = example('order-orchestrated');
    const failed = nodeNamed(doc, 'PaymentFailed').id;
    const next = removeElements(doc, [failed]);
    expect(next.nodes.some((n) => n.id === failed)).toBe(false);
    expect(next.edges.some((e) => e.source === failed || e.target === failed)).toBe(false);
    // OrderCancelled was emitted on [PaymentFailed, InventoryFailed, ShippingFailed]
    expect(edgeBetween(next, 'OrderService', 'OrderCancelled').on).toEqual([nodeNamed(doc, 'InventoryFailed').id, nodeNamed(doc, 'ShippingFailed').id]);
    expect(validate(next).diagnostics.filter((d) => d.rule === 'G014')).toEqual([]);
  });

  it('removes only the named connection', () => {
    const doc = example('order-orchestrated');
    const e = edgeBetween(doc, 'ProcessPayment', 'RefundPayment');
    const next = removeElements(doc, [], [e.id]);
    expect(next.edges).toHaveLength(doc.edges.length - 1);
    expect(next.nodes).toBe(doc.nodes);
  });
});

describe('updating', () => {
  it('sets and clears node attributes, never the id or kind', () => {
    const doc = example('order-orchestrated');
    const id = nodeNamed(doc, 'ProcessPayment').id;
    let next = updateNode(doc, id, { timeoutMs: 900, stepType: 'pivot', kind: 'event', id: 'hijack' });
    expect(next.nodes.find((n) => n.id === id)).toMatchObject({ kind: 'command', timeoutMs: 900, stepType: 'pivot' });
    next = updateNode(next, id, { timeoutMs: undefined });
    expect(next.nodes.find((n) => n.id === id)).not.toHaveProperty('timeoutMs');
  });

  it('sets "on" of a connection', () => {
    const doc = example('order-orchestrated');
    const e = edgeBetween(doc, 'OrderService', 'OrderCancelled');
    const next = updateEdge(doc, e.id, { on: [nodeNamed(doc, 'PaymentFailed').id] });
    expect(next.edges.find((x) => x.id === e.id)!.on).toEqual([nodeNamed(doc, 'PaymentFailed').id]);
  });

  it('moves nodes', () => {
    const doc = example('checkout-fanout');
    const id = doc.nodes[0]!.id;
    expect(moveNodes(doc, new Map([[id, { x: 5, y: 6 }]])).nodes[0]!.position).toEqual({ x: 5, y: 6 });
  });
});

describe('copy, paste and duplicate', () => {
  it('duplicates a connected piece with new ids, unique names and remapped references', () => {
    const doc = example('credit-reservation');
    const piece = ['OrderService', 'CreditReserved', 'OrderApproved'].map((n) => nodeNamed(doc, n).id);
    const { doc: next, ids } = duplicateNodes(doc, piece);
    expect(ids).toHaveLength(3);
    const copies = next.nodes.filter((n) => ids.includes(n.id));
    expect(copies.map((n) => n.name)).toEqual(['OrderService2', 'CreditReserved2', 'OrderApproved2']);
    const copiedOutput = next.edges.find((e) => e.source === ids[0] && e.target === ids[2])!;
    // "on: [CreditReserved]" now names the pasted CreditReserved
    expect(copiedOutput.on).toEqual([ids[1]]);
    // a connection to a node outside the selection is not copied
    expect(next.edges.length - doc.edges.length).toBe(2);
  });

  it('round-trips through the clipboard as JSON', () => {
    const doc = example('checkout-fanout');
    const text = JSON.stringify(copyFragment(doc, doc.nodes.slice(0, 3).map((n) => n.id)));
    const r = loadFragment(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pasted = pasteFragment(emptyDocument(), r.fragment, { x: 10, y: 10 });
    expect(pasted.doc.nodes.map((n) => n.name)).toEqual(doc.nodes.slice(0, 3).map((n) => n.name));
    expect(pasted.doc.edges).toHaveLength(2);
  });

  it('refuses clipboard text that is not a design', () => {
    expect(loadFragment('hello')).toEqual({ ok: false, error: { message: 'the clipboard does not hold a Sagaboard design or selection (not JSON)' } });
    expect(loadFragment('{"a":1}')).toEqual({ ok: false, error: { message: 'the clipboard does not hold a Sagaboard design or selection' } });
    const broken = loadFragment('{"format":"sagaboard-fragment","nodes":[{"id":"x","kind":"robot","name":"R"}],"edges":[]}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toMatch(/^nodes\[0\]\.kind: expected one of/);
  });

  it('keeps copies inside the format: names at the length limit and nodes at the edge of the plane', () => {
    const long = 'N'.repeat(LIMITS.maxNameLength);
    const doc: SagaDocument = { ...emptyDocument(), nodes: [{ id: 'a', kind: 'service', name: long, position: { x: LIMITS.maxCoordinate, y: -LIMITS.maxCoordinate } }] };
    const { doc: next, ids } = duplicateNodes(doc, ['a']);
    const copy = next.nodes.find((n) => n.id === ids[0])!;
    expect(copy.name).toHaveLength(LIMITS.maxNameLength);
    expect(copy.name.endsWith('2')).toBe(true);
    expect(copy.position).toEqual({ x: LIMITS.maxCoordinate, y: -LIMITS.maxCoordinate + 40 });
    // The result reopens: what the editor makes, the loader accepts.
    expect(parseDocument(next).ok).toBe(true);
  });
});

