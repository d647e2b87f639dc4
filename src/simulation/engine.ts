/**
 * The discrete-event kernel (spec §4): an agenda of jobs in simulated time, one seeded random
 * generator, participants that execute their reactions (§1.3), and a trace (§4.7). Services
 * behave here; the orchestrator's backward recovery lives in orchestrator.ts.
 */
import type { Fault, SagaOutcome, ScheduleStep } from '../model/index.ts';
import { FaultBook } from './faults.ts';
import { elementA, elementB, hash4, Hasher, Multiset } from './fingerprint.ts';
import { Ledger, type Verdict } from './ledger.ts';
import { OrchestratorBehaviour } from './orchestrator.ts';
import type { PlanMessage, PlanOutput, PlanParticipant, PlanReaction, SimulationPlan } from './plan.ts';
import { Agenda, type Scheduled } from './queue.ts';
import { seededRandom, type Random } from './random.ts';
import { attemptsOf, backoff, DEFAULTS_RETRY } from './retries.ts';
import { forcingOf, matchStep } from './schedule.ts';
import { SmallMap } from './smallMap.ts';
import { chainOf, cycleOf } from './storms.ts';
import { OUTCOME_ENTRY, type TraceEntry, type TraceType } from './trace.ts';
import { FORCED_RESTART_MS, type Forcing, type Msg, type Work, type WorkKind } from './work.ts';
import { countText } from '../model/countText.ts';

/** Mean time a message spends between its sender and a consumer, in simulated ms. */
export const TRANSPORT_MS = 2;
/** Messages one saga may send before the run stops as an event storm. */
export const MAX_MESSAGES = 10_000;
/**
 * Deliveries one saga may make before the run stops (duplicates, retries and deliveries again
 * after a restart included): each is a handling, so this bounds the work of a run and the length
 * of its trace, also when one message fans out to many subscribers.
 */
export const MAX_DELIVERIES = 10_000;

export interface RunOptions {
  seed?: number;
  faults?: readonly Fault[];
  /** Record the trace (default true); Monte Carlo runs leave it off. */
  trace?: boolean;
  /** The saga id in the trace (default `s1`). */
  saga?: string;
  maxMessages?: number;
  /**
   * Every handling and transport takes exactly its mean time, and no handling fails from a
   * failure rate (injected faults still fire): the deterministic run the trade-off measures read.
   */
  nominal?: boolean;
  maxDeliveries?: number;
  /**
   * A forced schedule (spec §7): the run's first steps, in this order, each with the faults it
   * names; faults and failure rates are not drawn while it lasts, and each handling completes
   * when it starts. A step that matches nothing in flight is skipped. Then the run goes on in time.
   */
  schedule?: readonly ScheduleStep[];
}

export interface RunResult {
  outcome: SagaOutcome;
  /** What made it so, in a sentence. */
  reason: string;
  durationMs: number;
  trace: TraceEntry[];
  /** Messages sent, duplicates included. */
  messages: number;
  /** Jobs the kernel executed. */
  events: number;
  /** Steps of the forced schedule that matched nothing in flight (0-based), when there was a schedule. */
  skippedSteps?: number[];
}

const enum Job {
  Deliver,
  Done,
  Timeout,
  Restart,
  Resend,
}

const WORK_KIND: readonly (WorkKind | undefined)[] = ['deliver', undefined, 'timeout', 'restart', 'resend'];

export const workKind = (w: Work): WorkKind => WORK_KIND[(w as Item).job]!;


const enum Result {
  Success,
  Business,
  Transient,
}

interface Item extends Scheduled {
  job: Job;
  msg: Msg | null;
  reaction: PlanReaction | null;
  participant: PlanParticipant | null;
  /** A duplicate delivery made by the broker. */
  duplicate: boolean;
  /** The participant's crash count when the handling started: a crash cancels handlings in progress. */
  epoch: number;
  result: Result;
  /** Why a handling repeats an effect already applied (a duplicate, a resend), for the verdict. */
  again: string | undefined;
  /** Its fingerprint lanes, computed once (an item never changes once queued). */
  fa: number;
  fb: number;
  hashed: boolean;
}

/** What a participant remembers about a message it received, to recognise duplicates. */
const enum Seen {
  Working,
  Succeeded,
  Failed,
  FailedTransient,
}

/** What a participant remembers of one message (replaced, never changed, so that states can share it). */
interface SeenEntry {
  state: Seen;
  attempt: number;
  outputs: PlanOutput[];
  /** The message's key (Msg.key), for fingerprints. */
  key: number;
}

