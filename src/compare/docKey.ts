/** A number per design document, for React keys: a new document on a side draws (and is compared) afresh. */
import type { SagaDocument } from '../model/index.ts';

const keys = new WeakMap<SagaDocument, number>();
let next = 1;

export function docKey(doc: SagaDocument): number {
  let key = keys.get(doc);
  if (key === undefined) {
    key = next++;
    keys.set(doc, key);
  }
  return key;
}
