/**
 * Hostile or odd text given to the loader: lists long enough to freeze the tool are refused
 * before the schema check, a byte order mark is accepted, and what a message quotes from the
 * input is short and shows its invisible characters.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument, loadFragment } from './load.ts';
import { LIMITS } from './schema.ts';

const design = (edges: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'sagaboard',
    version: 1,
    name: 'Test',
    nodes: [
      { id: 's', kind: 'service', name: 'S' },
      { id: 'm', kind: 'event', name: 'Happened' },
    ],
    edges,
    ...extra,
  });
const refusal = (text: string) => {
  const r = loadDocument(text);
  if (r.ok) throw new Error('expected the design to be refused');
  return r.error;
};

describe('list limits', () => {
  it(`refuses an "on" list longer than ${LIMITS.maxOnEntries} entries, naming its place`, () => {
    const e = refusal(design([{ id: 'e', source: 's', target: 'm', on: Array.from({ length: LIMITS.maxOnEntries + 1 }, () => 'ghost') }]));
    expect(e.path).toBe('edges[0].on');
    expect(e.message).toBe(`edges[0].on: too many entries (${(LIMITS.maxOnEntries + 1).toLocaleString('en-US')}): at most ${LIMITS.maxOnEntries.toLocaleString('en-US')}; "on" names the messages the node consumes, each once`);
  });

  it('refuses a design whose lists hold too many entries together, before the schema check', () => {
    const perEdge = LIMITS.maxOnEntries;
    const edges = Array.from({ length: Math.ceil(LIMITS.maxListEntries / perEdge) + 1 }, (_, i) => ({ id: `e${i}`, source: 's', target: 'm', on: Array.from({ length: perEdge }, () => 'ghost') }));
    const started = performance.now();
    const e = refusal(design(edges));
    expect(e.message).toMatch(/^the design's "on", "faults" and "schedule" lists hold [\d,]+ entries together; Sagaboard reads at most [\d,]+$/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('applies the same limits to a pasted selection', () => {
    const r = loadFragment(JSON.stringify({ format: 'sagaboard-fragment', nodes: [], edges: [{ id: 'e', source: 's', target: 'm', on: Array.from({ length: LIMITS.maxOnEntries + 1 }, () => 'x') }] }));
    expect(r).toMatchObject({ ok: false, error: { path: 'edges[0].on' } });
  });
});

describe('byte order mark and invisible characters', () => {
  it('reads a design that starts with a byte order mark', () => {
    expect(loadDocument(`\uFEFF${design([])}`)).toMatchObject({ ok: true, doc: { name: 'Test' } });
    expect(loadFragment(`\uFEFF${design([])}`)).toMatchObject({ ok: true });
  });

  it('shows invisible characters in a JSON error', () => {
    const e = refusal('\uFEFF\u200B{"format": ');
    expect(e.message).toContain('<U+200B>');
    expect(e.message).not.toMatch(/[\u200B\uFEFF]/);
  });

  it('quotes ids short and with their invisible characters shown', () => {
    const id = `a\u202Eb${'x'.repeat(190)}`;
    const e = refusal(design([], { nodes: [{ id, kind: 'service', name: 'A' }, { id, kind: 'event', name: 'B' }] }));
    expect(e.message).toMatch(/^duplicate id "a<U\+202E>bx+…": used by nodes\[0\] and nodes\[1\]/);
    expect(e.message.length).toBeLessThan(160);
  });

  it('shows invisible characters in a quoted value', () => {
    const e = refusal(design([], { declaredStyle: 'auto\u0007\u200F' }));
    expect(e.message).toBe('declaredStyle: expected "orchestration" or "choreography" or "auto", got "auto<U+0007><U+200F>"');
  });
});
