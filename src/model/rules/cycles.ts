/**
 * The cycles of a directed graph: its strongly connected components that hold a cycle (more than
 * one node, or one node with a loop to itself). Tarjan's algorithm, iterative so deep graphs
 * cannot overflow the stack. Each node gets a number when first entered; the bookkeeping is kept
 * in arrays by that number, so a node's id is looked up once per edge, and a node on no cycle
 * costs no list of its own (most designs have no cycle at all).
 */
export function cyclesOf(nodes: Iterable<string>, next: (id: string) => readonly string[]): string[][] {
  const number = new Map<string, number>();
  const ids: string[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const stack: number[] = [];
  const cycles: string[][] = [];
  /** The nodes entered and not yet left (by number), each with its successors and how many of them were looked at. */
  const path: number[] = [];
  const successors: (readonly string[])[] = [];
  const looked: number[] = [];
  const enter = (id: string) => {
    const v = ids.length;
    number.set(id, v);
    ids.push(id);
    low.push(v);
    onStack.push(true);
    stack.push(v);
    path.push(v);
    successors.push(next(id));
    looked.push(0);
  };
  for (const root of nodes) {
    if (number.has(root)) continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const v = path[top]!;
      const succ = successors[top]!;
      if (looked[top]! < succ.length) {
        const id = succ[looked[top]!++]!;
        const w = number.get(id);
        if (w === undefined) enter(id);
        else if (onStack[w]) low[v] = Math.min(low[v]!, w);
        continue;
      }
      path.pop();
      successors.pop();
      looked.pop();
      if (top > 0) low[path[top - 1]!] = Math.min(low[path[top - 1]!]!, low[v]!);
      if (low[v] !== v) continue;
      if (stack[stack.length - 1] === v) {
        // A component of one: a cycle only when the node leads to itself.
        stack.pop();
        onStack[v] = false;
        if (succ.includes(ids[v]!)) cycles.push([ids[v]!]);
        continue;
      }
      const component: string[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        component.push(ids[w]!);
      } while (w !== v);
      cycles.push(component.reverse());
    }
  }
  return cycles;
}
