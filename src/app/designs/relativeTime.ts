/** “just now”, “5 minutes ago”, “yesterday”, “3 days ago”, then the date: when a design was last changed. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(then: number, now: number, locale = 'en'): string {
  // A date beyond what a clock can say (a damaged record): nothing to show but that.
  if (Number.isNaN(new Date(then).getTime())) return 'at an unknown time';
  const ago = Math.max(0, now - then);
  if (ago < MINUTE) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < HOUR) return rtf.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return rtf.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return rtf.format(-Math.floor(ago / DAY), 'day');
  const date = new Date(then);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}
