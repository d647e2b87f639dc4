/** Which of two compared designs is better on a row (spec §6.3): the same call for the CLI and the Compare view. */
import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { analyse } from './analyse.ts';
import { better, betterMeasure, betterOutcome, SHARE_DIRECTION } from './betterSide.ts';

describe('better', () => {
  it('marks the lower side where lower is better, the higher where higher is', () => {
    expect(better(3, 2, 'lower')).toBe('b');
    expect(better(2, 3, 'lower')).toBe('a');
    expect(better(0.9, 1, 'higher')).toBe('b');
    expect(better(1, 0.9, 'higher')).toBe('a');
  });

  it('calls a tie the same, and makes no call without both figures or without a better way', () => {
    expect(better(154, 154, 'lower')).toBe('same');
    expect(better(null, 2, 'lower')).toBeNull();
    expect(better(2, undefined, 'lower')).toBeNull();
    expect(better(0.1, 0.2, 'none')).toBeNull();
  });
});

describe('betterMeasure', () => {
  // given the two order processes
  const orchestrated = analyse(example('order-orchestrated')).measures;
  const choreographed = analyse(example('order-choreographed')).measures;

  it('prefers the lower figure on every measure', () => {
    expect(betterMeasure([orchestrated.coupling, choreographed.coupling])).toBe('b'); // 3 vs 2
    expect(betterMeasure([orchestrated.flowVisibility, choreographed.flowVisibility])).toBe('a'); // 1 vs 4
    expect(betterMeasure([orchestrated.blastRadius, choreographed.blastRadius])).toBe('same'); // 100% both
  });

  it('makes no call when one side could not be measured', () => {
    const missing = { value: null, message: 'Latency cannot be measured: …', nodes: [], reason: '…' };
    expect(betterMeasure([orchestrated.latency, missing])).toBeNull();
    expect(betterMeasure([missing, missing])).toBeNull();
  });
});

describe('betterOutcome', () => {
  it('prefers a handled failure (compensated, or completed after retries) to a stuck one, and stuck to inconsistent', () => {
    expect(betterOutcome('compensated', 'inconsistent')).toBe('a');
    expect(betterOutcome('stuck', 'compensated')).toBe('b');
    expect(betterOutcome('stuck', 'inconsistent')).toBe('a');
    expect(betterOutcome('completed', 'compensated')).toBe('same');
  });

  it('makes no call where a participant cannot fail (an orchestrator) or was not simulated', () => {
    expect(betterOutcome(null, 'compensated')).toBeNull();
  });
});

describe('SHARE_DIRECTION', () => {
  it('wants more completed sagas and fewer inconsistent or stuck; compensated alone says nothing', () => {
    expect(better(0.98, 0.95, SHARE_DIRECTION.completed)).toBe('a');
    expect(better(0.01, 0.03, SHARE_DIRECTION.inconsistent)).toBe('a');
    expect(better(0.02, 0.0, SHARE_DIRECTION.stuck)).toBe('b');
    expect(better(0.1, 0.2, SHARE_DIRECTION.compensated)).toBeNull();
  });
});
