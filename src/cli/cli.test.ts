import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, type CliIO } from './io.ts';
import { main } from './main.ts';

const root = join(import.meta.dirname, '..', '..');
const examplePath = (id: string) => join(root, 'public', 'examples', `${id}.sagaboard.json`);

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText(path) {
      if (path in files) return files[path]!;
      throw new CliError(`${path}: no such file`);
    },
  };
  const code = main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const withError = JSON.stringify({
  format: 'sagaboard',
  version: 1,
  name: 'Broken',
  nodes: [
    { id: 'u', kind: 'actor', name: 'User' },
    { id: 'c', kind: 'command', name: 'PlaceOrder' },
  ],
  edges: [
    { id: 'e1', source: 'u', target: 'c' },
    { id: 'e2', source: 'c', target: 'ghost' },
  ],
});

describe('sagaboard validate (in process)', () => {
  it('exits 1 and names the rule when the design has errors', () => {
    const r = run(['validate', 'broken.json'], { 'broken.json': withError });
    expect(r.code).toBe(1);
    expect(r.out).toContain('error   G001  Connection e2 points to "ghost", which does not exist.');
    expect(r.out).toContain('fix: Delete the connection, or restore the node it points to.');
  });

  it('prints the JSON shape of spec §3', () => {
    const r = run(['validate', 'broken.json', '--json'], { 'broken.json': withError });
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['style', 'confidence', 'reasons', 'diagnostics']);
    expect(json.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['G001', 'G012']);
  });

  it.each([
    [['validate'], /^sagaboard: missing FILE/],
    [['validate', 'a.json', 'b.json'], /^sagaboard: unexpected argument 'b.json'/],
    [['validate', 'a.json', '--jsn'], /^sagaboard: unknown option --jsn/],
    [['frobnicate'], /^sagaboard: unknown command 'frobnicate'/],
    [['validate', 'missing.json'], /^sagaboard: missing.json: no such file$/],
    [['simulate', 'a.json'], /^sagaboard: 'simulate' is not available yet/],
  ])('exits 2 on %j', (argv, message) => {
    const r = run(argv, { 'a.json': withError });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('exits 2 with one line for a file that is not a design', () => {
    const r = run(['validate', 'x.json'], { 'x.json': '{"format":"sagaboard","version":2}' });
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')).toEqual(['sagaboard: x.json: made by a newer Sagaboard: this design is version 2, this Sagaboard reads up to version 1; update Sagaboard to open it']);
  });
});

describe('npx sagaboard (a real process, no build step)', () => {
  const bin = join(root, 'bin', 'sagaboard.mjs');
  const sagaboard = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('exits 0 on a reference design and prints the verdict', () => {
    const r = sagaboard('validate', examplePath('order-orchestrated'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Order fulfilment \(orchestrated\) — Orchestration \(confidence 100%\)/);
    expect(r.stdout).toContain('No problems found.');
  });

  it('prints JSON for every reference design', () => {
    for (const [id, style] of [['order-choreographed', 'choreography'], ['create-order-saga', 'orchestration']] as const) {
      const json = JSON.parse(execFileSync(process.execPath, [bin, 'validate', examplePath(id), '--json'], { encoding: 'utf8' }));
      expect(json).toMatchObject({ style, diagnostics: [] });
    }
  });

  it.each([
    ['not JSON', 'this is not json', /^sagaboard: .*bad\.json: not JSON: /],
    ['a BPMN file', '<?xml version="1.0"?><definitions/>', /^sagaboard: .*bad\.json: not JSON: /],
    ['wrong format', '{"format":"excalidraw"}', /not a Sagaboard design: "format" is "excalidraw"/],
    ['unknown kind', '{"format":"sagaboard","version":1,"name":"x","nodes":[{"id":"a","kind":"robot","name":"A"}],"edges":[]}', /nodes\[0\]\.kind: expected one of/],
  ])('exits 2 with one line and no stack trace for %s', (_, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'sagaboard-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, content);
    const r = sagaboard('validate', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for graph-level problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagaboard-'));
    const file = join(dir, 'g001.json');
    writeFileSync(file, withError);
    const r = sagaboard('validate', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('G001');
  });

  it('says a folder is not a design', () => {
    const r = sagaboard('validate', tmpdir());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a folder, not a design file/);
  });
});
