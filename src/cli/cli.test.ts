import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../model/index.ts';
import { runCli } from './testing/runCli.ts';

const root = join(import.meta.dirname, '..', '..');
const examplePath = (id: string) => join(root, 'public', 'examples', `${id}.sagaboard.json`);

const run = runCli;

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
  ])('exits 2 on %j', (argv, message) => {
    const r = run(argv, { 'a.json': withError });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('exits 2 with one line for a file that is not a design', () => {
    const r = run(['validate', 'x.json'], { 'x.json': '{"format":"sagaboard","version":3}' });
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')).toEqual(['sagaboard: x.json: made by a newer Sagaboard: this design is version 3, this Sagaboard reads up to version 2; update Sagaboard to open it']);
  });
});

describe('notes and groups on the command line (spec §1.2a)', () => {
  /** The orchestrated order as a version 2 file with a note and a Payments group. */
  const annotated = () => {
    const doc = JSON.parse(readFileSync(examplePath('order-orchestrated'), 'utf8'));
    doc.version = 2;
    doc.notes = [{ id: 'note-1', text: 'Refunds take\nup to 3 days', position: { x: 0, y: -120 }, width: 240 }];
    doc.groups = [{ id: 'payments', name: 'Payments', color: '#0d9488', nodes: ['paymentService', 'processPayment', 'refundPayment'] }];
    return doc;
  };

  it('validates a version 2 design exactly as the same design without notes and groups', () => {
    const plain = run(['validate', 'a.json', '--json'], { 'a.json': readFileSync(examplePath('order-orchestrated'), 'utf8') });
    const r = run(['validate', 'a.json', '--json'], { 'a.json': JSON.stringify(annotated()) });
    expect(r.code).toBe(plain.code);
    expect(r.out).toBe(plain.out);
  });

  it('exports notes and groups to JSON, and a version 1 file as version 2 with none', () => {
    const r = run(['export', 'a.json', '--to', 'json'], { 'a.json': JSON.stringify(annotated()) });
    expect(r.code).toBe(0);
    const back = loadDocument(r.out);
    expect(back.ok && back.doc.notes).toEqual(annotated().notes);
    expect(back.ok && back.doc.groups).toEqual(annotated().groups);
    const v1 = JSON.parse(run(['export', 'a.json', '--to', 'json'], { 'a.json': readFileSync(examplePath('order-orchestrated'), 'utf8') }).out);
    expect(v1).toMatchObject({ version: 2, notes: [], groups: [] });
  });

  it('exports groups as Mermaid subgraphs, and the note', () => {
    const r = run(['export', 'a.json', '--to', 'mermaid'], { 'a.json': JSON.stringify(annotated()) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}subgraph g1_payments\["Payments"\]\n( {4}n\d+_\w+\n){3} {2}end$/m);
    expect(r.out).toContain('["Refunds take up to 3 days"]');
  });

  it('refuses a group naming a missing node, with the path', () => {
    const doc = annotated();
    doc.groups[0].nodes.push('ghost');
    const r = run(['validate', 'a.json'], { 'a.json': JSON.stringify(doc) });
    expect(r.code).toBe(2);
    expect(r.err).toBe('sagaboard: a.json: groups[0].nodes[3]: group "Payments" names "ghost", but no node of the design has this id; a group holds nodes only');
  });
});

const ORDER = 'order.json';
/** The orchestrated order example, with changes, as a file the fake IO can read. */
function orderFile(change: (doc: Record<string, unknown> & { scenarios?: unknown[] }) => void = () => {}): Record<string, string> {
  const doc = JSON.parse(readFileSync(examplePath('order-orchestrated'), 'utf8'));
  change(doc);
  return { [ORDER]: JSON.stringify(doc) };
}

