/**
 * Durations, counts, chances and retry policies in the words an architect reads: `5 s` rather
 * than `5000`, `twice` rather than `times: 2`, `up to 3 attempts` rather than `maxAttempts: 3`.
 * Shared by the canvas (a command's retry and timeout badges) and the fault form's previews.
 */
import { DEFAULTS } from './attributes.ts';
import type { RetryPolicy } from './schema.ts';
import { countText } from './countText.ts';

/** A number with at most `digits` decimals and no trailing zeros: 1.5, 2, 0.25. */
function decimals(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** The space between a number and its unit: a line never breaks there (`100` at the end of a line, `ms` on the next). */
const UNIT_SPACE = '\u00a0';

/** A duration in simulated milliseconds: `500 ms`, `5 s`, `1.5 s`, `2 min`, `1 h` (with a no-break space). */
export function durationText(ms: number): string {
  if (ms < 1_000) return `${decimals(ms, 1)}${UNIT_SPACE}ms`;
  if (ms < 60_000) return `${decimals(ms / 1_000, ms < 10_000 ? 2 : 1)}${UNIT_SPACE}s`;
  if (ms < 3_600_000) return `${decimals(ms / 60_000, 1)}${UNIT_SPACE}min`;
  return `${decimals(ms / 3_600_000, 1)}${UNIT_SPACE}h`;
}

/** How many times: `once`, `twice`, `3 times`. */
export function timesText(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${countText(n)} times`;
}

/** A probability as a percentage: 0.3 -> `30%`, 0.027 -> `2.7%`, 0.00001 -> `0.001%`. */
export function percentText(p: number): string {
  const pct = p * 100;
  if (pct === 0 || pct >= 10) return `${decimals(pct, 1)}%`;
  // Two significant digits for small chances: 2.7%, 0.27%, 0.0027%.
  return `${Number(pct.toPrecision(2))}%`;
}

/** `3 attempts`, `1 attempt`, or `no limit` for `maxAttempts: 0`. */
export function attemptsText(maxAttempts: number): string {
  return maxAttempts === 0 ? 'no limit' : `${countText(maxAttempts)} attempt${maxAttempts === 1 ? '' : 's'}`;
}

/** How a factor reads: 2 -> `twice as long`, 1.5 -> `1.5 times as long`. */
function longerText(factor: number): string {
  return factor === 2 ? 'twice as long' : `${decimals(factor, 2)} times as long`;
}

/**
 * A retry policy in one sentence: `Retried up to 3 attempts, 100 ms before the second, then
 * twice as long each time (at most 10 s)`.
 */
export function retryPolicyText(policy: RetryPolicy): string {
  const first = policy.initialIntervalMs ?? DEFAULTS.retry.initialIntervalMs;
  const factor = policy.backoffCoefficient ?? DEFAULTS.retry.backoffCoefficient;
  const cap = policy.maxIntervalMs ?? DEFAULTS.retry.maxIntervalMs;
  const limit = policy.maxAttempts === 0 ? 'Retried until it succeeds' : policy.maxAttempts === 1 ? 'Tried once, never retried' : `Retried, up to ${attemptsText(policy.maxAttempts)} in all`;
  if (policy.maxAttempts === 1) return limit;
  const waits = factor === 1 || first >= cap ? `waiting ${durationText(Math.min(first, cap))} between attempts` : `waiting ${durationText(first)} before the second attempt, then ${longerText(factor)} each time (at most ${durationText(cap)})`;
  return `${limit}, ${waits}`;
}
