/** The cycles of a graph (Tarjan's strongly connected components), as C004 uses them. */
import { describe, expect, it } from 'vitest';
import { cyclesOf } from './cycles.ts';

const graph = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe('cyclesOf', () => {
  it('finds none in a graph without cycles', () => {
    expect(cyclesOf(['a', 'b', 'c'], graph({ a: ['b'], b: ['c'] }))).toEqual([]);
  });

  it('finds a cycle as one component, in the order it was entered', () => {
    expect(cyclesOf(['a'], graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c']]);
  });

  it('finds a self-loop as a component of one', () => {
    expect(cyclesOf(['a'], graph({ a: ['a', 'b'] }))).toEqual([['a']]);
  });

  it('separates two cycles joined by one connection, and visits every root once', () => {
    const next = graph({ a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c'], e: ['a'] });
    expect(cyclesOf(['a', 'b', 'c', 'd', 'e'], next)).toEqual([['c', 'd'], ['a', 'b']]);
  });

  it('keeps a node reached again through a finished component out of the current one', () => {
    // c is finished (its own component) before the walk comes back to it from d
    const next = graph({ a: ['b', 'd'], b: ['c'], c: [], d: ['c', 'a'] });
    expect(cyclesOf(['a'], next)).toEqual([['a', 'd']]);
  });

  it('takes a finished cycle off the stack: a node reaching it later is a cycle of its own, or none', () => {
    const next = graph({ a: ['b'], b: ['a'], c: ['a', 'c'], d: ['b'] });
    expect(cyclesOf(['a', 'c', 'd'], next)).toEqual([['a', 'b'], ['c']]);
  });

  it('lowers a node through a back edge found after a child returned', () => {
    // b's child c finishes first; b then reaches a, still on the stack
    const next = graph({ a: ['b'], b: ['c', 'a'], c: [] });
    expect(cyclesOf(['a'], next)).toEqual([['a', 'b']]);
  });

  it('takes the lowest link of several back edges', () => {
    const next = graph({ a: ['b'], b: ['c'], c: ['b', 'a'] });
    expect(cyclesOf(['a'], next)).toEqual([['a', 'b', 'c']]);
  });

  it('handles a cycle 30,000 long without overflowing the stack (a recursive walk would)', () => {
    const n = 30_000;
    const next = (id: string) => {
      const i = Number(id);
      return i + 1 < n ? [String(i + 1)] : ['0'];
    };
    const components = cyclesOf(['0'], next);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
