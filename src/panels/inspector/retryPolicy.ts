/** Editing a command's retry policy one attribute at a time. */
import type { RetryPolicy } from '../../model/index.ts';

/** The policy used when retries are switched on for the first time. */
export const FIRST_RETRY: RetryPolicy = { maxAttempts: 3 };

export type OptionalRetryField = Exclude<keyof RetryPolicy, 'maxAttempts'>;

/** The retry policy with one attribute changed; `undefined` removes it (back to its default). */
export function withRetryValue(policy: RetryPolicy, key: keyof RetryPolicy, value: number | undefined): RetryPolicy {
  const next: Record<string, number> = { ...policy };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as RetryPolicy;
}
