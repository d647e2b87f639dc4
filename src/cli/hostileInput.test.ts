/**
 * The command line on hostile input: devices and named pipes are refused before they are opened,
 * files are read up to a cap, a byte order mark is accepted, messages show invisible characters,
 * and a design with thousands of problems prints a bounded report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS } from '../model/index.ts';
import { CliError, type CliIO } from './io.ts';
import { main } from './main.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'sagaboard.mjs');
/** The real command line in its own process, stopped after `timeout` ms (a hang fails the test). */
const sagaboard = (args: string[], timeout = 30_000) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
const tempFile = (name: string, content: string | Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sagaboard-')), name);
  writeFileSync(path, content);
  return path;
};

/** The command line in this process, reading `files` from memory. */
function inProcess(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (path) => {
      if (path in files) return files[path]!;
      throw new CliError(`${path}: no such file`);
    },
    writeText: () => {},
    isFolder: () => false,
    makeFolder: () => {},
  };
  return { code: main(argv, io), out: out.join('\n'), err: err.join('\n') };
}

const ORDER = JSON.stringify({
  format: 'sagaboard',
  version: 1,
  name: 'Tiny',
  nodes: [
    { id: 'u', kind: 'actor', name: 'User' },
    { id: 'c', kind: 'command', name: 'PlaceOrder' },
    { id: 's', kind: 'service', name: 'Orders', idempotent: true },
    { id: 'e', kind: 'event', name: 'OrderPlaced', terminal: true },
  ],
  edges: [
    { id: 'e1', source: 'u', target: 'c' },
    { id: 'e2', source: 'c', target: 's' },
    { id: 'e3', source: 's', target: 'e' },
  ],
});

/** 3,000 commands nobody handles: 3,000 G012 errors. */
function manyProblems(): string {
  const nodes: unknown[] = [{ id: 'u', kind: 'actor', name: 'User' }];
  const edges: unknown[] = [];
  for (let i = 0; i < 3_000; i++) {
    nodes.push({ id: `c${i}`, kind: 'command', name: `Do${i}` });
    edges.push({ id: `e${i}`, source: 'u', target: `c${i}` });
  }
  return JSON.stringify({ format: 'sagaboard', version: 1, name: 'Many', nodes, edges });
}

describe('sagaboard validate: a bounded report', () => {
  it(`prints at most ${MAX_DIAGNOSTICS} diagnostics and says how many more there are`, () => {
    const r = inProcess(['validate', 'many.json'], { 'many.json': manyProblems() });
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('error   G012'))).toHaveLength(MAX_DIAGNOSTICS);
    expect(lines).toContain(`… and 2,000 more not shown (2,000 errors): fix the first ones, then validate again.`);
    expect(lines.at(-1)).toBe('3,000 errors, 0 warnings, 0 infos');
    expect(r.out.length).toBeLessThan(300_000);
  });

  it('keeps --json valid, with the diagnostics left out counted by severity', () => {
    const r = inProcess(['validate', 'many.json', '--json'], { 'many.json': manyProblems() });
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['style', 'confidence', 'reasons', 'diagnostics', 'omitted']);
    expect(json.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(json.omitted).toEqual({ error: 2_000, warning: 0, info: 0 });
    expect(Object.keys(JSON.parse(inProcess(['validate', 'o.json', '--json'], { 'o.json': ORDER }).out))).toEqual(['style', 'confidence', 'reasons', 'diagnostics']);
  });

  it('refuses a file whose "on" list repeats one id 100,000 times, in one line', () => {
    const doc = JSON.parse(ORDER);
    doc.edges[2].on = Array.from({ length: 100_000 }, () => 'ghost');
    const r = inProcess(['validate', 'bomb.json'], { 'bomb.json': JSON.stringify(doc) });
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe('sagaboard: bomb.json: edges[2].on: too many entries (100,000): at most 1,000; "on" names the messages the node consumes, each once');
  });

  it('shows invisible characters in what it quotes from the design', () => {
    const doc = JSON.parse(ORDER);
    doc.name = 'Tiny\u001b[2J\u202E';
    doc.nodes[1].name = 'Place\u200BOrder';
    doc.edges[1].target = 'gh\u0007ost';
    const r = inProcess(['validate', 'o.json'], { 'o.json': JSON.stringify(doc) });
    expect(r.out).toContain('Tiny<U+001B>[2J<U+202E> — ');
    expect(r.out).toContain('Connection e2 points to "gh<U+0007>ost"');
    expect(r.out.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\u200B\u202E]/u);
  });
});

