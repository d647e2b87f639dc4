/**
 * What changed between two lists of a document (its nodes, or its connections). Documents are
 * never changed in place: an element that is still the same object is unchanged, so the lists are
 * compared by identity, from both ends, and only the part in between is looked at closely.
 */
export interface ListChange<T> {
  /** Elements of the list before that are gone (replaced ones not included). */
  removed: T[];
  /** Elements new in the list after (replacements not included), in their order. */
  added: T[];
  /** Elements replaced at the same place by another with the same id: [before, after]. */
  replaced: [T, T][];
  /** The elements kept are in the same order, and the added ones all come after them. */
  appended: boolean;
  /** The elements kept are in the same order (whatever was added where). */
  orderKept: boolean;
}

export function listChange<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListChange<T> {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const change: ListChange<T> = { removed: [], added: [], replaced: [], appended: true, orderKept: true };
  if (endBefore - start === endAfter - start && samePlaces(before, after, start, endBefore)) {
    // The usual edit: elements changed where they are.
    for (let i = start; i < endBefore; i++) if (before[i] !== after[i]) change.replaced.push([before[i]!, after[i]!]);
    return change;
  }
  const inAfter = new Set(after.slice(start, endAfter));
  const inBefore = new Set(before.slice(start, endBefore));
  const kept: T[] = [];
  for (let i = start; i < endBefore; i++) {
    const x = before[i]!;
    if (inAfter.has(x)) kept.push(x);
    else change.removed.push(x);
  }
  let k = 0;
  for (let i = start; i < endAfter; i++) {
    const x = after[i]!;
    if (!inBefore.has(x)) {
      change.added.push(x);
      if (k < kept.length || endAfter < after.length) change.appended = false;
    } else if (kept[k++] !== x) change.orderKept = false;
  }
  if (!change.orderKept) change.appended = false;
  return change;
}

/** Every place between `start` and `end` holds an element with the same id in both lists. */
function samePlaces<T extends { id: string }>(before: readonly T[], after: readonly T[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (before[i]!.id !== after[i]!.id) return false;
  return true;
}
