/**
 * The steps the explorer may take from a state (spec §7): deliver any message in flight, in any
 * order, or spend one unit of a fault budget on it — a business failure of its handling, a crash
 * of its consumer as it arrives, a copy by the broker — or let a timeout fire early (a late reply).
 * A timeout fires for free when nothing else can happen: the reply is not coming.
 * A fault is offered only where it can change how the saga ends (see transitionsOf).
 */
import { workKind, type Run } from '../engine.ts';
import type { Forcing, Work } from '../work.ts';
import type { PlanParticipant, PlanReaction } from '../plan.ts';

/** How many faults of each kind a path may spend (spec §7's bounds). */
export interface Budgets {
  failures: number;
  duplicates: number;
  crashes: number;
  timeouts: number;
}

export const DEFAULT_BUDGETS: Readonly<Budgets> = { failures: 1, duplicates: 0, crashes: 0, timeouts: 0 };

/** The bounds in the order states store them. */
export const BUDGET_KINDS = ['failures', 'duplicates', 'crashes', 'timeouts'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** Budgets left, as the explorer stores them with a state (BUDGET_KINDS order). */
export type Left = readonly [number, number, number, number];

export interface Transition {
  work: Work;
  forcing: Forcing;
  /** Whose state it changes: the consumer of a delivery, the orchestrator of a timeout or resend, the participant restarting. */
  actor: PlanParticipant;
  /** The budget it spends, as an index into Left, or -1. */
  spends: number;
}

/** A handling the design says can fail (spec §7): a failure output for that input, or a failure rate above 0. */
export const canFail = (r: PlanReaction): boolean => r.onFailure.length > 0 || r.failureRate > 0;

/**
 * A copy of its message can make the handling happen twice: its participant is not idempotent, or
 * is an orchestrator that forgets what it handled when it crashes (not durable).
 */
export const canRepeat = (r: PlanReaction): boolean => !r.participant.idempotent || r.participant.forgetful;

const FAILURES = 0;
const DUPLICATES = 1;
const CRASHES = 2;
const TIMEOUTS = 3;

/** Every step possible from `run` with budgets `left`, in a fixed order (the work as it waits, then each choice). */
export function transitionsOf(run: Run, left: Left, waiting: readonly Work[] = run.waitingWork()): Transition[] {
  const out: Transition[] = [];
  if (run.stopped) return out;
  const timeouts: Work[] = [];
  for (const work of waiting) {
    const kind = workKind(work);
    if (kind === 'timeout') {
      timeouts.push(work);
      continue;
    }
    if (kind !== 'deliver') {
      out.push({ work, forcing: 'none', actor: work.participant!, spends: -1 });
      continue;
    }
    const reaction = work.reaction!;
    const actor = reaction.participant;
    // A message for a participant that is down waits for its restart.
    if (run.isDown(actor)) continue;
    out.push({ work, forcing: 'none', actor, spends: -1 });
    if (left[FAILURES]! > 0 && canFail(reaction)) out.push({ work, forcing: 'businessFailure', actor, spends: FAILURES });
    // Faults are spent only where they can change the outcome: a crash where it loses a saga, a
    // copy where it can be handled twice. Elsewhere a crash only delays messages, and an
    // idempotent consumer drops the copy: orders of delivery that every search already covers.
    if (left[CRASHES]! > 0 && run.crashLoses(actor)) out.push({ work, forcing: 'crash', actor, spends: CRASHES });
    if (left[DUPLICATES]! > 0 && !work.duplicate && canRepeat(reaction)) out.push({ work, forcing: 'duplicate', actor, spends: DUPLICATES });
  }
  // Nothing else can happen: the replies are not coming, so the timeouts fire (free). Otherwise a
  // timeout firing is a reply that will come late, and spends the budget.
  const quiet = out.length === 0;
  if (quiet || left[TIMEOUTS]! > 0) for (const work of timeouts) out.push({ work, forcing: 'none', actor: work.participant!, spends: quiet ? -1 : TIMEOUTS });
  return out;
}

/** The budgets left after a transition. */
export function spend(left: Left, t: Transition): Left {
  if (t.spends < 0) return left;
  const next = [left[0], left[1], left[2], left[3]] as [number, number, number, number];
  next[t.spends]!--;
  return next;
}
