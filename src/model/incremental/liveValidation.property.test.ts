/**
 * Incremental validation gives exactly what a full validation gives: after every edit of a random
 * sequence (the editor's operations, undo back to an earlier document, and a few edits the editor
 * never makes), the live result deep-equals `validate` of the same document: the same verdict, the
 * same diagnostics in the same order, the same count of the ones left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../schema.ts';
import { designArb } from '../testing/arbitraries.ts';
import { EXAMPLE_IDS, design, example } from '../testing/builder.ts';
import { connect, updateNode } from '../operations.ts';
import { editArb, ruleDesignArb } from '../testing/ruleDesigns.ts';
import { choreographyArb, orchestrationArb } from '../testing/sagas.ts';
import { validate, type ValidationResult } from '../validate.ts';
import { LiveValidation } from './liveValidation.ts';

/** One step of an editing session: an edit, or undo to a document `back` steps before. */
const stepArb = fc.oneof({ weight: 6, arbitrary: editArb.map((edit) => ({ edit })) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((back) => ({ back })) });

const startArb: fc.Arbitrary<SagaDocument> = fc.oneof(
  ruleDesignArb,
  orchestrationArb,
  { weight: 3, arbitrary: choreographyArb },
  designArb({ maxNodes: 8, maxEdges: 12 }),
  fc.constantFrom(...EXAMPLE_IDS).map(example),
);

function expectLiveAsFull(live: LiveValidation, doc: SagaDocument): void {
  expect(live.validate(doc)).toEqual(validate(doc));
}

/** Validates `start`, then `edited` from what `start` left (both as validate would); the result of `edited`. */
function liveAfter(start: SagaDocument, edited: SagaDocument): ValidationResult {
  const live = new LiveValidation();
  expectLiveAsFull(live, start);
  expectLiveAsFull(live, edited);
  return live.validate(edited);
}

/** Customer sends PlaceOrder to `service`: where the designs below start. */
const placing = (name: string, service: string) => design(name).actor('Customer').command('PlaceOrder').service(service).link('Customer', 'PlaceOrder', service);

function connected(doc: SagaDocument, source: string, target: string): SagaDocument {
  const made = connect(doc, source, target);
  if (!made.ok) throw new Error(made.reason);
  return made.doc;
}

