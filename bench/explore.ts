/**
 * bench/explore: the explorer's speed in Node (spec §7).
 *
 * 1. The five reference processes (public/examples) with the default bounds (one failure):
 *    explored completely, with no counterexample. Target: < 1 s each.
 * 2. Throughput on searches of thousands to tens of thousands of states (broadcasts, reference
 *    processes and a planted-bug design with larger budgets, some with every service made not
 *    idempotent so that copies matter), with and without partial-order reduction: distinct states and
 *    steps taken, states/s and steps/s, and how many states the reduction saves. A "state" is a
 *    distinct state visited (fingerprint not seen before); a "step" is a transition executed,
 *    whether it led to a new state or to one already visited. Target: >= 200,000 states/s.
 * 3. The planted bugs (src/simulation/explore/corpus): each found, with its shortest
 *    counterexample's length, and the time to the end of the search.
 *
 * Each figure is a median over several runs after a warm-up: wall time, and the CPU time of the
 * process (on a shared, loaded machine the wall time also counts the time other processes held
 * the CPU; the CPU time counts the garbage collector's helper threads too).
 * Whether the page stays responsive while the worker explores is measured in the browser by
 * e2e/explore.spec.ts (no main-thread task over 50 ms).
 *
 * Run: npm run bench:explore [-- --runs N]
 */
import type { SagaDocument } from '../src/model/index.ts';
import { EXAMPLE_IDS, example } from '../src/model/testing/builder.ts';
import { PLANTED_BUGS } from '../src/simulation/explore/corpus/index.ts';
import { corpusDesign } from '../src/simulation/explore/corpus/load.ts';
import { explore, type Budgets, type ExploreResult } from '../src/simulation/explore/index.ts';
import { compilePlan } from '../src/simulation/index.ts';
import { option } from './args.ts';
import { generateDesign } from './designs.ts';
import { timeWallAndCpu } from './stats.ts';

const REFERENCE_TARGET_MS = 1_000;
const STATES_PER_S_TARGET = 200_000;
const RUNS = Number(option('--runs') ?? 7);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** One search, timed: the result of the last run, and median wall and CPU ms. */
function timed(doc: SagaDocument, budgets: Partial<Budgets>, reduce: boolean, runs: number, warmup: number) {
  const plan = compilePlan(doc);
  let result: ExploreResult | undefined;
  const t = timeWallAndCpu(() => (result = explore(plan, { budgets, reduce })), runs, warmup);
  return { result: result!, ...t };
}

console.log(`1. Reference processes, default bounds (1 failure), median of ${RUNS * 3} runs`);
console.log('   design                      states   steps   complete  counterexamples   wall ms    CPU ms   target');
let referencesOk = true;
for (const id of EXAMPLE_IDS) {
  const { result, wall, cpu } = timed(example(id), {}, true, RUNS * 3, 5);
  const ok = result.complete && result.counterexamples.length === 0 && wall < REFERENCE_TARGET_MS;
  referencesOk &&= ok;
  console.log(
    `   ${id.padEnd(24)} ${fmt(result.states).padStart(9)} ${fmt(result.transitions).padStart(7)}   ${String(result.complete).padEnd(8)}  ${String(result.counterexamples.length).padStart(15)}  ${wall.toFixed(2).padStart(8)}  ${cpu.toFixed(2).padStart(8)}   ${verdict(ok)}`,
  );
}

/** The design with every service not idempotent: copies matter, and the searches grow. */
function careless(doc: SagaDocument): SagaDocument {
  for (const n of doc.nodes) if (n.kind === 'service') n.idempotent = false;
  return doc;
}

const THROUGHPUT: [string, SagaDocument, Partial<Budgets>][] = [
  // One event to 13 subscribers (bench/designs.ts 'broadcast'): independent deliveries, where reduction matters most.
  ['broadcast to 13 subscribers', generateDesign('broadcast', 30), { failures: 1 }],
  ['broadcast to 8, not idempotent', careless(generateDesign('broadcast', 20)), { failures: 1, duplicates: 2 }],
  ['order-choreographed, not idemp.', careless(example('order-choreographed')), { failures: 2, duplicates: 3 }],
  ['compensation-overtakes, not id.', careless(corpusDesign('compensation-overtakes')), { failures: 1, duplicates: 2 }],
  ['order-orchestrated, not idemp.', careless(example('order-orchestrated')), { failures: 2, duplicates: 2, timeouts: 1 }],
  ['create-order-saga', example('create-order-saga'), { failures: 2, timeouts: 3 }],
];

console.log('');
console.log(`2. Throughput, with and without partial-order reduction (median of ${RUNS} runs)`);
console.log('   design                          bounds (f/d/c/t)  reduction     states      steps   wall ms   states/s (wall)  states/s (CPU)  steps/s (CPU)');
let best = 0;
for (const [name, doc, budgets] of THROUGHPUT) {
  const b = `${budgets.failures ?? 1}/${budgets.duplicates ?? 0}/${budgets.crashes ?? 0}/${budgets.timeouts ?? 0}`;
  const rows = [true, false].map((reduce) => ({ reduce, ...timed(doc, budgets, reduce, RUNS, 2) }));
  for (const { reduce, result, wall, cpu } of rows) {
    best = Math.max(best, (result.states / cpu) * 1000);
    console.log(
      `   ${name.padEnd(30)}  ${b.padEnd(16)}  ${(reduce ? 'on' : 'off').padEnd(9)} ${fmt(result.states).padStart(9)} ${fmt(result.transitions).padStart(10)} ${wall.toFixed(0).padStart(9)}   ${fmt((result.states / wall) * 1000).padStart(14)}  ${fmt((result.states / cpu) * 1000).padStart(14)}  ${fmt((result.transitions / cpu) * 1000).padStart(13)}`,
    );
  }
  const [on, off] = rows;
  console.log(`   ${''.padEnd(30)}  reduction: ${(off!.result.states / on!.result.states).toFixed(2)}x fewer states, ${(off!.result.transitions / on!.result.transitions).toFixed(2)}x fewer steps, same end states: ${JSON.stringify(on!.result.ends) === JSON.stringify(off!.result.ends)}`);
}

console.log('');
console.log(`3. Planted bugs (src/simulation/explore/corpus), median of ${RUNS * 3} runs`);
console.log('   design                       bounds (f/d/c/t)  found          shortest  states   wall ms');
let bugsOk = true;
for (const bug of PLANTED_BUGS) {
  const { result, wall } = timed(corpusDesign(bug.id), bug.budgets, true, RUNS * 3, 5);
  const first = result.counterexamples[0];
  const ok = first?.outcome === bug.outcome && bug.reason.test(first.reason);
  bugsOk &&= ok;
  const b = `${bug.budgets.failures ?? 1}/${bug.budgets.duplicates ?? 0}/${bug.budgets.crashes ?? 0}/${bug.budgets.timeouts ?? 0}`;
  console.log(`   ${bug.id.padEnd(27)}  ${b.padEnd(16)}  ${(first?.outcome ?? 'nothing').padEnd(13)}  ${String(first?.steps ?? '-').padStart(8)}  ${fmt(result.states).padStart(6)}  ${wall.toFixed(2).padStart(8)}   ${verdict(ok)}`);
}

console.log('');
console.log(`Targets: reference processes complete, silent, < ${fmt(REFERENCE_TARGET_MS)} ms each: ${verdict(referencesOk)}; every planted bug found: ${verdict(bugsOk)}; >= ${fmt(STATES_PER_S_TARGET)} states/s (best CPU figure above: ${fmt(best)}): ${verdict(best >= STATES_PER_S_TARGET)}`);
