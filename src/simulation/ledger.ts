/**
 * The outcome oracle (spec §4.5): a ledger of the effects each participant applied and undid,
 * and of the business failures that remained, judged when the run ends.
 */
import { listing } from '../model/analysis.ts';
import type { SagaOutcome } from '../model/index.ts';
import { Hasher, Multiset } from './fingerprint.ts';
import { SmallMap } from './smallMap.ts';
import type { PlanMessage, PlanParticipant } from './plan.ts';

interface Effect {
  participant: PlanParticipant;
  message: PlanMessage;
  applied: number;
  undone: number;
  /**
   * Undos that found nothing to undo: the compensation arrived before the effect (spec §7's race,
   * e.g. a refund overtaking the charge), so the effect applied later stays.
   */
  early: number;
  /** The message whose handling undid nothing, for the verdict. */
  earlyBy: PlanMessage | undefined;
  /** Not caused by a business failure (so, were one to remain, it would have to be undone). */
  beforeFailure: boolean;
  /** How the second application happened, for the verdict. */
  twiceBecause: string | undefined;
  /** Applied while its step stood failed (a late reply, a duplicate), for the verdict. */
  afterItFailed: boolean;
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

/** Scratch space for fingerprints. */
const ELEMENT = new Hasher();

/** An entry as an element of the ledger's fingerprint: everything the verdict reads of it. */
const effectHash = (key: number, e: Readonly<Effect>): Hasher => ELEMENT.reset().add(key).add(e.applied).add(e.undone).add(e.early).flag(e.beforeFailure).flag(e.afterItFailed);
const keyHash = (set: number, key: number): Hasher => ELEMENT.reset().add(set).add(key);

/** The collections a ledger shares with a clone, until it writes to one (copy on write, for the explorer's states). */
const EFFECTS_SHARED = 1;
const FAILURES_SHARED = 2;
const UNDOS_SHARED = 4;
const RETRIED_SHARED = 8;
const ALL_SHARED = 15;

export class Ledger {
  /** By participant and message; an entry is replaced, never changed, so that clones can share it. */
  private effects: SmallMap<Readonly<Effect>>;
  private failures: SmallMap<Failure>;
  private clock: number;
  /** The effects undone, by key, in the order of their undos. */
  private undoOrder: number[];
  /** Steps the orchestrator sent again: their success clears their failure. */
  private retried: Set<number>;
  /** Which collections a clone shares (see ALL_SHARED): they are copied before a write. */
  private shared: number;

  /**
   * The fingerprint of the entries, kept up to date as they change (a sum of element hashes, so an
   * entry is taken out and put back in constant time): the explorer fingerprints a ledger per state.
   */
  private readonly sum: Multiset;

  /** An empty ledger; given `from`, a clone of it that shares its entries until one of them writes. */
  constructor(
    private readonly messageCount: number,
    from?: Ledger,
  ) {
    if (from) {
      this.effects = from.effects;
      this.failures = from.failures;
      this.clock = from.clock;
      this.undoOrder = from.undoOrder;
      this.retried = from.retried;
      this.sum = new Multiset().copyFrom(from.sum);
      this.shared = ALL_SHARED;
      from.shared = ALL_SHARED;
      return;
    }
    this.effects = new SmallMap();
    this.failures = new SmallMap();
    this.clock = 0;
    this.undoOrder = [];
    this.retried = new Set();
    this.sum = new Multiset();
    this.shared = 0;
  }

  private key(p: PlanParticipant, m: PlanMessage): number {
    return p.index * this.messageCount + m.index;
  }

  private entry(key: number, p: PlanParticipant, m: PlanMessage): Readonly<Effect> {
    return this.effects.get(key) ?? { participant: p, message: m, applied: 0, undone: 0, early: 0, earlyBy: undefined, beforeFailure: true, twiceBecause: undefined, afterItFailed: false };
  }

  private write(bit: number): void {
    if (!(this.shared & bit)) return;
    this.shared &= ~bit;
    if (bit === EFFECTS_SHARED) this.effects = this.effects.copy();
    else if (bit === FAILURES_SHARED) this.failures = this.failures.copy();
    else if (bit === UNDOS_SHARED) this.undoOrder = this.undoOrder.slice();
    else this.retried = new Set(this.retried);
  }

  private put(key: number, e: Effect): void {
    this.write(EFFECTS_SHARED);
    const old = this.effects.get(key);
    if (old) this.sum.removeHash(effectHash(key, old));
    this.sum.addHash(effectHash(key, e));
    this.effects.set(key, e);
  }

