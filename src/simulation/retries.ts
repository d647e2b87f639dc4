/** Retry policies as the simulator applies them (spec §4.3): attempts in all, and the wait between two. */
import { DEFAULTS } from '../model/index.ts';

/** Attempts of a retry policy with `maxAttempts: 0` (unlimited) before the run calls it stuck. */
export const UNLIMITED_ATTEMPTS = 100;

/** The policy of a compensation whose command has none: retried until it succeeds (within UNLIMITED_ATTEMPTS). */
export const DEFAULTS_RETRY = { maxAttempts: 0, ...DEFAULTS.retry };

/** How many attempts a policy allows in all; unlimited is capped so a run always ends. */
export const attemptsOf = (policy: { maxAttempts: number }): number => (policy.maxAttempts === 0 ? UNLIMITED_ATTEMPTS : policy.maxAttempts);

/**
 * The wait before the attempt after `attempt`: exponential backoff, capped at the policy's largest
 * interval: a growth that overflows to Infinity gives the cap, and a first interval of 0 stays 0
 * (never 0 × Infinity = NaN, e.g. after 155 attempts with a coefficient of 100).
 */
export function backoff(policy: { initialIntervalMs: number; backoffCoefficient: number; maxIntervalMs: number }, attempt: number): number {
  const { initialIntervalMs: first, backoffCoefficient: factor, maxIntervalMs: cap } = policy;
  if (first >= cap) return cap;
  if (first === 0) return 0;
  const wait = first * factor ** (attempt - 1);
  return wait < cap ? wait : cap;
}
