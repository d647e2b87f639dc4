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
    ['newer version', '{"format":"sagaboard","version":7}', /^made by a newer Sagaboard: this design is version 7, this Sagaboard reads up to version 2/],
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
    ['duplicate node ids', valid({ nodes: [{ id: 'a', kind: 'service', name: 'A' }, { id: 'a', kind: 'event', name: 'B' }] }), 'duplicate id "a": used by nodes[0] and nodes[1]; every node, connection, note and group needs its own id'],
    ['edge id equal to a node id', valid({ edges: [{ id: 'a', source: 'a', target: 'a' }] }), 'duplicate id "a": used by nodes[0] and edges[0]; every node, connection, note and group needs its own id'],
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

/** A version 2 design with services a, b, c and whatever else is given. */
const v2 = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'sagaboard',
    version: 2,
    name: 'Grouped',
    nodes: [
      { id: 'a', kind: 'service', name: 'A' },
      { id: 'b', kind: 'service', name: 'B' },
      { id: 'c', kind: 'service', name: 'C' },
    ],
    edges: [],
    ...extra,
  });

describe('notes and groups (spec §1.2a, version 2)', () => {
  it('opens a version 1 file as version 2 with no notes and no groups', () => {
    const r = loadDocument(valid());
    expect(r).toEqual({ ok: true, doc: { format: 'sagaboard', version: 2, name: 'Test', nodes: [{ id: 'a', kind: 'service', name: 'A' }], edges: [], notes: [], groups: [] } });
  });

  it('drops what a version 1 file holds under "notes" and "groups": version 1 knew no such fields', () => {
    const r = loadDocument(valid({ notes: [{ id: 'x' }], groups: 'nonsense' }));
    expect(r).toMatchObject({ ok: true, doc: { version: 2, notes: [], groups: [] } });
  });

  it('reads notes and groups, and leaves them out when a version 2 file has none', () => {
    const notes = [{ id: 'n1', text: 'Payments are\nasync', position: { x: 10, y: -20 }, width: 240 }];
    const groups = [{ id: 'g1', name: 'Payments', nodes: ['b', 'a'], color: '#0d9488' }, { id: 'g2', name: 'Empty', nodes: [] }];
    const r = loadDocument(v2({ notes, groups }));
    expect(r).toMatchObject({ ok: true, doc: { notes, groups } });
    const bare = loadDocument(v2());
    expect(bare.ok && ('notes' in bare.doc || 'groups' in bare.doc)).toBe(false);
  });

  it.each([
    ['a group naming a missing node', v2({ groups: [{ id: 'g', name: 'Payments', nodes: ['a', 'b', 'ghost'] }] }), 'groups[0].nodes[2]: group "Payments" names "ghost", but no node of the design has this id; a group holds nodes only', 'groups[0].nodes[2]'],
    ['a group naming a note', v2({ notes: [{ id: 'n', text: 'x', position: { x: 0, y: 0 } }], groups: [{ id: 'g', name: 'G', nodes: ['n'] }] }), 'groups[0].nodes[0]: group "G" names "n", but that is the id of notes[0], not of a node; a group holds nodes only', 'groups[0].nodes[0]'],
    ['a node in two groups', v2({ groups: [{ id: 'g1', name: 'Payments', nodes: ['a'] }, { id: 'g2', name: 'Fulfilment', nodes: ['c', 'a'] }] }), 'groups[1].nodes[1]: node "a" is in two groups, "Payments" and "Fulfilment" (groups[0].nodes[0] and groups[1].nodes[1]); a node belongs to one group at most', 'groups[1].nodes[1]'],
    ['a node twice in one group', v2({ groups: [{ id: 'g', name: 'Payments', nodes: ['a', 'a'] }] }), 'groups[0].nodes[1]: node "a" is twice in group "Payments" (groups[0].nodes[0] and groups[0].nodes[1]); a node belongs to one group at most', 'groups[0].nodes[1]'],
    ['a note with a node\'s id', v2({ notes: [{ id: 'b', text: 'x', position: { x: 0, y: 0 } }] }), 'duplicate id "b": used by nodes[1] and notes[0]; every node, connection, note and group needs its own id', 'notes[0].id'],
    ['a group with a connection\'s id', v2({ edges: [{ id: 'e', source: 'a', target: 'b' }], groups: [{ id: 'e', name: 'G', nodes: [] }] }), 'duplicate id "e": used by edges[0] and groups[0]; every node, connection, note and group needs its own id', 'groups[0].id'],
    ['a group with a note\'s id', v2({ notes: [{ id: 'x', text: '', position: { x: 0, y: 0 } }], groups: [{ id: 'x', name: 'G', nodes: [] }] }), 'duplicate id "x": used by notes[0] and groups[0]; every node, connection, note and group needs its own id', 'groups[0].id'],
    ['a note without a position', v2({ notes: [{ id: 'n', text: 'x' }] }), 'notes[0].position: expected object, got nothing (the field is missing)', 'notes[0].position'],
    ['a note too narrow', v2({ notes: [{ id: 'n', text: 'x', position: { x: 0, y: 0 }, width: 0 }] }), 'notes[0].width: must be at least 40, got 0', 'notes[0].width'],
    ['a group without a name', v2({ groups: [{ id: 'g', name: ' ', nodes: ['a'] }] }), 'groups[0].name: must not be empty', 'groups[0].name'],
    ['a group whose nodes are not a list', v2({ groups: [{ id: 'g', name: 'G', nodes: 'a' }] }), 'groups[0].nodes: expected array, got "a"', 'groups[0].nodes'],
  ])('refuses %s, naming the place', (_, text, message, path) => {
    expect(error(text)).toEqual({ message, path });
  });

  it('refuses groups listing more nodes than a design can hold, before checking them', () => {
    const many = Array.from({ length: 50_001 }, () => 'a');
    expect(error(v2({ groups: [{ id: 'g', name: 'G', nodes: many }] }))).toEqual({
      path: 'groups',
      message: 'groups: the groups list 50,001 nodes together; a node belongs to one group at most, and a design has at most 50,000 nodes',
    });
  });

  it('still refuses version 3 as made by a newer Sagaboard', () => {
    expect(error(v2({ version: 3 }))).toEqual({
      path: 'version',
      message: 'made by a newer Sagaboard: this design is version 3, this Sagaboard reads up to version 2; update Sagaboard to open it',
    });
  });

  it('keeps every version 1 example valid, with the same diagnostics', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const folder = new URL('../../public/examples/', import.meta.url);
    for (const file of readdirSync(folder)) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      const r = loadDocument(text);
      expect(r.ok, file).toBe(true);
      if (!r.ok) continue;
      expect(r.doc).toMatchObject({ version: 2, notes: [], groups: [] });
      const { notes: _n, groups: _g, ...asVersion1 } = r.doc;
      expect(validate(r.doc)).toEqual(validate({ ...asVersion1, version: 2 }));
    }
  });
});

describe('migrations', () => {
  it('turns a version 1 document into version 2 with empty notes and groups', () => {
    expect(migrate({ format: 'sagaboard', version: 1, name: 'x' }, 1)).toEqual({ format: 'sagaboard', version: 2, name: 'x', notes: [], groups: [] });
  });

  it('has one migration per version below the current one', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1));
  });

  it('leaves a current document as it is', () => {
    const doc = { format: 'sagaboard', version: CURRENT_VERSION, name: 'x' };
    expect(migrate(doc, CURRENT_VERSION)).toBe(doc);
  });
});
