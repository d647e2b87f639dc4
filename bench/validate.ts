/**
 * bench/validate: median time to load (parse + schema check) + validate + classify generated
 * designs of 100, 1,000 and 5,000 nodes, in Node. Targets: 1,000 nodes < 5 ms, 5,000 < 25 ms,
 * and about linear growth (the 1,000 -> 5,000 ratio near 5). The baseline is JSON.parse of the
 * same text, run in the same process, so the figures can be compared across machines.
 *
 * Run: npm run bench:validate
 */
import { countBySeverity, loadDocument, validate } from '../src/model/index.ts';
import { generateDesign, type Shape } from './designs.ts';
import { timeMedian } from './stats.ts';

const SIZES = [100, 1_000, 5_000];
const SHAPES: Shape[] = ['orchestrated', 'choreography'];
const runs = (size: number) => (size >= 5_000 ? 25 : 60);

function loadAndValidate(text: string) {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return validate(loaded.doc);
}

console.log('shape          nodes  edges   load+validate ms (median)   JSON.parse ms   ratio to parse   diagnostics');
const medians = new Map<string, number>();
for (const shape of SHAPES) {
  for (const size of SIZES) {
    const doc = generateDesign(shape, size);
    const text = JSON.stringify(doc);
    const result = loadAndValidate(text);
    const ms = timeMedian(() => loadAndValidate(text), runs(size));
    const parse = timeMedian(() => JSON.parse(text), runs(size));
    medians.set(`${shape}/${size}`, ms);
    const c = countBySeverity(result.diagnostics);
    console.log(
      `${shape.padEnd(14)} ${String(doc.nodes.length).padStart(5)}  ${String(doc.edges.length).padStart(5)}   ${ms.toFixed(2).padStart(10)}                  ${parse.toFixed(2).padStart(8)}        ${(ms / parse).toFixed(1).padStart(6)}x        ${result.style}, ${c.error}E/${c.warning}W/${c.info}I`,
    );
  }
}
console.log('');
for (const shape of SHAPES) {
  const ratio = medians.get(`${shape}/5000`)! / medians.get(`${shape}/1000`)!;
  console.log(`${shape}: 5,000 / 1,000 nodes = ${ratio.toFixed(2)} (linear growth = 5.0)`);
}
