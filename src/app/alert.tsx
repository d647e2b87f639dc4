/** What the app's alert banners share: the icon, and messages written as sentences. */

/** A message from the model ("the file is empty; …") as a sentence: capital first, full stop last. */
export function sentence(s: string): string {
  const text = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

export function AlertIcon() {
  return (
    <svg className="sb-alert__icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8.5" fill="currentColor" />
      <path d="M10 5.6v5.2" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <circle cx="10" cy="14" r="1.2" fill="#fff" />
    </svg>
  );
}
