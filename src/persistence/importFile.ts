/**
 * Reading a design file the user picked or dropped. Never throws: files that are not designs
 * (images, BPMN models, empty or huge files) get a sentence saying what they are and what to
 * open instead. The file is checked into a copy; nothing on screen changes here.
 */
import { loadDocument, MAX_FILE_CHARS, parseDocument, type LoadResult } from '../model/index.ts';

/** What is needed of a browser File (and easy to make in tests). */
export interface PickedFile {
  name: string;
  size: number;
  type: string;
  text(): Promise<string>;
}

const OPEN_INSTEAD = 'open a *.sagaboard.json file (Export → JSON makes one)';

/**
 * The most the canvas draws. The format allows 50,000 nodes (the command line checks and
 * simulates such designs), but the canvas draws every node and connection: measured in headless
 * Chromium on 2 busy cores, opening a laid-out design froze the tab for about 6 s at 2,000 nodes,
 * 15 s at 5,000, 26 s at 10,000, 81 s at 20,000 and over 10 minutes at 50,000 (React rendering
 * and committing the nodes and edges, then style, layout and garbage collection).
 */
export const MAX_CANVAS_NODES = 5_000;
export const MAX_CANVAS_EDGES = 10_000;

/**
 * Why the canvas will not draw this parsed JSON, if it is too big; looked at before the schema
 * check, which alone takes seconds at 50,000 nodes.
 */
export function tooBigToDraw(raw: unknown, fileName?: string): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { nodes, edges } = raw as { nodes?: unknown; edges?: unknown };
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const n = count(nodes);
  const e = count(edges);
  if (n <= MAX_CANVAS_NODES && e <= MAX_CANVAS_EDGES) return undefined;
  const what = n > MAX_CANVAS_NODES ? `${n.toLocaleString('en-US')} nodes` : `${e.toLocaleString('en-US')} connections`;
  const limit = n > MAX_CANVAS_NODES ? `${MAX_CANVAS_NODES.toLocaleString('en-US')} nodes` : `${MAX_CANVAS_EDGES.toLocaleString('en-US')} connections`;
  const instead = fileName === undefined ? '' : `; check or simulate it with the command line instead (npx sagaboard validate ${fileName})`;
  return `this design has ${what}; the canvas draws designs of up to ${limit}, more would freeze this tab${instead}`;
}

/** Like loadDocument, but a design too big to draw is refused before its schema check. */
export function loadDrawableDocument(text: string, fileName?: string): LoadResult {
  if (text.length > MAX_FILE_CHARS) return loadDocument(text); // which refuses it
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return loadDocument(text); // which says what is wrong with the text
  }
  const tooBig = tooBigToDraw(raw, fileName);
  return tooBig === undefined ? parseDocument(raw) : { ok: false, error: { message: tooBig } };
}

export async function readDesignFile(file: PickedFile): Promise<LoadResult> {
  const fail = (message: string): LoadResult => ({ ok: false, error: { message } });
  if (file.size === 0) return fail(`the file is empty; ${OPEN_INSTEAD}`);
  // Sizes count bytes and the limit characters: a file this big is too big either way.
  if (file.size > MAX_FILE_CHARS) return fail(`the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; Sagaboard opens designs up to ${MAX_FILE_CHARS / 1024 / 1024} MB`);
  if (file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|svg|bmp|ico)$/i.test(file.name)) return fail(`this is an image, not a design; ${OPEN_INSTEAD}`);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return fail(`the file could not be read (${(e as Error).message})`);
  }
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('<')) {
    if (/bpmn|omg\.org\/spec\/BPMN/i.test(head)) return fail(`this is a BPMN model; Sagaboard does not read BPMN — ${OPEN_INSTEAD}`);
    return fail(`this is an XML or HTML file, not a design; ${OPEN_INSTEAD}`);
  }
  if (text.includes('\u0000')) return fail(`this is a binary file, not a design; ${OPEN_INSTEAD}`);
  return loadDrawableDocument(text, file.name);
}
