import { describe, expect, it } from 'vitest';
import { loadDocument, MAX_FILE_CHARS } from './load.ts';
import { migrate, MIGRATIONS } from './migrations.ts';
import { CURRENT_VERSION } from './schema.ts';
import { validate } from './validate.ts';

const valid = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'sagaboard', version: 1, name: 'Test', nodes: [{ id: 'a', kind: 'service', name: 'A' }], edges: [], ...extra });
const withNode = (node: Record<string, unknown>) => valid({ nodes: [{ id: 'a', kind: 'service', name: 'A', ...node }] });
const error = (text: string) => {
  const r = loadDocument(text);
  if (r.ok) throw new Error('expected the design to be refused');
  return r.error;
};

describe('loading designs', () => {
  it('reads a valid design and keeps its fields', () => {
    const r = loadDocument(valid({ declaredStyle: 'choreography', description: 'd' }));
    expect(r).toMatchObject({ ok: true, doc: { name: 'Test', declaredStyle: 'choreography', description: 'd' } });
  });

  it.each([
    ['empty file', '', 'the file is empty; expected a Sagaboard design (JSON)'],
    ['not JSON', '{"format": ', /^not JSON: /],
    ['a list', '[1,2]', 'expected a JSON object with "format": "sagaboard", got a list'],
    ['wrong format', '{"format":"bpmn","version":1}', 'not a Sagaboard design: "format" is "bpmn", expected "sagaboard"'],
    ['missing format', '{"version":1}', 'not a Sagaboard design: the "format" field is missing (expected "sagaboard")'],
    ['newer version', '{"format":"sagaboard","version":7}', /^made by a newer Sagaboard: this design is version 7, this Sagaboard reads up to version 1/],
    ['fractional version', '{"format":"sagaboard","version":1.5}', '"version" must be a whole number from 1, got 1.5'],
    ['missing nodes', '{"format":"sagaboard","version":1,"name":"x","edges":[]}', 'nodes: expected array, got nothing (the field is missing)'],
    ['unknown kind', withNode({ kind: 'robot' }), 'nodes[0].kind: expected one of "actor", "service", "orchestrator", "command", "event", got "robot"'],
    ['mistyped field', withNode({ idempotent: 'yes' }), 'nodes[0].idempotent: expected boolean, got "yes"'],
    ['empty name', withNode({ name: '   ' }), 'nodes[0].name: must not be empty'],
    ['failure rate above 1', withNode({ failureRate: 5 }), 'nodes[0].failureRate: must be at most 1, got 5'],
    ['negative latency', withNode({ latencyMs: -3 }), 'nodes[0].latencyMs: must be at least 0, got -3'],
    ['absurd latency', withNode({ latencyMs: 1e300 }), 'nodes[0].latencyMs: must be at most 86400000, got 1e+300'],
    ['infinite number', withNode({ latencyMs: 0 }).replace('"latencyMs":0', '"latencyMs":1e999'), 'nodes[0].latencyMs: must be a finite number, got a number too large to represent'],
    ['absurd coordinate', withNode({ position: { x: 1e12, y: 0 } }), 'nodes[0].position.x: must be at most 10000000, got 1000000000000'],
    ['fractional attempts', valid({ nodes: [{ id: 'c', kind: 'command', name: 'Do', retry: { maxAttempts: 1.5 } }] }), 'nodes[0].retry.maxAttempts: expected a whole number, got 1.5'],
    ['duplicate node ids', valid({ nodes: [{ id: 'a', kind: 'service', name: 'A' }, { id: 'a', kind: 'event', name: 'B' }] }), 'duplicate id "a": used by nodes[0] and nodes[1]; every node and connection needs its own id'],
    ['edge id equal to a node id', valid({ edges: [{ id: 'a', source: 'a', target: 'a' }] }), 'duplicate id "a": used by nodes[0] and edges[0]; every node and connection needs its own id'],
    ['bad declared style', valid({ declaredStyle: 'bpmn' }), 'declaredStyle: expected "orchestration" or "choreography" or "auto", got "bpmn"'],
  ])('refuses %s with a clear message', (_, text, message) => {
    const e = error(text);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  it('names the path of the problem', () => {
    expect(error(withNode({ failureRate: 2 })).path).toBe('nodes[0].failureRate');
  });

  it('says how many more problems there are', () => {
    expect(error('{"format":"sagaboard","version":1}').message).toBe('name: expected string, got nothing (the field is missing) (and 2 more problems)');
  });

  it('refuses files over the size limit without parsing them', () => {
    expect(error(' '.repeat(MAX_FILE_CHARS + 1)).message).toMatch(/^the file is 20\.0 MB; Sagaboard opens designs up to 20 MB$/);
  });

  it('treats __proto__ as an ordinary id and never touches prototypes', () => {
    const text = valid({
      nodes: [
        { id: '__proto__', kind: 'actor', name: 'Customer' },
        { id: 'constructor', kind: 'command', name: 'PlaceOrder' },
        { id: 'toString', kind: 'service', name: 'Orders' },
      ],
      edges: [
        { id: 'hasOwnProperty', source: '__proto__', target: 'constructor' },
        { id: 'e2', source: 'constructor', target: 'toString' },
      ],
    });
    const r = loadDocument(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes[0]!.id).toBe('__proto__');
    expect(validate(r.doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('drops a "__proto__" key inside a node instead of polluting anything', () => {
    const r = loadDocument('{"format":"sagaboard","version":1,"name":"x","nodes":[{"id":"a","kind":"actor","name":"A","__proto__":{"polluted":true}}],"edges":[]}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports edges to missing nodes as G001, not as a load error', () => {
    const r = loadDocument(valid({ edges: [{ id: 'e', source: 'a', target: 'ghost' }] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(validate(r.doc).diagnostics.map((d) => d.rule)).toContain('G001');
  });
});

describe('migrations', () => {
  it('has one migration per version below the current one', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1));
  });

  it('leaves a current document as it is', () => {
    const doc = { format: 'sagaboard', version: CURRENT_VERSION, name: 'x' };
    expect(migrate(doc, CURRENT_VERSION)).toBe(doc);
  });
});
