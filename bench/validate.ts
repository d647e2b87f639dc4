/**
 * bench/validate: median time to load (parse + schema check) + validate + classify generated
 * designs of 100, 1,000 and 5,000 nodes, in Node. Targets: 1,000 nodes < 5 ms, 5,000 < 25 ms,
 * and about linear growth (the 1,000 -> 5,000 ratio near 5). The baseline is JSON.parse of the
 * same text, run in the same process, so the figures can be compared across machines.
 * Then the validation of a one-node edit of the 5,000-node designs, incremental (LiveValidation,
 * as the app validates): a rename, and a node added and connected. Target < 5 ms.
 *
 * Run: npm run bench:validate
 */
import { countBySeverity, loadDocument, LiveValidation, validate, type SagaDocument } from '../src/model/index.ts';
import { addNode, connect, updateNode } from '../src/model/operations.ts';
import { generateDesign, type Shape } from './designs.ts';
import { median, timeMedian } from './stats.ts';

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

/**
 * Median time of validating `edit(doc, i)` incrementally right after `doc`. Each run edits afresh
 * (new objects, as the editor makes them) and then goes back to `doc` (untimed, as undo would).
 */
function timeEdit(doc: SagaDocument, edit: (doc: SagaDocument, i: number) => SagaDocument, runs = 40): number {
  const live = new LiveValidation();
  live.validate(doc);
  const times: number[] = [];
  for (let i = -3; i < runs; i++) {
    const next = edit(doc, i);
    const t0 = performance.now();
    live.validate(next);
    if (i >= 0) times.push(performance.now() - t0);
    live.validate(doc);
  }
  return median(times);
}

console.log('');
console.log('one-node edit of 5,000 nodes, validated incrementally   rename ms (median)   add + connect ms (median)');
for (const shape of SHAPES) {
  const doc = generateDesign(shape, 5_000);
  // A node in the middle of the design, and a service there to connect a new event to.
  const renamed = doc.nodes[doc.nodes.length >> 1]!;
  const publisher = doc.nodes.find((n, i) => i >= doc.nodes.length >> 1 && n.kind === 'service')!;
  const rename = timeEdit(doc, (d, i) => updateNode(d, renamed.id, { name: `${renamed.name}${i + 3}` }));
  const addConnect = timeEdit(doc, (d) => {
    const added = addNode(d, 'event', { x: 0, y: 0 });
    const connected = connect(added.doc, publisher.id, added.id);
    if (!connected.ok) throw new Error(connected.reason);
    return connected.doc;
  });
  console.log(`${shape.padEnd(14)} (renames ${renamed.kind} ${renamed.name}, adds an event ${publisher.name} publishes)`.padEnd(56), `${rename.toFixed(2).padStart(10)}                ${addConnect.toFixed(2).padStart(10)}`);
}
