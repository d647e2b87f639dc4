/** Drawing without bookkeeping: `connect` keeps `on` right as an architect draws (answers.ts). */
import { describe, expect, it } from 'vitest';
import { bindAnswers, guessAnswer, stemsOf } from './answers.ts';
import { buildGraph } from './graph.ts';
import { addNode, connect, emptyDocument, updateNode, type NodePreset } from './operations.ts';
import type { SagaDocument } from './schema.ts';
import { design } from './testing/builder.ts';
import { validate } from './validate.ts';

/** Draws nodes (by name) and connections in order, as the canvas would. */
function draw(nodes: [NodePreset, string][], connections: [string, string][]) {
  let doc: SagaDocument = emptyDocument('Drawn');
  const ids = new Map<string, string>();
  for (const [preset, name] of nodes) {
    const made = addNode(doc, preset, { x: 0, y: 0 });
    doc = updateNode(made.doc, made.id, { name });
    ids.set(name, made.id);
  }
  const answers: { from: string; to: string; guess: string[]; inputs: string[] }[] = [];
  for (const [from, to] of connections) {
    const r = connect(doc, ids.get(from)!, ids.get(to)!);
    if (!r.ok) throw new Error(r.reason);
    doc = r.doc;
    const name = (id: string) => doc.nodes.find((n) => n.id === id)!.name;
    if (r.answer) answers.push({ from, to, guess: r.answer.guess.map(name), inputs: r.answer.inputs.map((i) => i.name) });
  }
  const on = (from: string, to: string) => {
    const e = doc.edges.find((x) => x.source === ids.get(from) && x.target === ids.get(to))!;
    return e.on?.map((id) => doc.nodes.find((n) => n.id === id)!.name);
  };
  return { doc, answers, on };
}

/** The orchestrated order process of spec §5.1, drawn in the order an architect would. */
const ORDER_NODES: [NodePreset, string][] = [
  ['actor', 'Customer'],
  ['command', 'PlaceOrder'],
  ['orchestrator', 'OrderService'],
  ...(['Payment', 'Inventory', 'Shipping'] as const).flatMap((s): [NodePreset, string][] => [['service', `${s}Service`]]),
  ['command', 'ProcessPayment'],
  ['command', 'RefundPayment'],
  ['command', 'DeductInventory'],
  ['command', 'RestoreInventory'],
  ['command', 'InitiateShipping'],
  ['event', 'PaymentProcessed'],
  ['failureEvent', 'PaymentFailed'],
  ['event', 'PaymentRefunded'],
  ['event', 'InventoryDeducted'],
  ['failureEvent', 'InventoryFailed'],
  ['event', 'InventoryRestored'],
  ['event', 'ShippingInitiated'],
  ['failureEvent', 'ShippingFailed'],
  ['event', 'OrderCompleted'],
  ['event', 'OrderCancelled'],
];
const step = (command: string, service: string, done: string, failed: string): [string, string][] => [
  ['OrderService', command],
  [command, service],
  [service, done],
  [service, failed],
  [done, 'OrderService'],
  [failed, 'OrderService'],
];
const compensation = (command: string, undo: string, service: string, undone: string): [string, string][] => [
  [command, undo],
  ['OrderService', undo],
  [undo, service],
  [service, undone],
  [undone, 'OrderService'],
];
const ORDER_CONNECTIONS: [string, string][] = [
  ['Customer', 'PlaceOrder'],
  ['PlaceOrder', 'OrderService'],
  ...step('ProcessPayment', 'PaymentService', 'PaymentProcessed', 'PaymentFailed'),
  ...step('DeductInventory', 'InventoryService', 'InventoryDeducted', 'InventoryFailed'),
  ...step('InitiateShipping', 'ShippingService', 'ShippingInitiated', 'ShippingFailed'),
  ...compensation('ProcessPayment', 'RefundPayment', 'PaymentService', 'PaymentRefunded'),
  ...compensation('DeductInventory', 'RestoreInventory', 'InventoryService', 'InventoryRestored'),
  ['OrderService', 'OrderCompleted'],
  ['OrderService', 'OrderCancelled'],
];

describe('drawing the orchestrated order process needs no "on" by hand', () => {
  const { doc, answers, on } = draw(ORDER_NODES, ORDER_CONNECTIONS);

  it('ends a well-formed orchestration with no error', () => {
    const v = validate(doc);
    expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(v.style).toBe('orchestration');
  });

  it('guesses each answer as the architect meant it', () => {
    expect(on('OrderService', 'ProcessPayment')).toEqual(['PlaceOrder']); // bound when OrderService heard a second message
    expect(on('OrderService', 'DeductInventory')).toEqual(['PaymentProcessed']); // the success heard last
    expect(on('OrderService', 'InitiateShipping')).toEqual(['InventoryDeducted']);
    expect(on('PaymentService', 'PaymentProcessed')).toEqual(['ProcessPayment']); // bound when RefundPayment arrived
    expect(on('PaymentService', 'PaymentFailed')).toEqual(['ProcessPayment']);
    expect(on('PaymentService', 'PaymentRefunded')).toEqual(['RefundPayment']); // by name
    expect(on('InventoryService', 'InventoryRestored')).toEqual(['RestoreInventory']);
    expect(on('OrderService', 'OrderCompleted')).toEqual(['ShippingInitiated']); // not PlaceOrder: "Order" alone is the saga's subject
    expect(on('OrderService', 'OrderCancelled')).toEqual(['PaymentFailed', 'InventoryFailed', 'ShippingFailed']); // a cancel answers the failures
    expect(on('OrderService', 'RefundPayment')).toBeUndefined(); // a compensation is sent while compensating
  });

  it('says which outputs it guessed, with the inputs to choose from', () => {
    expect(answers.map((a) => `${a.from} → ${a.to}`)).toEqual([
      'OrderService → DeductInventory',
      'OrderService → InitiateShipping',
      'PaymentService → PaymentRefunded',
      'InventoryService → InventoryRestored',
      'OrderService → OrderCompleted',
      'OrderService → OrderCancelled',
    ]);
    expect(answers[0]!.inputs).toEqual(['PlaceOrder', 'PaymentProcessed', 'PaymentFailed']);
  });
});

