// @vitest-environment happy-dom
// Mermaid's own parser is the judge. It needs a DOM (DOMPurify) even to parse, hence happy-dom.
import mermaid from 'mermaid';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fault, SagaDocument } from '../model/index.ts';
import { design, example, EXAMPLE_IDS, nodeNamed } from '../model/testing/builder.ts';
import { compilePlan, simulate, type TraceEntry } from '../simulation/index.ts';
import { addNote, groupNodes, updateGroup } from '../model/operations.ts';
import { toMermaid } from './mermaid.ts';
import { traceToMermaid } from './mermaidSequence.ts';
import { UNNAMED } from './mermaidText.ts';
import { ExportRefused } from './refusal.ts';
import { HOSTILE_NAMES, hostileDesign } from './testing/hostile.ts';

interface Vertex {
  id: string;
  text: string;
  type: string;
  classes: string[];
}
interface FlowLink {
  text: string;
  type: string;
  stroke: string;
}
interface SequenceMessage {
  from: string;
  to: string;
  message: string;
  type: number;
}
/** Mermaid's sequence line types. */
const SOLID = 0;
const DOTTED = 1;
const NOTE = 2;

beforeAll(() => mermaid.initialize({ startOnLoad: false }));

/** Parses with Mermaid and returns what its diagram database holds. */
async function parsed(text: string) {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Mermaid's diagram databases are untyped per diagram
  const db = diagram.db as any;
  return { type: diagram.type, db };
}

async function flowchart(text: string) {
  const { type, db } = await parsed(text);
  return { type, vertices: [...(db.getVertices() as Map<string, Vertex>).values()], links: db.getEdges() as FlowLink[] };
}

async function sequence(text: string) {
  const { type, db } = await parsed(text);
  const actors = [...(db.getActors() as Map<string, { name: string; description: string; type: string }>).values()];
  return { type, actors, messages: db.getMessages() as SequenceMessage[] };
}

/** The text Mermaid draws for a label: its entity placeholders become HTML entities (as its renderer does), read as HTML. */
function drawn(label: string): string {
  const element = document.createElement('div');
  element.innerHTML = label.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  return element.textContent ?? '';
}

/** A name as Mermaid shows it: on one line, without control characters, never blank. */
const oneLine = (name: string) => name.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '').trim() || UNNAMED;

describe('toMermaid: the flowchart of a design', () => {
  it.each(EXAMPLE_IDS)('Mermaid accepts the flowchart of %s, with every node and connection', async (id) => {
    const doc = example(id);
    const chart = await flowchart(toMermaid(doc));
    expect(chart.type).toBe('flowchart-v2');
    expect(chart.vertices.map((v) => drawn(v.text))).toEqual(doc.nodes.map((n) => n.name));
    expect(chart.links).toHaveLength(doc.edges.length);
  });

  it('draws each kind with its own shape, failures and compensations with their own class, compensation dotted', async () => {
    const doc = example('order-orchestrated');
    const chart = await flowchart(toMermaid(doc));
    const vertex = (name: string) => chart.vertices.find((v) => drawn(v.text) === name)!;
    expect(vertex('Customer')).toMatchObject({ type: 'stadium', classes: ['actor'] });
    expect(vertex('OrderService')).toMatchObject({ type: 'subroutine', classes: ['orchestrator'] });
    expect(vertex('PaymentService')).toMatchObject({ type: 'square', classes: ['service'] });
    expect(vertex('ProcessPayment')).toMatchObject({ type: 'odd', classes: ['command'] });
    expect(vertex('RefundPayment')).toMatchObject({ type: 'odd', classes: ['compensation'] });
    expect(vertex('PaymentProcessed')).toMatchObject({ type: 'round', classes: ['event'] });
    expect(vertex('PaymentFailed')).toMatchObject({ type: 'round', classes: ['failure'] });
    expect(vertex('OrderCompleted').classes).toEqual(['event', 'terminal']);
    expect(chart.links.map((l) => l.text)).toEqual(expect.arrayContaining(['sends', 'handled by', 'publishes', 'subscribed by', 'compensated by']));
    expect(chart.links.filter((l) => l.stroke === 'dotted').map((l) => l.text)).toEqual(['compensated by', 'compensated by']);
  });

  it('says what a choreography compensation undoes', async () => {
    const chart = await flowchart(toMermaid(example('order-choreographed')));
    expect(chart.links.filter((l) => l.stroke === 'dotted').map((l) => drawn(l.text))).toContain('subscribed by, compensates OrderCreated');
  });

  it('shows hostile names exactly, as text, with nothing Mermaid would run', async () => {
    // given names full of markup, quotes, Mermaid syntax and a config directive
    const doc = hostileDesign();
    // when exported
    const text = toMermaid(doc);
    const chart = await flowchart(text);
    // then Mermaid draws every name as the text it is (line breaks as spaces)
    expect(chart.vertices.map((v) => drawn(v.text))).toEqual(doc.nodes.map((n) => oneLine(n.name)));
    expect(chart.links.map((l) => drawn(l.text))).toContain(`subscribed by, compensates ${HOSTILE_NAMES.charge}`);
    expect(chart.links.map((l) => l.text)).toContain('not allowed');
    // the title is the design's name
    const frontMatter = text.split('---\n')[1]!;
    expect(parseYaml(frontMatter)).toEqual({ title: HOSTILE_NAMES.design });
    // and no markup, directive or interaction is left in the source
    expect(text).not.toContain('<');
    expect(text).not.toContain('%%');
    expect(text).not.toMatch(/^\s*(click|call|href)\b/m);
    // the connection to a missing node is left out rather than inventing a node
    expect(chart.vertices).toHaveLength(doc.nodes.length);
  });

  it('would fail on unescaped names: Mermaid rejects a quote inside a label', async () => {
    const text = toMermaid(hostileDesign()).replaceAll('#quot;', '"');
    await expect(mermaid.parse(text)).rejects.toThrow();
  });

  it('refuses an empty design', () => {
    expect(() => toMermaid(design('Empty').doc)).toThrow(ExportRefused);
  });
});

