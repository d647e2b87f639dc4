/**
 * What the canvas can draw. Designs reach it from files, links and share links; each way in
 * refuses a design too big to draw before the schema check, with a message saying what to do.
 */
import { parseDocument, parseJsonText, type LoadResult } from '../model/index.ts';
import { countText } from '../model/countText.ts';

/**
 * The most the canvas draws. The format allows 50,000 nodes (the command line checks and
 * simulates such designs), but the canvas draws every node and connection: measured in headless
 * Chromium on 2 busy cores, opening a laid-out design froze the tab for about 6 s at 2,000 nodes,
 * 15 s at 5,000, 26 s at 10,000, 81 s at 20,000 and over 10 minutes at 50,000 (React rendering
 * and committing the nodes and edges, then style, layout and garbage collection).
 *
 * A big design is now read, validated, derived and drawn in tasks of their own, the drawing a
 * slice at a time (canvas/useProgressiveReveal.ts), but each slice still costs React Flow work in
 * proportion to everything drawn so far. With slices of 100 (`npm run bench:open`, 2 cores, load
 * about 2): longest task 121–161 ms at 2,000 nodes, 180–260 ms at 3,000, 346–603 ms at 5,000.
 * Connections are now one layer of Sagaboard's own and a design of more than 500 nodes opens in
 * two slices, drawn out of sight until complete (1.5 s at 2,000 nodes, longest task about 350 ms);
 * the limit stays where a pan keeps its frame rate (README, "Drawing big designs").
 */
export const MAX_CANVAS_NODES = 2_000;
export const MAX_CANVAS_EDGES = 4_000;

/**
 * Why the canvas will not draw this parsed JSON, if it is too big; looked at before the schema
 * check, which alone takes seconds at 50,000 nodes.
 */
export function tooBigToDraw(raw: unknown, fileName?: string): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { nodes, edges, notes, groups } = raw as { nodes?: unknown; edges?: unknown; notes?: unknown; groups?: unknown };
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  // Notes and groups are drawn as React Flow nodes too (spec §1.2a).
  const annotations = count(notes) + count(groups);
  const n = count(nodes) + annotations;
  const e = count(edges);
  if (n <= MAX_CANVAS_NODES && e <= MAX_CANVAS_EDGES) return undefined;
  const what = n > MAX_CANVAS_NODES ? `${countText(n)} ${annotations > 0 ? 'nodes, notes and groups' : 'nodes'}` : `${countText(e)} connections`;
  const limit = n > MAX_CANVAS_NODES ? `${countText(MAX_CANVAS_NODES)} nodes` : `${countText(MAX_CANVAS_EDGES)} connections`;
  const instead = fileName === undefined ? '' : `; check or simulate it with the command line instead (npx sagaboard validate ${fileName})`;
  return `this design has ${what}; the canvas draws designs of up to ${limit}, more would freeze this tab${instead}`;
}

/** Like loadDocument, but a design too big to draw is refused before its schema check. */
export function loadDrawableDocument(text: string, fileName?: string): LoadResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { message: json.message } };
  const tooBig = tooBigToDraw(json.value, fileName);
  return tooBig === undefined ? parseDocument(json.value) : { ok: false, error: { message: tooBig } };
}
