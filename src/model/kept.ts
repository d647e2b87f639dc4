/**
 * Values kept per object while what they were computed from stays the same: the memory of an
 * incremental validation. Documents are never changed in place, so an object that is still there
 * (a node, a connection, a node's entry in the graph) still means what it meant.
 */
export class Kept<K extends object, T> {
  private readonly values = new WeakMap<K, { a: unknown; b: unknown; value: T }>();

  /** What was kept for `key` when computed from `a` and `b` (compared by identity), if anything. */
  get(key: K, a: unknown, b: unknown): T | undefined {
    const kept = this.values.get(key);
    return kept !== undefined && kept.a === a && kept.b === b ? kept.value : undefined;
  }

  set(key: K, a: unknown, b: unknown, value: T): T {
    this.values.set(key, { a, b, value });
    return value;
  }
}
