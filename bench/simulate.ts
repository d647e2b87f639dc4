/**
 * bench/simulate: the simulator's speed in Node (spec §4, §5.4).
 *
 * 1. Kernel events per second with the trace recorded: single runs of the Create Order saga and
 *    of generated orchestrated sagas of about 1,000 and 5,000 nodes (166 and 832 steps). An event
 *    is one job the kernel executes (a delivery, the end of a handling, a timeout, a restart, a
 *    resend). Target: >= 1,000,000 events/s. Large designs are slower per event: a run walks the
 *    whole plan once while it allocates its trace, so the plan's objects are no longer in the CPU
 *    caches (the profile shows the time in the first reads of each message's plan).
 * 2. 10,000 sagas of the Create Order saga (public/examples/create-order-saga.sagaboard.json)
 *    with a 2% business failure rate on every service, the way `simulate --runs` and the app's
 *    Monte Carlo panel run them (no trace). Target: < 0.5 s.
 *
 * Each figure is a median over several runs after a warm-up. The baselines run in the same
 * process so that the figures compare across machines: the same number of push + pop on the
 * kernel's Agenda alone, and a plain loop allocating as many trace-entry-like objects.
 *
 * Run: npm run bench:simulate
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument, type SagaDocument } from '../src/model/index.ts';
import { compilePlan, monteCarlo, simulate, type SimulationPlan } from '../src/simulation/index.ts';
import { Agenda } from '../src/simulation/queue.ts';
import { seededRandom } from '../src/simulation/random.ts';
import { generateDesign } from './designs.ts';
import { timeMedian } from './stats.ts';

const EVENTS_TARGET = 1_000_000;
const SAGAS = 10_000;
const SAGAS_TARGET_MS = 500;
const FAILURE_RATE = 0.02;

function example(id: string): SagaDocument {
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '..', 'public', 'examples', `${id}.sagaboard.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`${id}: ${loaded.error.message}`);
  return loaded.doc;
}

/** The same number of push + pop on the Agenda, with random times: the kernel's floor. */
function agendaBaseline(events: number): number {
  const random = seededRandom(1);
  const agenda = new Agenda<{ t: number; seq: number; n: number }>();
  let now = 0;
  let sum = 0;
  for (let i = 0; i < events; i++) {
    agenda.push({ t: now + random() * 50, seq: 0, n: i });
    if (agenda.size > 4) {
      const item = agenda.pop()!;
      now = item.t;
      sum += item.n;
    }
  }
  for (let item = agenda.pop(); item; item = agenda.pop()) sum += item.n;
  return sum;
}

/** A plain loop allocating `perRun` objects shaped like trace entries into an array, `runs` times. */
function traceBaseline(perRun: number, runs: number): number {
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const out: object[] = [];
    for (let i = 0; i < perRun; i++)
      out.push({ seq: i + 1, t: i * 0.5, type: 'MESSAGE_SENT', saga: 's1', message: `m${i >> 1}`, messageNode: 'n', messageName: 'N', node: 'p', nodeName: 'P', attempt: 1 });
    n += out.length;
  }
  return n;
}

interface KernelFigure {
  name: string;
  /** Runs per sample. */
  runs: number;
  events: number;
  entries: number;
  ms: number;
  agendaMs: number;
  traceMs: number;
}

/** Single traced runs of `plan`, repeated `repeat` times per sample so a sample lasts a few ms. */
function kernel(name: string, plan: SimulationPlan, repeat: number, samples: number): KernelFigure {
  const once = simulate(plan, { seed: 1 });
  const events = once.events * repeat;
  const entries = once.trace.length * repeat;
  const ms = timeMedian(() => {
    for (let i = 0; i < repeat; i++) simulate(plan, { seed: 1 + i });
  }, samples);
  const agendaMs = timeMedian(() => agendaBaseline(events), samples);
  const traceMs = timeMedian(() => traceBaseline(once.trace.length, repeat), samples);
  return { name, runs: repeat, events, entries, ms, agendaMs, traceMs };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const SAMPLES = 21;
const createOrder = compilePlan(example('create-order-saga'));
const generated = [1_000, 5_000].map((size) => compilePlan(generateDesign('orchestrated', size)));
const figures = [
  kernel('create-order-saga', createOrder, 1_000, SAMPLES),
  ...generated.map((plan) => kernel(`generated orchestrated, ${fmt(plan.doc.nodes.length)} nodes`, plan, Math.round(60_000 / simulate(plan, { seed: 1 }).events), SAMPLES)),
];

console.log(`1. Kernel events per second with the trace recorded (median of ${SAMPLES} samples; a sample is many single runs)`);
console.log('   design                                events/run  entries/run   events/sample   ms/sample   events/s     target   baselines: Agenda ms  trace objects ms  ratio');
let kernelOk = true;
for (const f of figures) {
  const perSecond = (f.events / f.ms) * 1000;
  const ok = perSecond >= EVENTS_TARGET;
  kernelOk &&= ok;
  const runs = f.runs;
  console.log(
    `   ${f.name.padEnd(36)} ${fmt(f.events / runs).padStart(10)}  ${fmt(f.entries / runs).padStart(11)}   ${fmt(f.events).padStart(13)}  ${f.ms.toFixed(2).padStart(10)}  ${fmt(perSecond).padStart(10)}   ${verdict(ok)}     ${f.agendaMs.toFixed(2).padStart(8)}     ${f.traceMs.toFixed(2).padStart(12)}      ${(f.ms / (f.agendaMs + f.traceMs)).toFixed(1)}x`,
  );
}

const flakyDoc = example('create-order-saga');
for (const n of flakyDoc.nodes) if (n.kind === 'service') n.failureRate = FAILURE_RATE;
const flaky = compilePlan(flakyDoc);
const result = monteCarlo(flaky, { runs: SAGAS, seed: 1 });
const sagasMs = timeMedian(() => monteCarlo(flaky, { runs: SAGAS, seed: 1 }), 11);
const sagaEvents = Array.from({ length: 200 }, (_, i) => simulate(flaky, { seed: 1 + i, trace: false }).events).reduce((a, b) => a + b, 0) / 200;
const sagaAgendaMs = timeMedian(() => agendaBaseline(Math.round(sagaEvents * SAGAS)), 11);

console.log('');
console.log(`2. ${fmt(SAGAS)} sagas of the Create Order saga, failure rate ${FAILURE_RATE} on every service, no trace (median of 11)`);
console.log(
  `   ${sagasMs.toFixed(1)} ms  (${verdict(sagasMs < SAGAS_TARGET_MS)} < ${SAGAS_TARGET_MS} ms)   ${fmt((SAGAS / sagasMs) * 1000)} sagas/s   ${fmt(((sagaEvents * SAGAS) / sagasMs) * 1000)} events/s`,
);
console.log(`   baseline: ${fmt(sagaEvents * SAGAS)} Agenda push+pop ${sagaAgendaMs.toFixed(1)} ms   ratio ${(sagasMs / sagaAgendaMs).toFixed(1)}x`);
console.log(`   outcomes: ${Object.entries(result.outcomes).map(([o, n]) => `${o} ${n}`).join(', ')}; latency p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms; ${fmt(result.messages)} messages`);

console.log('');
console.log(
  `Targets: kernel >= ${fmt(EVENTS_TARGET)} events/s with trace, every design above: ${verdict(kernelOk)}; ${fmt(SAGAS)} sagas < ${SAGAS_TARGET_MS} ms: ${verdict(sagasMs < SAGAS_TARGET_MS)}`,
);
