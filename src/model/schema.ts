/**
 * The Sagaboard document format (spec §1), as a zod schema. The TypeScript types of the
 * document are inferred from it, so the checks and the types can never disagree.
 */
import { z } from 'zod';

/** The newest document version this Sagaboard reads and writes. */
export const CURRENT_VERSION = 1;

/** Limits that keep hostile or accidental input from freezing the tool. */
export const LIMITS = {
  maxNodes: 50_000,
  maxEdges: 100_000,
  maxScenarios: 1_000,
  maxFaults: 1_000,
  maxIdLength: 200,
  maxNameLength: 300,
  maxDescriptionLength: 20_000,
  maxCoordinate: 10_000_000,
  /** One simulated day: more is never a realistic latency, timeout or delay. */
  maxDurationMs: 86_400_000,
  maxAttempts: 1_000,
} as const;

export const NODE_KINDS = ['actor', 'service', 'orchestrator', 'command', 'event'] as const;
export const STEP_TYPES = ['compensatable', 'pivot', 'retriable', 'query', 'auto'] as const;
export const OUTCOMES = ['success', 'failure'] as const;
export const DECLARED_STYLES = ['orchestration', 'choreography', 'auto'] as const;
export const FAULT_KINDS = ['businessFailure', 'transient', 'crash', 'duplicate', 'delay'] as const;
export const SAGA_OUTCOMES = ['completed', 'compensated', 'inconsistent', 'stuck'] as const;

const id = z.string().min(1, 'must not be empty').max(LIMITS.maxIdLength);
const name = z
  .string()
  .max(LIMITS.maxNameLength)
  .refine((s) => s.trim().length > 0, 'must not be empty');
const description = z.string().max(LIMITS.maxDescriptionLength);
const coordinate = z.number().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);
const durationMs = z.number().min(0).max(LIMITS.maxDurationMs);
const probability = z.number().min(0).max(1);

const position = z.object({ x: coordinate, y: coordinate });

const nodeBase = {
  id,
  name,
  position: position.optional(),
  description: description.optional(),
};

export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(0).max(LIMITS.maxAttempts),
  initialIntervalMs: durationMs.optional(),
  backoffCoefficient: z.number().min(1).max(100).optional(),
  maxIntervalMs: durationMs.optional(),
});

export const actorSchema = z.object({ ...nodeBase, kind: z.literal('actor') });
export const serviceSchema = z.object({
  ...nodeBase,
  kind: z.literal('service'),
  idempotent: z.boolean().optional(),
  latencyMs: durationMs.optional(),
  failureRate: probability.optional(),
});
export const orchestratorSchema = z.object({
  ...nodeBase,
  kind: z.literal('orchestrator'),
  durable: z.boolean().optional(),
  latencyMs: durationMs.optional(),
});
export const commandSchema = z.object({
  ...nodeBase,
  kind: z.literal('command'),
  stepType: z.enum(STEP_TYPES).optional(),
  timeoutMs: z.number().gt(0).max(LIMITS.maxDurationMs).optional(),
  retry: retryPolicySchema.optional(),
});
export const eventSchema = z.object({
  ...nodeBase,
  kind: z.literal('event'),
  outcome: z.enum(OUTCOMES).optional(),
  terminal: z.boolean().optional(),
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
  on: z.array(id).max(LIMITS.maxNodes).optional(),
  compensates: id.optional(),
  latencyMs: durationMs.optional(),
  failureRate: probability.optional(),
});

export const faultSchema = z.object({
  target: id,
  kind: z.enum(FAULT_KINDS),
  probability: probability.optional(),
  times: z.number().int().min(0).max(1_000_000).optional(),
  delayMs: durationMs.optional(),
});

export const scenarioSchema = z.object({
  name,
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  faults: z.array(faultSchema).max(LIMITS.maxFaults),
  expect: z.object({ outcome: z.enum(SAGA_OUTCOMES) }).optional(),
});

export const documentSchema = z.object({
  format: z.literal('sagaboard'),
  version: z.literal(CURRENT_VERSION),
  name,
  description: description.optional(),
  declaredStyle: z.enum(DECLARED_STYLES).optional(),
  nodes: z.array(nodeSchema).max(LIMITS.maxNodes),
  edges: z.array(edgeSchema).max(LIMITS.maxEdges),
  scenarios: z.array(scenarioSchema).max(LIMITS.maxScenarios).optional(),
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
export type SagaOutcome = (typeof SAGA_OUTCOMES)[number];
export type Position = z.infer<typeof position>;

/** A node that handles messages and emits others: a service or an orchestrator. */
export type ParticipantNode = ServiceNode | OrchestratorNode;
/** A node that travels between participants: a command or an event. */
export type MessageNode = CommandNode | EventNode;
