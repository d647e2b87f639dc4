import { describe, expect, it } from 'vitest';
import { loadDocument, type SagaDocument } from '../model/index.ts';
import { design, example, EXAMPLE_IDS } from '../model/testing/builder.ts';
import { toJson } from './json.ts';
import { EMPTY_DESIGN } from './refusal.ts';
import { hostileDesign } from './testing/hostile.ts';

const reload = (text: string): SagaDocument => {
  const result = loadDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};

describe('toJson', () => {
  it.each(EXAMPLE_IDS)('gives %s back unchanged when loaded again', (id) => {
    // given a reference design
    const doc = example(id);
    // when it is exported and read back
    const text = toJson(doc);
    // then it is the same design, and exporting it again gives the same bytes
    expect(reload(text)).toEqual(doc);
    expect(toJson(reload(text))).toBe(text);
  });

  it('round-trips a design full of markup, quotes and odd ids', () => {
    const doc = hostileDesign();
    expect(reload(toJson(doc))).toEqual(doc);
  });

  it('writes 2-space indented JSON with a final newline, keys in reading order', () => {
    const doc = design('Keys')
      .command('Pay', { retry: { maxIntervalMs: 500, maxAttempts: 3 }, timeoutMs: 100, stepType: 'pivot' })
      .doc;
    doc.nodes[0] = { position: { y: 2, x: 1 }, ...doc.nodes[0]!, description: 'why' };
    doc.edges.push({ target: 'Pay', id: 'e1', source: 'Pay' });
    doc.scenarios = [{ seed: 3, faults: [{ kind: 'delay', delayMs: 5, target: 'Pay' }], name: 'Slow' }];

    const text = toJson(doc);

    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "nodes": [\n    {\n      "id": "Pay",');
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['format', 'version', 'name', 'nodes', 'edges', 'scenarios']);
    expect(Object.keys(json.nodes[0])).toEqual(['id', 'kind', 'name', 'description', 'stepType', 'timeoutMs', 'retry', 'position']);
    expect(Object.keys(json.nodes[0].retry)).toEqual(['maxAttempts', 'maxIntervalMs']);
    expect(Object.keys(json.nodes[0].position)).toEqual(['x', 'y']);
    expect(Object.keys(json.edges[0])).toEqual(['id', 'source', 'target']);
    expect(Object.keys(json.scenarios[0])).toEqual(['name', 'seed', 'faults']);
    expect(Object.keys(json.scenarios[0].faults[0])).toEqual(['target', 'kind', 'delayMs']);
  });

  it('refuses an empty design', () => {
    expect(() => toJson(design('Nothing').doc)).toThrow(EMPTY_DESIGN);
  });
});