describe('incremental validation', () => {
  it('equals validate after every edit of 1,000 random editing sessions', () => {
    fc.assert(
      fc.property(startArb, fc.array(stepArb, { minLength: 1, maxLength: 20 }), (start, steps) => {
        const live = new LiveValidation();
        const history = [start];
        expectLiveAsFull(live, start);
        for (const step of steps) {
          const doc = 'edit' in step ? step.edit(history[history.length - 1]!) : history[Math.max(0, history.length - 1 - step.back)]!;
          history.push(doc);
          expectLiveAsFull(live, doc);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('forgets what a trigger reached when a new connection makes it no trigger', () => {
    // given Customer -> PlaceOrder -> Orders, and OrderImported from outside (a trigger) -> Billing
    const start = placing('Two starts', 'Orders')
      .event('OrderImported')
      .service('Billing')
      .link('OrderImported', 'Billing')
      .service('Importer').doc;
    // when Importer, which nothing reaches, publishes OrderImported
    const result = liveAfter(start, connected(start, 'Importer', 'OrderImported'));
    // then OrderImported and Billing are no longer reached either
    expect(result.diagnostics.filter((d) => d.rule === 'G010').map((d) => d.nodes[0])).toEqual(['OrderImported', 'Billing', 'Importer']);
  });

  it('finds again what a failure reaches when a participant that hears it starts passing it on', () => {
    // given B's failure, heard by Relay only, and Relayed (which nobody publishes yet) heard by A, which must undo PlaceOrder
    const start = placing('Relay', 'A')
      .event('Done')
      .edge('A', 'Done', { on: ['PlaceOrder'] })
      .service('B')
      .link('Done', 'B')
      .event('Failed', { outcome: 'failure' })
      .edge('B', 'Failed', { on: ['Done'] })
      .service('Relay')
      .link('Failed', 'Relay')
      .event('Relayed')
      .edge('Relayed', 'A', { compensates: 'PlaceOrder' }).doc;
    expect(validate(start).diagnostics.some((d) => d.rule === 'C005')).toBe(true);
    // when Relay publishes Relayed on Failed
    const result = liveAfter(start, connected(start, 'Relay', 'Relayed'));
    // then the failure reaches A: no C005
    expect(result.diagnostics.some((d) => d.rule === 'C005')).toBe(false);
  });

  it('finds again who made the changes a failure must undo when a participant emits on a new input', () => {
    // given A publishing Done without "on" (it consumes only PlaceOrder), and B's failure heard by nobody that undoes
    const start = placing('Upstream', 'A')
      .event('Done')
      .link('A', 'Done', 'B')
      .service('B')
      .event('Failed', { outcome: 'failure' })
      .edge('B', 'Failed', { on: ['Done'] })
      .service('X')
      .link('Failed', 'X')
      .event('Imported').doc;
    // when A also consumes Imported (drawn in a file: the editor would have said which input Done answers)
    const result = liveAfter(start, { ...start, edges: [...start.edges, { id: 'imported', source: 'Imported', target: 'A' }] });
    // then Done is read as answering both inputs, and C005 names both changes of A
    expect(result.diagnostics.find((d) => d.rule === 'C005')?.message).toContain('PlaceOrder and Imported');
  });

  it('orders the steps again when a reply that led to a step becomes a failure', () => {
    // given Saga sends A and E on Start, B when A is done, D when E is done: steps A, E, B, D
    const b = design('Order').actor('Customer').command('Start').orchestrator('Saga').link('Customer', 'Start', 'Saga');
    const step = (command: string, on: string, attrs: { stepType: 'query' | 'compensatable' | 'retriable' }) =>
      b
        .command(command, { timeoutMs: 1000, ...attrs })
        .service(`${command}Service`)
        .edge('Saga', command, { on: [on] })
        .link(command, `${command}Service`)
        .event(`${command}Done`)
        .edge(`${command}Service`, `${command}Done`, { on: [command] })
        .link(`${command}Done`, 'Saga');
    step('A', 'Start', { stepType: 'query' });
    step('E', 'Start', { stepType: 'query' });
    step('B', 'ADone', { stepType: 'compensatable' });
    step('D', 'EDone', { stepType: 'retriable' });
    const start = b.doc;
    // when A's reply is marked a failure, B is reached only after the steps that follow successes: after D
    const result = liveAfter(start, updateNode(start, 'ADone', { outcome: 'failure' }));
    // then B, compensatable, comes after the retriable D
    expect(validate(start).diagnostics.some((d) => d.rule === 'O007')).toBe(false);
    expect(result.diagnostics.filter((d) => d.rule === 'O007').map((d) => d.message)).toEqual(['B is compensatable but comes after the retriable step D.']);
  });

  it('counts the subscriptions between participants again when a connection adds one', () => {
    // given A's Done heard by B, and C not yet connected
    const start = placing('Chain', 'A').event('Done').edge('A', 'Done', { on: ['PlaceOrder'] }).service('B').link('Done', 'B').service('C').doc;
    expect(validate(start).reasons[0]).toContain('(1 subscription)');
    // when C subscribes to Done too
    const result = liveAfter(start, connected(start, 'Done', 'C'));
    // then two participants hear A
    expect(result.reasons[0]).toContain('(2 subscriptions)');
  });

  it('finds again that a participant reacts to another directly when a connection makes it so', () => {
    // given Saga commanding Credit, then Shipping once Credit replied
    const start = design('Bypass')
      .actor('Customer')
      .command('Start')
      .orchestrator('Saga')
      .link('Customer', 'Start', 'Saga')
      .command('Reserve')
      .service('Credit')
      .edge('Saga', 'Reserve', { on: ['Start'] })
      .link('Reserve', 'Credit')
      .event('Reserved')
      .edge('Credit', 'Reserved', { on: ['Reserve'] })
      .link('Reserved', 'Saga')
      .command('Ship')
      .service('Shipping')
      .edge('Saga', 'Ship', { on: ['Reserved'] })
      .link('Ship', 'Shipping').doc;
    expect(validate(start).style).toBe('orchestration');
    // when Shipping also hears Credit's reply
    const result = liveAfter(start, connected(start, 'Reserved', 'Shipping'));
    // then the design is a hybrid: a participant reacts to another without the orchestrator
    expect(result.style).toBe('hybrid');
  });

  it('follows every reference example through a rename of each node, one at a time', () => {
    for (const id of EXAMPLE_IDS) {
      const live = new LiveValidation();
      let doc = example(id);
      expectLiveAsFull(live, doc);
      for (const n of example(id).nodes) {
        doc = { ...doc, nodes: doc.nodes.map((m) => (m.id === n.id ? { ...m, name: `${m.name}X` } : m)) };
        expectLiveAsFull(live, doc);
      }
    }
  });
});
