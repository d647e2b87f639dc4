import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, sameItems } from './buckets.ts';

describe('buckets', () => {
  it('puts an id always in the same bucket, and spreads many ids over all of them evenly enough', () => {
    expect(bucketOf('paymentService')).toBe(bucketOf('paymentService'));
    const counts = new Array<number>(BUCKETS).fill(0);
    for (let i = 0; i < 3_000; i++) counts[bucketOf(`e${i}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(3_000 / BUCKETS / 2);
    expect(Math.max(...counts)).toBeLessThan((3_000 / BUCKETS) * 2);
  });

  it('compares lists item by item, by identity', () => {
    const a = { id: 'a' };
    expect(sameItems([a, 1], [a, 1])).toBe(true);
    expect(sameItems([a], [{ id: 'a' }])).toBe(false);
    expect(sameItems([a], [a, a])).toBe(false);
  });
});