describe('guessAnswer', () => {
  it('reads verbs in any tense and ignores noise words', () => {
    expect([...stemsOf('InventoryReserved')]).toEqual(['inventory', 'reserve']);
    expect([...stemsOf('ReserveInventory')]).toEqual(['reserve', 'inventory']);
    expect([...stemsOf('PaymentServiceRequested')]).toEqual(['payment']);
  });

  it('matches a reply to the command it reports, whatever was drawn last', () => {
    const d = design().command('ReserveInventory').command('ReleaseInventory').service('InventoryService').event('InventoryReserved');
    d.link('ReserveInventory', 'InventoryService').link('ReleaseInventory', 'InventoryService');
    const g = buildGraph(d.doc);
    expect(guessAnswer(g, 'InventoryService', d.doc.nodes.find((n) => n.name === 'InventoryReserved')!).guess).toEqual(['ReserveInventory']);
  });

  it('prefers the input whose sender hears the output: the reply goes back', () => {
    const d = design().service('A').service('B').service('C').event('Started').event('Other').event('Done');
    d.link('A', 'Started', 'C').link('B', 'Other', 'C').link('Done', 'B');
    // C hears Started (from A) and Other (from B); B already listens to Done: Done answers Other.
    const g = buildGraph(d.doc);
    expect(guessAnswer(g, 'C', d.doc.nodes.find((n) => n.id === 'Done')!).guess).toEqual(['Other']);
  });

  it('a failure event answers the forward step of its subject, not its compensation', () => {
    const d = design().command('ProcessPayment').command('RefundPayment').service('PaymentService').event('PaymentFailed', { outcome: 'failure' });
    d.link('ProcessPayment', 'RefundPayment').link('ProcessPayment', 'PaymentService').link('RefundPayment', 'PaymentService');
    const g = buildGraph(d.doc);
    expect(guessAnswer(g, 'PaymentService', d.doc.nodes.find((n) => n.id === 'PaymentFailed')!).guess).toEqual(['ProcessPayment']);
  });

  it('with one input or none, that is the answer', () => {
    const d = design().command('Go').service('S').event('Gone');
    d.link('Go', 'S');
    expect(guessAnswer(buildGraph(d.doc), 'S', d.doc.nodes[2]!)).toMatchObject({ guess: ['Go'] });
  });
});

describe('bindAnswers', () => {
  it('leaves a connection that needs no answer alone', () => {
    const d = design().command('Go').service('S').event('Gone');
    d.link('Go', 'S', 'Gone');
    expect(bindAnswers(d.doc, d.doc.edges[1]!.id)).toEqual({ doc: d.doc });
    expect(bindAnswers(d.doc, 'nope')).toEqual({ doc: d.doc });
  });

  it('binds the outputs of a participant to its first input when it hears a second', () => {
    const d = design().command('Go').command('Stop').service('S').event('Gone');
    d.link('Go', 'S', 'Gone').link('Stop', 'S');
    const r = bindAnswers(d.doc, d.doc.edges[2]!.id);
    expect(r.doc.edges.find((e) => e.target === 'Gone')!.on).toEqual(['Go']);
    expect(r.answer).toBeUndefined();
  });
});

describe('fixesFor G013', () => {
  it('offers each input, the likeliest first, and each fix removes the error', async () => {
    const { fixesFor } = await import('./fixes.ts');
    const d = design().command('ReserveInventory').command('ReleaseInventory').service('InventoryService').event('InventoryReserved');
    d.link('ReserveInventory', 'InventoryService', 'InventoryReserved').link('ReleaseInventory', 'InventoryService');
    const g013 = validate(d.doc).diagnostics.find((x) => x.rule === 'G013')!;
    const fixes = fixesFor(d.doc, g013);
    expect(fixes.map((f) => f.label)).toEqual(['InventoryReserved answers ReserveInventory', 'InventoryReserved answers ReleaseInventory']);
    for (const f of fixes) expect(validate(f.apply(d.doc)).diagnostics.filter((x) => x.rule === 'G013')).toEqual([]);
    expect(fixesFor(d.doc, { ...g013, rule: 'G012' })).toEqual([]);
  });
});
