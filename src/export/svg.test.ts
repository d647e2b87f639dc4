import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { design, example, EXAMPLE_IDS, nodeNamed } from '../model/testing/builder.ts';
import { addNote, groupNodes, updateGroup } from '../model/operations.ts';
import { DEFAULT_GROUP_COLOUR, FRAME_MARGIN } from '../layout/annotations.ts';
import { EMPTY_DESIGN } from './refusal.ts';
import { sceneOfDocument, type Scene } from './scene.ts';
import { toSvg } from './svg.ts';
import { wrapName, xmlText } from './svgText.ts';
import { hostileDesign } from './testing/hostile.ts';

interface Element {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, parseAttributeValue: false, trimValues: false });

/** Checks the SVG is well-formed XML and lists its elements in document order. */
function elementsOf(svg: string): Element[] {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const out: Element[] = [];
  const walk = (nodes: Record<string, unknown>[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@')!;
      if (tag === '#text') continue;
      const children = node[tag] as Record<string, unknown>[];
      const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      out.push({ tag, attrs: (node[':@'] as Record<string, string>) ?? {}, text });
      walk(children);
    }
  };
  walk(xml.parse(svg));
  return out;
}

/** The names as drawn: the lines of text in each node's group, after its caption. */
function drawnNames(elements: Element[]): string[] {
  const names: string[] = [];
  for (const e of elements) {
    if (e.tag !== 'text' || e.attrs['font-size'] === '11') continue;
    if (e.attrs['font-size'] === '9.5') names.push('');
    else names[names.length - 1] = `${names.at(-1)} ${e.text}`.trim();
  }
  return names;
}

const ALLOWED = new Set(['svg', 'title', 'defs', 'marker', 'path', 'rect', 'g', 'text']);

describe('toSvg: notes and groups (spec §1.2a)', () => {
  function annotated() {
    let doc = example('order-choreographed');
    const ids = (...names: string[]) => names.map((n) => nodeNamed(doc, n).id);
    doc = groupNodes(doc, ids('PaymentService', 'PaymentProcessed'), 'Payments & <refunds>').doc;
    doc = updateGroup(doc, doc.groups![0]!.id, { color: '#0d9488' });
    doc = groupNodes(doc, ids('ShippingService'), 'Fulfilment').doc;
    return addNote(doc, { x: -300, y: -200 }, 'Refunds take\nup to 3 days').doc;
  }

  it('draws group frames behind everything and notes over the nodes, with their words', () => {
    const doc = annotated();
    const scene = sceneOfDocument(doc);
    const elements = elementsOf(toSvg(scene));
    const texts = elements.filter((e) => e.tag === 'text').map((e) => e.text);
    // the note's lines and the groups' names are there, as text
    expect(texts).toEqual(expect.arrayContaining(['Refunds take', 'up to 3 days', 'Payments & <refunds>', 'Fulfilment']));
    // the frame comes before the first connection, the note after the last node
    const frame = elements.findIndex((e) => e.tag === 'rect' && e.attrs.stroke === '#0d9488');
    const firstLine = elements.findIndex((e) => e.tag === 'path' && e.attrs['marker-end']);
    const note = elements.findIndex((e) => e.tag === 'text' && e.text === 'Refunds take');
    const lastName = elements.findLastIndex((e) => e.tag === 'text' && e.text === 'ShippingService');
    expect(frame).toBeGreaterThan(0);
    expect(frame).toBeLessThan(firstLine);
    expect(note).toBeGreaterThan(lastName);
  });

  it('frames exactly the group’s nodes with a margin, and the picture holds the frames and the notes', () => {
    const doc = annotated();
    const scene = sceneOfDocument(doc);
    const members = scene.nodes.filter((n) => doc.groups![0]!.nodes.includes(n.id));
    const frame = scene.groups![0]!;
    expect(frame.x).toBe(Math.min(...members.map((n) => n.x)) - FRAME_MARGIN);
    expect(frame.y).toBe(Math.min(...members.map((n) => n.y)) - FRAME_MARGIN);
    expect(frame.x + frame.width).toBe(Math.max(...members.map((n) => n.x + n.width)) + FRAME_MARGIN);
    const note = scene.notes![0]!;
    expect(scene.bounds.x).toBeLessThanOrEqual(note.x);
    expect(scene.bounds.y).toBeLessThanOrEqual(Math.min(note.y, frame.y - 11));
  });

  it('draws a colour it cannot read as the default slate, never as markup', () => {
    let doc = annotated();
    doc = updateGroup(doc, doc.groups![0]!.id, { color: '"/><script>' });
    const svg = toSvg(sceneOfDocument(doc));
    expect(svg).not.toContain('<script');
    expect(elementsOf(svg).some((e) => e.tag === 'rect' && e.attrs.stroke === DEFAULT_GROUP_COLOUR)).toBe(true);
  });

  it('draws a design without notes and groups exactly as before', () => {
    const doc = example('order-orchestrated');
    const scene = sceneOfDocument(doc);
    expect(scene).not.toHaveProperty('notes');
    expect(scene).not.toHaveProperty('groups');
  });
});

