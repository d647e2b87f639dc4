/**
 * Browsers say which page opened a WebSocket or sent a request (`Origin`); only pages of this
 * server (the same host as the request names) or of the origins listed in SAGABOARD_ORIGINS may
 * talk to it. Other clients must say an allowed origin too.
 */
import type { IncomingMessage } from 'node:http';

export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
