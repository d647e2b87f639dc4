import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeFact, looksLikeIntent, words } from './names.ts';

/** What `words` finds, as the regular expression that specifies it. */
const WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;
const byRegex = (name: string): string[] => (name.match(WORD) ?? []).map((w) => w.toLowerCase());

const IRREGULAR = ['sent', 'paid', 'run', 'set', 'undone', 'due', 'forgotten', 'withdrawn'];
const PAST = new Set(IRREGULAR.filter((w) => !['run', 'set'].includes(w)));

/** The naming heuristics, written over the words the regular expression finds. */
const factByRegex = (name: string) => byRegex(name).some((w) => (w.endsWith('ed') && !w.endsWith('eed')) || IRREGULAR.includes(w));
const onlyPast = (w: string) => (w.endsWith('ed') && !w.endsWith('eed')) || PAST.has(w);
const intentByRegex = (name: string) => {
  const w = byRegex(name);
  return w.length > 0 && !onlyPast(w[0]!) && !w[0]!.endsWith('ing') && !onlyPast(w[w.length - 1]!);
};

/** Names built from pieces that meet the corners of the expression: capitals before a word, acronyms, numbers, separators, -ed and -eed. */
const nameArb = fc
  .array(fc.constantFrom('A', 'B', 'E', 'D', 'a', 'e', 'd', 'ed', 'Ed', 'ED', 'eed', 'EEd', 'x', 'HTTP', 'Http', '7', '42', '_', ' ', '-', 'é', '🚀', 'ing', ...IRREGULAR), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('the words of a name', () => {
  it.each([
    ['ProcessPayment', ['process', 'payment']],
    ['process_payment', ['process', 'payment']],
    ['HTTPRequestSent', ['http', 'request', 'sent']],
    ['Step12Completed', ['step', '12', 'completed']],
    ['ABC', ['abc']],
    ['aB', ['a', 'b']],
    ['', []],
    ['  -_ ', []],
  ])('%j -> %j', (name, expected) => {
    expect(words(name)).toEqual(expected);
  });

  it('are what the regular expression finds, and the naming heuristics read them so, for 2,000 names', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        expect(words(name)).toEqual(byRegex(name));
        expect(looksLikeFact(name)).toBe(factByRegex(name));
        expect(looksLikeIntent(name)).toBe(intentByRegex(name));
      }),
      { numRuns: 2_000 },
    );
  });
});