/** What a run's options say, looked up once. */
interface RunConfig {
  /** Every jittered time at its mean, no failure drawn from a failure rate. */
  nominal: boolean;
  random: Random;
  faults: FaultBook;
  /** Which faults the run has: where a delivery, an arrival or a handling must look them up. */
  onDelivery: boolean;
  onArrival: boolean;
  onHandling: boolean;
  tracing: boolean;
  saga: string;
  maxMessages: number;
  maxDeliveries: number;
}

interface ParticipantState {
  crashed: boolean;
  epoch: number;
  /** Deliveries waiting for a restart (replaced, never changed, so that copies can share it). */
  inbox: readonly Item[];
  seen: SmallMap<SeenEntry>;
  /** It failed, or handled a message sent after a failure: what it sends from now on comes after the failure. */
  knowsFailure: boolean;
  /** The run that may change it (Run.id): forks share it until one of them changes it, which copies it first. */
  owner: number;
  /** Its fingerprint lanes, once computed (it no longer changes then). */
  fa: number;
  fb: number;
  hashed: boolean;
}

const copyState = (s: ParticipantState, owner: number): ParticipantState => ({
  crashed: s.crashed,
  epoch: s.epoch,
  inbox: s.inbox,
  seen: s.seen.copy(),
  knowsFailure: s.knowsFailure,
  owner,
  fa: 0,
  fb: 0,
  hashed: false,
});

/** Runs are numbered, so that the states a fork shares are told from the ones it owns. */
let runs = 0;

/** Simulates one saga of the plan. Deterministic: the same plan, options and seed give the same result. */
export function simulate(plan: SimulationPlan, options: RunOptions = {}): RunResult {
  return new Run(plan, options).execute(options.schedule);
}

export class Run {
  /** This run's number: what it owns is marked with it (see ParticipantState.owner). */
  readonly id = ++runs;
  readonly trace: TraceEntry[];
  private readonly agenda: Agenda<Item>;
  /** The outcome oracle's ledger, shared with forks until one of them changes it (see `ledger`). */
  private book: Ledger;
  private bookOwner: number;
  /** Per participant, made when it first receives a message (a large design has many idle ones). */
  private readonly states: (ParticipantState | undefined)[];
  private orchestrators: (OrchestratorBehaviour | undefined)[];
  /**
   * Driven step by step (a forced schedule, the explorer): work is fired in the order given, each
   * handling completes when it starts, and faults come from the steps, not from chance.
   */
  private stepwise: boolean;
  /** The fault the step being fired forces, and whether it took effect. */
  private forcing: Forcing;
  private forced: boolean;
  /**
   * The fingerprint of the work waiting is kept up to date (a run driven step by step for the
   * explorer): the sum over queued work other than timeouts, and the timeouts queued.
   */
  private tracked: boolean;
  private workA: number;
  private workB: number;
  private workN: number;
  private timeouts: Item[];
  /** The orchestrators array is this run's own (a fork shares its parent's until an orchestrator acts). */
  private ownsOrchestrators: boolean;
  /** What the options say, shared by the run and its forks. */
  private readonly cfg: RunConfig;
  now: number;
  private nextMessage: number;
  private messages: number;
  private deliveries: number;
  private events: number;
  /** The run went over its work bound: the message that would have gone over it, and which bound. */
  private storm: { msg: Msg; bound: 'messages' | 'deliveries' } | undefined;
  /** Set when a participant gives up for good (exhausted compensation or retriable step). */
  givenUp: string | undefined;

  /** A run of `plan`; given `from`, a fork of that run (see `fork`), and `options` are not read. */
  constructor(
    readonly plan: SimulationPlan,
    options: RunOptions,
    from?: Run,
  ) {
    if (from) {
      this.cfg = from.cfg;
      // A fork never records: it shares the (empty) trace.
      this.trace = from.cfg.tracing ? [] : from.trace;
      this.agenda = from.agenda.clone();
      this.book = from.book;
      this.bookOwner = from.bookOwner;
      this.states = from.states.slice();
      this.orchestrators = from.orchestrators;
      this.ownsOrchestrators = false;
      this.stepwise = from.stepwise;
      this.forcing = 'none';
      this.forced = false;
      this.tracked = from.tracked;
      this.workA = from.workA;
      this.workB = from.workB;
      this.workN = from.workN;
      this.timeouts = from.timeouts;
      this.now = from.now;
      this.nextMessage = from.nextMessage;
      this.messages = from.messages;
      this.deliveries = from.deliveries;
      this.events = from.events;
      this.storm = from.storm;
      this.givenUp = from.givenUp;
      return;
    }
    this.trace = [];
    this.agenda = new Agenda<Item>();
    this.stepwise = false;
    this.forcing = 'none';
    this.forced = false;
    this.tracked = false;
    this.workA = 0;
    this.workB = 0;
    this.workN = 0;
    this.ownsOrchestrators = true;
    this.timeouts = [];
    this.now = 0;
    this.nextMessage = 1;
    this.messages = 0;
    this.deliveries = 0;
    this.events = 0;
    this.storm = undefined;
    this.givenUp = undefined;
    const nominal = options.nominal === true;
    const faults = new FaultBook(options.faults ?? []);
    this.cfg = {
      nominal,
      random: nominal ? MEAN : seededRandom(options.seed ?? 1),
      faults,
      onDelivery: faults.has('delay', 'duplicate'),
      onArrival: faults.has('crash'),
      onHandling: faults.has('businessFailure', 'transient'),
      tracing: options.trace ?? true,
      saga: options.saga ?? 's1',
      maxMessages: options.maxMessages ?? MAX_MESSAGES,
      maxDeliveries: options.maxDeliveries ?? MAX_DELIVERIES,
    };
    this.book = new Ledger(plan.messages.size);
    this.bookOwner = this.id;
    this.states = new Array<ParticipantState | undefined>(plan.participants.length).fill(undefined);
    this.orchestrators = plan.participants.map((p) => (p.isOrchestrator ? new OrchestratorBehaviour(this, p) : undefined));
  }