describe('toSvg', () => {
  it.each(EXAMPLE_IDS)('draws %s as well-formed, self-contained SVG with every name', (id) => {
    const doc = example(id);
    const svg = toSvg(sceneOfDocument(doc), { title: doc.name });
    const elements = elementsOf(svg);
    expect(elements[0]).toMatchObject({ tag: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg' } });
    expect(new Set(elements.map((e) => e.tag))).toEqual(new Set([...ALLOWED]));
    expect(drawnNames(elements)).toEqual(doc.nodes.map((n) => n.name));
    expect(elements.filter((e) => e.tag === 'path' && e.attrs['marker-end'])).toHaveLength(doc.edges.length);
  });

  it('escapes names full of <, &, quotes and ]]>, and holds no script, event attribute or outside link', () => {
    // given a design whose names and ids are hostile
    const doc = hostileDesign();
    // when drawn
    const svg = toSvg(sceneOfDocument(doc), { title: doc.name, background: 'white' });
    // then it is well-formed XML, and each name reads back exactly (line breaks as spaces)
    const elements = elementsOf(svg);
    // eslint-disable-next-line no-control-regex -- control characters are what this checks
    const shown = (name: string) => name.replace(/\s+/g, ' ').replace(/[\u0000-\u001f]/g, '\uFFFD');
    expect(drawnNames(elements)).toEqual(doc.nodes.map((n) => shown(n.name)));
    expect(elements.find((e) => e.tag === 'title')!.text).toBe(doc.name);
    expect(svg).toContain('&lt;script&gt;alert(&apos;x&apos;)');
    expect(svg).toContain('&quot;pay&quot; ]]&gt;');
    expect(svg).toContain('Saga &lt;&quot;&amp;&apos;&gt;]]&gt;');
    expect(svg).not.toContain(']]>');
    expect(svg).not.toMatch(/<script|<foreignObject|<image|<a[\s>]|<style/i);
    expect(elements.every((e) => ALLOWED.has(e.tag))).toBe(true);
    const attributes = elements.flatMap((e) => Object.entries(e.attrs));
    expect(attributes.filter(([name]) => /^on/i.test(name) || /href$/i.test(name))).toEqual([]);
    expect(attributes.filter(([, value]) => /url\(/.test(value) && !/^url\(#[\w-]+\)$/.test(value))).toEqual([]);
  });

  it('wraps a long name to the width of its node, and makes the node tall enough', () => {
    const long = 'Reserve the inventory for every line of the order in the nearest warehouse';
    const scene = sceneOfDocument(design().command(long).doc);
    const [node] = scene.nodes;
    const lines = wrapName(long, node!.width, 'command');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(long);
    for (const line of lines) expect(line.length * 8).toBeLessThanOrEqual(node!.width - 33);
    expect(node!.height).toBeGreaterThanOrEqual(16 + 14 + 2 + lines.length * 18);
    expect(drawnNames(elementsOf(toSvg(scene)))).toEqual([long]);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapName('x'.repeat(40), 140, 'service')).toEqual(['x'.repeat(14), 'x'.repeat(14), 'x'.repeat(12)]);
  });

  it('draws kinds like the canvas: dark orchestrator, blue commands, dashed violet compensations, red failures', () => {
    const doc = example('order-orchestrated');
    const elements = elementsOf(toSvg(sceneOfDocument(doc)));
    const shapeOf = (name: string) => {
      const at = elements.findIndex((e) => e.tag === 'text' && e.text === name);
      return elements.slice(0, at).filter((e) => e.tag === 'rect' || e.tag === 'path').at(-1)!.attrs;
    };
    expect(shapeOf('OrderService')).toMatchObject({ fill: '#1e293b' });
    expect(shapeOf('ProcessPayment')).toMatchObject({ stroke: '#2563eb' });
    expect(shapeOf('RefundPayment')).toMatchObject({ stroke: '#7c3aed', 'stroke-dasharray': '6 4' });
    expect(shapeOf('PaymentFailed')).toMatchObject({ stroke: '#dc2626' });
    expect(shapeOf('OrderCompleted')).toMatchObject({ stroke: '#ea7a12', 'stroke-width': '3.5' });
    expect(elements.filter((e) => e.tag === 'marker').map((e) => e.attrs.id)).toEqual(
      expect.arrayContaining(['sagaboard-arrow-command', 'sagaboard-arrow-event', 'sagaboard-arrow-failure', 'sagaboard-arrow-compensation']),
    );
    expect(elements.filter((e) => e.tag === 'text' && e.text === 'compensated by')).toHaveLength(2);
  });

  it('has a transparent background by default, white on request, and the padding asked for', () => {
    const scene = sceneOfDocument(example('credit-reservation'));
    const { x, y, width, height } = scene.bounds;
    const plain = elementsOf(toSvg(scene));
    expect(plain.filter((e) => e.tag === 'rect' && e.attrs.fill === '#ffffff' && e.attrs.stroke === undefined)).toEqual([]);
    const white = elementsOf(toSvg(scene, { background: 'white', padding: 10 }));
    expect(white[0]!.attrs.viewBox).toBe(`${x - 10} ${y - 10} ${width + 20} ${height + 20}`);
    expect(white.find((e) => e.tag === 'rect')!.attrs).toMatchObject({ fill: '#ffffff', width: String(width + 20) });
  });

  it('refuses an empty design with a message, and impossible numbers or options with an error', () => {
    expect(() => sceneOfDocument(design('Empty').doc)).toThrow(EMPTY_DESIGN);
    expect(() => toSvg({ nodes: [], edges: [], bounds: { x: 0, y: 0, width: 0, height: 0 } })).toThrow(EMPTY_DESIGN);
    const scene: Scene = sceneOfDocument(design().service('A').doc);
    scene.nodes[0]!.x = NaN;
    expect(() => toSvg(scene)).toThrow('scene node A: x must be a finite number, got NaN');
    expect(() => toSvg(sceneOfDocument(design().service('A').doc), { background: 'red' as 'white' })).toThrow('background must be "transparent" or "white"');
    expect(() => toSvg(sceneOfDocument(design().service('A').doc), { idPrefix: '"><script>' })).toThrow(/idPrefix/);
  });

  it('keeps XML-illegal characters out', () => {
    expect(xmlText('a\u0001b\uD800c\uFFFE<&>"\'')).toBe('a\uFFFDb\uFFFDc\uFFFD&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('sceneOfDocument', () => {
  it('uses the saved positions, and lays out nodes without one below them', () => {
    const doc = design().actor('Customer').command('Order').service('Orders').link('Customer', 'Order', 'Orders').doc;
    doc.nodes[0]!.position = { x: 100, y: 50 };
    const scene = sceneOfDocument(doc);
    const [customer, order, orders] = scene.nodes;
    expect(customer).toMatchObject({ x: 100, y: 50, width: 140, height: 56 });
    expect(order!.y).toBeGreaterThan(50 + 56);
    expect(orders!.y).toBeGreaterThan(50 + 56);
    expect(orders!.x).toBeGreaterThan(order!.x + order!.width);
  });

  it('draws each connection from the right side of its source to the left side of its target', () => {
    const scene = sceneOfDocument(example('credit-reservation'));
    const doc = example('credit-reservation');
    for (const edge of scene.edges) {
      const e = doc.edges.find((x) => x.id === edge.id)!;
      const s = scene.nodes.find((n) => n.id === e.source)!;
      const t = scene.nodes.find((n) => n.id === e.target)!;
      const numbers = edge.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(numbers.slice(0, 2)).toEqual([s.x + s.width, s.y + s.height / 2]);
      expect(numbers.slice(-2)).toEqual([t.x, t.y + t.height / 2]);
    }
  });

  it('marks failure events, terminal events, compensation commands and a coordinating service', () => {
    const orchestrated = sceneOfDocument(example('order-orchestrated'));
    const flags = (name: string) => {
      const { failure, compensation, terminal, orchestrator } = orchestrated.nodes.find((n) => n.name === name)!;
      return { failure, compensation, terminal, orchestrator };
    };
    expect(flags('PaymentFailed')).toEqual({ failure: true, compensation: undefined, terminal: undefined, orchestrator: undefined });
    expect(flags('RefundPayment')).toMatchObject({ compensation: true });
    expect(flags('OrderCompleted')).toMatchObject({ terminal: true });
    const hub = design().actor('Shop').command('Order').service('Hub').command('Pay').service('Payments').event('Paid').link('Shop', 'Order', 'Hub', 'Pay', 'Payments', 'Paid', 'Hub').doc;
    expect(sceneOfDocument(hub).nodes.find((n) => n.name === 'Hub')).toMatchObject({ orchestrator: true });
  });
});
