import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument, validate } from '../model/index.ts';
import { runCli } from './testing/runCli.ts';

const example = (id: string) => readFileSync(join(import.meta.dirname, '..', '..', 'public', 'examples', `${id}.sagaboard.json`), 'utf8');

const run = (argv: string[], files: Record<string, string> = {}) => runCli(argv, files);

describe('sagaboard convert', () => {
  it('writes the converted design as JSON on stdout and the report on stderr', () => {
    const r = run(['convert', 'order.json', '--to', 'choreography'], { 'order.json': example('order-orchestrated') });
    expect(r.code).toBe(0);
    const loaded = loadDocument(r.out);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.doc.name).toBe('Order fulfilment (choreographed)');
    expect(loaded.doc.nodes.every((n) => n.position)).toBe(true);
    expect(validate(loaded.doc).style).toBe('choreography');
    expect(r.err).toContain('Decisions:');
    expect(r.err).toContain('PaymentService subscribes to OrderPlaced instead of handling ProcessPayment.');
    expect(r.err).toContain('Where behaviour may differ:');
  });

  it('writes to --out and converts back', () => {
    const once = run(['convert', 'order.json', '--to', 'choreography', '--out', 'c.json'], { 'order.json': example('order-orchestrated') });
    expect(once.code).toBe(0);
    expect(once.out).toBe('');
    expect(once.err).toContain('wrote c.json');
    const back = run(['convert', 'c.json', '--to', 'orchestration'], { 'c.json': once.written['c.json']! });
    expect(back.code).toBe(0);
    const loaded = loadDocument(back.out);
    expect(loaded.ok && validate(loaded.doc).style).toBe('orchestration');
  });

  it('exits 2 with one line for a refused conversion, bad usage and bad files', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['convert', 'o.json', '--to', 'orchestration'], { 'o.json': example('order-orchestrated') }, /^sagaboard: o\.json: Cannot convert: the design already is an orchestration\.$/],
      [['convert', 'o.json'], { 'o.json': example('order-orchestrated') }, /^sagaboard: convert needs --to: give --to orchestration or --to choreography$/],
      [['convert', 'o.json', '--to', 'hybrid'], { 'o.json': example('order-orchestrated') }, /^sagaboard: unknown --to 'hybrid': give orchestration or choreography$/],
      [['convert', 'x.json', '--to', 'choreography'], { 'x.json': '{"format":"sagaboard"' }, /^sagaboard: x\.json: /],
      [['convert', 'e.json', '--to', 'choreography'], { 'e.json': JSON.stringify({ format: 'sagaboard', version: 1, name: 'E', nodes: [], edges: [] }) }, /^sagaboard: e\.json: Cannot convert: the design is empty: there is nothing to convert\.$/],
      [['convert', 'o.json', '--to', 'choreography', '--out', '/read-only/c.json'], { 'o.json': example('order-orchestrated') }, /^sagaboard: \/read-only\/c\.json: cannot write it/],
    ];
    for (const [argv, files, line] of cases) {
      const r = run(argv, files);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(line);
    }
  });
});
