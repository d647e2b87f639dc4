/**
 * bench/convert: median time to convert a generated 1,000-node design to the other style, in
 * Node: an orchestrated saga to a choreography, and a choreography (itself converted from a longer
 * orchestrated saga) to an orchestration.
 * Each figure includes the checks of the original and of the result (validate) and the fallback
 * layout of the result; the model-only figure leaves out the layout. Target: under 200 ms.
 *
 * Run: npm run bench:convert
 */
import { convertLaidOut } from '../src/layout/converted.ts';
import { convert, type SagaDocument } from '../src/model/index.ts';
import { generateDesign } from './designs.ts';
import { timeMedian } from './stats.ts';

const RUNS = 15;
const TARGET_MS = 200;

const orchestrated = generateDesign('orchestrated', 1_000);
// A choreography of about 1,000 nodes: the conversion of a longer orchestrated saga (a choreography needs fewer nodes).
const first = convert(generateDesign('orchestrated', 1_500), 'choreography');
if (!first.ok) throw new Error(first.reason);
const choreography: SagaDocument = first.doc;

console.log('design                            nodes  edges   convert + layout ms (median)   model only ms   result');
for (const [label, doc, to] of [
  ['orchestrated -> choreography', orchestrated, 'choreography'],
  ['choreography -> orchestration', choreography, 'orchestration'],
] as const) {
  const result = convertLaidOut(doc, to);
  if (!result.ok) throw new Error(result.reason);
  const ms = timeMedian(() => convertLaidOut(doc, to), RUNS);
  const model = timeMedian(() => convert(doc, to), RUNS);
  console.log(
    `${label.padEnd(32)} ${String(doc.nodes.length).padStart(5)}  ${String(doc.edges.length).padStart(5)}   ${ms.toFixed(1).padStart(12)}                    ${model.toFixed(1).padStart(8)}     ${result.doc.nodes.length} nodes, ${result.report.style}, ${ms < TARGET_MS ? 'under' : 'OVER'} ${TARGET_MS} ms`,
  );
}