  execute(schedule?: readonly ScheduleStep[]): RunResult {
    this.begin();
    const skipped = schedule ? this.replay(schedule) : undefined;
    const result = this.finish();
    if (skipped) result.skippedSteps = skipped;
    return result;
  }

  /** Starts the saga: its triggers are sent. */
  begin(): void {
    this.record('SAGA_STARTED', null, null, this.plan.triggers.map((t) => t.message.name).join(', ') || undefined);
    for (const trigger of this.plan.triggers) {
      this.send(this.newMsg(trigger.message, null, null, trigger.edgeId), trigger.sender ?? null);
    }
  }

  /** Fires the work each step names, in order; returns the steps that matched nothing in flight. */
  private replay(schedule: readonly ScheduleStep[]): number[] {
    this.stepwise = true;
    const skipped: number[] = [];
    schedule.forEach((step, i) => {
      if (this.storm) return;
      const work = matchStep(this.pending(), step);
      if (work) this.fire(work, forcingOf(step));
      else skipped.push(i);
    });
    this.stepwise = false;
    return skipped;
  }

  /** Runs what is left in time order, then judges the saga and records its outcome. */
  finish(): RunResult {
    let item: Item | undefined;
    while ((item = this.agenda.pop())) {
      if (this.obsolete(item)) continue;
      // After a forced schedule the clock may be past work fired out of order: it never goes back.
      if (item.t > this.now) this.now = item.t;
      this.events++;
      this.dispatch(item);
      if (this.storm) break;
    }
    const verdict = this.verdict();
    this.record(OUTCOME_ENTRY[verdict.outcome], null, null, verdict.reason);
    return { outcome: verdict.outcome, reason: verdict.reason, durationMs: this.now, trace: this.trace, messages: this.messages, events: this.events };
  }

  /** How the saga stands if nothing more happens (spec §4.5). */
  verdict(): Verdict {
    // A run stopped at its work bound (messages or deliveries) never ended: it is stuck, whatever its effects say.
    return this.storm ? { outcome: 'stuck', reason: this.stormReason() } : this.book.judge(this.stuckReason());
  }

  // ---- step by step (forced schedules, the explorer: spec §7) ------------------------------

  /** Drive this run step by step from now on (see `stepwise`). */
  stepByStep(): this {
    this.stepwise = true;
    this.tracked = true;
    return this;
  }

  /** The work waiting, in no particular (but a repeatable) order, without timeouts whose reply came: what the explorer chooses from. */
  waitingWork(): readonly Work[] {
    const all = this.agenda.unordered();
    // Only timeouts become obsolete; a run driven step by step knows whether it has any.
    if (this.tracked && this.timeouts.length === 0) return all;
    return all.filter((item) => !this.obsolete(item));
  }

  /** The work waiting, in the order it was scheduled, without timeouts whose reply came. */
  pending(): readonly Work[] {
    return this.agenda.items().filter((item) => !this.obsolete(item));
  }

  /** A crash of `p` now would lose something: it forgets in a crash and holds part of the saga. */
  crashLoses(p: PlanParticipant): boolean {
    // Anyone else keeps its state through a crash (and, step by step, has no handling in progress
    // to lose): a crash of it only delays its messages.
    return p.forgetful && this.orchestrators[p.index]?.holdsSaga() === true;
  }

  /** `p` crashed and has not restarted yet. */
  isDown(p: PlanParticipant): boolean {
    return this.states[p.index]?.crashed === true;
  }

  /** Some participant is down with messages waiting for it: a saga stuck so is not a design's fault (spec §7). */
  waitsForCrashed(): boolean {
    return this.states.some((s) => s?.crashed && s.inbox.length > 0) || this.agenda.unordered().some((i) => i.job === Job.Restart);
  }

