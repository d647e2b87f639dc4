/** The count of errors and warnings on a node, coloured by the worst one and marked with its icon too (a crossed ring: errors; a triangle: warnings). */

/** `glyph`: with its icon (a badge only the face layer shows needs none: its count and words stay for the page's text). */
export function ProblemBadge({ errors, warnings, glyph = true }: { errors: number; warnings: number; glyph?: boolean }) {
  const total = errors + warnings;
  if (total === 0) return null;
  const label = [count(errors, 'error'), count(warnings, 'warning')].filter(Boolean).join(', ');
  const worst = errors > 0 ? 'error' : 'warning';
  return (
    <span className={`sb-badge sb-badge--${worst}`} title={label} aria-label={label} role="img" data-testid="problem-badge">
      {/* An icon, not a letter: a ring with a cross (error), a triangle with a bang (warning). */}
      {glyph && (
        <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          {worst === 'error' ? (
            <>
              <circle cx="6" cy="6" r="5.5" fill="currentColor" />
              <path d="m4 4 4 4M8 4 4 8" stroke="#d92d20" strokeWidth="1.6" strokeLinecap="round" />
            </>
          ) : (
            <>
              <path d="M6 .9 11.4 10.6H.6z" fill="currentColor" strokeLinejoin="round" />
              <path d="M6 4.4v3" stroke="#fdb022" strokeWidth="1.5" strokeLinecap="round" />
              <circle cx="6" cy="9.1" r=".8" fill="#fdb022" />
            </>
          )}
        </svg>
      )}
      {total}
    </span>
  );
}

const count = (n: number, word: string) => (n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`);
