/**
 * Which of two compared designs (spec §6.3) is the better on a row: a measure, the outcome of a
 * participant's failure, a Monte Carlo figure. The command line's table and the app's Compare
 * view mark the same side.
 */
import type { SagaOutcome } from '../model/index.ts';
import type { MeasureKey, Measures } from './analyse.ts';

/** The first design (`a`), the second (`b`), neither (`same`), or no call (`null`: unmeasured, or no better way). */
export type Better = 'a' | 'b' | 'same' | null;

/** Which way a figure is better: lower, higher, or neither (a share of compensated sagas says nothing alone). */
export type Direction = 'lower' | 'higher' | 'none';

export function better(a: number | null | undefined, b: number | null | undefined, direction: Direction): Better {
  if (a === null || a === undefined || b === null || b === undefined || direction === 'none') return null;
  if (a === b) return 'same';
  return (direction === 'lower' ? a < b : a > b) ? 'a' : 'b';
}

/** Every measure of §6.1 is lower-is-better (docs/decisions.md): fewer dependencies, places, messages, milliseconds. */
export function betterMeasure<K extends MeasureKey>(pair: readonly [Measures[K], Measures[K]]): Better {
  return better(pair[0].value, pair[1].value, 'lower');
}

/** Outcomes of a failure, best first: a failure that is compensated (or retried to completion) is handled. */
export const OUTCOME_RANK: Readonly<Record<SagaOutcome, number>> = { completed: 3, compensated: 3, stuck: 1, inconsistent: 0 };

/** The better outcome of the same participant's failure in each design; null where one cannot fail or was not simulated. */
export function betterOutcome(a: SagaOutcome | null, b: SagaOutcome | null): Better {
  return a === null || b === null ? null : better(OUTCOME_RANK[a], OUTCOME_RANK[b], 'higher');
}

/** In a Monte Carlo, more sagas completed is better, fewer left inconsistent or stuck; compensated is neither. */
export const SHARE_DIRECTION: Readonly<Record<SagaOutcome, Direction>> = { completed: 'higher', compensated: 'none', inconsistent: 'lower', stuck: 'lower' };