  /** The run went over its work bound: it is over. */
  get stopped(): boolean {
    return this.storm !== undefined;
  }

  /**
   * Fires one piece of waiting work now, forcing a fault: a business failure of the handling it
   * starts, a crash of its consumer as it arrives, or a copy of it by the broker (the work itself
   * then stays). Returns false when the forced fault had no effect (e.g. the delivery was a
   * duplicate suppressed before any handling): the step was then an ordinary one.
   */
  fire(work: Work, forcing: Forcing = 'none'): boolean {
    const item = work as Item;
    this.forcing = forcing;
    this.forced = false;
    this.events++;
    if (forcing === 'duplicate') {
      if (this.mayDeliver(item.msg!, 1)) this.schedule(Job.Deliver, Math.max(this.now, item.t) + this.transport(), item.msg, item.reaction, true).again = item.again;
      this.forced = true;
    } else {
      this.agenda.remove(item);
      if (this.tracked) this.queued(item, false);
      if (item.t > this.now) this.now = item.t;
      this.dispatch(item);
    }
    this.forcing = 'none';
    return forcing === 'none' || this.forced;
  }

  /**
   * A run that goes on separately from this one (the explorer's states): everything it can change
   * is copied; what never changes (the plan, queued work, messages) is shared.
   */
  fork(): Run {
    return new Run(this.plan, FORK, this);
  }

  /** The ledger, to change: a fork's own copy from its first change on. */
  get ledger(): Ledger {
    if (this.bookOwner !== this.id) {
      this.book = this.book.clone();
      this.bookOwner = this.id;
    }
    return this.book;
  }

  /** Participant `i`'s orchestrator behaviour, to act: a fork's own copy from its first act on. */
  private orchestrator(i: number): OrchestratorBehaviour | undefined {
    const o = this.orchestrators[i];
    if (o === undefined || o.owner === this.id) return o;
    if (!this.ownsOrchestrators) {
      this.orchestrators = this.orchestrators.slice();
      this.ownsOrchestrators = true;
    }
    return (this.orchestrators[i] = o.clone(this));
  }

  /**
   * What the rest of the run depends on, into a fingerprint (spec §7): the work waiting, what each
   * participant has seen and knows, the orchestrators' sagas, the ledger and the work done against
   * its bounds. Message ids and times are left out: the same state reached in another order gives
   * the same fingerprint.
   */
  fingerprint(h: Hasher, scratch: Hasher): void {
    // The work waiting: its sum is kept as work comes and goes; timeouts count while awaited.
    const work = WORK.reset();
    work.a = this.workA;
    work.b = this.workB;
    work.n = this.workN;
    for (const item of this.timeouts) if (!this.obsolete(item)) this.addItem(work, item);
    h.addBag(work);
    for (const s of this.states) {
      if (!s) {
        h.add(0);
        continue;
      }
      if (!s.hashed) {
        // A state is hashed once its run is done changing it; forks that share it reuse the lanes.
        const inbox = INBOX.reset();
        for (const item of s.inbox) this.addItem(inbox, item);
        const seen = SEEN.reset();
        for (const e of s.seen.values()) seen.addHash(scratch.reset().add(e.key).add(e.state).add(e.attempt));
        const own = OWN.reset().flag(s.crashed).flag(s.knowsFailure).addBag(inbox).addBag(seen);
        s.fa = own.a;
        s.fb = own.b;
        s.hashed = true;
      }
      h.add(s.fa).add(s.fb);
    }
    for (const o of this.orchestrators) o?.hashInto(h, scratch);
    this.book.hashInto(h);
    h.add(this.messages).add(this.deliveries).flag(this.storm !== undefined).flag(this.givenUp !== undefined);
  }

  private addItem(bag: Multiset, item: Item): void {
    hashItem(item);
    bag.addLanes(item.fa, item.fb);
  }

  /** Keeps the fingerprint of the work waiting up to date as work is queued and fired (see `tracked`). */
  private queued(item: Item, added: boolean): void {
    if (item.job === Job.Timeout) {
      this.timeouts = added ? [...this.timeouts, item] : this.timeouts.filter((t) => t !== item);
      return;
    }
    hashItem(item);
    const sign = added ? 1 : -1;
    this.workA = (this.workA + sign * elementA(item.fa)) | 0;
    this.workB = (this.workB + sign * elementB(item.fb)) | 0;
    this.workN += sign;
  }