describe('sagaboard simulate (in process)', () => {
  it('prints the trace and the outcome of one run, and exits 0 whatever the outcome', () => {
    const r = run(['simulate', ORDER, '--fail', 'InitiateShipping'], orderFile());
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Order fulfilment (orchestrated) — seed 1, faults: businessFailure on InitiateShipping');
    expect(lines).toContainEqual(expect.stringMatching(/HANDLER_FAILED +InitiateShipping \(m6\) @ ShippingService — business failure$/));
    expect(lines).toContainEqual(expect.stringMatching(/COMPENSATION_STARTED +@ OrderService — backward recovery: RestoreInventory, RefundPayment$/));
    expect(lines.at(-1)).toMatch(/^Outcome: compensated — ShippingService failed on InitiateShipping; undone in this order: DeductInventory and ProcessPayment \(\d+\.\d ms, 12 messages\)$/);
    expect(r.err).toBe('');
  });

  it('--fail takes an id too, and may be repeated', () => {
    const r = run(['simulate', ORDER, '--fail', 'paymentService', '--fail', 'DeductInventory', '--json'], orderFile());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'compensated', reason: 'PaymentService failed on ProcessPayment before anything needed undoing' });
  });

  it('prints the JSON of one run (spec §3) and the same JSON for the same seed', () => {
    const once = run(['simulate', ORDER, '--json', '--seed', '7'], orderFile());
    const json = JSON.parse(once.out);
    expect(Object.keys(json)).toEqual(['outcome', 'reason', 'durationMs', 'trace']);
    expect(json.outcome).toBe('completed');
    expect(json.trace[0]).toMatchObject({ seq: 1, t: 0, type: 'SAGA_STARTED', saga: 's1' });
    expect(json.trace.at(-1)).toMatchObject({ type: 'SAGA_COMPLETED', t: json.durationMs });
    expect(run(['simulate', ORDER, '--json', '--seed', '7'], orderFile()).out).toBe(once.out);
    expect(run(['simulate', ORDER, '--json', '--seed', '8'], orderFile()).out).not.toBe(once.out);
  });

  it('--runs prints the outcome distribution, latency percentiles and messages', () => {
    const r = run(['simulate', ORDER, '--runs', '200'], orderFile((d) => ((d.nodes as { id: string; failureRate?: number }[]).find((n) => n.id === 'inventoryService')!.failureRate = 0.3)));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Order fulfilment \(orchestrated\) — 200 runs, seeds 1\.\.200, no injected faults$/m);
    expect(r.out).toMatch(/^ {2}completed +\d+ +\d+\.\d%$/m);
    expect(r.out).toMatch(/^ {2}compensated +\d+ +\d+\.\d% +e\.g\. --seed \d+: InventoryService failed on DeductInventory; undone in this order: ProcessPayment$/m);
    expect(r.out).toMatch(/^Latency of the 200 sagas that ended: p50 \d+\.\d ms, p95 \d+\.\d ms, p99 \d+\.\d ms$/m);
    expect(r.out).toMatch(/^Messages: [\d,]+ \(\d+\.\d per saga\)$/m);
  });

  it('--runs --json has the shape of spec §3, and its counts add up', () => {
    const r = run(['simulate', ORDER, '--runs', '50', '--json', '--fail', 'InitiateShipping'], orderFile());
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['runs', 'outcomes', 'latencyMs', 'messages']);
    expect(json).toMatchObject({ runs: 50, outcomes: { completed: 0, compensated: 50, inconsistent: 0, stuck: 0 }, messages: 600 });
    expect(Object.keys(json.latencyMs)).toEqual(['p50', 'p95', 'p99']);
    expect(json.latencyMs.p50).toBeLessThanOrEqual(json.latencyMs.p95);
    expect(json.latencyMs.p95).toBeLessThanOrEqual(json.latencyMs.p99);
  });

  const scenarios = orderFile((d) => {
    d.scenarios = [
      { name: 'Shipping fails', seed: 5, faults: [{ target: 'initiateShipping', kind: 'businessFailure' }], expect: { outcome: 'compensated' } },
      { name: 'Wrong hope', seed: 5, faults: [{ target: 'initiateShipping', kind: 'businessFailure' }], expect: { outcome: 'completed' } },
      { name: 'Ghost', seed: 1, faults: [{ target: 'ghost', kind: 'crash' }] },
      { name: 'Actor fails', seed: 1, faults: [{ target: 'customer', kind: 'businessFailure' }] },
    ];
  });

  it('--scenario replays the saved seed and faults, and exits 0 when the expected outcome comes', () => {
    const r = run(['simulate', ORDER, '--scenario', 'Shipping fails', '--json'], scenarios);
    expect(r.code).toBe(0);
    const viaFlags = run(['simulate', ORDER, '--seed', '5', '--fail', 'initiateShipping', '--json'], scenarios);
    expect(r.out).toBe(viaFlags.out);
    expect(run(['simulate', ORDER, '--scenario', 'shipping FAILS', '--json'], scenarios).out).toBe(r.out);
  });

  it('--seed overrides the scenario seed; --fail adds to its faults', () => {
    const seeded = run(['simulate', ORDER, '--scenario', 'Shipping fails', '--seed', '6', '--json'], scenarios);
    expect(seeded.out).toBe(run(['simulate', ORDER, '--seed', '6', '--fail', 'InitiateShipping', '--json'], scenarios).out);
    const more = run(['simulate', ORDER, '--scenario', 'Shipping fails', '--fail', 'DeductInventory', '--json'], scenarios);
    expect(JSON.parse(more.out)).toMatchObject({ outcome: 'compensated', reason: 'InventoryService failed on DeductInventory; undone in this order: ProcessPayment' });
  });

  it('exits 1 and says so when the scenario expects another outcome', () => {
    const r = run(['simulate', ORDER, '--scenario', 'Wrong hope'], scenarios);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Outcome: compensated/m);
    expect(r.err).toBe(
      "sagaboard: scenario 'Wrong hope' expects the saga to end completed, but it ended compensated: ShippingService failed on InitiateShipping; undone in this order: DeductInventory and ProcessPayment",
    );
  });

  it.each([
    [['simulate', ORDER, '--runs', '0'], "sagaboard: --runs must be a whole number from 1 to 1,000,000, got '0'"],
    [['simulate', ORDER, '--runs', '2.5'], "sagaboard: --runs must be a whole number from 1 to 1,000,000, got '2.5'"],
    [['simulate', ORDER, '--seed', 'abc'], "sagaboard: --seed must be a whole number from 0 to 9,007,199,254,740,991, got 'abc'"],
    [['simulate', ORDER, '--seed', '-1'], "sagaboard: --seed must be a whole number from 0 to 9,007,199,254,740,991, got '-1'"],
    [['simulate', ORDER, '--seed', '1', '--seed', '2'], 'sagaboard: --seed is given 2 times: give it once'],
    [['simulate', ORDER, '--runs'], 'sagaboard: --runs needs a value'],
    [['simulate', ORDER, '--fail', 'Teleport'], /^sagaboard: --fail Teleport: no command or service has that name or id \(there are: PlaceOrder, ProcessPayment, PaymentService, /],
    [['simulate', ORDER, '--scenario', 'Nope'], "sagaboard: order.json: no scenario named 'Nope' (there are: 'Shipping fails', 'Wrong hope', 'Ghost' and 'Actor fails')"],
    [['simulate', ORDER, '--scenario', 'Ghost'], "sagaboard: order.json: scenario Ghost, fault 1: the fault's target 'ghost' is not a node or connection of this design"],
    [['simulate', ORDER, '--scenario', 'Actor fails'], 'sagaboard: order.json: scenario Actor fails, fault 1: Customer is an actor: inject faults on a command, a service or a connection'],
  ])('exits 2 on %j', (argv, message) => {
    const r = run(argv, scenarios);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('says the design has no scenarios when it has none', () => {
    const r = run(['simulate', ORDER, '--scenario', 'Any'], orderFile());
    expect(r).toMatchObject({ code: 2, err: "sagaboard: order.json: no scenario named 'Any': this design has no saved scenarios" });
  });

  it.each([
    ['probability 2', { probability: 2 }, 'scenarios[0].faults[0].probability: must be at most 1, got 2'],
    ['a negative delay', { kind: 'delay', delayMs: -5 }, 'scenarios[0].faults[0].delayMs: must be at least 0, got -5'],
  ])('exits 2 with one line for a scenario with %s', (_, change, message) => {
    const files = orderFile((d) => (d.scenarios = [{ name: 'Bad', seed: 1, faults: [{ target: 'paymentService', kind: 'transient', ...change }] }]));
    const r = run(['simulate', ORDER, '--scenario', 'Bad'], files);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe(`sagaboard: ${ORDER}: ${message}`);
  });

  it('exits 2 with the reason and the rule when the design cannot be simulated', () => {
    const noTrigger = JSON.stringify({
      format: 'sagaboard',
      version: 1,
      name: 'Loop',
      nodes: [
        { id: 's', kind: 'service', name: 'Pinger' },
        { id: 'p', kind: 'event', name: 'Pinged' },
      ],
      edges: [
        { id: 'e1', source: 's', target: 'p' },
        { id: 'e2', source: 'p', target: 's' },
      ],
    });
    const r = run(['simulate', 'loop.json'], { 'loop.json': noTrigger });
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe('sagaboard: loop.json: cannot simulate: Nothing starts the process: draw an actor sending a command, or a message that nobody produces. (G011)');
    const dangling = run(['simulate', 'broken.json'], { 'broken.json': withError });
    expect(dangling).toMatchObject({ code: 2, out: '' });
    expect(dangling.err).toBe('sagaboard: broken.json: cannot simulate: A connection leads to a node that does not exist: messages would be lost on the way. (G001)');
  });

  it('exits 2 for a file that is not a design, as validate does', () => {
    const r = run(['simulate', 'x.json'], { 'x.json': '{"format":"sagaboard","version":3}' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^sagaboard: x\.json: made by a newer Sagaboard/);
  });
});

describe('sagaboard export (in process)', () => {
  const order = orderFile();

  it('prints the Mermaid flowchart', () => {
    const r = run(['export', ORDER, '--to', 'mermaid'], order);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.split('\n').slice(0, 5)).toEqual(['---', 'title: "Order fulfilment (orchestrated)"', '---', 'flowchart LR', '  n1_customer(["Customer"])']);
    expect(r.out).toContain('  n4_processPayment -.->|"compensated by"| n8_refundPayment');
  });

  it('prints the design normalised, which reads back as the same design', () => {
    const r = run(['export', ORDER, '--to', 'json'], order);
    expect(r.code).toBe(0);
    expect(loadDocument(r.out)).toEqual(loadDocument(order[ORDER]!));
    expect(r.out).toMatch(/^\{\n {2}"format": "sagaboard",\n {2}"version": 2,\n/);
  });

  it('prints one AsyncAPI document per service and orchestrator, separated by --- lines', () => {
    const r = run(['export', ORDER, '--to', 'asyncapi'], order);
    expect(r.code).toBe(0);
    expect(r.out.match(/^---$/gm)).toHaveLength(3);
    expect(parseAllDocuments(r.out).map((d) => d.toJS().info.title)).toEqual(['OrderService', 'PaymentService', 'InventoryService', 'ShippingService']);
  });

  it.each([
    ['a folder ending with /', 'specs/', []],
    ['an existing folder', 'specs', ['specs']],
  ])('writes one file per participant into %s', (_, out, folders) => {
    const r = run(['export', ORDER, '--to', 'asyncapi', '--out', out], order, folders);
    expect(r.code).toBe(0);
    const names = ['order-service', 'payment-service', 'inventory-service', 'shipping-service'].map((n) => join('specs', `${n}.asyncapi.yaml`));
    expect(Object.keys(r.written)).toEqual(names);
    expect(parseAllDocuments(r.written[names[1]!]!).map((d) => d.toJS().info.title)).toEqual(['PaymentService']);
    expect(r.out.split('\n')).toEqual(names.map((n) => `wrote ${n}`));
  });

  it('writes the whole stream to a file, and a flowchart or design into a folder under the design name', () => {
    const stream = run(['export', ORDER, '--to', 'asyncapi'], order).out;
    expect(run(['export', ORDER, '--to', 'asyncapi', '--out', 'all.yaml'], order).written).toEqual({ 'all.yaml': stream });
    expect(Object.keys(run(['export', ORDER, '--to', 'mermaid', '--out', 'docs/'], order).written)).toEqual([join('docs', 'order-fulfilment-orchestrated.mmd')]);
    expect(Object.keys(run(['export', ORDER, '--to', 'json', '--out', 'docs'], order, ['docs']).written)).toEqual([join('docs', 'order-fulfilment-orchestrated.sagaboard.json')]);
  });

  const empty = JSON.stringify({ format: 'sagaboard', version: 1, name: 'Blank', nodes: [], edges: [] });
  const noParticipant = JSON.stringify({ format: 'sagaboard', version: 1, name: 'Alone', nodes: [{ id: 'a', kind: 'actor', name: 'Customer' }], edges: [] });

  it.each([
    [['export', ORDER], 'sagaboard: export needs --to: give --to mermaid, asyncapi or json'],
    [['export', ORDER, '--to', 'svg'], "sagaboard: unknown --to 'svg': give mermaid, asyncapi or json"],
    [['export', ORDER, '--to', 'json', '--to', 'mermaid'], 'sagaboard: --to is given 2 times: give it once'],
    [['export', ORDER, '--to'], 'sagaboard: --to needs a value'],
    [['export', 'missing.json', '--to', 'json'], 'sagaboard: missing.json: no such file'],
    [['export', 'x.json', '--to', 'json'], /^sagaboard: x\.json: made by a newer Sagaboard/],
    [['export', ORDER, '--to', 'json', '--out', '/read-only/order.json'], 'sagaboard: /read-only/order.json: cannot write it (permission denied)'],
    [['export', 'blank.json', '--to', 'mermaid'], 'sagaboard: blank.json: the design is empty: there is nothing to export; add a node first'],
    [['export', 'blank.json', '--to', 'json'], 'sagaboard: blank.json: the design is empty: there is nothing to export; add a node first'],
    [['export', 'alone.json', '--to', 'asyncapi'], 'sagaboard: alone.json: the design has no service or orchestrator: AsyncAPI describes what each of them sends and receives; add one'],
  ])('exits 2 with one line on %j', (argv, message) => {
    const r = run(argv, { ...order, 'x.json': '{"format":"sagaboard","version":3}', 'blank.json': empty, 'alone.json': noParticipant });
    expect(r).toMatchObject({ code: 2, out: '', written: {} });
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

// A real process compiles the sources through tsx first: seconds on a busy machine.
describe('npx sagaboard (a real process, no build step)', { timeout: 60_000 }, () => {
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

  it('simulates a reference design with a failure', () => {
    const r = sagaboard('simulate', examplePath('order-orchestrated'), '--fail', 'InitiateShipping');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^Outcome: compensated — ShippingService failed on InitiateShipping; undone in this order: DeductInventory and ProcessPayment/);
  });
  it('exports AsyncAPI to stdout, and into a folder one file per participant', () => {
    const r = sagaboard('export', examplePath('order-orchestrated'), '--to', 'asyncapi');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(parseAllDocuments(r.stdout).map((d) => d.toJS().info.title)).toEqual(['OrderService', 'PaymentService', 'InventoryService', 'ShippingService']);
    const dir = join(mkdtempSync(join(tmpdir(), 'sagaboard-')), 'specs') + '/';
    const written = sagaboard('export', examplePath('order-orchestrated'), '--to', 'asyncapi', '--out', dir);
    expect(written).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(dir).sort()).toEqual(['inventory-service.asyncapi.yaml', 'order-service.asyncapi.yaml', 'payment-service.asyncapi.yaml', 'shipping-service.asyncapi.yaml']);
    expect(readFileSync(join(dir, 'payment-service.asyncapi.yaml'), 'utf8')).toMatch(/^asyncapi: 3\.0\.0\ninfo:\n {2}title: PaymentService\n/);
  });

  it('exits 2 with one line when it cannot write', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sagaboard-')), 'a-file');
    writeFileSync(file, '');
    const r = sagaboard('export', examplePath('order-orchestrated'), '--to', 'json', '--out', join(file, 'order.json'));
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(`sagaboard: ${join(file, 'order.json')}: cannot write it (part of the path is a file, not a folder)\n`);
  });
});
