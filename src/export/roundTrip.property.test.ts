/**
 * Property: every valid design survives JSON export and import unchanged (spec §3: `json` is the
 * document normalised to the current version). The designs come from the arbitrary in
 * model/testing/arbitraries.ts: every node kind and attribute, connections, scenarios, and text
 * full of markup, quotes, emoji, lone surrogates and prototype names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentSchema, loadDocument, parseDocument, type SagaDocument } from '../model/index.ts';
import { designArb } from '../model/testing/arbitraries.ts';
import { toJson } from './json.ts';

const RUNS = 10_000;

const reload = (text: string): SagaDocument => {
  const result = loadDocument(text);
  if (!result.ok) throw new Error(`${result.error.message} in\n${text}`);
  return result.doc;
};

/**
 * JSON has one zero: `JSON.stringify(-0)` is `0`. A coordinate of -0 (a drag rounded with
 * Math.round(-0.4)) comes back as 0, the same place; every other number comes back bit for bit.
 */
function withPlainZeros<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withPlainZeros) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlainZeros(v)])) as T;
  }
  return value;
}

describe('JSON export round trip (property)', () => {
  it('the arbitrary is honest: 1,000 generated designs all pass the loader as they are', () => {
    fc.assert(
      fc.property(designArb(), (doc) => {
        const checked = parseDocument(doc);
        expect(checked).toEqual({ ok: true, doc });
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it(`${RUNS.toLocaleString('en')} valid designs: export -> import gives the same design, and exporting it again the same bytes`, () => {
    fc.assert(
      fc.property(designArb(), (doc) => {
        // given a valid design; when it is exported as JSON and the file is opened again
        const text = toJson(doc);
        const back = reload(text);
        // then it is the same design, which the schema still accepts, and its export is byte-identical
        expect(back).toEqual(withPlainZeros(doc));
        expect(documentSchema.safeParse(back).success).toBe(true);
        expect(toJson(back)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('JSON export round trip (regressions and edges found by the property)', () => {
  it('writes a coordinate of -0 as 0: JSON has no negative zero, and the node stays where it was', () => {
    const doc: SagaDocument = { format: 'sagaboard', version: 2, name: 'Zero', nodes: [{ id: 'a', kind: 'actor', name: 'A', position: { x: -0, y: 5 } }], edges: [] };
    const back = reload(toJson(doc));
    expect(Object.is(back.nodes[0]!.position!.x, 0)).toBe(true);
    expect(back).toEqual(withPlainZeros(doc));
  });
});
