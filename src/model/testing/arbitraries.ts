/**
 * fast-check arbitraries of valid Sagaboard designs (spec §1), for property tests. Every design
 * they make passes `parseDocument` as it is: ids unique across nodes, connections, notes and
 * groups, each node in one group at most, every value within the schema's limits (LIMITS), names
 * not blank. Connections join existing nodes but may join kinds the rules refuse (G002): the
 * schema accepts them, and so must every reader.
 */
import fc from 'fast-check';
import {
  CURRENT_VERSION,
  DECLARED_STYLES,
  FAULT_KINDS,
  LIMITS,
  OUTCOMES,
  SAGA_OUTCOMES,
  SCHEDULE_FAULTS,
  SCHEDULE_STEP_KINDS,
  STEP_TYPES,
  type Fault,
  type Position,
  type RetryPolicy,
  type SagaDocument,
  type SagaEdge,
  type SagaGroup,
  type SagaNode,
  type SagaNote,
  type Scenario,
} from '../schema.ts';

/** Text that breaks naive code: markup, quotes, prototype names, scripts, emoji, control and bidi characters. */
export const TRICKY_TEXT = [
  '<script>alert(1)</script>',
  `"double" and 'single' quotes`,
  'a & b < c > d',
  ']]> --> %%{init: {}}%%',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'Zahlungsdienst Ü',
  '注文サービス',
  'طلب الدفع',
  '🚀 Ship it',
  '👩‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  'tab\there\nnew line',
  '\\back\\slash',
  '\u0000nul',
  '\ud800 lone surrogate \udfff',
  '  padded  ',
  'NaN',
  'null',
  '{}',
] as const;

/** Characters to fill text up to its limit: wide ones (a surrogate pair, a combining mark) included. */
const FILL = ['x', 'é', '<', '"', '🚀', 'e\u0301', ' '] as const;

/**
 * Any text up to `maxLength` UTF-16 units (the schema's measure), from every part of Unicode;
 * now and then exactly `maxLength` long (`boundaryWeight` in 100).
 */
export function text(maxLength: number, { minLength = 0, boundaryWeight = 10 } = {}): fc.Arbitrary<string> {
  const short = Math.min(maxLength, 24);
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  return fc
    .oneof(
      { weight: 36, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: short }) },
      { weight: 18, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: short }) },
      // Lone surrogates and control characters: valid strings that only some encoders get right.
      { weight: 9, arbitrary: fc.string({ unit: codeUnit, minLength, maxLength: short }) },
      { weight: 27, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
      // As long as allowed: the boundary.
      { weight: boundaryWeight, arbitrary: fc.tuple(fc.constantFrom(...FILL), fc.string({ maxLength: 8 })).map(([c, s]) => s + c.repeat(maxLength)) },
    )
    .map((s) => s.slice(0, maxLength))
    .filter((s) => s.length >= minLength);
}

/** A node, design or scenario name: any text with something printable or not, but not blank. */
export const nameArb: fc.Arbitrary<string> = text(LIMITS.maxNameLength, { minLength: 1 }).filter((s) => s.trim().length > 0);

/** An id: any non-empty text up to the limit, prototype names and markup included. */
export const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(999).map((n) => `n${n}`) },
  { weight: 4, arbitrary: text(LIMITS.maxIdLength, { minLength: 1 }) },
);

/** Descriptions reach their 20,000-character limit rarely: long text is slow to check and says little more. */
const descriptionArb = text(LIMITS.maxDescriptionLength, { boundaryWeight: 1 });

/** A number in [min, max]: whole or not, the bounds themselves, zero (of both signs where allowed). */
function numberIn(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
    fc.double({ min, max, noNaN: true }),
    fc.constantFrom(min, max, Math.max(min, 0), ...(min < 0 ? [-0] : [])),
  );
}

const coordinate = numberIn(-LIMITS.maxCoordinate, LIMITS.maxCoordinate);
export const positionArb: fc.Arbitrary<Position> = fc.record({ x: coordinate, y: coordinate });
const durationMs = numberIn(0, LIMITS.maxDurationMs);
const probability = numberIn(0, 1);

export const retryArb: fc.Arbitrary<RetryPolicy> = fc.record(
  {
    maxAttempts: fc.integer({ min: 0, max: LIMITS.maxAttempts }),
    initialIntervalMs: durationMs,
    backoffCoefficient: numberIn(1, 100),
    maxIntervalMs: durationMs,
  },
  { requiredKeys: ['maxAttempts'] },
);