  /** A timeout whose reply came, or a handling lost in a crash: it neither acts nor moves the clock. */
  private obsolete(item: Item): boolean {
    if (item.job === Job.Timeout) return !this.orchestrators[item.participant!.index]!.awaits(item.msg!, item.epoch);
    if (item.job === Job.Done) return item.epoch !== (this.states[item.participant!.index]?.epoch ?? 0);
    return false;
  }

  private dispatch(item: Item): void {
    switch (item.job) {
      case Job.Deliver:
        return this.deliver(item);
      case Job.Done:
        return this.done(item);
      case Job.Timeout:
        return this.orchestrator(item.participant!.index)!.timeout(item.msg!);
      case Job.Restart:
        return this.restart(item.participant!);
      case Job.Resend:
        return this.resend(item.msg!);
    }
  }

  // ---- messages -------------------------------------------------------------------------

  /**
   * Sends one output of `sender`, caused by `cause`.
   * Returns the message so that an orchestrator can wait for its reply.
   */
  emit(sender: PlanParticipant, output: PlanOutput, cause: Msg | null): Msg {
    const msg = this.newMsg(output.message, cause, sender, output.edgeId || undefined);
    this.send(msg, sender);
    return msg;
  }

  private newMsg(message: PlanMessage, causation: Msg | null, sender: PlanParticipant | null, edgeId: string | undefined): Msg {
    const id = this.nextMessage++;
    const key = hash4(message.index, causation ? causation.key : 0, causation ? causation.attempt : 0, sender ? sender.index + 1 : 0);
    return { id, label: this.cfg.tracing ? `m${id}` : '', message, causation, attempt: 1, sender, edgeId, key, afterFailure: sender !== null && this.knowsFailure(sender) };
  }

  private knowsFailure(p: PlanParticipant): boolean {
    return this.states[p.index]?.knowsFailure === true;
  }

  /** `p` learnt of a business failure (its own, or a timeout it gave up on): what it sends from now on comes after it. */
  learnFailure(p: PlanParticipant): void {
    this.state(p).knowsFailure = true;
  }

  /** Puts a message on its way to every consumer. A resent message keeps its id. */
  private send(msg: Msg, from: { id: string; name: string } | null): void {
    this.messages++;
    if (this.messages > this.cfg.maxMessages) {
      this.storm ??= { msg, bound: 'messages' };
      return;
    }
    if (!this.mayDeliver(msg, msg.message.deliveries.length)) return;
    if (this.cfg.tracing) this.record('MESSAGE_SENT', msg, from);
    for (const { reaction } of msg.message.deliveries) {
      const targets = this.cfg.onDelivery && !this.stepwise ? [reaction.edgeId, msg.edgeId, msg.message.id, reaction.participant.id] : NO_TARGETS;
      const delay = this.cfg.faults.delay(targets, this.cfg.random);
      this.schedule(Job.Deliver, this.now + this.transport() + delay, msg, reaction, false);
      if (this.cfg.faults.fire('duplicate', targets, this.cfg.random) && this.mayDeliver(msg, 1))
        this.schedule(Job.Deliver, this.now + this.transport() + delay + this.transport(), msg, reaction, true);
    }
  }

  /** Counts `n` more deliveries of `msg`; false (and the run stops) when they go over the bound. */
  private mayDeliver(msg: Msg, n: number): boolean {
    this.deliveries += n;
    if (this.deliveries <= this.cfg.maxDeliveries) return true;
    this.storm ??= { msg, bound: 'deliveries' };
    return false;
  }

  /**
   * An orchestrator sends a command again: after a timeout it is the same message (an
   * idempotent handler recognises it); after a failure reply it is a new message.
   */
  resendLater(msg: Msg, at: number, asNewMessage: boolean): void {
    const handler = msg.message.deliveries[0]?.reaction.participant;
    if (handler) this.ledger.retry(handler, msg.message);
    const id = asNewMessage ? this.nextMessage++ : msg.id;
    const again: Msg = { ...msg, attempt: msg.attempt + 1, id, label: this.cfg.tracing ? `m${id}` : '', afterFailure: msg.sender !== null && this.knowsFailure(msg.sender) };
    this.schedule(Job.Resend, at, again, null, false, msg.sender);
  }

  private resend(msg: Msg): void {
    this.send(msg, msg.sender);
    if (msg.sender) this.orchestrator(msg.sender.index)?.sent(msg);
  }

  private transport(): number {
    return TRANSPORT_MS * (0.5 + this.cfg.random());
  }

  private schedule(job: Job, t: number, msg: Msg | null, reaction: PlanReaction | null, duplicate: boolean, participant: PlanParticipant | null = reaction?.participant ?? null, epoch = 0, result = Result.Success): Item {
    const item = this.item(job, t, msg, reaction, duplicate, participant, epoch, result);
    this.agenda.push(item);
    if (this.tracked) this.queued(item, true);
    return item;
  }

