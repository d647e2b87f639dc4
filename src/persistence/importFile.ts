/**
 * Reading a design file the user picked or dropped. Never throws: files that are not designs
 * (images, BPMN models, empty or huge files) get a sentence saying what they are and what to
 * open instead. The file is checked into a copy; nothing on screen changes here.
 */
import { MAX_FILE_CHARS, type LoadResult } from '../model/index.ts';
import { loadDrawableDocument } from './canvasLimits.ts';

/** What is needed of a browser File (and easy to make in tests). */
export interface PickedFile {
  name: string;
  size: number;
  type: string;
  text(): Promise<string>;
}

const OPEN_INSTEAD = 'open a *.sagaboard.json file (Export → JSON makes one)';

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
