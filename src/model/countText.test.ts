import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countText } from './countText.ts';

describe('countText', () => {
  it('groups thousands as toLocaleString("en-US") does', () => {
    expect([0, 7, 999, 1_000, 12_345, 1_000_000, -4_321].map(countText)).toEqual(['0', '7', '999', '1,000', '12,345', '1,000,000', '-4,321']);
  });

  it('writes any number exactly as toLocaleString("en-US")', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.double(), fc.constantFrom(-0, Infinity, -Infinity, NaN, 2 ** 60)), (n) => countText(n) === n.toLocaleString('en-US')));
  });
});
