/**
 * What a run is made of, as its drivers see it: the messages in flight, the work waiting (a
 * delivery, a timeout, a restart, a resend) and the faults a forced step may add (spec §4, §7).
 */
import type { PlanMessage, PlanParticipant, PlanReaction } from './plan.ts';

/** One message in flight: the instance of a command or event. */
export interface Msg {
  id: number;
  /** `m<id>`, as the trace shows it. */
  label: string;
  message: PlanMessage;
  /** The message whose handling emitted this one. */
  causation: Msg | null;
  attempt: number;
  sender: PlanParticipant | null;
  /** The sends / publishes connection it left on. */
  edgeId: string | undefined;
  /**
   * Its place in the saga, whatever the order things happened in: a hash of its kind, its cause's
   * place and attempt, and its sender. Two runs that did the same things in another order give
   * their messages the same keys (the explorer's fingerprints, spec §7); ids differ.
   */
  key: number;
  /** Its sender knew of a business failure when it sent it: what it causes happens after the failure. */
  afterFailure: boolean;
}

/** What a piece of work waiting in a run does, for whoever drives the run step by step (spec §7). */
export type WorkKind = 'deliver' | 'timeout' | 'restart' | 'resend';

/** Work waiting in a run: a delivery, a timeout, a restart or a resend. */
export interface Work {
  readonly seq: number;
  readonly t: number;
  /** The message delivered, timed out or resent. */
  readonly msg: Msg | null;
  /** The reaction a delivery starts. */
  readonly reaction: PlanReaction | null;
  /** The consumer of a delivery, the orchestrator of a timeout or resend, the participant restarting. */
  readonly participant: PlanParticipant | null;
  /** A copy made by the broker. */
  readonly duplicate: boolean;
}

/** What a forced step does besides its work (spec §7): nothing more, a business failure, a crash, or a copy by the broker. */
export type Forcing = 'none' | 'businessFailure' | 'crash' | 'duplicate';

/** How long a participant crashed by a forced step stays down, unless the schedule restarts it sooner. */
export const FORCED_RESTART_MS = 1000;
