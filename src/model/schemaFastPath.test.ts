/**
 * The schema fast path never decides differently from zod: whatever it accepts, zod accepts, and
 * it returns exactly zod's result (same values, same keys in the same order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actorSchema,
  commandSchema,
  documentSchema,
  edgeSchema,
  eventSchema,
  orchestratorSchema,
  serviceSchema, faultSchema, groupSchema, nodeSchema, noteSchema, retryPolicySchema, type SagaDocument } from './schema.ts';
import { compileFastPath, copiedKeyByKey } from './schemaFastPath.ts';
import { designArb } from './testing/arbitraries.ts';
import { design } from './testing/builder.ts';

const fastPath = compileFastPath(documentSchema);

/** The fast path's answer is none, or zod's result written the same way. */
function expectAsZod(input: unknown): void {
  const fast = fastPath(input);
  if (fast === undefined) return;
  const zod = documentSchema.safeParse(input);
  expect(zod.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  expect(fast).toStrictEqual(zod.data);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy with one value somewhere replaced (a key's value, or a list entry). */
function replaced(value: Json, pick: number, by: Json | undefined): Json {
  const places: { parent: Record<string | number, Json>; key: string | number }[] = [];
  const copy: Json = JSON.parse(JSON.stringify(value));
  const walk = (v: Json) => {
    if (typeof v !== 'object' || v === null) return;
    const parent = v as Record<string | number, Json>;
    for (const key of Array.isArray(v) ? v.keys() : Object.keys(v)) {
      places.push({ parent, key });
      walk(parent[key]!);
    }
  };
  walk(copy);
  if (places.length === 0) return copy;
  const { parent, key } = places[pick % places.length]!;
  if (by === undefined) delete parent[key];
  else parent[key] = by;
  return copy;
}

/** The same object with its keys in another order, and maybe a key the schema does not know. */
function reordered(value: Json, seed: number): Json {
  if (Array.isArray(value)) return value.map((v, i) => reordered(v, seed + i));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v], i) => [k, reordered(v, seed + i)] as const);
  const rotated = [...entries.slice(seed % (entries.length || 1)), ...entries.slice(0, seed % (entries.length || 1))];
  return Object.fromEntries(seed % 3 === 0 ? [...rotated, ['extra', seed]] : rotated);
}

const oddValue = fc.constantFrom<Json | undefined>(undefined, null, true, 0, -1, 0.5, 2 ** 53, 1e308, '', 'x', 'x'.repeat(301), '🚀'.repeat(150), '  ', [], {}, ['a'], { x: 1, y: 2 });

describe('the schema fast path', () => {
  it('compiles the document schema and takes well-formed designs without zod', () => {
    // given a design drawn as the app draws one
    const doc = design('Orders').actor('Customer').command('PlaceOrder').service('Orders').link('Customer', 'PlaceOrder', 'Orders').doc;
    // then the fast path reads it, as zod would
    expect(fastPath(doc)).toBeDefined();
    expectAsZod(doc);
  });

  it('returns what zod returns for 300 random designs, as written and with their keys reordered or unknown keys added', () => {
    fc.assert(
      fc.property(designArb(), fc.nat(), (doc: SagaDocument, seed) => {
        const json = JSON.parse(JSON.stringify(doc)) as Json;
        expectAsZod(json);
        expectAsZod(reordered(json, seed));
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts what zod refuses: 2,000 designs with one value replaced or removed', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 6, maxEdges: 8 }), fc.nat(), oddValue, (doc: SagaDocument, pick, by) => {
        expectAsZod(replaced(JSON.parse(JSON.stringify(doc)) as Json, pick, by));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a key present with the value undefined, as zod does, and refuses a required one', () => {
    const doc = design('Orders').service('Orders').doc;
    expectAsZod({ ...doc, description: undefined });
    expect(fastPath({ ...doc, description: undefined })).toHaveProperty('description', undefined);
    expect(fastPath({ ...doc, name: undefined })).toBeUndefined();
  });

  it('leaves to zod a node or a connection holding an optional key with the value undefined, and takes it once the key is gone', () => {
    const doc = design('Orders').actor('Customer').command('PlaceOrder').service('Orders').link('Customer', 'PlaceOrder', 'Orders').doc;
    const [actor, command, service] = doc.nodes;
    const odd = [
      { ...doc, nodes: [{ ...actor!, description: undefined }, command!, service!] },
      { ...doc, nodes: [actor!, { ...command!, retry: undefined }, service!] },
      { ...doc, nodes: [actor!, command!, { ...service!, position: undefined }] },
      { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, on: undefined } : e)) },
    ];
    for (const input of odd) {
      expect(fastPath(input)).toBeUndefined();
      expectAsZod(input);
    }
    expect(fastPath(doc)).toStrictEqual(documentSchema.parse(doc));
  });

  it('copies nodes, their places, connections and retry policies key by key, and the rest in a loop', () => {
    for (const schema of [actorSchema, serviceSchema, orchestratorSchema, commandSchema, eventSchema, noteSchema.shape.position, edgeSchema, retryPolicySchema]) {
      expect(copiedKeyByKey(schema)).toBe(true);
    }
    for (const schema of [documentSchema, noteSchema, groupSchema, faultSchema, nodeSchema]) expect(copiedKeyByKey(schema)).toBe(false);
  });
});
