/**
 * Properties of the document loader on random and corrupted input: it never throws, never
 * touches Object.prototype, accepts only documents the schema accepts (exactly as written), and
 * refuses everything else with a sentence that names the broken place.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { designArb } from './testing/arbitraries.ts';
import { formatPath, loadDocument, parseDocument, type LoadResult } from './load.ts';
import { documentSchema, type SagaDocument } from './schema.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const BUILTIN_PROTOTYPES = [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype, Function.prototype];
const ownKeys = () => BUILTIN_PROTOTYPES.map((p) => Reflect.ownKeys(p).length);
const KEYS_BEFORE = ownKeys();

/** Nothing the loader read may end up on a built-in prototype. */
function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.kind).toBeUndefined();
  expect(probe.format).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(ownKeys()).toEqual(KEYS_BEFORE);
}

afterEach(expectNoPollution);

/** The plain JSON of a design, as a file would hold it. */
const plain = (doc: SagaDocument): { [key: string]: Json } => JSON.parse(JSON.stringify(doc));

/**
 * What every load must satisfy: an accepted document passes the loader and the schema again,
 * with unique ids; a refusal is one human sentence, with a path that is a real path or none.
 */
function expectWellFormed(result: LoadResult): void {
  expectNoPollution();
  if (result.ok) {
    expect(documentSchema.safeParse(result.doc).success).toBe(true);
    expect(parseDocument(result.doc)).toEqual({ ok: true, doc: result.doc });
    const { nodes, edges, notes = [], groups = [] } = result.doc;
    const ids = [...nodes.map((n) => n.id), ...edges.map((e) => e.id), ...notes.map((n) => n.id), ...groups.map((g) => g.id)];
    expect(new Set(ids).size).toBe(ids.length);
    // every group names nodes of the design, each node in one group at most
    const members = groups.flatMap((g) => g.nodes);
    expect(new Set(members).size).toBe(members.length);
    expect(members.every((id) => nodes.some((n) => n.id === id))).toBe(true);
  } else {
    expect(Object.keys(result.error).every((k) => k === 'message' || k === 'path')).toBe(true);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.trim().length).toBeGreaterThan(10);
    // No JavaScript leaking into the sentence, and not zod's bare default.
    expect(result.error.message).not.toMatch(/\[object |Invalid input$|^undefined|: undefined/);
    if (result.error.path !== undefined) expect(result.error.path).toMatch(/^[^.[]/);
  }
}

/** Every path in a JSON value, the root (`[]`) included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function valueAt(value: Json, path: Path): Json {
  let v: Json = value;
  for (const key of path) v = (v as Record<string | number, Json>)[key]!;
  return v;
}

/** A copy with the value at `path` replaced, or the key removed (`undefined`). */
function withValueAt(value: Json, path: Path, replacement: Json | undefined): Json | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const child = withValueAt((value as Record<string | number, Json>)[head!]!, rest, replacement);
  if (Array.isArray(value)) {
    const copy = [...value];
    // Removing an entry of a list would shift the rest; put null there instead.
    copy[head as number] = child === undefined ? null : child;
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (child === undefined) delete copy[head as string];
  else copy[head as string] = child;
  return copy;
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A raw piece of JSON text (what `JSON.stringify` cannot write: 1e999, 10,000-deep nesting, own `__proto__` keys). */
interface Raw {
  raw: string;
}
const SENTINEL = '@@sagaboard-raw-json@@';

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** The values one field of a valid design is broken with (the brief of issue 6). */
const brokenValue: fc.Arbitrary<{ label: string; value: Json | Raw | undefined }> = fc.oneof(
  fc.constant({ label: 'null', value: null }),
  fc.constant({ label: 'missing', value: undefined }),
  fc.constantFrom<Json>(true, false, 0, 1, 'text', '', [], {}, ['a'], { a: 1 }).map((value) => ({ label: 'other type', value })),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 53) - 1, Number.MAX_VALUE, Number.MIN_VALUE, 1e21).map((value) => ({ label: 'huge number', value })),
  fc.constantFrom(-1, -0.5, -1e-9, -86_400_001, -10_000_001, -(2 ** 31)).map((value) => ({ label: 'negative', value })),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', 'undefined', 'null', '1e999', '0x1F', ' 1 ', '1,5').map((value) => ({ label: 'NaN-like string', value })),
  fc
    .tuple(fc.constantFrom(201, 301, 20_001, 100_000), fc.constantFrom('x', '<b>', '"', '🚀'))
    .map(([n, c]) => ({ label: 'very long string', value: c.repeat(Math.ceil(n / c.length)).slice(0, n) })),
  fc.constantFrom('1e999', '-1e999', '1e-400', '-0', '123456789012345678901234567890', '0.1e1').map((raw) => ({ label: 'numeral', value: { raw } })),
  fc.constantFrom(deepArray(10_000), deepObject(10_000)).map((raw) => ({ label: 'deep nesting', value: { raw } })),
  fc
    .constantFrom(...PROTOTYPE_KEYS)
    .map((key) => ({ label: 'prototype key', value: { raw: `{"${key}":{"polluted":"yes","kind":"service","format":"sagaboard"}}` } })),
);

