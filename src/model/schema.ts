/**
 * The Sagaboard document format (spec §1), as a zod schema (zod/mini: the same checks at a
 * fraction of the download). The TypeScript types of the
 * document are inferred from it, so the checks and the types can never disagree.
 */
import { z } from 'zod/mini';

/** The newest document version this Sagaboard reads and writes. */
export const CURRENT_VERSION = 2;

/** Limits that keep hostile or accidental input from freezing the tool. */
export const LIMITS = {
  maxNodes: 50_000,
  maxEdges: 100_000,
  maxScenarios: 1_000,
  maxFaults: 1_000,
  /** Steps of one scenario's forced schedule (spec §7): far more than any counterexample needs. */
  maxScheduleSteps: 10_000,
  maxIdLength: 200,
  maxNameLength: 300,
  maxDescriptionLength: 20_000,
  maxCoordinate: 10_000_000,
  /** One simulated day: more is never a realistic latency, timeout or delay. */
  maxDurationMs: 86_400_000,
  maxAttempts: 1_000,
  /**
   * Entries of one `on` list. `on` names messages the node consumes, each once; a longer list is
   * hostile (a few kilobytes of a repeated id would otherwise become a million entries).
   */
  maxOnEntries: 1_000,
  /** Entries of the lists inside connections and scenarios (`on`, `faults`), together. */
  maxListEntries: 200_000,
  /** Notes and groups (spec §1.2a): plenty for a whiteboard, few enough to draw. */
  maxNotes: 10_000,
  maxGroups: 10_000,
  maxNoteLength: 20_000,
  /** A note is drawn this wide at most (and at least NOTE_MIN_WIDTH). */
  maxNoteWidth: 2_000,
  minNoteWidth: 40,
  /** A group's colour: a CSS colour such as `#2563eb`, short. */
  maxColorLength: 40,
} as const;

export const NODE_KINDS = ['actor', 'service', 'orchestrator', 'command', 'event'] as const;
export const STEP_TYPES = ['compensatable', 'pivot', 'retriable', 'query', 'auto'] as const;
export const OUTCOMES = ['success', 'failure'] as const;
export const DECLARED_STYLES = ['orchestration', 'choreography', 'auto'] as const;
export const FAULT_KINDS = ['businessFailure', 'transient', 'crash', 'duplicate', 'delay'] as const;
export const SAGA_OUTCOMES = ['completed', 'compensated', 'inconsistent', 'stuck'] as const;
/** What one step of a forced schedule does (spec §7). */
export const SCHEDULE_STEP_KINDS = ['deliver', 'duplicate', 'timeout', 'resend', 'restart'] as const;
/** The faults a schedule's delivery may force. */
export const SCHEDULE_FAULTS = ['businessFailure', 'crash'] as const;

const id = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.maxIdLength));
const name = z.string().check(
  z.maxLength(LIMITS.maxNameLength),
  z.refine((s) => s.trim().length > 0, 'must not be empty'),
);
const description = z.string().check(z.maxLength(LIMITS.maxDescriptionLength));
const coordinate = z.number().check(z.gte(-LIMITS.maxCoordinate), z.lte(LIMITS.maxCoordinate));
const durationMs = z.number().check(z.gte(0), z.lte(LIMITS.maxDurationMs));
const probability = z.number().check(z.gte(0), z.lte(1));

const position = z.object({ x: coordinate, y: coordinate });

const nodeBase = {
  id,
  name,
  position: z.optional(position),
  description: z.optional(description),
};

export const retryPolicySchema = z.object({
  maxAttempts: z.int().check(z.gte(0), z.lte(LIMITS.maxAttempts)),
  initialIntervalMs: z.optional(durationMs),
  backoffCoefficient: z.optional(z.number().check(z.gte(1), z.lte(100))),
  maxIntervalMs: z.optional(durationMs),
});

export const actorSchema = z.object({ ...nodeBase, kind: z.literal('actor') });
export const serviceSchema = z.object({
  ...nodeBase,
  kind: z.literal('service'),
  idempotent: z.optional(z.boolean()),
  latencyMs: z.optional(durationMs),
  failureRate: z.optional(probability),
});
export const orchestratorSchema = z.object({
  ...nodeBase,
  kind: z.literal('orchestrator'),
  durable: z.optional(z.boolean()),
  latencyMs: z.optional(durationMs),
});
export const commandSchema = z.object({
  ...nodeBase,
  kind: z.literal('command'),
  stepType: z.optional(z.enum(STEP_TYPES)),
  timeoutMs: z.optional(z.number().check(z.gt(0), z.lte(LIMITS.maxDurationMs))),
  retry: z.optional(retryPolicySchema),
});
export const eventSchema = z.object({
  ...nodeBase,
  kind: z.literal('event'),
  outcome: z.optional(z.enum(OUTCOMES)),
  terminal: z.optional(z.boolean()),
});

