/** Lays out the reference designs in public/examples with elkjs and writes the positions into the files. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutDesign } from '../src/layout/elk-layout.ts';
import { loadDocument } from '../src/model/index.ts';

const folder = join(import.meta.dirname, '..', 'public', 'examples');
for (const file of readdirSync(folder).filter((f) => f.endsWith('.sagaboard.json'))) {
  const path = join(folder, file);
  const text = readFileSync(path, 'utf8');
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
  let positions = await layoutDesign(loaded.doc);
  // A design much wider than high does not fit a screen: fold its chains into rows.
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  if (Math.max(...xs) - Math.min(...xs) > 3 * (Math.max(...ys) - Math.min(...ys) + 200)) positions = await layoutDesign(loaded.doc, { wrap: true });
  const raw = JSON.parse(text) as { nodes: { id: string; position?: unknown }[] };
  for (const n of raw.nodes) n.position = positions.get(n.id);
  writeFileSync(path, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`${file}: ${positions.size} nodes laid out`);
}