type NodeBody = SagaNode extends infer N ? (N extends SagaNode ? Omit<N, 'id'> : never) : never;

const optionalBase = { position: positionArb, description: descriptionArb };
const BASE_KEYS = ['kind', 'name'] as const;

/** A node of each kind (spec §1.1) with any valid mix of its optional attributes; the id comes later. */
export const nodeBodyArb: fc.Arbitrary<NodeBody> = fc.oneof(
  fc.record({ kind: fc.constant('actor' as const), name: nameArb, ...optionalBase }, { requiredKeys: [...BASE_KEYS] }),
  fc.record(
    { kind: fc.constant('service' as const), name: nameArb, ...optionalBase, idempotent: fc.boolean(), latencyMs: durationMs, failureRate: probability },
    { requiredKeys: [...BASE_KEYS] },
  ),
  fc.record(
    { kind: fc.constant('orchestrator' as const), name: nameArb, ...optionalBase, durable: fc.boolean(), latencyMs: durationMs },
    { requiredKeys: [...BASE_KEYS] },
  ),
  fc.record(
    {
      kind: fc.constant('command' as const),
      name: nameArb,
      ...optionalBase,
      stepType: fc.constantFrom(...STEP_TYPES),
      timeoutMs: fc.oneof(fc.double({ min: Number.MIN_VALUE, max: LIMITS.maxDurationMs, noNaN: true }), fc.integer({ min: 1, max: LIMITS.maxDurationMs })),
      retry: retryArb,
    },
    { requiredKeys: [...BASE_KEYS] },
  ),
  fc.record(
    { kind: fc.constant('event' as const), name: nameArb, ...optionalBase, outcome: fc.constantFrom(...OUTCOMES), terminal: fc.boolean() },
    { requiredKeys: [...BASE_KEYS] },
  ),
);

/** A connection by node indexes (taken modulo the node count when the design is put together). */
const edgeShapeArb = fc.record(
  {
    source: fc.nat(),
    target: fc.nat(),
    on: fc.array(fc.nat(), { minLength: 0, maxLength: 3 }),
    compensates: fc.nat(),
    latencyMs: durationMs,
    failureRate: probability,
  },
  { requiredKeys: ['source', 'target'] },
);

const faultShapeArb = fc.record(
  {
    target: fc.nat(),
    kind: fc.constantFrom(...FAULT_KINDS),
    probability,
    times: fc.integer({ min: 0, max: 1_000_000 }),
    delayMs: durationMs,
  },
  { requiredKeys: ['target', 'kind'] },
);

/** A step of a forced schedule: its ids need not name anything (a step that matches nothing is skipped). */
const scheduleStepArb = fc.record(
  {
    step: fc.constantFrom(...SCHEDULE_STEP_KINDS),
    participant: idArb,
    message: idArb,
    instance: fc.integer({ min: 1, max: 1_000 }),
    attempt: fc.integer({ min: 1, max: 100 }),
    copy: fc.boolean(),
    fault: fc.constantFrom(...SCHEDULE_FAULTS),
  },
  { requiredKeys: ['step', 'participant'] },
);

/** A scenario whose fault targets are indexes, to be resolved against the ids of a design's nodes and connections. */
export const scenarioShapeArb = fc.record(
  {
    name: nameArb,
    seed: fc.oneof(fc.nat(1000), fc.maxSafeNat(), fc.constant(Number.MAX_SAFE_INTEGER)),
    faults: fc.array(faultShapeArb, { maxLength: 4 }),
    schedule: fc.array(scheduleStepArb, { maxLength: 4 }),
    expect: fc.record({ outcome: fc.constantFrom(...SAGA_OUTCOMES) }),
  },
  { requiredKeys: ['name', 'seed', 'faults'] },
);

/** A note without its id: any text (empty included), anywhere, drawn at any allowed width or the default. */
const noteBodyArb = fc.record(
  {
    text: text(LIMITS.maxNoteLength, { boundaryWeight: 1 }),
    position: positionArb,
    width: numberIn(LIMITS.minNoteWidth, LIMITS.maxNoteWidth),
  },
  { requiredKeys: ['text', 'position'] },
);

/** A group's colour: the hex the app writes, or any short text another tool may have written. */
const colorArb = fc.oneof(
  fc.constantFrom('#2563eb', '#0d9488', '#FFF', '#7c3aed80'),
  text(LIMITS.maxColorLength),
);

/** A group without its id and nodes (given when the design is put together). */
const groupBodyArb = fc.record({ name: nameArb, color: colorArb }, { requiredKeys: ['name'] });

