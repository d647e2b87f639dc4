/**
 * Forced schedules (spec §7): which waiting work a scenario's step names, the step that names a
 * piece of work, and a step in words. The explorer writes schedules; the simulator replays them.
 */
import type { ScheduleStep } from '../model/index.ts';
import { workKind } from './engine.ts';
import type { Forcing, Work } from './work.ts';

/** Does this waiting work answer the step (its instance aside when the step names none)? */
function answers(w: Work, step: ScheduleStep): boolean {
  const kind = workKind(w);
  const msg = w.msg;
  if (step.instance !== undefined && msg?.id !== step.instance) return false;
  if (step.attempt !== undefined && msg?.attempt !== step.attempt) return false;
  switch (step.step) {
    case 'deliver':
    case 'duplicate':
      return (
        kind === 'deliver' &&
        w.reaction!.participant.id === step.participant &&
        msg!.message.id === step.message &&
        w.duplicate === (step.step === 'deliver' && step.copy === true)
      );
    case 'timeout':
    case 'resend':
      return kind === step.step && w.participant!.id === step.participant && msg!.message.id === step.message;
    case 'restart':
      return kind === 'restart' && w.participant!.id === step.participant;
  }
}

/** The waiting work a step names: the earliest scheduled that answers it, or undefined. */
export function matchStep(pending: readonly Work[], step: ScheduleStep): Work | undefined {
  return pending.find((w) => answers(w, step));
}

/**
 * The step that fires `work` with `forcing`, naming the instance (and then the attempt) only when
 * another work waiting before it would answer the step too.
 */
export function stepOf(work: Work, forcing: Forcing, pending: readonly Work[]): ScheduleStep {
  const kind = workKind(work);
  const step: ScheduleStep =
    kind === 'deliver'
      ? { step: forcing === 'duplicate' ? 'duplicate' : 'deliver', participant: work.reaction!.participant.id, message: work.msg!.message.id }
      : kind === 'restart'
        ? { step: 'restart', participant: work.participant!.id }
        : { step: kind, participant: work.participant!.id, message: work.msg!.message.id };
  if (kind === 'deliver' && work.duplicate) step.copy = true;
  if (forcing === 'businessFailure' || forcing === 'crash') step.fault = forcing;
  if (matchStep(pending, step) !== work) step.instance = work.msg!.id;
  if (matchStep(pending, step) !== work) step.attempt = work.msg!.attempt;
  return step;
}

/** What a step forces, as the simulator's `fire` takes it. */
export const forcingOf = (step: ScheduleStep): Forcing => step.fault ?? (step.step === 'duplicate' ? 'duplicate' : 'none');

/** A step in words, e.g. "InventoryFailed reaches PaymentService". `name` gives a node's name from its id. */
export function stepWords(step: ScheduleStep, name: (id: string) => string): string {
  const who = name(step.participant);
  const what = step.message === undefined ? '' : name(step.message);
  switch (step.step) {
    case 'deliver': {
      const arrives = `${what} reaches ${who}${step.copy ? ' again (the broker’s copy)' : ''}`;
      if (step.fault === 'businessFailure') return `${arrives}, which fails (a business failure)`;
      if (step.fault === 'crash') return `${arrives}, which crashes as it arrives`;
      return arrives;
    }
    case 'duplicate':
      return `the broker copies ${what} for ${who}: it will arrive twice`;
    case 'timeout':
      return `${who} stops waiting for the reply to ${what}: its timeout fires, the reply will be late`;
    case 'resend':
      return `${who} sends ${what} again`;
    case 'restart':
      return `${who} restarts`;
  }
}
