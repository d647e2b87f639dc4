/**
 * The orchestrator's behaviour (spec §1.3, §4.4): it commands the steps, waits for their
 * replies (with timeouts), and on a failure runs backward recovery — the compensation of every
 * completed step in reverse order of completion, one at a time — then emits what is drawn for
 * the failure. Steps after the pivot are retried, never compensated.
 */
import type { Run } from './engine.ts';
import { attemptsOf, backoff, DEFAULTS_RETRY } from './retries.ts';
import type { Msg } from './work.ts';
import { Hasher, Multiset } from './fingerprint.ts';
import type { PlanMessage, PlanOutput, PlanParticipant, PlanReaction } from './plan.ts';

interface Recovery {
  /** Compensation commands still to send, in order. */
  queue: PlanMessage[];
  /** What is drawn for the failure, emitted when recovery is done. */
  after: PlanOutput[];
  cause: Msg | null;
  done: boolean;
}

/** Scratch space for fingerprints. */
const OWN = new Hasher();
const PENDING = new Multiset();

export class OrchestratorBehaviour {
  /** Steps whose success reply arrived, in order of completion. */
  private readonly completed: Msg[] = [];
  /** Commands sent and not yet answered, by message id. */
  private readonly pending = new Map<number, Msg>();
  private recovery: Recovery | undefined;
  /** The pivot completed: the saga can only go forward. */
  private committed = false;
  /** It crashed and, not being durable, lost the saga it was running (spec §1.1 `durable`). */
  private lost = false;
  /** The run that may change it (Run.id): forks share it until one of them acts, which copies it first. */
  readonly owner: number;
  /** Its fingerprint lanes, once computed (it no longer changes then). */
  private fa = 0;
  private fb = 0;
  private hashed = false;

  constructor(
    private readonly run: Run,
    private readonly p: PlanParticipant,
  ) {
    this.owner = run.id;
  }

  /** The same saga's state, for a run that goes on separately (`Run.fork`). */
  clone(run: Run): OrchestratorBehaviour {
    const copy = new OrchestratorBehaviour(run, this.p);
    copy.completed.push(...this.completed);
    for (const [id, msg] of this.pending) copy.pending.set(id, msg);
    const r = this.recovery;
    copy.recovery = r && { ...r, queue: r.queue.slice() };
    copy.committed = this.committed;
    copy.lost = this.lost;
    return copy;
  }

  /** What the saga's future depends on, into a fingerprint: steps done, replies awaited, recovery left. */
  hashInto(h: Hasher, scratch: Hasher): void {
    if (!this.hashed) {
      const own = OWN.reset().add(this.completed.length);
      for (const c of this.completed) own.add(c.key).add(c.attempt);
      const pending = PENDING.reset();
      for (const m of this.pending.values()) pending.addHash(scratch.reset().add(m.key).add(m.attempt));
      own.addBag(pending).flag(this.committed).flag(this.lost);
      const r = this.recovery;
      if (r) {
        own.add(r.queue.length).flag(r.done).add(r.cause ? r.cause.key : 0);
        for (const m of r.queue) own.add(m.index);
        for (const o of r.after) own.add(o.message.index);
      } else own.add(-1);
      this.fa = own.a;
      this.fb = own.b;
      this.hashed = true;
    }
    h.add(this.fa).add(this.fb);
  }

  /** The command `msg` answers, when it is a reply to one this orchestrator sent. */
  private repliedCommand(msg: Msg): Msg | undefined {
    const cause = msg.causation;
    return cause && cause.sender === this.p && cause.message.isCommand && !msg.message.isCommand ? cause : undefined;
  }

  /** A word for the trace about a handling, e.g. that a reply came too late. */
  noteFor(msg: Msg): string | undefined {
    const command = this.repliedCommand(msg);
    if (command && !this.pending.has(command.id))
      return this.lost ? `lost the saga's state in its crash (not durable): does not know ${command.message.name}, reply ignored` : `no longer waiting for ${command.message.name}: reply ignored`;
    return undefined;
  }

  /**
   * A crash of an orchestrator that is not durable: what it knew of the saga — the steps done,
   * the replies awaited, a recovery under way — is gone. True when there was something to lose
   * (a crash before it has sent anything loses nothing: the message is handled afresh).
   */
  forget(): boolean {
    const had = this.holdsSaga();
    this.completed.length = 0;
    this.pending.clear();
    this.recovery = undefined;
    this.committed = false;
    if (had) this.lost = true;
    return had;
  }

  /** It holds some of the saga's state: steps done, replies awaited, a recovery under way. */
  holdsSaga(): boolean {
    return this.completed.length > 0 || this.pending.size > 0 || this.recovery !== undefined;
  }

  /** The orchestrator handled `msg` successfully: move the saga on. */
  handled(reaction: PlanReaction, msg: Msg): void {
    const command = this.repliedCommand(msg);
    if (command) {
      if (!this.pending.has(command.id)) return;
      this.pending.delete(command.id);
      if (command.message.undoes) return this.nextCompensation();
      if (msg.message.isFailure) return this.stepFailed(command, reaction.onSuccess, msg);
      this.completed.push(command);
      if (command.message.stepType === 'pivot') this.committed = true;
    } else if (msg.message.isFailure) return this.stepFailed(undefined, reaction.onSuccess, msg);
    this.sendAll(reaction.onSuccess, msg);
  }

