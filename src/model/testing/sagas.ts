/**
 * fast-check arbitraries of well-formed sagas, for properties of whole designs (conversion):
 * orchestrations that validate as orchestrations and choreographies that validate as
 * choreographies, with no errors. A shape (steps, their kinds, who handles them) is generated,
 * then drawn with the test builder; node ids are their names.
 */
import fc from 'fast-check';
import type { SagaDocument } from '../schema.ts';
import { validate } from '../validate.ts';
import { design } from './builder.ts';

const NOUNS = ['Payment', 'Inventory', 'Shipment', 'Ticket', 'Credit', 'Invoice', 'Booking', 'Parcel'];

/** Compensatable and query steps come before the pivot, retriable ones after it (spec §2.3). */
export interface OrchestrationShape {
  steps: { kind: 'compensatable' | 'query' | 'pivot' | 'retriable'; handler: number; canFail: boolean; latencyMs: number; undoReply: boolean; timeout: boolean }[];
  /** The orchestrator publishes an end event when the saga completes / after it compensated. */
  completedEvent: boolean;
  cancelledEvent: boolean;
}

const stepArb = (kind: OrchestrationShape['steps'][number]['kind']) =>
  fc.record({
    kind: fc.constant(kind),
    handler: fc.nat(7),
    canFail: kind === 'pivot' ? fc.constant(true) : kind === 'retriable' ? fc.constant(false) : fc.boolean(),
    latencyMs: fc.integer({ min: 5, max: 60 }),
    undoReply: fc.boolean(),
    timeout: fc.boolean(),
  });

export const orchestrationShapeArb: fc.Arbitrary<OrchestrationShape> = fc
  .record({
    before: fc.array(fc.oneof({ weight: 3, arbitrary: stepArb('compensatable') }, { weight: 1, arbitrary: stepArb('query') }), { minLength: 0, maxLength: 4 }),
    pivot: fc.option(stepArb('pivot'), { nil: undefined }),
    after: fc.array(stepArb('retriable'), { maxLength: 2 }),
    services: fc.integer({ min: 2, max: 8 }),
    completedEvent: fc.boolean(),
    cancelledEvent: fc.boolean(),
  })
  .map((s) => ({ ...s, all: [...s.before, ...(s.pivot ? [s.pivot] : []), ...(s.pivot ? s.after : [])] }))
  .filter((s) => s.all.length >= 2)
  .map((s) => ({
    steps: s.all.map((step) => ({ ...step, handler: step.handler % s.services })).map(apart),
    completedEvent: s.completedEvent,
    cancelledEvent: s.cancelledEvent,
  }));

/** Consecutive steps are handled by different participants (else the design shows no style once converted). */
function apart<T extends { handler: number }>(step: T, i: number, all: T[]): T {
  if (i > 0 && step.handler === all[i - 1]!.handler) step.handler = (step.handler + 1) % NOUNS.length;
  return step;
}

const RETRY = { maxAttempts: 0, initialIntervalMs: 200, backoffCoefficient: 2, maxIntervalMs: 10_000 };

/** Draws an orchestration: Customer -> StartSaga -> SagaOrchestrator, which commands each step in turn. */
export function drawOrchestration(shape: OrchestrationShape): SagaDocument {
  const b = design('Generated orchestration');
  b.actor('Customer').command('StartSaga').orchestrator('Saga').link('Customer', 'StartSaga', 'Saga');
  const services = new Set<number>();
  let previous = 'StartSaga';
  const failures: string[] = [];
  shape.steps.forEach((s, i) => {
    const noun = `${NOUNS[i % NOUNS.length]}${i}`;
    const service = `${NOUNS[s.handler]}Service`;
    if (!services.has(s.handler)) {
      services.add(s.handler);
      b.service(service, { latencyMs: s.latencyMs });
    }
    const command = `Process${noun}`;
    const done = `${noun}Processed`;
    b.command(command, {
      ...(s.kind === 'compensatable' ? {} : { stepType: s.kind }),
      ...(s.timeout ? { timeoutMs: 5_000 } : {}),
      ...(s.kind === 'retriable' ? { retry: RETRY } : {}),
    });
    b.event(done);
    b.edge('Saga', command, { on: [previous] }).edge(command, service).edge(service, done, { on: [command] }).edge(done, 'Saga');
    if (s.canFail) {
      const failed = `${noun}Failed`;
      b.event(failed, { outcome: 'failure' }).edge(service, failed, { on: [command] }).edge(failed, 'Saga');
      failures.push(failed);
    }
    if (s.kind === 'compensatable') {
      const undo = `Cancel${noun}`;
      b.command(undo, { retry: RETRY }).edge(command, undo).edge('Saga', undo).edge(undo, service);
      if (s.undoReply) b.event(`${noun}Cancelled`).edge(service, `${noun}Cancelled`, { on: [undo] }).edge(`${noun}Cancelled`, 'Saga');
    }
    previous = done;
  });
  if (shape.completedEvent) b.event('SagaCompleted', { terminal: true }).edge('Saga', 'SagaCompleted', { on: [previous] });
  if (shape.cancelledEvent && failures.length) b.event('SagaCancelled', { terminal: true }).edge('Saga', 'SagaCancelled', { on: failures });
  return b.doc;
}

