/**
 * bench/simulate: the simulator's speed in Node (spec §4, §5.4).
 *
 * 1. Kernel events per second with the trace recorded: single runs of the Create Order saga and
 *    of a generated orchestrated saga of about 5,000 nodes (830 steps). An event is one job the
 *    kernel executes (a delivery, the end of a handling, a timeout, a restart, a resend).
 *    Target: >= 1,000,000 events/s.
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

/** A plain loop allocating `entries` objects shaped like trace entries into an array. */
function traceBaseline(entries: number): number {
  const out: object[] = [];
  for (let i = 0; i < entries; i++)
    out.push({ seq: i + 1, t: i * 0.5, type: 'MESSAGE_SENT', saga: 's1', message: `m${i}`, messageNode: 'n', messageName: 'N', node: 'p', nodeName: 'P', attempt: 1 });
  return out.length;
}

interface KernelFigure {
  name: string;
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
  const traceMs = timeMedian(() => traceBaseline(entries), samples);
  return { name, events, entries, ms, agendaMs, traceMs };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const createOrder = compilePlan(example('create-order-saga'));
const big = compilePlan(generateDesign('orchestrated', 5_000));
const figures = [kernel('create-order-saga', createOrder, 1_000, 21), kernel(`generated orchestrated (${big.doc.nodes.length} nodes)`, big, 20, 21)];

console.log('1. Kernel events per second, trace recorded (median of 21 samples)');
console.log('design                                 events/sample  entries   ms (median)   events/s     vs target   Agenda push+pop ms   trace-object loop ms   ratio to baselines');
let kernelOk = true;
for (const f of figures) {
  const perSecond = (f.events / f.ms) * 1000;
  kernelOk &&= perSecond >= EVENTS_TARGET;
  console.log(
    `${f.name.padEnd(38)} ${fmt(f.events).padStart(10)}  ${fmt(f.entries).padStart(9)}  ${f.ms.toFixed(2).padStart(10)}  ${fmt(perSecond).padStart(11)}    ${verdict(perSecond >= EVENTS_TARGET)}     ${f.agendaMs.toFixed(2).padStart(10)}           ${f.traceMs.toFixed(2).padStart(10)}           ${(f.ms / (f.agendaMs + f.traceMs)).toFixed(1)}x`,
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
console.log(`Targets: kernel >= ${fmt(EVENTS_TARGET)} events/s with trace: ${verdict(kernelOk)}; ${fmt(SAGAS)} sagas < ${SAGAS_TARGET_MS} ms: ${verdict(sagasMs < SAGAS_TARGET_MS)}`);
