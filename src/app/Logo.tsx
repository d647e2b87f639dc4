/** The Sagaboard mark (same drawing as the favicon). */
export function Logo() {
  return (
    <svg className="sb-logo" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1e293b" />
      <circle cx="9" cy="16" r="4" fill="#38bdf8" />
      <circle cx="23" cy="9" r="4" fill="#a78bfa" />
      <circle cx="23" cy="23" r="4" fill="#f59e0b" />
      <path d="M12.5 14.5 19.5 10.5M12.5 17.5 19.5 21.5" stroke="#e2e8f0" strokeWidth="2" />
    </svg>
  );
}
