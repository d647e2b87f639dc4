/** `sagaboard analyse` and `sagaboard compare` (spec §6.1, §6.3), in process and as a real process. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../analysis/index.ts';
import { loadDocument } from '../model/index.ts';
import { runCli } from './testing/runCli.ts';

const root = join(import.meta.dirname, '..', '..');
const examplePath = (id: string) => join(root, 'public', 'examples', `${id}.sagaboard.json`);
const ORCHESTRATED = 'orchestrated.json';
const CHOREOGRAPHED = 'choreographed.json';
const FILES: Record<string, string> = {
  [ORCHESTRATED]: readFileSync(examplePath('order-orchestrated'), 'utf8'),
  [CHOREOGRAPHED]: readFileSync(examplePath('order-choreographed'), 'utf8'),
  'not-a-design.json': '{"format":"sagaboard","version":3}',
};

/** Runs the CLI in process on the files above. */
const run = (...argv: string[]) => runCli(argv, FILES);

describe('sagaboard analyse (in process)', () => {
  it('lists every measure with its value and sentence, then the advice', () => {
    const r = run('analyse', ORCHESTRATED);
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Order fulfilment (orchestrated) — orchestration');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Coupling \(most dependencies\) +3$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Blast radius \(single point of failure\) +100%$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Latency \(happy path\) +154 ms$/));
    expect(lines).toContainEqual('      The whole flow can be read in one place: OrderService.');
    expect(lines.slice(lines.indexOf('Advice'))).toHaveLength(3);
  });

  it('prints the JSON of spec §6.1', () => {
    const r = run('analyse', CHOREOGRAPHED, '--json');
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['style', 'measures', 'advice']);
    const doc = loadDocument(FILES[CHOREOGRAPHED]!);
    if (!doc.ok) throw new Error('example does not load');
    expect(json).toEqual(JSON.parse(JSON.stringify(analyse(doc.doc))));
    expect(json.measures.flowVisibility).toMatchObject({ value: 4, nodes: ['orderService', 'paymentService', 'inventoryService', 'shippingService'] });
  });

  it.each([
    [['analyse'], /^sagaboard: missing FILE/],
    [['analyse', 'a.json', 'b.json'], /^sagaboard: unexpected argument 'b.json': give one design file/],
    [['analyse', ORCHESTRATED, '--runs', '3'], /^sagaboard: unknown option --runs/],
    [['analyse', 'missing.json'], /^sagaboard: missing.json: no such file$/],
    [['analyse', 'not-a-design.json'], /^sagaboard: not-a-design.json: made by a newer Sagaboard/],
  ])('exits 2 on %j', (argv, message) => {
    const r = run(...argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(message);
  });
});

describe('sagaboard compare (in process)', () => {
  it('prints the two designs side by side with the better one marked on each row', () => {
    const r = run('compare', ORCHESTRATED, CHOREOGRAPHED, '--runs', '50');
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.split('\n');
    expect(lines.slice(0, 2)).toEqual(['A: Order fulfilment (orchestrated) (orchestration)', 'B: Order fulfilment (choreographed) (choreography)']);
    const rowOf = (label: string) => lines.find((l) => l.startsWith(label))!;
    expect(rowOf('Coupling (most dependencies)')).toMatch(/ 3 {2}OrderService +2 {2}PaymentService +B$/);
    expect(rowOf('Blast radius')).toMatch(/=$/);
    expect(rowOf('Flow visibility')).toMatch(/ 1 {2}OrderService +4 {2}OrderService, .* +A$/);
    expect(rowOf('Latency (happy path)')).toMatch(/154 ms .* 108 ms .* B$/);
    expect(rowOf('  ShippingService')).toMatch(/compensated +inconsistent +A$/);
    expect(rowOf('  OrderService')).toMatch(/cannot fail \(orchestrator\) +compensated$/);
    expect(lines).toContain('  50 sagas of each design, seeds 1..50, with their own failure rates');
  });

  it('prints exactly the JSON of spec §6.3, the same for the same seed', () => {
    const once = run('compare', ORCHESTRATED, CHOREOGRAPHED, '--json', '--runs', '30', '--seed', '9');
    const json = JSON.parse(once.out);
    expect(Object.keys(json)).toEqual(['designs', 'measures', 'failures', 'monteCarlo']);
    expect(json.measures.latency.map((m: { value: number }) => m.value)).toEqual([154, 108]);
    expect(json.failures[3]).toEqual({ participant: 'ShippingService', outcomes: ['compensated', 'inconsistent'] });
    expect(json.monteCarlo.map((m: { runs: number }) => m.runs)).toEqual([30, 30]);
    expect(run('compare', ORCHESTRATED, CHOREOGRAPHED, '--json', '--runs', '30', '--seed', '9').out).toBe(once.out);
    expect(JSON.parse(run('compare', ORCHESTRATED, ORCHESTRATED, '--json').out).monteCarlo[0].runs).toBe(1000);
  });

  it.each([
    [['compare', ORCHESTRATED], /^sagaboard: missing FILE_B: give two design files/],
    [['compare', ORCHESTRATED, CHOREOGRAPHED, 'third.json'], /^sagaboard: unexpected argument 'third.json': give two design files/],
    [['compare', ORCHESTRATED, CHOREOGRAPHED, '--runs', '0'], /^sagaboard: --runs must be a whole number from 1 to 1,000,000, got '0'$/],
    [['compare', ORCHESTRATED, CHOREOGRAPHED, '--seed', '1', '--seed', '2'], /^sagaboard: --seed is given 2 times: give it once$/],
    [['compare', ORCHESTRATED, 'missing.json'], /^sagaboard: missing.json: no such file$/],
    [['compare', 'not-a-design.json', ORCHESTRATED], /^sagaboard: not-a-design.json: made by a newer Sagaboard/],
  ])('exits 2 on %j', (argv, message) => {
    const r = run(...argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(message);
  });
});

describe('npx sagaboard analyse / compare (a real process)', { timeout: 60_000 }, () => {
  const bin = join(root, 'bin', 'sagaboard.mjs');

  it('compares the two order processes and exits 0', () => {
    const r = spawnSync(process.execPath, [bin, 'compare', examplePath('order-orchestrated'), examplePath('order-choreographed'), '--runs', '20'], { encoding: 'utf8' });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe('A: Order fulfilment (orchestrated) (orchestration)');
  });

  it('exits 2 with one line for a file that is not there', () => {
    const r = spawnSync(process.execPath, [bin, 'analyse', join(root, 'no-such-design.json')], { encoding: 'utf8' });
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