describe('sagaboard simulate: bounded messages', () => {
  const withScenarios = (scenarios: unknown[]) => JSON.stringify({ ...JSON.parse(ORDER), scenarios });

  it('answers a long unknown --fail name in one short line, listing a few of many names', () => {
    const doc = JSON.parse(ORDER);
    for (let i = 0; i < 2_000; i++) doc.nodes.push({ id: `s${i}`, kind: 'service', name: `Service${i}` });
    const r = inProcess(['simulate', 'o.json', '--fail', 'x'.repeat(3_000)], { 'o.json': JSON.stringify(doc) });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^sagaboard: --fail x{40}…: no command or service has that name or id \(there are: PlaceOrder, Orders, Service0, .* and 1,994 more\)$/);
  });

  it('lists a few of a thousand scenarios when the one asked for is missing', () => {
    const scenarios = Array.from({ length: 1_000 }, (_, i) => ({ name: `Scenario ${i}`, seed: 1, faults: [] }));
    const r = inProcess(['simulate', 'o.json', '--scenario', `Nope\u001b[2J${'y'.repeat(100)}`], { 'o.json': withScenarios(scenarios) });
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(400);
    expect(r.err).toMatch(/no scenario named 'Nope<U\+001B>\[2Jy{32}…'/);
    expect(r.err).toMatch(/and 992 more\)$/);
  });

  it('names the first few of a thousand wrong faults, and how many more', () => {
    const faults = Array.from({ length: 1_000 }, (_, i) => ({ target: `ghost${i}`, kind: 'crash' }));
    const r = inProcess(['simulate', 'o.json', '--scenario', 'Bad'], { 'o.json': withScenarios([{ name: 'Bad', seed: 1, faults }]) });
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('… and 995 more');
  });

  it('shows the control characters of a name in the trace', () => {
    const doc = JSON.parse(ORDER);
    doc.nodes[2].name = 'Orders\u001b]0;pwned\u0007';
    const r = inProcess(['simulate', 'o.json'], { 'o.json': JSON.stringify(doc) });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Orders<U+001B>]0;pwned<U+0007>');
    expect(r.out.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
  });
});

describe('sagaboard reading files (a real process)', { timeout: 60_000 }, () => {
  it('refuses /dev/zero at once, in one line, with exit 2', () => {
    const r = sagaboard(['validate', '/dev/zero']);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('sagaboard: /dev/zero: not a design file but a device; give the path of a *.sagaboard.json file\n');
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagaboard-'));
    const fifo = join(dir, 'design.sagaboard.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = sagaboard(['validate', fifo], 20_000);
    expect(r.error).toBeUndefined(); // no timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`sagaboard: ${fifo}: not a design file but a named pipe; give the path of a *.sagaboard.json file\n`);
  });

  it('refuses a file over the size limit after reading no more than the limit', () => {
    const path = tempFile('huge.sagaboard.json', Buffer.alloc(21 * 1024 * 1024, 0x20));
    const r = sagaboard(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`sagaboard: ${path}: the file is 21.0 MB; Sagaboard opens designs up to 20 MB\n`);
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    const path = tempFile('bom.sagaboard.json', `\uFEFF${ORDER}`);
    const r = sagaboard(['validate', path]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Tiny — /);
  });

  it('shows the invisible character a JSON error quotes', () => {
    const path = tempFile('bad.sagaboard.json', `\uFEFF\u200B${ORDER}`);
    const r = sagaboard(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sagaboard: .*bad\.sagaboard\.json: not JSON: .*<U\+200B>/);
    expect(r.stderr).not.toMatch(/[\u200B\uFEFF]/);
  });
});
