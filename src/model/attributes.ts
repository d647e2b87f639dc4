/** Node and edge attributes with the defaults of spec §1.1, resolved in one place. */
import type { Link } from './graph.ts';
import type { CommandNode, RetryPolicy, SagaNode, StepType } from './schema.ts';

export const DEFAULTS = {
  serviceLatencyMs: 20,
  orchestratorLatencyMs: 5,
  retry: { initialIntervalMs: 100, backoffCoefficient: 2, maxIntervalMs: 10_000 },
} as const;

export function isIdempotent(node: SagaNode): boolean {
  return node.kind === 'service' ? node.idempotent === true : node.kind === 'orchestrator';
}

/** Mean handling time of a participant for one input (the edge may override it). */
export function latencyOf(handler: SagaNode, via?: Link): number {
  if (via?.edge.latencyMs !== undefined) return via.edge.latencyMs;
  if (handler.kind === 'service') return handler.latencyMs ?? DEFAULTS.serviceLatencyMs;
  if (handler.kind === 'orchestrator') return handler.latencyMs ?? DEFAULTS.orchestratorLatencyMs;
  return 0;
}

/** Probability that one handling fails with a business failure (the edge may override it). */
export function failureRateOf(handler: SagaNode, via?: Link): number {
  if (via?.edge.failureRate !== undefined) return via.edge.failureRate;
  return handler.kind === 'service' ? (handler.failureRate ?? 0) : 0;
}

export function declaredStepType(command: CommandNode): StepType {
  return command.stepType ?? 'auto';
}

/** The retry policy with defaults filled in, or undefined when the command is not retried. */
export function retryPolicyOf(command: CommandNode): Required<RetryPolicy> | undefined {
  if (!command.retry) return undefined;
  const r = command.retry;
  return {
    maxAttempts: r.maxAttempts,
    initialIntervalMs: r.initialIntervalMs ?? DEFAULTS.retry.initialIntervalMs,
    backoffCoefficient: r.backoffCoefficient ?? DEFAULTS.retry.backoffCoefficient,
    maxIntervalMs: r.maxIntervalMs ?? DEFAULTS.retry.maxIntervalMs,
  };
}