  private item(job: Job, t: number, msg: Msg | null, reaction: PlanReaction | null, duplicate: boolean, participant: PlanParticipant | null, epoch: number, result: Result): Item {
    return { t: Math.round(t * 1000) / 1000, seq: 0, job, msg, reaction, participant, duplicate, epoch, result, again: undefined, fa: 0, fb: 0, hashed: false };
  }

  /** Schedules an orchestrator's timeout for the attempt of `msg` now in flight. */
  scheduleTimeout(o: PlanParticipant, msg: Msg, afterMs: number): void {
    this.schedule(Job.Timeout, this.now + afterMs, msg, null, false, o, msg.attempt);
  }

  // ---- handling -------------------------------------------------------------------------

  private state(p: PlanParticipant): ParticipantState {
    const s = this.states[p.index];
    if (s === undefined) return (this.states[p.index] = { crashed: false, epoch: 0, inbox: NO_WORK, seen: new SmallMap(), knowsFailure: false, owner: this.id, fa: 0, fb: 0, hashed: false });
    return s.owner === this.id ? s : (this.states[p.index] = copyState(s, this.id));
  }

  private deliver(item: Item): void {
    const { msg, reaction } = item as { msg: Msg; reaction: PlanReaction };
    const p = reaction.participant;
    const state = this.state(p);
    if (this.cfg.tracing) this.record(item.duplicate ? 'DUPLICATE_DELIVERED' : 'MESSAGE_DELIVERED', msg, p, state.crashed ? `waiting: ${p.name} is down` : undefined);
    if (state.crashed) {
      state.inbox = [...state.inbox, item];
      return;
    }
    const targets = this.cfg.onArrival && !this.stepwise ? [reaction.edgeId, msg.message.id, p.id] : NO_TARGETS;
    const crash = this.stepwise ? this.forcedCrash(p) : this.cfg.faults.fire('crash', targets, this.cfg.random);
    if (crash) {
      this.crash(p, crash);
      state.inbox = [...state.inbox, item];
      return;
    }
    const seen = state.seen.get(msg.id);
    // The broker's second delivery of the same attempt is a duplicate, whichever copy came first
    // (the broker's copy may overtake the original when the order is forced, spec §7).
    const copy = item.duplicate || (seen !== undefined && msg.attempt === seen.attempt);
    // A resend after a failed handling is handled afresh; anything else seen before is a duplicate.
    const again = seen !== undefined && (copy || seen.state === Seen.Succeeded || seen.state === Seen.Working);
    if (seen && again) {
      const retry = !copy && msg.attempt > seen.attempt;
      if (p.idempotent) {
        if (this.cfg.tracing) this.record('DUPLICATE_SUPPRESSED', msg, p, retry && seen.state === Seen.Succeeded ? `${p.name} already handled it: replies again without applying it twice` : `${p.name} is idempotent: already handled`);
        if (retry && seen.state === Seen.Succeeded) for (const out of seen.outputs) this.emit(p, out, msg);
        return;
      }
    }
    this.start(item, again ? (copy ? `${msg.message.name} was delivered twice to a non-idempotent handler` : `${msg.message.name} was sent again after a timeout to a non-idempotent handler`) : item.again);
  }

  private start(item: Item, again: string | undefined): void {
    const { msg, reaction } = item as { msg: Msg; reaction: PlanReaction };
    const p = reaction.participant;
    const state = this.state(p);
    const result = this.decide(msg, reaction);
    if (this.cfg.tracing) this.record(reaction.isCompensation ? 'COMPENSATION_STARTED' : 'HANDLER_STARTED', msg, p);
    state.seen.set(msg.id, { state: Seen.Working, attempt: msg.attempt, outputs: reaction.onSuccess, key: msg.key });
    const latency = reaction.latencyMs * (0.5 + this.cfg.random());
    if (this.stepwise) {
      // Step by step, a handling completes as it starts: nothing else happens in between.
      this.now = Math.round((this.now + latency) * 1000) / 1000;
      this.complete(msg, reaction, result, again);
      return;
    }
    const done = this.schedule(Job.Done, this.now + latency, msg, reaction, item.duplicate, p, state.epoch, result);
    done.again = again;
  }

  /** The crash a forced step asks for, when it does (spec §7: the participant restarts when the schedule says). */
  private forcedCrash(p: PlanParticipant): Fault | undefined {
    if (this.forcing !== 'crash') return undefined;
    this.forced = true;
    return { target: p.id, kind: 'crash', delayMs: FORCED_RESTART_MS };
  }

