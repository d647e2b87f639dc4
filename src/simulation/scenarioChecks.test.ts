import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/index.ts';
import { example } from '../model/testing/builder.ts';
import { checkScenarios } from './scenarioChecks.ts';

describe('checkScenarios (Run all)', () => {
  const doc = example('order-orchestrated');
  const scenarios: Scenario[] = [
    { name: 'Happy', seed: 1, faults: [], expect: { outcome: 'completed' } },
    { name: 'Shipping fails', seed: 1, faults: [{ target: 'initiateShipping', kind: 'businessFailure' }], expect: { outcome: 'completed' } },
    { name: 'No expectation', seed: 7, faults: [] },
    { name: 'Broken', seed: 1, faults: [{ target: 'ghost', kind: 'crash' }] },
  ];

  it('runs each scenario and says whether it met its expectation, or why it cannot run', () => {
    expect(checkScenarios(doc, scenarios)).toEqual([
      { name: 'Happy', outcome: 'completed', pass: true, note: expect.stringContaining('every step succeeded once') },
      { name: 'Shipping fails', outcome: 'compensated', pass: false, note: expect.stringContaining('ShippingService failed on InitiateShipping') },
      { name: 'No expectation', outcome: 'completed', pass: undefined, note: expect.any(String) },
      { name: 'Broken', outcome: 'error', pass: false, note: "Broken, fault 1: the fault's target 'ghost' is not a node or connection of this design" },
    ]);
  });

  it('reports progress every so many scenarios and after the last, with the checks made since', () => {
    const reports: [number, string[]][] = [];
    checkScenarios(doc, [...scenarios, ...scenarios.slice(0, 3)], { every: 3, progress: (n, checks) => reports.push([n, checks.map((c) => c.name)]) });
    expect(reports).toEqual([
      [3, ['Happy', 'Shipping fails', 'No expectation']],
      [6, ['Broken', 'Happy', 'Shipping fails']],
      [7, ['No expectation']],
    ]);
  });

  it('a design that cannot be simulated fails every scenario with the reason', () => {
    const empty = { ...doc, nodes: [], edges: [] };
    expect(checkScenarios(empty, scenarios.slice(0, 1))).toEqual([{ name: 'Happy', outcome: 'error', pass: false, note: 'the design cannot be simulated' }]);
  });
});