/** Keeps the designs that read as `style` with no errors (a shape may, rarely, draw a hidden orchestrator). */
const wellFormed = (style: 'orchestration' | 'choreography') => (doc: SagaDocument) => {
  const v = validate(doc);
  return v.style === style && !v.diagnostics.some((d) => d.severity === 'error');
};

export const orchestrationArb: fc.Arbitrary<SagaDocument> = orchestrationShapeArb.map(drawOrchestration).filter(wellFormed('orchestration'));

/**
 * A chain of reactions: the trigger's handler, then steps that each react to the previous one's
 * success event. Steps before the pivot are undone when a later one fails (each failure event
 * reaches every earlier participant, one after the other or all at once); steps after the pivot
 * cannot fail; fire-and-forget subscribers may hang off the events after the pivot.
 */
export interface ChoreographyShape {
  steps: { handler: number; canFail: boolean; latencyMs: number }[];
  /** Index of the pivot (the last step that can fail and the first not undone), or the chain's length. */
  pivot: number;
  /** Each failure event reaches the earlier participants in a chain (true) or all at once. */
  chained: boolean;
  /** Fire-and-forget subscribers, by the index of the step whose event they hear (at or after the pivot). */
  leaves: number[];
}

export const choreographyShapeArb: fc.Arbitrary<ChoreographyShape> = fc
  .record({
    steps: fc.array(fc.record({ handler: fc.nat(7), canFail: fc.boolean(), latencyMs: fc.integer({ min: 5, max: 60 }) }), { minLength: 2, maxLength: 6 }),
    pivot: fc.nat(6),
    chained: fc.boolean(),
    leaves: fc.array(fc.nat(6), { maxLength: 2 }),
    services: fc.integer({ min: 3, max: 8 }),
  })
  .map((s) => {
    const pivot = Math.min(s.pivot, s.steps.length);
    // Participants before the pivot are distinct when they all hear a failure at once (one compensates per subscription).
    const steps = s.steps.map((step, i) => ({
      ...step,
      handler: !s.chained && i <= pivot ? i : step.handler % s.services,
      // The first step is the trigger's handler (nobody to undo before it); after the pivot nothing fails.
      canFail: i > 0 && i <= pivot && (step.canFail || i === pivot),
    }));
    steps.forEach(apart);
    return { steps, pivot, chained: s.chained, leaves: s.leaves.map((l) => Math.min(s.steps.length - 1, Math.max(pivot, l % s.steps.length))) };
  });

/** Draws a choreography: Customer -> PlaceOrder -> first participant, then events from one participant to the next. */
export function drawChoreography(shape: ChoreographyShape): SagaDocument {
  const b = design('Generated choreography');
  b.actor('Customer').command('PlaceOrder').link('Customer', 'PlaceOrder');
  const declared = new Set<string>();
  const service = (i: number) => {
    const name = `${NOUNS[shape.steps[i]!.handler]}Service`;
    if (!declared.has(name)) {
      declared.add(name);
      b.service(name, { latencyMs: shape.steps[i]!.latencyMs });
    }
    return name;
  };
  const inputs: string[] = [];
  const outputs = new Map<string, Map<string, string[]>>();
  const publish = (p: string, event: string, on: string) => {
    const of = outputs.get(p) ?? new Map<string, string[]>();
    of.set(event, [...(of.get(event) ?? []), on]);
    outputs.set(p, of);
  };
  let input = 'PlaceOrder';
  const events: string[] = [];
  shape.steps.forEach((s, i) => {
    const p = service(i);
    const done = `${NOUNS[i % NOUNS.length]}${i}Processed`;
    b.event(done);
    b.edge(input, p);
    publish(p, done, input);
    inputs.push(input);
    events.push(done);
    if (s.canFail) {
      const failed = `${NOUNS[i % NOUNS.length]}${i}Failed`;
      b.event(failed, { outcome: 'failure' });
      publish(p, failed, input);
      // Every earlier step is undone (none after the pivot can fail, so all earlier ones are undoable).
      let hear = failed;
      for (let j = i - 1; j >= 0; j--) {
        const q = service(j);
        const undone = `${NOUNS[j % NOUNS.length]}${j}Cancelled`;
        if (!b.doc.nodes.some((n) => n.id === undone)) b.event(undone);
        if (!b.doc.edges.some((e) => e.source === hear && e.target === q)) b.edge(hear, q, { compensates: inputs[j]! });
        publish(q, undone, hear);
        if (shape.chained) hear = undone;
      }
    }
    input = done;
  });
  shape.leaves.forEach((at, k) => {
    const leaf = `Audit${k}Service`;
    const logged = `Step${at}Audited${k}`;
    b.service(leaf).event(logged, { terminal: true }).edge(events[at]!, leaf);
    publish(leaf, logged, events[at]!);
  });
  for (const [p, of] of outputs) for (const [event, on] of of) b.edge(p, event, { on: [...new Set(on)] });
  // Events nobody consumes end the process.
  for (const n of b.doc.nodes) if (n.kind === 'event' && n.outcome !== 'failure' && !b.doc.edges.some((e) => e.source === n.id)) n.terminal = true;
  return b.doc;
}

export const choreographyArb: fc.Arbitrary<SagaDocument> = choreographyShapeArb.map(drawChoreography).filter(wellFormed('choreography'));