const headArb = fc.record(
  { name: nameArb, description: descriptionArb, declaredStyle: fc.constantFrom(...DECLARED_STYLES) },
  { requiredKeys: ['name'] },
);

export interface DesignOptions {
  /** At least this many nodes (default 1: an export needs something to show). */
  minNodes?: number;
  maxNodes?: number;
  maxEdges?: number;
  maxScenarios?: number;
  /** At most this many notes and groups each (default 3; 0 makes designs a version 1 file could hold). */
  maxNotes?: number;
  maxGroups?: number;
}

/** A valid design: nodes of every kind, connections between them, scenarios, optional fields present or not. */
export function designArb({ minNodes = 1, maxNodes = 10, maxEdges = 14, maxScenarios = 3, maxNotes = 3, maxGroups = 3 }: DesignOptions = {}): fc.Arbitrary<SagaDocument> {
  return fc
    .record({
      nodeCount: fc.integer({ min: minNodes, max: maxNodes }),
      edgeCount: fc.integer({ min: 0, max: maxEdges }),
      noteCount: fc.integer({ min: 0, max: maxNotes }),
      groupCount: fc.integer({ min: 0, max: maxGroups }),
    })
    .map(({ nodeCount, edgeCount, ...rest }) => ({ nodeCount, edgeCount: nodeCount === 0 ? 0 : edgeCount, ...rest }))
    .chain(({ nodeCount, edgeCount, noteCount, groupCount }) =>
      fc.record({
        ids: fc.uniqueArray(idArb, { minLength: nodeCount + edgeCount + noteCount + groupCount, maxLength: nodeCount + edgeCount + noteCount + groupCount }),
        nodes: fc.array(nodeBodyArb, { minLength: nodeCount, maxLength: nodeCount }),
        edges: fc.array(edgeShapeArb, { minLength: edgeCount, maxLength: edgeCount }),
        head: headArb,
        scenarios: fc.option(fc.array(scenarioShapeArb, { maxLength: maxScenarios }), { nil: undefined }),
        // Absent, or a list (maybe empty): both are valid version 2 designs.
        notes: fc.option(fc.array(noteBodyArb, { minLength: noteCount, maxLength: noteCount }), { nil: undefined }),
        groups: fc.option(fc.array(groupBodyArb, { minLength: groupCount, maxLength: groupCount }), { nil: undefined }),
        // For each node, the group it is in (an index beyond the groups: none); members in any order.
        membership: fc.array(fc.nat(groupCount * 2), { minLength: nodeCount, maxLength: nodeCount }),
        memberOrder: fc.boolean(),
      }),
    )
    .map(({ ids, nodes: bodies, edges: shapes, head, scenarios, notes: noteBodies, groups: groupBodies, membership, memberOrder }) => {
      const nodes = bodies.map((body, i) => ({ id: ids[i]!, ...body }) as SagaNode);
      const nodeId = (i: number) => nodes[i % nodes.length]!.id;
      const edges = shapes.map(({ source, target, on, compensates, ...rest }, i): SagaEdge => {
        const edge: SagaEdge = { id: ids[nodes.length + i]!, source: nodeId(source), target: nodeId(target), ...rest };
        if (on !== undefined) edge.on = on.map(nodeId);
        if (compensates !== undefined) edge.compensates = nodeId(compensates);
        return edge;
      });
      const targets = [...nodes.map((n) => n.id), ...edges.map((e) => e.id)];
      const doc: SagaDocument = { format: 'sagaboard', version: CURRENT_VERSION, ...head, nodes, edges };
      if (scenarios !== undefined) {
        doc.scenarios = scenarios.map(
          ({ faults, ...s }): Scenario => ({
            ...s,
            // A fault names a node or a connection; with no nodes there is nothing to break.
            faults: targets.length === 0 ? [] : faults.map((f): Fault => ({ ...f, target: targets[f.target % targets.length]! })),
          }),
        );
      }
      let next = nodes.length + edges.length;
      if (noteBodies !== undefined) doc.notes = noteBodies.map((body): SagaNote => ({ id: ids[next++]!, ...body }));
      if (groupBodies !== undefined) {
        doc.groups = groupBodies.map((body, g): SagaGroup => {
          const members = nodes.filter((_, i) => membership[i] === g).map((n) => n.id);
          return { id: ids[next++]!, ...body, nodes: memberOrder ? members : members.reverse() };
        });
      }
      return doc;
    });
}
