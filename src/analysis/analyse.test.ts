/**
 * `analyse` on designs with errors (spec §6.1: measures that can be computed are, the others say
 * why not), its JSON shape, and properties over generated designs: it never throws, and the
 * failure runs of independent branches count the same messages as simulating the whole design.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designArb } from '../model/testing/arbitraries.ts';
import { design, example, EXAMPLE_IDS } from '../model/testing/builder.ts';
import { stepCanFail, stepsOnPath } from '../model/measures/index.ts';
import { compilePlan, simulate, simulationProblems } from '../simulation/index.ts';
import { analyse, MEASURE_KEYS } from './analyse.ts';
import { failureMessages, stepFailure } from './branches.ts';
import { happyRun } from './happyRun.ts';

const SIMULATED = ['blastRadius', 'addReaction', 'insertStep', 'messages', 'latency', 'testPaths'] as const;

describe('analyse', () => {
  it('returns the JSON of spec §6.1: style, every measure in order, advice', () => {
    const t = analyse(example('order-orchestrated'));
    expect(Object.keys(t)).toEqual(['style', 'measures', 'advice']);
    expect(Object.keys(t.measures)).toEqual([...MEASURE_KEYS]);
    for (const key of MEASURE_KEYS) {
      const m = t.measures[key];
      expect(typeof m.value, key).toBe('number');
      expect(m.message.length, key).toBeGreaterThan(0);
      expect(Array.isArray(m.nodes), key).toBe(true);
    }
    for (const a of t.advice) expect(Object.keys(a)).toEqual(['message', 'nodes']);
  });

  it('points only at nodes of the design', () => {
    for (const id of EXAMPLE_IDS) {
      const doc = example(id);
      const ids = new Set(doc.nodes.map((n) => n.id));
      const t = analyse(doc);
      for (const key of MEASURE_KEYS) for (const n of t.measures[key].nodes) expect(ids.has(n), `${id} ${key} ${n}`).toBe(true);
      for (const a of t.advice) for (const n of a.nodes) expect(ids.has(n), `${id} advice ${n}`).toBe(true);
    }
  });

  it('measures the structure of a design with no trigger, and says why the rest cannot be measured', () => {
    // A publishes Evt to B, but nothing starts A (G011).
    const doc = design().service('A').event('Evt').service('B').link('A', 'Evt', 'B').doc;
    const t = analyse(doc);
    expect(t.measures.coupling).toMatchObject({ value: 1, worst: 'B' });
    expect(t.measures.schemaChange).toMatchObject({ value: 2 });
    expect(t.measures.flowVisibility).toMatchObject({ value: 1 });
    expect(t.measures.failureHandling).toMatchObject({ value: 0 });
    const why = 'the design cannot be simulated: nothing starts the process: draw an actor sending a command, or a message that nobody produces.';
    expect(t.measures.blastRadius).toEqual({ value: null, message: `Blast radius cannot be measured: ${why}`, nodes: [], reason: why });
    for (const key of SIMULATED) expect(t.measures[key], key).toMatchObject({ value: null, nodes: [], reason: why });
    expect(t.advice).toEqual([{ message: `Advice needs the happy path, and ${why}`, nodes: [] }]);
  });

  it('names every reason a design cannot be simulated (a connection to nothing)', () => {
    const doc = design().actor('U').command('Go').service('A').link('U', 'Go', 'A').edge('A', 'ghost').doc;
    expect(analyse(doc).measures.latency.message).toBe(
      'Latency cannot be measured: the design cannot be simulated: a connection leads to a node that does not exist: messages would be lost on the way.',
    );
  });

  it('analyses an empty design', () => {
    const t = analyse(design().doc);
    expect(t.style).toBe('undetermined');
    expect(t.measures.coupling).toMatchObject({ value: 0, message: 'The design has no participants yet, so nothing is coupled.' });
    expect(t.measures.testPaths.value).toBeNull();
  });

  it('measures a happy path that does not complete, and says so', () => {
    // O commands S, but S never replies: with no failure the saga ends stuck.
    const doc = design().actor('U').command('Start').orchestrator('O').command('Cmd').service('S').link('U', 'Start', 'O', 'Cmd', 'S').doc;
    const t = analyse(doc);
    // Start 2 + O 5 + Cmd 2 + S 20 = 29, then nothing more happens.
    expect(t.measures.latency).toMatchObject({ value: 29, steps: 1 });
    expect(t.measures.latency.message).toMatch(/\(with no failure the saga ends stuck: O waits for a reply to Cmd from S that never comes\)\.$/);
  });

  it('never throws, and every measure is measured or says why not (generated designs)', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 12, maxEdges: 18, maxScenarios: 0 }), (doc) => {
        const t = analyse(doc);
        const simulated = simulationProblems(doc).length === 0;
        for (const key of MEASURE_KEYS) {
          const m = t.measures[key];
          if (m.value === null) expect(simulated || !['coupling', 'schemaChange', 'flowVisibility', 'failureHandling'].includes(key)).toBe(true);
          else expect(Number.isFinite(m.value)).toBe(true);
        }
        if (simulated) for (const key of SIMULATED) expect(t.measures[key].value).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});

describe('the happy path', () => {
  it('reads from the trace which handling emitted each message', () => {
    const happy = happyRun(compilePlan(example('order-orchestrated')));
    expect(happy.handlings.map((h) => [h.participant, h.message, h.cause, h.start, h.end, h.step])).toEqual([
      ['orderService', 'placeOrder', -1, 2, 7, false],
      ['paymentService', 'processPayment', 0, 9, 49, true],
      ['orderService', 'paymentProcessed', 1, 51, 56, false],
      ['inventoryService', 'deductInventory', 2, 58, 98, true],
      ['orderService', 'inventoryDeducted', 3, 100, 105, false],
      ['shippingService', 'initiateShipping', 4, 107, 147, true],
      ['orderService', 'shippingInitiated', 5, 149, 154, false],
    ]);
    expect(happy).toMatchObject({ outcome: 'completed', durationMs: 154, messages: 8 });
    expect(happy.sent).toHaveLength(8);
  });

  it('fans out: every subscriber’s handling is caused by the one publication', () => {
    const happy = happyRun(compilePlan(example('checkout-fanout')));
    expect(happy.handlings.map((h) => h.cause)).toEqual([-1, 0, 0, 0, 0]);
  });
});

describe('failure runs of independent branches', () => {
  /** A trigger event and `chains` chains of reactions off it, each able to fail and compensate. */
  const chains = (lengths: readonly number[]) => {
    const b = design('Chains').event('Started');
    lengths.forEach((length, c) => {
      let input = 'Started';
      const upstream: { service: string; input: string }[] = [];
      for (let i = 0; i < length; i++) {
        const service = `S${c}x${i}`;
        const done = `Done${c}x${i}`;
        b.service(service).event(done, { terminal: i === length - 1 }).link(input, service).edge(service, done, { on: [input] });
        const failed = `Failed${c}x${i}`;
        b.event(failed, { outcome: 'failure', terminal: true }).edge(service, failed, { on: [input] });
        for (const u of upstream) b.edge(failed, u.service, { compensates: u.input });
        upstream.push({ service, input });
        input = done;
      }
    });
    return b.doc;
  };

  const wholeDesign = (doc: ReturnType<typeof chains>) => {
    const plan = compilePlan(doc);
    const happy = happyRun(plan);
    const steps = stepsOnPath(happy).filter((s) => stepCanFail(plan.analysis, s));
    return { plan, happy, steps, whole: steps.map((s) => simulate(plan, { nominal: true, trace: false, faults: [stepFailure(s)] }).messages) };
  };

  it('count the same messages as simulating the whole design', () => {
    const { plan, happy, steps, whole } = wholeDesign(chains([1, 3, 2, 4]));
    expect(steps).toHaveLength(10);
    expect(failureMessages(plan, happy.messages, steps)).toEqual(whole);
  });

  it('count the same on generated designs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }), (lengths) => {
        const { plan, happy, steps, whole } = wholeDesign(chains(lengths));
        expect(failureMessages(plan, happy.messages, steps)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(designArb({ maxNodes: 14, maxEdges: 20, maxScenarios: 0 }), (doc) => {
        if (simulationProblems(doc).length > 0) return;
        const plan = compilePlan(doc);
        const happy = happyRun(plan);
        const steps = stepsOnPath(happy);
        const whole = steps.map((s) => simulate(plan, { nominal: true, trace: false, faults: [stepFailure(s)] }).messages);
        expect(failureMessages(plan, happy.messages, steps)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});
