/**
 * Long lists drawn in buckets: thousands of connections or faces are split into a fixed number of
 * buckets by a hash of their id, each bucket a memoised component that re-renders only when one
 * of its own items changed. A move then costs React a few dozen bucket comparisons and the items
 * of one or two buckets, not a pass over every item; adding or removing an item touches its own
 * bucket only (the id decides the bucket, not the position in the list).
 */

/** Enough to keep a bucket of a 2,000-node design near 60 items. */
export const BUCKETS = 32;

const buckets = new Map<string, number>();

/** The bucket of an id (FNV-1a of its characters), remembered. */
export function bucketOf(id: string): number {
  let bucket = buckets.get(id);
  if (bucket === undefined) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    bucket = (hash >>> 0) % BUCKETS;
    buckets.set(id, bucket);
  }
  return bucket;
}

/** Whether two lists hold the same items, one by one. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
