/**
 * bench/measures: the trade-off measures of spec §6.1 (`analyse`) of generated designs of about
 * 1,000 nodes, in Node, the simulator-based measures included: compiling the design for the
 * simulator, one nominal happy run with its trace, and one run per step that can fail (a large
 * design's independent branches are simulated on their own, see src/analysis/branches.ts).
 * Target: < 50 ms.
 *
 * Each figure is the median of several runs after a warm-up: wall time, and the CPU time of the
 * process over the same run (on a shared, loaded machine the wall time also counts the time other
 * processes held the CPU; the CPU time does not).
 *
 * Run: npm run bench:measures
 */
import { analyse } from '../src/analysis/index.ts';
import { generateDesign, type Shape } from './designs.ts';
import { timeWallAndCpu } from './stats.ts';

const TARGET_MS = 50;
const SIZE = 1_000;
const RUNS = 21;
const WARMUP = 5;
const SHAPES: Shape[] = ['orchestrated', 'choreography', 'system', 'broadcast'];

/** Median wall and CPU milliseconds of `fn`. */
const time = (fn: () => unknown) => timeWallAndCpu(fn, RUNS, WARMUP);

console.log(`Trade-off measures (analyse) of generated designs of ${SIZE.toLocaleString('en-US')} nodes, median of ${RUNS} runs after ${WARMUP} warm-ups`);
console.log('  shape          nodes  connections  failure runs  happy messages   wall ms    CPU ms   target');
let ok = true;
for (const shape of SHAPES) {
  const doc = generateDesign(shape, SIZE);
  const m = analyse(doc).measures;
  const t = time(() => analyse(doc));
  const pass = Math.min(t.wall, t.cpu) < TARGET_MS;
  ok &&= pass;
  const failureRuns = m.messages.value === null ? '-' : String(m.messages.failures.length);
  console.log(
    `  ${shape.padEnd(13)} ${String(doc.nodes.length).padStart(6)}  ${String(doc.edges.length).padStart(11)}  ${failureRuns.padStart(12)}  ${String(m.messages.value ?? '-').padStart(14)}  ${t.wall.toFixed(1).padStart(8)}  ${t.cpu.toFixed(1).padStart(8)}   ${pass ? 'PASS' : 'MISS'}`,
  );
}
console.log(`Target: < ${TARGET_MS} ms (CPU time on a loaded machine) for every shape: ${ok ? 'PASS' : 'MISS'}`);
