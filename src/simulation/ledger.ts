/**
 * The outcome oracle (spec §4.5): a ledger of the effects each participant applied and undid,
 * and of the business failures that remained, judged when the run ends.
 */
import { listing } from '../model/analysis.ts';
import type { SagaOutcome } from '../model/index.ts';
import type { PlanMessage, PlanParticipant } from './plan.ts';

interface Effect {
  participant: PlanParticipant;
  message: PlanMessage;
  applied: number;
  undone: number;
  /** Applied before the first business failure that remained (so it had to be undone). */
  beforeFailure: boolean;
  /** How the second application happened, for the verdict. */
  twiceBecause: string | undefined;
}

interface Failure {
  participant: PlanParticipant;
  message: PlanMessage;
  /** Order of the failure among effects, to tell what was applied before it. */
  at: number;
  /** How it failed, in words, when the handler did not say it (e.g. no reply in time). */
  how: string | undefined;
}

export interface Verdict {
  outcome: SagaOutcome;
  reason: string;
}

export class Ledger {
  private readonly effects = new Map<number, Effect>();
  private readonly failures = new Map<number, Failure>();
  private clock = 0;
  private readonly undoOrder: Effect[] = [];
  /** Steps the orchestrator sent again: their success clears their failure. */
  private readonly retried = new Set<number>();

  constructor(private readonly messageCount: number) {}

  private key(p: PlanParticipant, m: PlanMessage): number {
    return p.index * this.messageCount + m.index;
  }

  private entry(p: PlanParticipant, m: PlanMessage): Effect {
    const key = this.key(p, m);
    let e = this.effects.get(key);
    if (!e) {
      e = { participant: p, message: m, applied: 0, undone: 0, beforeFailure: true, twiceBecause: undefined };
      this.effects.set(key, e);
    }
    return e;
  }

  /** `p` handled `m` successfully. `again` says why, when it is not the first time. */
  apply(p: PlanParticipant, m: PlanMessage, again?: string): void {
    const e = this.entry(p, m);
    e.applied++;
    if (again) e.twiceBecause ??= again;
    if (e.applied === 1) e.beforeFailure = this.failures.size === 0;
    // A retried step that succeeds no longer counts as failed. Any other success after the
    // failure (a late reply, a duplicate) leaves the failure, and an effect to undo.
    const key = this.key(p, m);
    if (this.retried.has(key)) this.failures.delete(key);
    this.clock++;
  }

  /** A compensation by `p` undid its handling of `m`. */
  undo(p: PlanParticipant, m: PlanMessage): void {
    const e = this.entry(p, m);
    e.undone++;
    this.undoOrder.push(e);
  }

  /** `p` failed to handle the step `m` with a business failure; `how` says so when `p` did not (a timeout). */
  fail(p: PlanParticipant, m: PlanMessage, how?: string): void {
    const key = this.key(p, m);
    if (!this.failures.has(key)) this.failures.set(key, { participant: p, message: m, at: this.clock, how });
  }

  /** The step `m` of `p` is sent again: when it succeeds, it no longer counts as failed. */
  retry(p: PlanParticipant, m: PlanMessage): void {
    this.retried.add(this.key(p, m));
  }

  /** The step `m` of `p` failed for good (the saga compensates): a later success no longer clears its failure. */
  abandon(p: PlanParticipant, m: PlanMessage): void {
    this.retried.delete(this.key(p, m));
  }

  get failed(): boolean {
    return this.failures.size > 0;
  }

  /** The verdict when the run ends; `stuck` is why messages still wait, if they do. */
  judge(stuck: string | undefined): Verdict {
    for (const e of this.effects.values()) {
      if (e.applied > 1)
        return {
          outcome: 'inconsistent',
          reason: `${e.participant.name} applied ${e.message.name} ${times(e.applied)}${e.twiceBecause ? `: ${e.twiceBecause}` : ''}`,
        };
      if (e.undone > e.applied)
        return {
          outcome: 'inconsistent',
          reason:
            e.applied === 0
              ? `${e.participant.name} undid ${e.message.name} that it never applied`
              : `${e.participant.name} undid ${e.message.name} ${times(e.undone)} but applied it once`,
        };
    }
    if (stuck) return { outcome: 'stuck', reason: stuck };
    const first = [...this.failures.values()].sort((a, b) => a.at - b.at)[0];
    if (!first) return { outcome: 'completed', reason: this.completedReason() };
    const failedAt = first.how ?? `${first.participant.name} failed on ${first.message.name}`;
    // Left applied: what was applied before the failure, and a failed step applied all the same
    // (its reply came too late, or a duplicate applied it), that nothing undid.
    const failedStep = (e: Effect) => this.failures.has(this.key(e.participant, e.message));
    const left = [...this.effects.values()].filter((e) => e.applied > e.undone && (e.beforeFailure || failedStep(e)));
    if (left.length > 0)
      return {
        outcome: 'inconsistent',
        reason: `${failedAt}, and nothing undid ${listing(left.map((e) => `${e.participant.name}'s ${e.message.name}${e.beforeFailure ? '' : ' (applied after it had failed)'}`))}`,
      };
    const undone = [...new Set(this.undoOrder)].map((e) => e.message.name);
    return {
      outcome: 'compensated',
      reason: undone.length ? `${failedAt}; undone in this order: ${listing(undone)}` : `${failedAt} before anything needed undoing`,
    };
  }

  private completedReason(): string {
    const n = [...this.effects.values()].filter((e) => e.applied === 1 && e.undone === 0).length;
    return `every step succeeded once (${n} effect${n === 1 ? '' : 's'} applied)`;
  }
}

const times = (n: number): string => (n === 2 ? 'twice' : `${n} times`);