  /** Success, business failure or transient failure of one handling: faults first, then the failure rate. */
  private decide(msg: Msg, reaction: PlanReaction): Result {
    if (this.stepwise) {
      if (this.forcing !== 'businessFailure') return Result.Success;
      this.forced = true;
      return Result.Business;
    }
    if (this.cfg.onHandling) {
      const targets = [reaction.edgeId, msg.message.id, reaction.participant.id];
      if (this.cfg.faults.fire('businessFailure', targets, this.cfg.random)) return Result.Business;
      if (this.cfg.faults.fire('transient', targets, this.cfg.random)) return Result.Transient;
    }
    if (!this.cfg.nominal && reaction.failureRate > 0 && this.cfg.random() < reaction.failureRate) return Result.Business;
    return Result.Success;
  }

  private done(item: Item): void {
    this.complete(item.msg!, item.reaction!, item.result, item.again);
  }

  /** A handling of `msg` ends with `result`; `again` says why it repeats an effect, when it does. */
  private complete(msg: Msg, reaction: PlanReaction, result: Result, again: string | undefined): void {
    const p = reaction.participant;
    const state = this.state(p);
    const seen = state.seen.get(msg.id)!;
    if (msg.afterFailure) state.knowsFailure = true;
    if (result === Result.Success) return this.succeeded(p, reaction, msg, seen, again);
    const transient = result === Result.Transient;
    const policy = msg.message.retry ?? (reaction.isCompensation ? DEFAULTS_RETRY : undefined);
    const canRetry = policy && (transient || reaction.isCompensation) && msg.attempt < attemptsOf(policy);
    const silent = !canRetry && !reaction.isCompensation && !p.isOrchestrator && reaction.onFailure.length === 0;
    if (this.cfg.tracing)
      this.record(
        'HANDLER_FAILED',
        msg,
        p,
        (transient ? (canRetry ? 'transient failure' : 'transient failure, no retries left: a business failure') : 'business failure') +
          (silent ? `: no failure event is drawn, ${heardThroughTimeout(msg) ? `${msg.sender!.name} learns of it only when its timeout fires` : 'nobody hears it'}` : ''),
      );
    if (canRetry) {
      state.seen.set(msg.id, { ...seen, state: Seen.FailedTransient });
      const wait = backoff(policy, msg.attempt);
      if (!this.mayDeliver(msg, 1)) return;
      if (this.cfg.tracing) this.record('RETRY_SCHEDULED', msg, p, `attempt ${msg.attempt + 1} in ${wait} ms`);
      this.schedule(Job.Deliver, this.now + wait, { ...msg, attempt: msg.attempt + 1 }, reaction, false);
      return;
    }
    state.seen.set(msg.id, { ...seen, state: Seen.Failed });
    if (reaction.isCompensation) {
      this.givenUp ??= `${p.name} could not complete the compensation ${msg.message.name} after ${msg.attempt} attempts`;
      return;
    }
    this.ledger.fail(p, msg.message);
    state.knowsFailure = true;
    for (const out of reaction.onFailure) this.emit(p, out, msg);
  }

  private succeeded(p: PlanParticipant, reaction: PlanReaction, msg: Msg, seen: SeenEntry, again: string | undefined): void {
    this.state(p).seen.set(msg.id, { ...seen, state: Seen.Succeeded });
    const orchestrator = this.orchestrator(p.index);
    if (reaction.isCompensation) {
      const undone = reaction.compensates ?? msg.message.undoes!;
      const owner = reaction.compensates ? p : (undone.deliveries[0]?.reaction.participant ?? p);
      this.ledger.undo(owner, undone, msg.message);
      if (this.cfg.tracing) this.record('COMPENSATION_COMPLETED', msg, p, `undid ${undone.name}`);
    } else {
      if (reaction.isEffect) this.ledger.apply(p, msg.message, again, msg.afterFailure);
      if (this.cfg.tracing) this.record('HANDLER_SUCCEEDED', msg, p, orchestrator?.noteFor(msg));
    }
    if (orchestrator) return orchestrator.handled(reaction, msg);
    for (const out of reaction.onSuccess) this.emit(p, out, msg);
    // A compensation command with no reply completes when it is handled.
    const sender = msg.message.undoes && msg.sender && this.orchestrator(msg.sender.index);
    if (sender && reaction.onSuccess.every((o) => !o.message.deliveries.some((d) => d.reaction.participant === msg.sender))) sender.handledWithoutReply(msg);
  }

  // ---- crashes ---------------------------------------------------------------------------

