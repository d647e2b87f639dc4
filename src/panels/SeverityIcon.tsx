/** Error, warning and info marks: shape and colour, so they read without colour too. */
import type { Severity } from '../model/index.ts';

export function SeverityIcon({ severity, size = 16 }: { severity: Severity; size?: number }) {
  const common = { width: size, height: size, viewBox: '0 0 20 20', 'aria-hidden': true, focusable: false } as const;
  switch (severity) {
    case 'error':
      return (
        <svg {...common} className="sb-severity-icon sb-severity-icon--error">
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path d="m7 7 6 6M13 7l-6 6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
    case 'warning':
      return (
        <svg {...common} className="sb-severity-icon sb-severity-icon--warning">
          <path d="M10 1.8 19 17.6H1z" fill="currentColor" strokeLinejoin="round" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10 7.2v4.6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
          <circle cx="10" cy="14.6" r="1.15" fill="#fff" />
        </svg>
      );
    case 'info':
      return (
        <svg {...common} className="sb-severity-icon sb-severity-icon--info">
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path d="M10 9v5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
          <circle cx="10" cy="6.1" r="1.15" fill="#fff" />
        </svg>
      );
  }
}

export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };
