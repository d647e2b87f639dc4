/**
 * Properties of the explorer on random small designs (spec §7): every end state it reports as
 * reachable is reached by the simulator replaying its schedule — same outcome, same reason —
 * and partial-order reduction reaches the same end states as the search of every order.
 * The designs are well-formed sagas, then roughened: consumers made non-idempotent, events
 * heard by more participants (sometimes compensating), orchestrators made not durable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../../model/index.ts';
import { choreographyShapeArb, drawChoreography, drawOrchestration, orchestrationShapeArb } from '../../model/testing/sagas.ts';
import { compilePlan, simulate } from '../index.ts';
import { explore, type ExploredEnd } from './explore.ts';
import type { Budgets } from './transitions.ts';

interface Roughening {
  notIdempotent: number[];
  /** Extra subscriptions: an event (by index), a participant (by index), and whether it compensates. */
  extra: [number, number, boolean][];
  notDurable: boolean;
}

const rougheningArb: fc.Arbitrary<Roughening> = fc.record({
  notIdempotent: fc.array(fc.nat(7), { maxLength: 2 }),
  extra: fc.array(fc.tuple(fc.nat(30), fc.nat(7), fc.boolean()), { maxLength: 2 }),
  notDurable: fc.boolean(),
});

/** The design with its roughening: still simulable, no longer necessarily correct. */
function roughen(doc: SagaDocument, r: Roughening): SagaDocument {
  const services = doc.nodes.filter((n) => n.kind === 'service');
  const events = doc.nodes.filter((n) => n.kind === 'event');
  for (const i of r.notIdempotent) {
    const s = services[i % services.length];
    if (s?.kind === 'service') s.idempotent = false;
  }
  for (const [e, p, compensates] of r.extra) {
    const event = events[e % events.length];
    const service = services[p % services.length];
    if (!event || !service || doc.edges.some((x) => x.source === event.id && x.target === service.id)) continue;
    const consumed = doc.edges.filter((x) => x.target === service.id).map((x) => x.source);
    doc.edges.push({ id: `extra-${doc.edges.length}`, source: event.id, target: service.id, ...(compensates && consumed[0] ? { compensates: consumed[0] } : {}) });
  }
  for (const n of doc.nodes) if (n.kind === 'orchestrator' && r.notDurable) n.durable = false;
  return doc;
}

const designArb: fc.Arbitrary<SagaDocument> = fc.oneof(
  fc.tuple(choreographyShapeArb, rougheningArb).map(([shape, r]) => roughen(drawChoreography(shape), r)),
  fc.tuple(orchestrationShapeArb, rougheningArb).map(([shape, r]) => roughen(drawOrchestration(shape), r)),
);

const budgetsArb: fc.Arbitrary<Budgets> = fc.record({
  failures: fc.integer({ min: 0, max: 2 }),
  duplicates: fc.integer({ min: 0, max: 1 }),
  crashes: fc.integer({ min: 0, max: 1 }),
  timeouts: fc.integer({ min: 0, max: 1 }),
});

const MAX_STATES = 20_000;
/** End states replayed per design (the rest are still compared between the two searches). */
const REPLAYED = 25;

describe('the explorer on random small designs', () => {
  it('every end state it reports is reached by replaying its schedule in the simulator', () => {
    fc.assert(
      fc.property(designArb, budgetsArb, (doc, budgets) => {
        const plan = compilePlan(doc);
        const ends: ExploredEnd[] = [];
        explore(plan, { budgets, maxStates: MAX_STATES, onEnd: (e) => void (ends.length < REPLAYED && ends.push(e)) });
        for (const end of ends) {
          const replay = simulate(plan, { schedule: end.schedule(), trace: false });
          expect(replay.skippedSteps).toEqual([]);
          expect({ outcome: replay.outcome, reason: replay.reason }).toEqual({ outcome: end.verdict.outcome, reason: end.verdict.reason });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('partial-order reduction reaches the same end states as the search of every order', () => {
    fc.assert(
      fc.property(designArb, budgetsArb, (doc, budgets) => {
        const plan = compilePlan(doc);
        const search = (reduce: boolean) => {
          const ends = new Map<string, string>();
          // The outcome: a reason may list the same effects in another order, the order they were applied in.
          const result = explore(plan, { budgets, reduce, maxStates: MAX_STATES, onEnd: (e) => ends.set(e.fingerprint, e.verdict.outcome) });
          return { result, ends: new Map([...ends].sort()) };
        };
        const full = search(false);
        fc.pre(full.result.complete);
        const reduced = search(true);
        expect(reduced.result.complete).toBe(true);
        expect(reduced.ends).toEqual(full.ends);
        expect(reduced.result.states).toBeLessThanOrEqual(full.result.states);
      }),
      { numRuns: 150 },
    );
  });
});