export const nodeSchema = z.discriminatedUnion('kind', [
  actorSchema,
  serviceSchema,
  orchestratorSchema,
  commandSchema,
  eventSchema,
]);

export const edgeSchema = z.object({
  id,
  source: id,
  target: id,
  on: z.optional(z.array(id).check(z.maxLength(LIMITS.maxOnEntries))),
  compensates: z.optional(id),
  latencyMs: z.optional(durationMs),
  failureRate: z.optional(probability),
});

export const faultSchema = z.object({
  target: id,
  kind: z.enum(FAULT_KINDS),
  probability: z.optional(probability),
  times: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))),
  delayMs: z.optional(durationMs),
});

/**
 * One step of a forced schedule (spec §7): `deliver` a message in flight to `participant` (its
 * consumer), optionally forcing a business failure of the handling or a crash of the consumer as
 * it arrives; `duplicate` one (the broker delivers a copy, `copy` marks the copy's delivery);
 * `timeout`: the orchestrator `participant` stops waiting for its command `message`; `resend`: it
 * sends `message` again; `restart`: `participant` comes back up. `instance` (the trace's `m7`)
 * and `attempt` pick one message among several of the same kind in flight; without them, the
 * earliest sent.
 */
export const scheduleStepSchema = z.object({
  step: z.enum(SCHEDULE_STEP_KINDS),
  participant: id,
  message: z.optional(id),
  instance: z.optional(z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))),
  attempt: z.optional(z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))),
  copy: z.optional(z.boolean()),
  fault: z.optional(z.enum(SCHEDULE_FAULTS)),
});

export const scenarioSchema = z.object({
  name,
  seed: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
  faults: z.array(faultSchema).check(z.maxLength(LIMITS.maxFaults)),
  /** A forced order of deliveries and faults, replayed before the run goes on in time (spec §7). */
  schedule: z.optional(z.array(scheduleStepSchema).check(z.maxLength(LIMITS.maxScheduleSteps))),
  expect: z.optional(z.object({ outcome: z.enum(SAGA_OUTCOMES) })),
});

/** Free text on the canvas (spec §1.2a): where it sits and how wide it is drawn. */
export const noteSchema = z.object({
  id,
  text: z.string().check(z.maxLength(LIMITS.maxNoteLength)),
  position,
  width: z.optional(z.number().check(z.gte(LIMITS.minNoteWidth), z.lte(LIMITS.maxNoteWidth))),
});

/**
 * A named frame around some nodes (spec §1.2a). That its nodes exist, and that a node is in one
 * group at most, is checked by the loader (it needs the whole document).
 */
export const groupSchema = z.object({
  id,
  name,
  nodes: z.array(id).check(z.maxLength(LIMITS.maxNodes)),
  color: z.optional(z.string().check(z.maxLength(LIMITS.maxColorLength))),
});

export const documentSchema = z.object({
  format: z.literal('sagaboard'),
  version: z.literal(CURRENT_VERSION),
  name,
  description: z.optional(description),
  declaredStyle: z.optional(z.enum(DECLARED_STYLES)),
  nodes: z.array(nodeSchema).check(z.maxLength(LIMITS.maxNodes)),
  edges: z.array(edgeSchema).check(z.maxLength(LIMITS.maxEdges)),
  scenarios: z.optional(z.array(scenarioSchema).check(z.maxLength(LIMITS.maxScenarios))),
  notes: z.optional(z.array(noteSchema).check(z.maxLength(LIMITS.maxNotes))),
  groups: z.optional(z.array(groupSchema).check(z.maxLength(LIMITS.maxGroups))),
});

export type SagaDocument = z.infer<typeof documentSchema>;
export type SagaNode = z.infer<typeof nodeSchema>;
export type SagaEdge = z.infer<typeof edgeSchema>;
export type NodeKind = SagaNode['kind'];
export type ActorNode = z.infer<typeof actorSchema>;
export type ServiceNode = z.infer<typeof serviceSchema>;
export type OrchestratorNode = z.infer<typeof orchestratorSchema>;
export type CommandNode = z.infer<typeof commandSchema>;
export type EventNode = z.infer<typeof eventSchema>;
export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type StepType = (typeof STEP_TYPES)[number];
export type DeclaredStyle = (typeof DECLARED_STYLES)[number];
export type Scenario = z.infer<typeof scenarioSchema>;
export type Fault = z.infer<typeof faultSchema>;
export type ScheduleStep = z.infer<typeof scheduleStepSchema>;
export type SagaOutcome = (typeof SAGA_OUTCOMES)[number];
export type Position = z.infer<typeof position>;
export type SagaNote = z.infer<typeof noteSchema>;
export type SagaGroup = z.infer<typeof groupSchema>;

/** A node that handles messages and emits others: a service or an orchestrator. */
export type ParticipantNode = ServiceNode | OrchestratorNode;
/** A node that travels between participants: a command or an event. */
export type MessageNode = CommandNode | EventNode;