const isRaw = (v: Json | Raw | undefined): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.raw === 'string' && Object.keys(v).length === 1;

/** The text of the design with the value at `path` broken; undefined when the whole document is removed. */
function textWith(design: Json, path: Path, broken: Json | Raw | undefined): string | undefined {
  if (isRaw(broken)) {
    const replaced = withValueAt(design, path, SENTINEL);
    return JSON.stringify(replaced).replace(JSON.stringify(SENTINEL), () => broken.raw);
  }
  const replaced = withValueAt(design, path, broken);
  return replaced === undefined ? undefined : JSON.stringify(replaced);
}

const brokenDesign = designArb({ maxNodes: 6, maxEdges: 8, maxScenarios: 2 }).chain((doc) => {
  const json = plain(doc);
  return fc.record({ json: fc.constant(json), path: fc.constantFrom(...pathsOf(json)), broken: brokenValue });
});

describe('loading random and corrupted input (property)', () => {
  it('5,000 valid designs with one value broken: refused, naming that value, or accepted exactly as written', () => {
    fc.assert(
      fc.property(brokenDesign, ({ json, path, broken }) => {
        // given a valid design with one value replaced (or removed)
        const text = textWith(json, path, broken.value);
        fc.pre(text !== undefined);
        // when it is loaded
        const result = loadDocument(text!);
        // then
        expectWellFormed(result);
        const parsed = JSON.parse(text!) as Json;
        const original = valueAt(json, path);
        const now = broken.value === undefined ? undefined : valueAt(parsed, path);
        if (result.ok) {
          // nothing is changed on the way in: what is accepted is what the file says, except that
          // a version 1 design (the version broken to 1) opens as version 2 without notes and groups
          const migrated = path.join() === 'version' && now === 1;
          expect(result.doc).toEqual(migrated ? { ...(parsed as object), version: 2, notes: [], groups: [] } : parsed);
          // and the schema has no field of two types: a value of another type is never accepted
          expect(jsonType(now) === jsonType(original) || now === undefined).toBe(true);
        } else {
          // the problem is named where it is: at the broken value, or inside it when it is a list or an object
          const where = formatPath(path);
          if (result.error.message.startsWith('duplicate id')) expect(result.error.path).toMatch(/\.id$/);
          // a node listed by two groups: both places are named, the later one is the path
          else if (/one group at most/.test(result.error.message)) expect(result.error.message).toContain(where);
          // a node's id broken, or the node list replaced: a group names a node no longer there
          else if (path[0] === 'nodes' && /^groups\[\d+\]\.nodes\[\d+\]$/.test(result.error.path ?? '')) expect(result.error.message).toMatch(/no node of the design has this id|not of a node/);
          else if (path.length > 0) expect(result.error.path).toSatisfy((p: string | undefined) => p === where || p!.startsWith(`${where}.`) || p!.startsWith(`${where}[`));
          // one broken scalar, one problem
          if (jsonType(now) !== 'object' && jsonType(now) !== 'array') {
            expect(result.error.message).not.toMatch(/more problem/);
            if (path.length > 0 && !result.error.message.startsWith('duplicate id') && !result.error.path?.startsWith('groups[')) expect(result.error.path).toBe(where);
          }
          // a number is never "too long"
          if (typeof now === 'number') expect(result.error.message).not.toMatch(/characters|entries|too long/);
        }
      }),
      { numRuns: 5_000 },
    );
  }, 120_000);

  it('1,500 random JSON values, as text and as parsed values: a clear refusal (or, by chance, a valid design)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expectWellFormed(loadDocument(text));
        expectWellFormed(parseDocument(value));
      }),
      { numRuns: 1_500 },
    );
  }, 60_000);

  it('1,000 JSON objects shaped like a design, with random values in every field', () => {
    const anyJson = fc.jsonValue({ maxDepth: 2 });
    const node = fc.dictionary(
      fc.constantFrom('id', 'kind', 'name', 'position', 'description', 'latencyMs', 'failureRate', 'retry', 'stepType', 'outcome', ...PROTOTYPE_KEYS),
      fc.oneof(anyJson, fc.constantFrom('service', 'event', 'command', 'n1', { x: 1, y: 2 }, { maxAttempts: 1 })),
    );
    const shaped = fc.record(
      {
        format: fc.oneof(fc.constant('sagaboard'), anyJson),
        version: fc.oneof(fc.constant(1), fc.integer(), fc.double(), anyJson),
        name: fc.oneof(fc.string(), anyJson),
        description: anyJson,
        declaredStyle: fc.oneof(fc.constantFrom('auto', 'orchestration', 'choreography'), anyJson),
        nodes: fc.oneof(fc.array(fc.oneof(node, anyJson), { maxLength: 5 }), anyJson),
        edges: fc.oneof(fc.array(fc.oneof(fc.record({ id: fc.string(), source: fc.string(), target: fc.string(), on: anyJson }), anyJson), { maxLength: 5 }), anyJson),
        scenarios: fc.oneof(fc.array(fc.record({ name: anyJson, seed: anyJson, faults: anyJson }), { maxLength: 2 }), anyJson),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (value) => {
        expectWellFormed(loadDocument(JSON.stringify(value)));
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('1,000 arbitrary JavaScript values (Maps, Dates, symbols, bigints, sparse arrays, null prototypes) given to parseDocument', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    const embedded = designArb({ maxNodes: 4, maxEdges: 4, maxScenarios: 1 }).chain((doc) => {
      const json = plain(doc);
      return fc.tuple(fc.constantFrom(...pathsOf(json)), anything).map(([path, value]) => withValueAt(json, path, value as Json));
    });
    fc.assert(
      fc.property(fc.oneof(anything, embedded), (value) => {
        expectWellFormed(parseDocument(value));
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('1,000 designs with __proto__, constructor and prototype keys at every level: read as the same design, no prototype touched', () => {
    const withKeys = designArb({ maxNodes: 5, maxEdges: 6, maxScenarios: 2 }).chain((doc) => {
      const json = plain(doc);
      const objects = pathsOf(json).filter((p) => jsonType(valueAt(json, p)) === 'object');
      return fc.record({
        doc: fc.constant(doc),
        json: fc.constant(json),
        // Some objects of the design, each given one of the keys with a tempting value.
        where: fc.uniqueArray(fc.constantFrom(...objects), { minLength: 1, maxLength: objects.length, selector: (p) => p.join('\u0000') }),
        key: fc.constantFrom(...PROTOTYPE_KEYS),
        payload: fc.constantFrom<Json>({ polluted: 'yes' }, { kind: 'service', name: 'Hacked', format: 'sagaboard' }, 'polluted', null, [1], { toString: 'x' }),
      });
    });
    fc.assert(
      fc.property(withKeys, ({ doc, json, where, key, payload }) => {
        // given the JSON text of a valid design with `"__proto__": {...}` (or constructor, prototype) in several of its objects
        const copy = structuredClone(json);
        for (const path of where) Object.defineProperty(valueAt(copy, path), key, { value: payload, enumerable: true, configurable: true, writable: true });
        const text = JSON.stringify(copy);
        expect(text).toContain(`"${key}":`);
        // when it is loaded
        const result = loadDocument(text);
        // then the unknown keys are dropped: it is the same design, and nothing reached a prototype
        expectWellFormed(result);
        expect(result).toEqual({ ok: true, doc: JSON.parse(JSON.stringify(doc)) });
        if (result.ok) {
          for (const node of result.doc.nodes) {
            expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
            expect(Object.hasOwn(node, '__proto__')).toBe(false);
          }
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('1,000 truncated design files: every cut before the closing brace is refused as not JSON', () => {
    const cut = designArb({ maxNodes: 5, maxEdges: 6, maxScenarios: 1 }).chain((doc) => {
      const text = JSON.stringify(plain(doc), null, 2);
      return fc.record({ text: fc.constant(text), at: fc.integer({ min: 0, max: text.length - 1 }) });
    });
    fc.assert(
      fc.property(cut, ({ text, at }) => {
        const result = loadDocument(text.slice(0, at));
        expectWellFormed(result);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toMatch(at === 0 ? /^the file is empty/ : /^not JSON: /);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('1,000 random texts that are not JSON, or barely: refused with a message', () => {
    const noise = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'e', '-', ' ', '\n', 'n', 'u', 'l', '\\', 'x') }),
      fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => `{"format":"sagaboard","version":1,${s}`),
      fc.constantFrom('NaN', 'undefined', "{'format':'sagaboard'}", '{format: "sagaboard"}', '\uFEFF{}', '{"a":1,}', '// comment\n{}', '<xml/>', '\u0000'),
    );
    fc.assert(
      fc.property(noise, (text) => {
        const result = loadDocument(text);
        expectWellFormed(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('100 files with 10,000 to 100,000 levels of nesting anywhere: refused or read without a stack overflow', () => {
    const deep = designArb({ maxNodes: 3, maxEdges: 2, maxScenarios: 1 }).chain((doc) => {
      const json = plain(doc);
      return fc.record({
        json: fc.constant(json),
        path: fc.constantFrom(...pathsOf(json)),
        depth: fc.integer({ min: 10_000, max: 100_000 }),
        shape: fc.constantFrom(deepArray, deepObject),
      });
    });
    fc.assert(
      fc.property(deep, ({ json, path, depth, shape }) => {
        const text = textWith(json, path, { raw: shape(depth) })!;
        const result = loadDocument(text);
        expectWellFormed(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('loading (regressions found by the properties)', () => {
  const scenarioWith = (fields: Record<string, unknown>) =>
    JSON.stringify({ format: 'sagaboard', version: 1, name: 'S', nodes: [{ id: 'a', kind: 'service', name: 'A' }], edges: [], scenarios: [{ name: 'x', seed: 1, faults: [], ...fields }] });
  const refusal = (text: string) => {
    const result = loadDocument(text);
    if (result.ok) throw new Error('expected the design to be refused');
    return result.error;
  };

  it.each([
    // Was: "scenarios[0].seed: too long: at most 9007199254740991 characters (and 1 more problem)".
    ['a seed of 1e308', scenarioWith({ seed: 1e308 }), 'scenarios[0].seed: must be at most 9007199254740991, got 1e+308', 'scenarios[0].seed'],
    ['a seed of 2^53 + 1', scenarioWith({ seed: 2 ** 53 + 1 }), 'scenarios[0].seed: must be at most 9007199254740991, got 9007199254740992', 'scenarios[0].seed'],
    ['a fault repeated 2^53 + 1 times', scenarioWith({ faults: [{ target: 'a', kind: 'crash', times: 2 ** 53 + 1 }] }), 'scenarios[0].faults[0].times: must be at most 1000000, got 9007199254740992', 'scenarios[0].faults[0].times'],
    ['a seed of -1e308', scenarioWith({ seed: -1e308 }), 'scenarios[0].seed: must be at least 0, got -1e+308', 'scenarios[0].seed'],
  ])('explains %s as one number out of the field’s range', (_, text, message, path) => {
    expect(refusal(text)).toEqual({ message, path });
  });

  it('names one problem for a long string where the node list belongs, not also that it is "too long"', () => {
    // Was: 'nodes: expected array, got "xxx…" (and 1 more problem)', the other being "too long: at most 50000 characters".
    const text = JSON.stringify({ format: 'sagaboard', version: 1, name: 'S', nodes: 'x'.repeat(100_000), edges: [] });
    expect(refusal(text)).toEqual({ message: `nodes: expected array, got "${'x'.repeat(40)}…"`, path: 'nodes' });
  });
});
