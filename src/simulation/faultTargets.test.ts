/**
 * Checking the faults of many scenarios is quick on a large design: each fault's target is looked
 * up by id, not searched for among the nodes and connections (the Scenarios panel checks every
 * saved scenario on the main thread when simulation mode opens).
 */
import { describe, expect, it } from 'vitest';
import type { Fault, SagaDocument } from '../model/index.ts';
import { fanOutStorm } from '../model/testing/storms.ts';
import { scenarioProblems } from './index.ts';

describe('scenario problems on a large design', () => {
  it('checking faults costs the same on a design of 5,000 nodes as on one of 50: targets are looked up, not searched for', () => {
    // A search among the nodes and connections would make the big design ~100 times slower; a
    // lookup, about as fast. Compared in the same process, interleaved, so machine load cancels out.
    const cost = (doc: SagaDocument) => {
      const lastEdge = doc.edges.at(-1)!.id;
      const nearEnd = doc.nodes.at(-3)!.id;
      const faults: Fault[] = Array.from({ length: 1_000 }, (_, i) => (i % 2 ? { target: lastEdge, kind: 'delay', delayMs: 5 } : { target: nearEnd, kind: 'crash' }));
      const t0 = performance.now();
      for (let s = 0; s < 20; s++) expect(scenarioProblems(doc, { name: `S${s}`, faults })).toEqual([]);
      return performance.now() - t0;
    };
    const big = fanOutStorm(4_998);
    const small = fanOutStorm(48);
    expect(big.nodes.length + big.edges.length).toBeGreaterThanOrEqual(15_000);
    const times = { big: [] as number[], small: [] as number[] };
    for (let r = 0; r < 5; r++) {
      times.small.push(cost(small));
      times.big.push(cost(big));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    expect(median(times.big) / median(times.small)).toBeLessThan(10);
  });

  it('still names a target that is not in the design', () => {
    expect(scenarioProblems(fanOutStorm(3), { name: 'Ghost', faults: [{ target: 'ghost', kind: 'delay', delayMs: 1 }] })).toEqual([
      "Ghost, fault 1: the fault's target 'ghost' is not a node or connection of this design",
    ]);
  });
});
