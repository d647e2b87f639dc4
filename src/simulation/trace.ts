/** The trace of a run (spec §4.7) and the outcome it ends with (§4.5). */
import type { SagaOutcome } from '../model/index.ts';

export const TRACE_TYPES = [
  'SAGA_STARTED',
  'MESSAGE_SENT',
  'MESSAGE_DELIVERED',
  'DUPLICATE_DELIVERED',
  'DUPLICATE_SUPPRESSED',
  'HANDLER_STARTED',
  'HANDLER_SUCCEEDED',
  'HANDLER_FAILED',
  'RETRY_SCHEDULED',
  'TIMEOUT_FIRED',
  'SERVICE_CRASHED',
  'SERVICE_RESTARTED',
  'COMPENSATION_STARTED',
  'COMPENSATION_COMPLETED',
  'SAGA_COMPLETED',
  'SAGA_COMPENSATED',
  'SAGA_INCONSISTENT',
  'SAGA_STUCK',
] as const;

export type TraceType = (typeof TRACE_TYPES)[number];

export interface TraceEntry {
  seq: number;
  /** Simulated milliseconds since the saga started. */
  t: number;
  type: TraceType;
  saga: string;
  /** The message instance (`m3`), or null for entries about a node or the saga. */
  message: string | null;
  /** The id of the message's command or event node (Sagaboard's addition: what the canvas animates). */
  messageNode: string | null;
  messageName: string | null;
  /** Where it happens: the sender of a sent message, the handler of a delivery, the crashed service. */
  node: string | null;
  nodeName: string | null;
  attempt: number;
  detail?: string;
}

export const OUTCOME_ENTRY: Record<SagaOutcome, TraceType> = {
  completed: 'SAGA_COMPLETED',
  compensated: 'SAGA_COMPENSATED',
  inconsistent: 'SAGA_INCONSISTENT',
  stuck: 'SAGA_STUCK',
};

/** One trace entry as a line of text, for the command line and logs. */
export function traceLine(e: TraceEntry): string {
  const time = `${e.t.toFixed(1).padStart(9)} ms`;
  const what = [e.messageName && `${e.messageName}${e.message ? ` (${e.message}` : ''}${e.attempt > 1 ? `, attempt ${e.attempt}` : ''}${e.message ? ')' : ''}`, e.nodeName && `@ ${e.nodeName}`]
    .filter(Boolean)
    .join(' ');
  const rest = [what, e.detail && `— ${e.detail}`].filter(Boolean).join(' ');
  return `${time}  ${e.type.padEnd(22)} ${rest}`.trimEnd();
}
