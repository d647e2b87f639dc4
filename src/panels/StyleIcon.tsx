/** A picture of each style: a hub for orchestration, a ring of peers for choreography. */
import type { Style } from '../model/index.ts';

export function StyleIcon({ style }: { style: Style }) {
  const common = { width: 30, height: 30, viewBox: '0 0 32 32', 'aria-hidden': true, focusable: false, className: 'sb-style-icon' } as const;
  switch (style) {
    case 'orchestration':
      return (
        <svg {...common}>
          <path d="M16 16 6 7M16 16l10-9M16 16 6 25M16 16l10 9" stroke="currentColor" strokeWidth="2" />
          <circle cx="16" cy="16" r="5.5" fill="currentColor" />
          {[
            [6, 7],
            [26, 7],
            [6, 25],
            [26, 25],
          ].map(([x, y]) => (
            <circle key={`${x}-${y}`} cx={x} cy={y} r="3.2" fill="#fff" stroke="currentColor" strokeWidth="2" />
          ))}
        </svg>
      );
    case 'choreography':
      return (
        <svg {...common}>
          <path d="M9 7.5h14M25 10l-2.5 13M20 25.5H8.5M6.5 23 8 10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          {[
            [7, 8],
            [25, 8],
            [22, 25],
            [7, 24],
          ].map(([x, y]) => (
            <circle key={`${x}-${y}`} cx={x} cy={y} r="3.6" fill="currentColor" />
          ))}
        </svg>
      );
    case 'hybrid':
      return (
        <svg {...common}>
          <path d="M12 16 5 8M12 16l-7 8M12 16h8M20 16l7-8M20 16l7 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          <circle cx="12" cy="16" r="4.5" fill="currentColor" />
          <circle cx="22" cy="16" r="3.4" fill="#fff" stroke="currentColor" strokeWidth="2" />
        </svg>
      );
    case 'undetermined':
      return (
        <svg {...common}>
          <circle cx="16" cy="16" r="12" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="4 3.5" />
          <path d="M12.5 12.5a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          <circle cx="16" cy="22" r="1.3" fill="currentColor" />
        </svg>
      );
  }
}