  /** A compensation command was handled and has no reply: it is complete. */
  handledWithoutReply(msg: Msg): void {
    if (msg.message.undoes && this.pending.delete(msg.id)) this.nextCompensation();
  }

  private sendAll(outputs: readonly PlanOutput[], cause: Msg | null): void {
    for (const out of outputs) {
      const m = this.run.emit(this.p, out, cause);
      if (out.message.isCommand) this.sent(m);
    }
  }

  /** `msg` left for its handler: wait for the reply, with the command's timeout. */
  sent(msg: Msg): void {
    this.pending.set(msg.id, msg);
    const timeout = msg.message.timeoutMs;
    if (timeout !== undefined) this.run.scheduleTimeout(this.p, msg, timeout);
  }

  /** This orchestrator still waits for the reply to `attempt` of `msg`. */
  awaits(msg: Msg, attempt: number): boolean {
    return this.pending.get(msg.id)?.attempt === attempt;
  }

  /** The command's timeout for `attempt` expired (and it still waits: see `awaits`). */
  timeout(msg: Msg): void {
    const waiting = this.pending.get(msg.id)!;
    this.run.record('TIMEOUT_FIRED', waiting, this.p, `no reply within ${msg.message.timeoutMs} ms`);
    const policy = msg.message.retry;
    if (policy && waiting.attempt < attemptsOf(policy)) {
      const wait = backoff(policy, waiting.attempt);
      this.run.record('RETRY_SCHEDULED', waiting, this.p, `sent again in ${wait} ms`);
      this.run.resendLater(waiting, this.run.now + wait, false);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.message.undoes) {
      this.run.givenUp ??= `${msg.message.name} never completed: no reply within ${msg.message.timeoutMs} ms`;
      return;
    }
    const handler = msg.message.deliveries[0]?.reaction.participant ?? this.p;
    this.run.ledger.fail(handler, msg.message, `${handler.name} did not answer ${msg.message.name} within ${msg.message.timeoutMs} ms`);
    this.run.learnFailure(this.p);
    const drawn = this.p.reactions.find((r) => r.input.isFailure && msg.message.deliveries.some((d) => d.reaction.onFailure.some((o) => o.message === r.input)));
    this.stepFailed(msg, drawn?.onSuccess ?? [], msg);
  }

  private stepFailed(command: Msg | undefined, after: readonly PlanOutput[], cause: Msg): void {
    if (this.recovery) return; // already recovering: a second failure changes nothing
    const step = command?.message;
    if (command && step && (step.stepType === 'retriable' || this.committed)) {
      const policy = step.retry ?? DEFAULTS_RETRY;
      if (command.attempt < attemptsOf(policy)) {
        const wait = backoff(policy, command.attempt);
        this.run.record('RETRY_SCHEDULED', command, this.p, `after the pivot: ${step.name} is retried in ${wait} ms, not compensated`);
        this.run.resendLater(command, this.run.now + wait, true);
      } else this.run.givenUp ??= `${step.name} failed ${command.attempt} times after the pivot: a retriable step must eventually succeed`;
      return;
    }
    // The step failed for good: a success of it that comes later is an effect nobody will undo.
    const handler = step?.deliveries[0]?.reaction.participant;
    if (handler) this.run.ledger.abandon(handler, step!);
    const toUndo = [...this.completed].reverse().filter((c) => c.message.compensation);
    this.run.record(
      'COMPENSATION_STARTED',
      null,
      this.p,
      toUndo.length ? `backward recovery: ${toUndo.map((c) => c.message.compensation!.name).join(', ')}` : 'backward recovery: nothing completed needs undoing',
    );
    this.recovery = { queue: toUndo.map((c) => c.message.compensation!), after: [...after], cause, done: false };
    this.nextCompensation();
  }

  private nextCompensation(): void {
    const r = this.recovery;
    if (!r || r.done) return;
    const next = r.queue.shift();
    if (!next) {
      r.done = true;
      this.run.record('COMPENSATION_COMPLETED', null, this.p, 'backward recovery done');
      return this.sendAll(r.after, r.cause);
    }
    const m = this.run.emit(this.p, { message: next, edgeId: this.p.compensationSends.get(next.id) ?? '' }, r.cause);
    this.sent(m);
  }

  /** Why the saga cannot end, when this orchestrator still waits. */
  waitingFor(): string | undefined {
    // Nothing it did after the crash took the saga anywhere: the saga is lost.
    if (this.lost && !this.recovery && this.pending.size === 0)
      return `${this.p.name} is not durable: it lost the saga's state when it crashed, so nothing moves the saga on`;
    if (this.recovery && !this.recovery.done) return `${this.p.name} never finished its backward recovery`;
    const first = this.pending.values().next().value;
    if (!first) return undefined;
    const handler = first.message.deliveries[0]?.reaction.participant;
    return `${this.p.name} waits for a reply to ${first.message.name}${handler ? ` from ${handler.name}` : ''} that never comes`;
  }
}
