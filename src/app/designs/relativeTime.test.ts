import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime.ts';

const now = new Date(2026, 4, 20, 12, 0, 0).getTime();
const minutes = (n: number) => now - n * 60_000;

describe('relativeTime', () => {
  it('says how long ago a design changed, in words', () => {
    expect(relativeTime(now - 5_000, now)).toBe('just now');
    expect(relativeTime(now + 5_000, now)).toBe('just now');
    expect(relativeTime(minutes(1), now)).toBe('1 minute ago');
    expect(relativeTime(minutes(59), now)).toBe('59 minutes ago');
    expect(relativeTime(minutes(60), now)).toBe('1 hour ago');
    expect(relativeTime(minutes(60 * 24), now)).toBe('yesterday');
    expect(relativeTime(minutes(60 * 24 * 3), now)).toBe('3 days ago');
  });

  it('gives the date for anything older than a week, with the year when it is not this one', () => {
    expect(relativeTime(new Date(2026, 0, 7).getTime(), now)).toBe('Jan 7');
    expect(relativeTime(new Date(2025, 11, 24).getTime(), now)).toBe('Dec 24, 2025');
  });

  it('says so for a date no clock can show (a damaged record), never “Invalid Date”', () => {
    expect(relativeTime(1e20, Date.UTC(2026, 0, 1))).toBe('at an unknown time');
    expect(relativeTime(Number.NaN, Date.UTC(2026, 0, 1))).toBe('at an unknown time');
  });
});
