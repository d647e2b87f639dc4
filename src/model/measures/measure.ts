/**
 * The shape every trade-off measure shares (spec §6.1): a headline `value`, a sentence in the
 * architect's words naming the worst participant, and the nodes it points at; details follow.
 * A measure that cannot be computed on this design has `value: null`, says why in `message`
 * (and in `reason`), and points at nothing.
 */
import { listing } from '../analysis.ts';

export interface Measured {
  value: number;
  message: string;
  nodes: string[];
}

export interface Unmeasured {
  value: null;
  /** `<Measure> cannot be measured: <reason>` */
  message: string;
  nodes: string[];
  /** Why, in a sentence. */
  reason: string;
}

export type Measure<Details extends object = object> = (Measured & Details) | Unmeasured;

/** The measure named `title` cannot be computed, for `reason`. */
export function unmeasured(title: string, reason: string): Unmeasured {
  return { value: null, message: `${title} cannot be measured: ${reason}`, nodes: [], reason };
}

/** A figure in a sentence: at most two decimals. */
export const inWords = (x: number): string => String(Math.round(x * 100) / 100);

/** Shares and means are reported to three decimals. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : round3(values.reduce((s, v) => s + v, 0) / values.length));

/** `3 participants`, `1 participant` */
export const count = (n: number, word: string, plural = `${word}s`): string => `${n} ${n === 1 ? word : plural}`;

/** At most `max` names, then `and N more`. */
export function someNames(names: readonly string[], max = 4): string {
  if (names.length <= max) return listing(names);
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The first item with the greatest score (document order breaks ties). */
export function worstOf<T>(items: readonly T[], score: (t: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s > bestScore) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}
