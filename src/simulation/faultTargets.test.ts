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
  it('100 scenarios of 1,000 faults on a design of 5,000 nodes and 10,000 connections are checked in about a second at most', () => {
    const doc: SagaDocument = fanOutStorm(4_998);
    // The last connection of the design, and a node near the end: the worst case of a search.
    const lastEdge = doc.edges.at(-1)!.id;
    const faults: Fault[] = Array.from({ length: 1_000 }, (_, i) => (i % 2 ? { target: lastEdge, kind: 'delay', delayMs: 5 } : { target: 'w4990', kind: 'crash' }));
    const t0 = performance.now();
    for (let s = 0; s < 100; s++) expect(scenarioProblems(doc, { name: `S${s}`, faults })).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1_500);
    expect(doc.nodes.length + doc.edges.length).toBeGreaterThanOrEqual(15_000);
  });

  it('still names a target that is not in the design', () => {
    expect(scenarioProblems(fanOutStorm(3), { name: 'Ghost', faults: [{ target: 'ghost', kind: 'delay', delayMs: 1 }] })).toEqual([
      "Ghost, fault 1: the fault's target 'ghost' is not a node or connection of this design",
    ]);
  });
});
