/** How trace entries read in the app: a short label and a tone per type. */
import type { SagaOutcome } from '../../model/index.ts';
import type { TraceType } from '../../simulation/index.ts';

export type Tone = 'neutral' | 'work' | 'ok' | 'fail' | 'retry' | 'comp' | 'crash';

export const TRACE_WORDS: Record<TraceType, { label: string; tone: Tone }> = {
  SAGA_STARTED: { label: 'Saga started', tone: 'neutral' },
  MESSAGE_SENT: { label: 'Sent', tone: 'neutral' },
  MESSAGE_DELIVERED: { label: 'Delivered', tone: 'neutral' },
  DUPLICATE_DELIVERED: { label: 'Delivered again', tone: 'retry' },
  DUPLICATE_SUPPRESSED: { label: 'Duplicate ignored', tone: 'ok' },
  HANDLER_STARTED: { label: 'Handling', tone: 'work' },
  HANDLER_SUCCEEDED: { label: 'Succeeded', tone: 'ok' },
  HANDLER_FAILED: { label: 'Failed', tone: 'fail' },
  RETRY_SCHEDULED: { label: 'Retry', tone: 'retry' },
  TIMEOUT_FIRED: { label: 'Timed out', tone: 'fail' },
  SERVICE_CRASHED: { label: 'Crashed', tone: 'crash' },
  SERVICE_RESTARTED: { label: 'Restarted', tone: 'ok' },
  COMPENSATION_STARTED: { label: 'Compensating', tone: 'comp' },
  COMPENSATION_COMPLETED: { label: 'Compensated', tone: 'comp' },
  SAGA_COMPLETED: { label: 'Saga completed', tone: 'ok' },
  SAGA_COMPENSATED: { label: 'Saga compensated', tone: 'comp' },
  SAGA_INCONSISTENT: { label: 'Saga inconsistent', tone: 'fail' },
  SAGA_STUCK: { label: 'Saga stuck', tone: 'crash' },
};

/** The outcome of a saga as the outcome card says it. */
export const OUTCOME_WORDS: Record<SagaOutcome, { label: string; tone: Tone }> = {
  completed: { label: 'Completed', tone: 'ok' },
  compensated: { label: 'Compensated', tone: 'comp' },
  inconsistent: { label: 'Inconsistent', tone: 'fail' },
  stuck: { label: 'Stuck', tone: 'crash' },
};
