import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../load.ts';
import { addNote, groupNodes } from '../operations.ts';
import { LIMITS } from '../schema.ts';
import { validate } from '../validate.ts';
import { designArb } from '../testing/arbitraries.ts';
import { design, example, nodeNamed, unlink } from '../testing/builder.ts';
import { convert } from './convert.ts';

const reason = (r: ReturnType<typeof convert>) => (r.ok ? 'converted' : r.reason);

describe('convert refuses what it cannot convert, and creates nothing', () => {
  it('an empty design, one without participants or trigger, or of no style', () => {
    expect(reason(convert(design().doc, 'choreography'))).toBe('Cannot convert: the design is empty: there is nothing to convert.');
    expect(reason(convert(design().actor('Customer').command('PlaceOrder').link('Customer', 'PlaceOrder').doc, 'orchestration'))).toMatch(/no services or orchestrators/);
    const loop = design().service('A').service('B').event('Pinged').event('Ponged').link('A', 'Pinged', 'B', 'Ponged', 'A').doc;
    expect(reason(convert(loop, 'orchestration'))).toMatch(/no trigger \(G011\)/);
    const lone = design().actor('Customer').command('PlaceOrder').service('Orders').link('Customer', 'PlaceOrder', 'Orders').doc;
    expect(reason(convert(lone, 'orchestration'))).toMatch(/shows no style yet/);
  });

  it('a design already in the target style, or a hybrid', () => {
    expect(reason(convert(example('order-choreographed'), 'choreography'))).toBe('Cannot convert: the design already is a choreography.');
    const hybrid = example('order-choreographed');
    hybrid.nodes.push({ id: 'audit', kind: 'command', name: 'AuditOrder' }, { id: 'auditor', kind: 'service', name: 'AuditService', idempotent: true });
    hybrid.edges.push({ id: 'h1', source: 'shippingService', target: 'audit', on: ['inventoryDeducted'] }, { id: 'h2', source: 'audit', target: 'auditor' });
    expect(reason(convert(hybrid, 'orchestration'))).toMatch(/the design is a hybrid/);
  });

  it('a design with errors, naming the first', () => {
    const broken = example('order-orchestrated');
    unlink(broken, 'DeductInventory', 'InventoryService');
    expect(reason(convert(broken, 'choreography'))).toMatch(/^Cannot convert: the design has \d+ errors?; fix (it|them) first: .*DeductInventory/);
    expect(nodeNamed(broken, 'DeductInventory').kind).toBe('command');
  });

  it('a choreography whose parallel branches each end in a step that can fail and is never undone', () => {
    const b = design().actor('Customer').command('PlaceOrder').service('Orders').event('OrderPlaced').event('OrderCancelled', { terminal: true });
    b.link('Customer', 'PlaceOrder', 'Orders').edge('Orders', 'OrderPlaced', { on: ['PlaceOrder'] });
    for (const x of ['Payment', 'Stock']) {
      b.service(`${x}Service`).event(`${x}Taken`, { terminal: true }).event(`${x}Failed`, { outcome: 'failure' });
      b.edge('OrderPlaced', `${x}Service`).edge(`${x}Service`, `${x}Taken`).edge(`${x}Service`, `${x}Failed`).edge(`${x}Failed`, 'Orders', { compensates: 'PlaceOrder' });
    }
    b.edge('Orders', 'OrderCancelled', { on: ['PaymentFailed', 'StockFailed'] });
    expect(reason(convert(b.doc, 'orchestration'))).toMatch(/^Cannot convert: the reactions cannot be put in the order of one saga .*parallel branches/);
  });

  it('keeps notes, and groups of the nodes it keeps (spec §1.2a)', () => {
    // given the orchestrated order with its services grouped and a note
    let doc = example('order-orchestrated');
    const id = (name: string) => doc.nodes.find((n) => n.name === name)!.id;
    doc = groupNodes(doc, [id('PaymentService'), id('InventoryService')], 'Back office').doc;
    doc = groupNodes(doc, [id('OrderService')], 'Front').doc;
    doc = addNote(doc, { x: 0, y: -100 }, 'Reviewed with the payments team').doc;
    // when it is converted to a choreography
    const result = convert(doc, 'choreography');
    if (!result.ok) throw new Error(result.reason);
    // then the note and the groups of kept nodes come along, and the design loads back
    expect(result.doc.notes).toEqual(doc.notes);
    const kept = new Set(result.doc.nodes.map((n) => n.id));
    expect(result.doc.groups!.find((g) => g.name === 'Back office')?.nodes).toEqual([id('PaymentService'), id('InventoryService')]);
    expect(result.doc.groups!.every((g) => g.nodes.length > 0 && g.nodes.every((n) => kept.has(n)))).toBe(true);
    expect(parseDocument(JSON.parse(JSON.stringify(result.doc))).ok).toBe(true);
  });

  it('leaves the original untouched', () => {
    const doc = example('create-order-saga');
    const before = JSON.stringify(doc);
    const result = convert(doc, 'choreography');
    expect(result.ok).toBe(true);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('convert on any design', () => {
  it('never throws: it refuses, or returns a design that loads back and has no errors', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 14, maxEdges: 20 }), fc.constantFrom('orchestration' as const, 'choreography' as const), (doc, to) => {
        const result = convert(doc, to);
        if (!result.ok) {
          expect(result.reason).toMatch(/^Cannot convert: /);
          return;
        }
        const reloaded = parseDocument(JSON.parse(JSON.stringify(result.doc)));
        expect(reloaded.ok).toBe(true);
        expect(validate(result.doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('converts long names within the name limit', () => {
    const long = (s: string) => `${s}${'x'.repeat(LIMITS.maxNameLength - s.length)}`;
    const doc = example('order-orchestrated');
    for (const n of doc.nodes) n.name = long(n.name);
    const result = convert(doc, 'choreography');
    if (!result.ok) throw new Error(result.reason);
    expect(parseDocument(JSON.parse(JSON.stringify(result.doc))).ok).toBe(true);
  });
});
