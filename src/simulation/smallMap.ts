/**
 * A map from numbers (message ids, ledger keys) to values, in insertion order: two arrays while
 * small (a participant of a saga sees a few messages, a saga has a few effects), a Map once large.
 * Copying a small one is two slices, which the explorer does for every state it makes (spec §7).
 */
const SMALL = 16;

export class SmallMap<V> {
  private keys: number[] = [];
  private vals: V[] = [];
  private big: Map<number, V> | undefined = undefined;

  get(key: number): V | undefined {
    if (this.big) return this.big.get(key);
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : this.vals[i];
  }

  has(key: number): boolean {
    return this.big ? this.big.has(key) : this.keys.includes(key);
  }

  get size(): number {
    return this.big ? this.big.size : this.keys.length;
  }

  set(key: number, value: V): void {
    if (this.big) {
      this.big.set(key, value);
      return;
    }
    const i = this.keys.indexOf(key);
    if (i >= 0) {
      this.vals[i] = value;
      return;
    }
    if (this.keys.length < SMALL) {
      this.keys.push(key);
      this.vals.push(value);
      return;
    }
    this.big = new Map(this.keys.map((k, j) => [k, this.vals[j]!]));
    this.big.set(key, value);
    this.keys = [];
    this.vals = [];
  }

  delete(key: number): void {
    if (this.big) {
      this.big.delete(key);
      return;
    }
    const i = this.keys.indexOf(key);
    if (i < 0) return;
    this.keys.splice(i, 1);
    this.vals.splice(i, 1);
  }

  clear(): void {
    this.keys = [];
    this.vals = [];
    this.big = undefined;
  }

  values(): Iterable<V> {
    return this.big ? this.big.values() : this.vals;
  }

  copy(): SmallMap<V> {
    const c = new SmallMap<V>();
    if (this.big) c.big = new Map(this.big);
    else {
      c.keys = this.keys.slice();
      c.vals = this.vals.slice();
    }
    return c;
  }
}
