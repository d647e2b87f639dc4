/**
 * Strongly connected components (Tarjan's algorithm, iterative so deep graphs cannot overflow the
 * stack). Each node gets a number when first entered; the bookkeeping is kept in arrays by that
 * number, so a node's id is looked up once per edge.
 */
export function stronglyConnected(nodes: readonly string[], next: (id: string) => readonly string[]): string[][] {
  const number = new Map<string, number>();
  const ids: string[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const stack: number[] = [];
  const components: string[][] = [];
  /** The nodes entered and not yet left, each with its successors and how many of them were looked at. */
  const work: { v: number; succ: readonly string[]; i: number }[] = [];
  const enter = (id: string) => {
    const v = ids.length;
    number.set(id, v);
    ids.push(id);
    low.push(v);
    onStack.push(true);
    stack.push(v);
    work.push({ v, succ: next(id), i: 0 });
  };
  for (const root of nodes) {
    if (number.has(root)) continue;
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.succ.length) {
        const id = frame.succ[frame.i++]!;
        const w = number.get(id);
        if (w === undefined) enter(id);
        else if (onStack[w]) low[frame.v] = Math.min(low[frame.v]!, w);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v]!, low[frame.v]!);
      if (low[frame.v] === frame.v) {
        const component: string[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(ids[w]!);
        } while (w !== frame.v);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
