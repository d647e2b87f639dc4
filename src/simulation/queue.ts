/**
 * The kernel's agenda (spec §4.1): a binary min-heap ordered by simulated time, then by the
 * sequence number given when an item was scheduled, so equal times keep their scheduling order.
 */
export interface Scheduled {
  t: number;
  seq: number;
}

export class Agenda<T extends Scheduled> {
  private heap: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Gives the item its sequence number and queues it. */
  push(item: T): void {
    item.seq = this.nextSeq++;
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p.t < item.t || (p.t === item.t && p.seq < item.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  /** The queued items that pass `test`, in scheduling order. */
  filter(test: (item: T) => boolean): T[] {
    return this.heap.filter(test).sort((a, b) => a.seq - b.seq);
  }

  /** Every queued item, in no particular order. */
  unordered(): readonly T[] {
    return this.heap;
  }

  /** Every queued item, in scheduling order (a stepwise run chooses among them). */
  items(): T[] {
    return this.heap.slice().sort((a, b) => a.seq - b.seq);
  }

  /** Removes a queued item, whatever its time (a stepwise run fires it out of time order). */
  remove(item: T): boolean {
    const heap = this.heap;
    const i = heap.indexOf(item);
    if (i < 0) return false;
    const last = heap.pop()!;
    if (i < heap.length) {
      heap[i] = last;
      this.siftDown(this.siftUp(i));
    }
    return true;
  }

  /** An agenda holding the same items (shared: items are never changed once queued) and the same next sequence number. */
  clone(): Agenda<T> {
    const copy = new Agenda<T>();
    copy.heap = this.heap.slice();
    copy.nextSeq = this.nextSeq;
    return copy;
  }

  private before(a: T, b: T): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }

  private siftUp(i: number): number {
    const heap = this.heap;
    const item = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
    return i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const item = heap[i]!;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && this.before(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!this.before(heap[c]!, item)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = item;
  }

  /** Removes and returns the earliest item. */
  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let child = heap[l]!;
      if (r < n) {
        const right = heap[r]!;
        if (right.t < child.t || (right.t === child.t && right.seq < child.seq)) {
          c = r;
          child = right;
        }
      }
      if (last.t < child.t || (last.t === child.t && last.seq < child.seq)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}
