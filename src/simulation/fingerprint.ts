/**
 * 64-bit fingerprints of simulator states, for the explorer's visited set (spec §7): two
 * independent 32-bit lanes of a murmur3-style mix. Collections whose order means nothing (the
 * messages in flight, what a participant has seen) are hashed as multisets: the sum of their
 * elements' finished hashes, so any order gives the same fingerprint.
 */

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

const mix = (h: number, x: number): number => {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = Math.imul(rotl(k, 15), 0x1b873593);
  return (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;
};

/** murmur3's finalizer: every input bit affects every output bit. */
export function finish32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** An order-sensitive hash of a sequence of 32-bit integers, in two lanes. */
export class Hasher {
  a = 0;
  b = 0;

  reset(): this {
    this.a = 0x3c6ef372;
    this.b = 0x1b873593;
    return this;
  }

  constructor() {
    this.reset();
  }

  add(x: number): this {
    this.a = mix(this.a, x);
    let j = Math.imul(x | 0, 0x85ebca77);
    j = Math.imul(rotl(j, 17), 0xc2b2ae3d);
    this.b = (Math.imul(rotl(this.b ^ j, 11), 9) + 0x27d4eb2f) | 0;
    return this;
  }

  flag(x: boolean): this {
    return this.add(x ? 1 : 0);
  }

  /** Adds a multiset's sums (see Multiset). */
  addBag(bag: Multiset): this {
    return this.add(bag.a).add(bag.b).add(bag.n);
  }
}

/** An element's part of a multiset's sums, from its lanes (a multiset's hash is the sum of its elements'). */
export const elementA = (a: number): number => finish32(a);
export const elementB = (b: number): number => finish32(b ^ 0x5bd1e995);

/** The sum of finished element hashes: a hash of a multiset, whatever the order the elements come in. */
export class Multiset {
  a = 0;
  b = 0;
  n = 0;

  reset(): this {
    this.a = 0;
    this.b = 0;
    this.n = 0;
    return this;
  }

  /** Adds one element, given by the lanes of its own Hasher (or cached lanes). */
  addLanes(a: number, b: number): void {
    this.a = (this.a + elementA(a)) | 0;
    this.b = (this.b + elementB(b)) | 0;
    this.n++;
  }

  addHash(h: Hasher): void {
    this.addLanes(h.a, h.b);
  }

  /** Takes out one element added before: a multiset kept up to date as it changes. */
  removeLanes(a: number, b: number): void {
    this.a = (this.a - elementA(a)) | 0;
    this.b = (this.b - elementB(b)) | 0;
    this.n--;
  }

  removeHash(h: Hasher): void {
    this.removeLanes(h.a, h.b);
  }

  copyFrom(other: Multiset): this {
    this.a = other.a;
    this.b = other.b;
    this.n = other.n;
    return this;
  }
}

/** A 32-bit structural hash of four small integers (a message's place in the saga, spec §7). */
export function hash4(w: number, x: number, y: number, z: number): number {
  return finish32(mix(mix(mix(mix(0x9747b28c, w), x), y), z));
}
