import { describe, expect, it } from 'vitest';
import { design, example, EXAMPLE_IDS } from '../model/testing/builder.ts';
import { scenarioProblems, simulationProblems } from './problems.ts';

describe('simulationProblems', () => {
  it.each(EXAMPLE_IDS)('%s can be simulated', (id) => {
    expect(simulationProblems(example(id))).toEqual([]);
  });

  it('a design with no trigger: G011', () => {
    const loop = design('Loop').service('A').event('Pinged').link('A', 'Pinged', 'A').doc;
    expect(simulationProblems(loop)).toEqual([
      { message: 'Nothing starts the process: draw an actor sending a command, or a message that nobody produces.', rule: 'G011', nodes: [], edges: [] },
    ]);
    expect(simulationProblems(design('Empty').doc).map((p) => p.rule)).toEqual(['G011']);
  });

  it('connections to nodes that do not exist: G001, with the connections', () => {
    const doc = design().actor('User').command('Go').service('S').link('User', 'Go', 'S').edge('S', 'ghost').edge('ghost2', 'S').doc;
    expect(simulationProblems(doc)).toEqual([
      { message: '2 connections lead to a node that does not exist: messages would be lost on the way.', rule: 'G001', nodes: [], edges: ['e3', 'e4'] },
    ]);
  });

  it('other errors do not stop a simulation: the run shows their consequences', () => {
    const doc = example('order-choreographed');
    doc.edges = doc.edges.filter((e) => e.id !== 'e12'); // InventoryFailed heard by nobody (C006)
    expect(simulationProblems(doc)).toEqual([]);
  });
});

describe('scenarioProblems', () => {
  const doc = example('order-orchestrated');
  it('is empty for faults that can be injected', () => {
    expect(scenarioProblems(doc, { name: 'Fine', faults: [{ target: 'paymentService', kind: 'crash', delayMs: 100 }, { target: 'e4', kind: 'duplicate' }] })).toEqual([]);
  });

  it('says which fault of which scenario is wrong, one line each', () => {
    const problems = scenarioProblems(doc, {
      name: 'Bad',
      faults: [
        { target: 'paymentService', kind: 'crash' },
        { target: 'ghost', kind: 'crash' },
        { target: 'paymentService', kind: 'transient', probability: 2 },
      ],
    });
    expect(problems).toEqual([
      "Bad, fault 2: the fault's target 'ghost' is not a node or connection of this design",
      'Bad, fault 3: Chance: a probability from 0 to 1, not 2',
    ]);
  });
});
