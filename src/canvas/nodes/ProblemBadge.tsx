/** The count of errors and warnings on a node, coloured by the worst one. */

export function ProblemBadge({ errors, warnings }: { errors: number; warnings: number }) {
  const total = errors + warnings;
  if (total === 0) return null;
  const label = [count(errors, 'error'), count(warnings, 'warning')].filter(Boolean).join(', ');
  return (
    <span
      className={`sb-badge sb-badge--${errors > 0 ? 'error' : 'warning'}`}
      title={label}
      aria-label={label}
      data-testid="problem-badge"
    >
      {total}
    </span>
  );
}

const count = (n: number, word: string) => (n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`);
