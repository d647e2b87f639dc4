import { describe, expect, it } from 'vitest';
import { attemptsText, durationText, percentText, retryPolicyText as policyText, timesText } from './words.ts';

describe('words for numbers', () => {
  it('keeps a number and its unit on one line', () => {
    expect(durationText(100)).toBe('100\u00a0ms');
  });

  it.each([
    [0, '0 ms'],
    [40, '40 ms'],
    [2.5, '2.5 ms'],
    [999, '999 ms'],
    [1_000, '1 s'],
    [1_500, '1.5 s'],
    [5_000, '5 s'],
    [12_340, '12.3 s'],
    [90_000, '1.5 min'],
    [86_400_000, '24 h'],
  ])('%d ms is %s', (ms, text) => {
    expect(durationText(ms)).toBe(text.replace(' ', '\u00a0'));
  });

  it('counts and chances', () => {
    expect([1, 2, 3, 1_000].map(timesText)).toEqual(['once', 'twice', '3 times', '1,000 times']);
    expect([1, 0.3, 0.027, 0.00243, 0].map(percentText)).toEqual(['100%', '30%', '2.7%', '0.24%', '0%']);
    expect([0, 1, 3].map(attemptsText)).toEqual(['no limit', '1 attempt', '3 attempts']);
  });
});

describe('retryPolicyText', () => {
  const retryPolicyText = (p: Parameters<typeof policyText>[0]) => policyText(p).replaceAll('\u00a0', ' ');
  it('says how many attempts and how long it waits between them, with the defaults filled in', () => {
    expect(retryPolicyText({ maxAttempts: 3 })).toBe('Retried, up to 3 attempts in all, waiting 100 ms before the second attempt, then twice as long each time (at most 10 s)');
    expect(retryPolicyText({ maxAttempts: 0, initialIntervalMs: 200, backoffCoefficient: 1.5, maxIntervalMs: 5_000 })).toBe(
      'Retried until it succeeds, waiting 200 ms before the second attempt, then 1.5 times as long each time (at most 5 s)',
    );
    expect(retryPolicyText({ maxAttempts: 5, backoffCoefficient: 1 })).toBe('Retried, up to 5 attempts in all, waiting 100 ms between attempts');
    expect(retryPolicyText({ maxAttempts: 1 })).toBe('Tried once, never retried');
  });
});