  /**
   * `p` handled `m` successfully. `again` says why, when it is not the first time. `afterFailure`:
   * the handling was caused by a business failure (it follows from a message sent by someone who
   * knew of one, e.g. a reaction to the cancellation), so it need not be undone. "Before" and
   * "after" are causal (happened-before), not times: an effect that runs alongside a failure, in
   * whatever order, must be undone.
   */
  apply(p: PlanParticipant, m: PlanMessage, again?: string, afterFailure = false): void {
    const key = this.key(p, m);
    const e = { ...this.entry(key, p, m) };
    e.applied++;
    if (again) e.twiceBecause ??= again;
    if (e.applied === 1) e.beforeFailure = !afterFailure;
    if (this.failures.has(key) && !this.retried.has(key)) e.afterItFailed = true;
    this.put(key, e);
    // A retried step that succeeds no longer counts as failed. Any other success after the
    // failure (a late reply, a duplicate) leaves the failure, and an effect to undo.
    if (this.retried.has(key) && this.failures.has(key)) {
      this.write(FAILURES_SHARED);
      this.failures.delete(key);
      this.sum.removeHash(keyHash(1, key));
    }
    this.clock++;
  }

  /** A compensation by `p` (the handling of `by`) undid its handling of `m`. */
  undo(p: PlanParticipant, m: PlanMessage, by?: PlanMessage): void {
    const key = this.key(p, m);
    const e = { ...this.entry(key, p, m) };
    if (e.applied <= e.undone) {
      e.early++;
      e.earlyBy ??= by;
    }
    e.undone++;
    this.put(key, e);
    this.write(UNDOS_SHARED);
    this.undoOrder.push(key);
  }

  /** `p` failed to handle the step `m` with a business failure; `how` says so when `p` did not (a timeout). */
  fail(p: PlanParticipant, m: PlanMessage, how?: string): void {
    const key = this.key(p, m);
    if (this.failures.has(key)) return;
    this.write(FAILURES_SHARED);
    this.failures.set(key, { participant: p, message: m, at: this.clock, how });
    this.sum.addHash(keyHash(1, key));
  }

  /** The step `m` of `p` is sent again: when it succeeds, it no longer counts as failed. */
  retry(p: PlanParticipant, m: PlanMessage): void {
    const key = this.key(p, m);
    if (this.retried.has(key)) return;
    this.write(RETRIED_SHARED);
    this.retried.add(key);
    this.sum.addHash(keyHash(2, key));
  }

  /** The step `m` of `p` failed for good (the saga compensates): a later success no longer clears its failure. */
  abandon(p: PlanParticipant, m: PlanMessage): void {
    const key = this.key(p, m);
    if (!this.retried.has(key)) return;
    this.write(RETRIED_SHARED);
    this.retried.delete(key);
    this.sum.removeHash(keyHash(2, key));
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
    for (const e of this.effects.values())
      if (e.early > 0)
        return {
          outcome: 'inconsistent',
          reason: `${e.earlyBy ? `${e.earlyBy.name} reached ${e.participant.name} before ${e.message.name}` : `${e.participant.name} undid ${e.message.name} before applying it`}: the compensation undid nothing and ${e.message.name} stayed applied`,
        };
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
        reason: `${failedAt}, and nothing undid ${listing(left.map((e) => `${e.participant.name}'s ${e.message.name}${e.afterItFailed ? ' (applied after it had failed)' : ''}`))}`,
      };
    const undone = [...new Set(this.undoOrder)].map((key) => this.effects.get(key)!.message.name);
    return {
      outcome: 'compensated',
      reason: undone.length ? `${failedAt}; undone in this order: ${listing(undone)}` : `${failedAt} before anything needed undoing`,
    };
  }

  /** A ledger with the same entries, to go on separately (the explorer's states, spec §7): both share them until one writes. */
  clone(): Ledger {
    return new Ledger(this.messageCount, this);
  }

  /** What the verdict depends on, into a fingerprint: the effects' counts, the failures left, the steps retried. */
  hashInto(h: Hasher): void {
    h.addBag(this.sum);
  }

  private completedReason(): string {
    const n = [...this.effects.values()].filter((e) => e.applied === 1 && e.undone === 0).length;
    return `every step succeeded once (${n} effect${n === 1 ? '' : 's'} applied)`;
  }
}

const times = (n: number): string => (n === 2 ? 'twice' : `${n} times`);
