import { describe, expect, it } from 'vitest';
import { retryPolicySchema } from '../../model/index.ts';
import { FIRST_RETRY, withRetryValue } from './retryPolicy.ts';

describe('retry policy edits', () => {
  const policy = { maxAttempts: 0, initialIntervalMs: 200, backoffCoefficient: 2, maxIntervalMs: 10_000 };

  it('changes one attribute and keeps the others', () => {
    expect(withRetryValue(policy, 'maxAttempts', 5)).toEqual({ ...policy, maxAttempts: 5 });
  });

  it('removes an attribute that is cleared, so its default applies', () => {
    expect(withRetryValue(policy, 'initialIntervalMs', undefined)).toEqual({ maxAttempts: 0, backoffCoefficient: 2, maxIntervalMs: 10_000 });
    expect(policy.initialIntervalMs).toBe(200);
  });

  it('starts a new policy that the schema accepts', () => {
    expect(retryPolicySchema.safeParse(FIRST_RETRY).success).toBe(true);
  });
});
