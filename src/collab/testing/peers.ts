/**
 * Test helpers: several copies of one shared design, as several people's browsers hold them,
 * synchronised by hand in whatever order a test chooses (no network).
 */
import * as Y from 'yjs';
import type { SagaDocument } from '../../model/schema.ts';
import { applyDiff } from '../applyDiff.ts';
import { diffDesigns } from '../diff.ts';
import { readDesign } from '../project.ts';

/** `n` empty copies with fixed client ids 1..n, so that a seed replays exactly. */
export function peers(n: number): Y.Doc[] {
  return Array.from({ length: n }, (_, i) => {
    const ydoc = new Y.Doc();
    ydoc.clientID = i + 1;
    return ydoc;
  });
}

/** Sends `to` what `from` has and `to` has not (one direction). */
export function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

/** Every copy gets everything every other has. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) send(from, to);
}

/** One user intent on a copy: the operation on the design it shows, written as a diff (origin `local`). */
export function edit(ydoc: Y.Doc, operation: (doc: SagaDocument) => SagaDocument, origin: unknown = 'local'): SagaDocument {
  const before = readDesign(ydoc).doc;
  const after = operation(before);
  applyDiff(ydoc, diffDesigns(before, after), origin);
  return after;
}

/** A design without the empty optional lists the shared document does not keep. */
export function withoutEmptyLists(doc: SagaDocument): SagaDocument {
  const out = { ...doc };
  for (const key of ['notes', 'groups', 'scenarios'] as const) if (out[key]?.length === 0) delete out[key];
  return out;
}