  private crash(p: PlanParticipant, fault: Fault): void {
    const state = this.state(p);
    // Its handlings in progress: their ends are on the agenda, scheduled in this epoch.
    const working = this.agenda.filter((i) => i.job === Job.Done && i.participant === p && i.epoch === state.epoch);
    state.crashed = true;
    state.epoch++;
    // An orchestrator keeps the saga's state through a crash only when it is durable (the default).
    const orchestrator = this.orchestrator(p.index);
    const durable = !p.forgetful;
    const lost = orchestrator !== undefined && !durable && orchestrator.forget();
    // What it remembered of the messages it handled went with the saga's state.
    if (lost) state.seen.clear();
    if (this.cfg.tracing) {
      const restart = fault.delayMs !== undefined ? `restarts in ${fault.delayMs} ms` : 'does not restart';
      const saga = !orchestrator ? '' : durable ? `; durable: the saga's state is kept` : lost ? `; not durable: the saga's state is lost` : `; not durable, but it held no saga state yet`;
      this.record('SERVICE_CRASHED', null, p, restart + saga);
    }
    // Handlings in progress are lost: the participant never finished them, so it does not
    // remember them, and the broker delivers them again after the restart.
    for (const lost of working) {
      state.seen.delete(lost.msg!.id);
      state.inbox = [...state.inbox, lost];
    }
    if (fault.delayMs !== undefined) this.schedule(Job.Restart, this.now + fault.delayMs, null, null, false, p);
  }

  private restart(p: PlanParticipant): void {
    const state = this.state(p);
    state.crashed = false;
    const waiting = state.inbox;
    state.inbox = NO_WORK;
    if (this.cfg.tracing) this.record('SERVICE_RESTARTED', null, p, waiting.length ? `${waiting.length} message${waiting.length === 1 ? '' : 's'} waiting` : undefined);
    for (const item of waiting) {
      if (!this.mayDeliver(item.msg!, 1)) return;
      this.schedule(Job.Deliver, this.now, item.msg, item.reaction, item.duplicate).again = item.again;
    }
  }

  // ---- the end ---------------------------------------------------------------------------

  private stormReason(): string {
    const { msg, bound } = this.storm!;
    const limit = bound === 'messages' ? this.cfg.maxMessages : this.cfg.maxDeliveries;
    const cycle = cycleOf(msg);
    return `stopped after ${countText(limit)} ${bound}: ${cycle ? `an event storm in the cycle ${cycle}` : `more work than one saga may do, along ${chainOf(msg)}`}`;
  }

  private stuckReason(): string | undefined {
    if (this.givenUp) return this.givenUp;
    for (const p of this.plan.participants) {
      const state = this.states[p.index];
      if (state?.crashed && state.inbox.length > 0) {
        const names = [...new Set(state.inbox.map((i) => i.msg!.message.name))].join(', ');
        return `${p.name} crashed and never restarted: ${names} ${state.inbox.length === 1 ? 'waits' : 'wait'} for it`;
      }
    }
    for (const o of this.orchestrators) {
      const waiting = o?.waitingFor();
      if (waiting) return waiting;
    }
    return undefined;
  }

  record(type: TraceType, msg: Msg | null, at: { id: string; name: string } | null, detail?: string): void {
    if (!this.cfg.tracing) return;
    const entry: TraceEntry = {
      seq: this.trace.length + 1,
      t: this.now,
      type,
      saga: this.cfg.saga,
      message: msg ? msg.label : null,
      messageNode: msg ? msg.message.id : null,
      messageName: msg ? msg.message.name : null,
      node: at ? at.id : null,
      nodeName: at ? at.name : null,
      attempt: msg ? msg.attempt : 0,
    };
    if (detail !== undefined) entry.detail = detail;
    this.trace.push(entry);
  }
}


/** Computes a queued item's fingerprint lanes once (an item never changes once queued). */
function hashItem(item: Item): void {
  if (item.hashed) return;
  const m = item.msg;
  ITEM.reset().add(item.job).add(item.reaction ? item.reaction.index : -1).add(item.participant ? item.participant.index : -1).flag(item.duplicate).add(item.epoch);
  if (m) ITEM.add(m.key).add(m.attempt).flag(m.afterFailure);
  item.fa = ITEM.a;
  item.fb = ITEM.b;
  item.hashed = true;
}

/** An empty inbox, shared (inboxes are replaced, never changed). */
const NO_WORK: readonly Item[] = [];

/** Scratch space for fingerprints (one fingerprint at a time). */
const ITEM = new Hasher();
const WORK = new Multiset();
const INBOX = new Multiset();
const SEEN = new Multiset();
const OWN = new Hasher();

/** The options of a fork: it takes everything from the run it forks. */
const FORK: RunOptions = {};

/** The "random" draw of a nominal run: every jittered time at its mean. */
const MEAN: Random = () => 0.5;

/** Fault targets when the run has no faults: nothing to look up. */
const NO_TARGETS: readonly string[] = [];

/** The orchestrator that sent `msg` waits for its reply with a timeout. */
const heardThroughTimeout = (msg: Msg): boolean => msg.sender?.isOrchestrator === true && msg.message.timeoutMs !== undefined;
