import { beforeEach, describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { saveScenario, updateNode } from '../model/operations.ts';
import { undo, useDesignStore } from './designStore.ts';
import { faultLabel, useSimulationStore } from './simulationStore.ts';

const sim = () => useSimulationStore.getState();

describe('simulation mode', () => {
  beforeEach(async () => {
    useDesignStore.getState().showDesign(example('order-orchestrated'), { kind: 'example', id: 'order-orchestrated' });
    await sim().start(useDesignStore.getState().doc!);
  });

  it('runs the design when it starts, cursor at the beginning', () => {
    expect(sim().active).toBe(true);
    expect(sim().run?.result.outcome).toBe('completed');
    expect(sim().cursor).toBe(0);
  });

  it('re-runs when a fault is injected or removed, and when the seed changes', () => {
    sim().addFault({ target: 'initiateShipping', kind: 'businessFailure' });
    expect(sim().run?.result.outcome).toBe('compensated');
    const compensatedTrace = sim().run!.result.trace;
    sim().setSeed(2);
    expect(sim().run!.result.trace).not.toEqual(compensatedTrace);
    sim().removeFault(0);
    expect(sim().run?.result.outcome).toBe('completed');
  });

  it('steps forward and back to exactly the same states', () => {
    sim().addFault({ target: 'initiateShipping', kind: 'businessFailure' });
    sim().seek(Number.MAX_SAFE_INTEGER);
    const end = sim().cursor;
    const states = sim().nodeStates;
    for (let i = 0; i < 3; i++) sim().step(-1);
    expect(sim().cursor).toBe(end - 3);
    for (let i = 0; i < 3; i++) sim().step(1);
    expect(sim().nodeStates).toEqual(states);
  });

  it('loads a scenario: its faults and seed', () => {
    sim().loadScenario({ name: 'Payment crashes', seed: 9, faults: [{ target: 'paymentService', kind: 'crash' }] });
    expect(sim()).toMatchObject({ seed: 9, scenario: 'Payment crashes' });
    expect(sim().run?.result.outcome).toBe('stuck');
  });

  it('revises the design from simulation mode: one undo step, and the run starts again with the same faults and seed', () => {
    sim().addFault({ target: 'processPayment', kind: 'transient', times: 2 });
    sim().setSeed(7);
    expect(sim().run?.result.outcome).toBe('compensated');
    const before = useDesignStore.getState().doc!;
    expect(sim().revise((d) => updateNode(d, 'processPayment', { retry: { maxAttempts: 3 } }), 'ProcessPayment now has a retry policy.')).toBe(true);
    const after = useDesignStore.getState().doc!;
    expect(after.nodes.find((n) => n.id === 'processPayment')).toMatchObject({ retry: { maxAttempts: 3 } });
    expect(sim()).toMatchObject({ doc: after, seed: 7, faults: [{ target: 'processPayment', kind: 'transient', times: 2 }], revision: { note: 'ProcessPayment now has a retry policy.', before, after } });
    expect(sim().run?.result.outcome).toBe('completed');
    // Undone here: the design and the run as they were.
    sim().undoRevision();
    expect(useDesignStore.getState().doc).toBe(before);
    expect(sim()).toMatchObject({ doc: before, revision: null });
    expect(sim().run?.result.outcome).toBe('compensated');
  });

  it('revises the design with the scenarios saved while simulating', () => {
    const scenario = { name: 'Payment glitch', seed: 7, faults: [{ target: 'processPayment', kind: 'transient' as const, times: 2 }] };
    useDesignStore.getState().apply((d) => saveScenario(d, scenario));
    expect(sim().revise((d) => updateNode(d, 'processPayment', { retry: { maxAttempts: 3 } }), 'x')).toBe(true);
    expect(sim().doc?.scenarios).toEqual([scenario]);
    expect(sim().doc?.nodes.find((n) => n.id === 'processPayment')).toMatchObject({ retry: { maxAttempts: 3 } });
  });

  it('a revision stays in the editor’s history after the mode ends', () => {
    const before = useDesignStore.getState().doc!;
    sim().revise((d) => updateNode(d, 'processPayment', { retry: { maxAttempts: 3 } }), 'ProcessPayment now has a retry policy.');
    sim().stop();
    undo();
    expect(useDesignStore.getState().doc).toBe(before);
  });

  it('refuses a revision of a shared design, which is a read-only preview', async () => {
    useDesignStore.getState().showDesign(example('order-orchestrated'), { kind: 'shared', fragment: '' });
    await sim().start(useDesignStore.getState().doc!);
    const before = sim().doc;
    expect(sim().revise((d) => updateNode(d, 'processPayment', { retry: { maxAttempts: 3 } }), 'x')).toBe(false);
    expect(sim()).toMatchObject({ doc: before, revision: null });
  });

  it('says why a design cannot be simulated', async () => {
    await sim().start({ ...example('order-orchestrated'), edges: [] });
    expect(sim().run).toBeNull();
    expect(sim().problems.map((p) => p.rule)).toContain('G011');
  });

  it('ends when another design opens, and leaves the editor as it was', () => {
    const before = useDesignStore.getState().doc;
    useDesignStore.getState().showDesign(example('checkout-fanout'), { kind: 'example', id: 'checkout-fanout' });
    expect(sim().active).toBe(false);
    expect(before).toEqual(example('order-orchestrated'));
  });
});

describe('fault labels', () => {
  it('say what is injected in a few words', () => {
    expect(faultLabel({ target: 'x', kind: 'businessFailure' })).toBe('fails always');
    expect(faultLabel({ target: 'x', kind: 'businessFailure', probability: 0.3 })).toBe('fails 30%');
    expect(faultLabel({ target: 'x', kind: 'transient', times: 2 })).toBe('transient ×2');
    expect(faultLabel({ target: 'x', kind: 'crash', delayMs: 500 })).toBe('crash, restart 500 ms');
    expect(faultLabel({ target: 'x', kind: 'duplicate' })).toBe('delivered twice');
    expect(faultLabel({ target: 'x', kind: 'delay', delayMs: 80 })).toBe('+80 ms');
  });
});
