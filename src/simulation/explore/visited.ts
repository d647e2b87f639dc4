/**
 * The explorer's visited states (spec §7): a set of 64-bit fingerprints in open addressing over
 * typed arrays, so that a million states take a few megabytes, not a million strings.
 */
export class FingerprintSet {
  private hi: Int32Array;
  private lo: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** Adds the fingerprint (a, b); false when it was already there. */
  add(a: number, b: number): boolean {
    if (this.size * 2 >= this.mask) this.grow();
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    while (this.used[i]) {
      if (this.hi[i] === a && this.lo[i] === b) return false;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.hi[i] = a;
    this.lo[i] = b;
    this.size++;
    return true;
  }

  private grow(): void {
    const { hi, lo, used } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.add(hi[i]!, lo[i]!);
  }
}

/** A growable array of 32-bit integers (the search tree's parents and choices). */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  at(i: number): number {
    return this.data[i]!;
  }
}
