/** The mark on a compared cell: a check on the better design's, “same” on both when even — never colour alone. */
import type { Better } from '../analysis/betterSide.ts';

/** The two sides in order: `a` of the comparison is the left design, `b` the right. */
export const SIDES = [
  { name: 'left', letter: 'a', label: 'Left' },
  { name: 'right', letter: 'b', label: 'Right' },
] as const;

export type Side = (typeof SIDES)[number];

/** How a cell of `side` stands on a row: better, worse, even, or no call. */
export function standing(better: Better, side: Side): 'better' | 'worse' | 'same' | 'none' {
  if (better === null) return 'none';
  if (better === 'same') return 'same';
  return better === side.letter ? 'better' : 'worse';
}

/** The side a row favours, for tests and styles: `left`, `right`, `same` or `none`. */
export function favoured(better: Better): string {
  return better === null ? 'none' : better === 'same' ? 'same' : better === 'a' ? 'left' : 'right';
}

export function BetterMark({ better, side, word = 'Better' }: { better: Better; side: Side; word?: string }) {
  const s = standing(better, side);
  if (s === 'better')
    return (
      <span className="sb-compare-mark sb-compare-mark--better">
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M2.5 6.3 5 8.7 9.6 3.5" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {word}
      </span>
    );
  if (s === 'same')
    return (
      <span className="sb-compare-mark sb-compare-mark--same">
        <span aria-hidden="true">=</span> Same
      </span>
    );
  return null;
}