describe('toMermaid: notes and groups (spec §1.2a)', () => {
  /** The choreographed order with a Payments and a Fulfilment group and a note. */
  function annotated() {
    let doc = example('order-choreographed');
    const ids = (...names: string[]) => names.map((n) => nodeNamed(doc, n).id);
    doc = groupNodes(doc, ids('PaymentService', 'PaymentProcessed', 'PaymentFailed'), 'Payments "core"').doc;
    doc = groupNodes(doc, ids('InventoryService', 'ShippingService'), 'Fulfilment').doc;
    doc = updateGroup(doc, doc.groups![1]!.id, { color: '#0d9488' });
    return addNote(doc, { x: 0, y: 0 }, 'Refunds take\nup to 3 days; see #42').doc;
  }

  it('draws each group as a subgraph holding its nodes, coloured like its frame', async () => {
    const doc = annotated();
    const text = toMermaid(doc);
    const { db } = await parsed(text);
    const subgraphs = db.getSubGraphs() as { id: string; title: string; nodes: string[] }[];
    const nameOf = new Map([...(db.getVertices() as Map<string, Vertex>)].map(([id, v]) => [id, drawn(v.text)]));
    expect(subgraphs.map((g) => ({ title: drawn(g.title), nodes: g.nodes.map((id) => nameOf.get(id)).sort() }))).toEqual(
      expect.arrayContaining([
        { title: 'Payments "core"', nodes: ['PaymentFailed', 'PaymentProcessed', 'PaymentService'] },
        { title: 'Fulfilment', nodes: ['InventoryService', 'ShippingService'] },
      ]),
    );
    expect(text).toMatch(/^ {2}style g2_group_\d+ fill:#[0-9a-f]{6},stroke:#0d9488,color:#[0-9a-f]{6}$/m);
    // every node and connection is still there
    const chart = await flowchart(text);
    expect(chart.links).toHaveLength(doc.edges.length);
  });

  it('draws a note as a sticky-note box of its own, its text on one line', async () => {
    const chart = await flowchart(toMermaid(annotated()));
    const note = chart.vertices.find((v) => drawn(v.text).startsWith('Refunds'))!;
    expect(drawn(note.text)).toBe('Refunds take up to 3 days; see #42');
    expect(note.classes).toEqual(['note']);
  });

  it('leaves out empty notes and groups without nodes', () => {
    const doc = { ...example('credit-reservation'), notes: [{ id: 'n', text: '  ', position: { x: 0, y: 0 } }], groups: [{ id: 'g', name: 'Nobody', nodes: [] }] };
    expect(toMermaid(doc)).toBe(toMermaid(example('credit-reservation')));
  });
});

describe('traceToMermaid: the sequence diagram of a run', () => {
  const run = (doc: SagaDocument, faults: Fault[] = []) => simulate(compilePlan(doc), { seed: 1, faults }).trace;
  const deliveries = (trace: readonly TraceEntry[]) => trace.filter((e) => e.type === 'MESSAGE_DELIVERED' || e.type === 'DUPLICATE_DELIVERED');

  it.each(EXAMPLE_IDS)('Mermaid accepts the sequence diagram of %s, one arrow per delivered message', async (id) => {
    const doc = example(id);
    const lastService = doc.nodes.filter((n) => n.kind === 'service').at(-1)!;
    for (const faults of [[], [{ target: lastService.id, kind: 'businessFailure' as const }], [{ target: lastService.id, kind: 'duplicate' as const }]]) {
      const trace = run(doc, faults);
      const diagram = await sequence(traceToMermaid(trace, doc));
      expect(diagram.type).toBe('sequence');
      const arrows = diagram.messages.filter((m) => m.type === SOLID || m.type === DOTTED);
      expect(arrows.map((m) => drawn(m.message).split(' (')[0])).toEqual(deliveries(trace).map((e) => e.messageName));
      expect(diagram.messages.at(-1)).toMatchObject({ type: NOTE });
    }
  });

  it('draws the orchestrated compensation: the failure, the compensations in reverse order, the outcome', async () => {
    const doc = example('order-orchestrated');
    const trace = run(doc, [{ target: nodeNamed(doc, 'InitiateShipping').id, kind: 'businessFailure' }]);
    const diagram = await sequence(traceToMermaid(trace, doc));
    const alias = new Map(diagram.actors.map((a) => [drawn(a.description), a.name]));
    expect(diagram.actors.map((a) => [drawn(a.description), a.type])).toEqual([
      ['Customer', 'actor'],
      ['OrderService', 'participant'],
      ['PaymentService', 'participant'],
      ['InventoryService', 'participant'],
      ['ShippingService', 'participant'],
    ]);
    const said = diagram.messages.map((m) => [m.from === m.to ? m.from : `${m.from}->${m.to}`, drawn(m.message)]);
    const o = alias.get('OrderService')!;
    expect(said).toContainEqual([alias.get('ShippingService'), 'failed InitiateShipping: business failure']);
    expect(said).toContainEqual([`${o}->${alias.get('InventoryService')}`, 'RestoreInventory']);
    const refund = said.findIndex(([, m]) => m === 'RefundPayment');
    const restore = said.findIndex(([, m]) => m === 'RestoreInventory');
    expect(restore).toBeLessThan(refund);
    expect(said.at(-1)![1]).toMatch(/^Saga compensated: ShippingService failed on InitiateShipping/);
  });

  it('shows hostile names exactly, and a trigger nobody sends as coming from outside', async () => {
    const doc = hostileDesign();
    const name = (id: string) => doc.nodes.find((n) => n.id === id)!.name;
    const entry = (seq: number, type: TraceEntry['type'], message: string | null, node: string | null, detail?: string): TraceEntry => ({
      seq,
      t: seq,
      type,
      saga: 's1',
      message: message && 'm1',
      messageNode: message,
      messageName: message && name(message),
      node,
      nodeName: node && name(node),
      attempt: 1,
      ...(detail ? { detail } : {}),
    });
    const trace = [
      entry(1, 'MESSAGE_SENT', 'end', null),
      entry(2, 'MESSAGE_DELIVERED', 'end', 'style'),
      entry(3, 'HANDLER_FAILED', 'end', 'style', 'a; b: <c> "d" %%{init}%%'),
      entry(4, 'SAGA_STUCK', null, null, 'waiting for "]]>"'),
    ];
    const text = traceToMermaid(trace, doc);
    const diagram = await sequence(text);
    expect(diagram.actors.map((a) => drawn(a.description))).toEqual(['Outside', HOSTILE_NAMES.orchestrator]);
    expect(diagram.messages.map((m) => drawn(m.message))).toEqual([
      HOSTILE_NAMES.placeOrder,
      `failed ${HOSTILE_NAMES.placeOrder}: a; b: <c> "d" %%{init}%%`,
      'Saga stuck: waiting for "]]>"',
    ]);
    expect(text).not.toContain('<');
    expect(text).not.toContain('%%');
  });

  it('would fail on unescaped notes: Mermaid rejects a semicolon that splits a statement', async () => {
    const doc = example('order-orchestrated');
    const text = traceToMermaid(run(doc, [{ target: nodeNamed(doc, 'InitiateShipping').id, kind: 'businessFailure' }]), doc);
    await expect(mermaid.parse(text.replaceAll('#58;', ':').replaceAll('#59;', ';'))).rejects.toThrow();
  });

  it('refuses a trace with nothing to draw', () => {
    expect(() => traceToMermaid([], example('order-orchestrated'))).toThrow('the run has no messages to draw');
  });
});
