/**
 * What a fault will do to the run, said before it is injected: "PaymentService fails
 * ProcessPayment twice, then succeeds: the retry policy (3 attempts) absorbs it." Read from the
 * compiled plan, so it follows the simulator's own rules (spec §4.3): which handlings a target
 * hits, retry policies (a compensation is retried until it succeeds), step types after the
 * pivot, failure events, idempotent handlers and timeouts.
 */
import { attemptsText, durationText, percentText, timesText, type Fault } from '../model/index.ts';
import { TRANSPORT_MS } from './engine.ts';
import { UNLIMITED_ATTEMPTS } from './retries.ts';
import type { PlanMessage, PlanParticipant, PlanReaction, SimulationPlan } from './plan.ts';
import { countText } from '../model/countText.ts';

export interface FaultPreview {
  /** What will happen, in a sentence or two. */
  text: string;
  /**
   * The commands a transient fault hits that have no retry policy (compensations aside: they
   * are retried anyway), so that each transient failure acts as a business failure.
   */
  withoutRetry: { id: string; name: string }[];
}

/** The handlings (deliveries) of the plan that a fault on `target` hits. */
function hits(plan: SimulationPlan, fault: Fault): { reactions: PlanReaction[]; on: 'participant' | 'message' | 'handling' } {
  const participant = plan.participants.find((p) => p.id === fault.target);
  if (participant) return { reactions: participant.reactions, on: 'participant' };
  const message = plan.messages.get(fault.target);
  if (message) return { reactions: message.deliveries.map((d) => d.reaction), on: 'message' };
  for (const p of plan.participants) {
    const r = p.reactions.find((x) => x.edgeId === fault.target);
    if (r) return { reactions: [r], on: 'handling' };
  }
  // A connection that sends or publishes: the deliveries of what travels on it (late or doubled only).
  const edge = plan.doc.edges.find((e) => e.id === fault.target);
  const carried = edge && (fault.kind === 'delay' || fault.kind === 'duplicate') ? plan.messages.get(edge.target) : undefined;
  return { reactions: carried ? carried.deliveries.map((d) => d.reaction) : [], on: 'message' };
}

/** What a fault will do, in words, with the commands a transient fault finds without a retry policy. */
export function previewFault(plan: SimulationPlan, fault: Fault): FaultPreview {
  const { reactions, on } = hits(plan, fault);
  const fires = fault.times !== 0 && fault.probability !== 0;
  const withoutRetry =
    fault.kind === 'transient' && fires ? unique(reactions.filter((r) => r.input.isCommand && !r.isCompensation && !r.input.retry).map((r) => r.input)).map(({ id, name }) => ({ id, name })) : [];
  return { text: sentence(plan, fault, reactions, on), withoutRetry };
}

function sentence(plan: SimulationPlan, fault: Fault, reactions: PlanReaction[], on: 'participant' | 'message' | 'handling'): string {
  if (fault.times === 0) return 'It is set to happen 0 times: nothing changes.';
  if (fault.probability === 0) return 'Its chance is 0%: nothing changes.';
  if (reactions.length === 0) return 'Nothing travels or is handled here, so nothing changes.';
  switch (fault.kind) {
    case 'businessFailure':
    case 'transient': {
      // The step it hits first: a forward step rather than a compensation, which runs only after a failure.
      const first = reactions.find((r) => !r.isCompensation) ?? reactions[0]!;
      const others = unique(reactions.filter((r) => r !== first).map((r) => r.input));
      return failing(plan, fault, first) + (others.length ? ` The fault also hits ${names(others)}.` : '');
    }
    case 'crash':
      return crashing(plan, fault, reactions, on);
    case 'duplicate':
      return doubling(fault, reactions, on);
    case 'delay':
      return delaying(plan, fault, reactions, on);
  }
}

// ---- failures -------------------------------------------------------------------------------

/** A compensation with no retry policy of its own is retried without limit (spec §4.4). */
const UNTIL_IT_SUCCEEDS = { maxAttempts: 0 };

function failing(plan: SimulationPlan, fault: Fault, r: PlanReaction): string {
  const m = r.input;
  const times = fault.times ?? Infinity;
  const p = fault.probability ?? 1;
  // A compensation runs only when the saga compensates.
  const lead = `${r.isCompensation ? 'When the saga compensates, ' : ''}${r.participant.name} fails ${m.name}`;
  const retried = r.isCompensation || fault.kind === 'transient';
  const policy = m.retry ?? (r.isCompensation ? UNTIL_IT_SUCCEEDS : undefined);
  const often = p < 1 ? ` ${percentText(p)} of the time${Number.isFinite(times) ? `, at most ${timesText(times)}` : ''}` : Number.isFinite(times) ? ` ${timesText(times)}` : ' every time';
  if (!retried) return `${lead}${often}. A business failure is not retried: ${afterFailure(plan, r)}.`;
  if (!policy) {
    const why = m.isCommand ? `${m.name} has no retry policy` : 'Events are not retried';
    return `${lead}${often}. ${why}, so the first failure counts as a business failure: ${afterFailure(plan, r)}.`;
  }
  const unlimited = policy.maxAttempts === 0;
  // "No limit" in a run: the simulator stops retrying after UNLIMITED_ATTEMPTS, as a person would look into it.
  const attempts = unlimited ? UNLIMITED_ATTEMPTS : policy.maxAttempts;
  const by = m.retry ? `the retry policy (${attemptsText(policy.maxAttempts)})` : 'a compensation is retried until it succeeds, which';
  const givenUp = r.isCompensation ? 'the compensation is given up and the saga is left half undone' : `it counts as a business failure: ${afterFailure(plan, r)}`;
  const runsOut = unlimited
    ? `${m.retry ? 'Its retry policy has no limit' : 'A compensation is retried until it succeeds'}, but a run stops retrying after ${attempts} attempts, and then ${givenUp}.`
    : `The retry policy runs out, so ${givenUp}.`;
  if (p >= 1) {
    if (times < attempts) return `${lead} ${timesText(times)}, then succeeds: ${by} absorbs it.`;
    return `${lead} at ${unlimited ? 'every attempt' : attempts === 1 ? 'its only attempt' : `all ${attempts} attempts`}. ${runsOut}`;
  }
  const chance = `${lead} with a ${percentText(p)} chance at each attempt${Number.isFinite(times) ? ` (at most ${timesText(times)})` : ''}`;
  if (unlimited || times < attempts) return `${chance}: ${by} ${unlimited ? 'tries again until it succeeds' : 'absorbs it'}.`;
  const then = r.isCompensation ? 'is the compensation given up' : `does it count as a business failure: ${afterFailure(plan, r)}`;
  return `${chance}. The retry policy (${attemptsText(attempts)}) tries again; only when all ${attempts} fail (${percentText(p ** attempts)} of runs) ${then}.`;
}

/** What follows a business failure of handling `r` (spec §1.3, §4.4), as a clause. */
function afterFailure(plan: SimulationPlan, r: PlanReaction): string {
  const m = r.input;
  const orchestrator = m.isCommand ? senderOf(plan, m) : undefined;
  const heard = r.onFailure.length > 0 || m.timeoutMs !== undefined;
  if (orchestrator && heard && m.stepType === 'retriable') return `${m.name} comes after the pivot, so ${orchestrator.name} sends it again until it succeeds and nothing is compensated`;
  if (r.onFailure.length > 0) return `${r.participant.name} publishes ${names(r.onFailure.map((o) => o.message))} and the saga compensates`;
  if (orchestrator && m.timeoutMs !== undefined)
    return `no failure event is drawn, so ${orchestrator.name} hears of it only when its ${durationText(m.timeoutMs)} timeout fires, then the saga compensates`;
  if (orchestrator) return `no failure event is drawn, so ${orchestrator.name} waits for a reply that never comes and the saga is stuck`;
  return 'no failure event is drawn, so nobody hears of it';
}

/** The orchestrator that sends a command, if one does. */
function senderOf(plan: SimulationPlan, m: PlanMessage): PlanParticipant | undefined {
  const sender = plan.analysis.graph.producers(m.id).find((n) => n.kind === 'orchestrator');
  return sender && plan.participants.find((p) => p.id === sender.id);
}

// ---- crashes, duplicates, delays ------------------------------------------------------------

function crashing(plan: SimulationPlan, fault: Fault, reactions: PlanReaction[], on: 'participant' | 'message' | 'handling'): string {
  const services = unique(reactions.map((r) => r.participant));
  const times = fault.times ?? 1;
  const when = on === 'participant' ? 'a message arrives' : `${names(unique(reactions.map((r) => r.input)))} arrives`;
  const chance = fault.probability !== undefined && fault.probability < 1 ? ` (a ${percentText(fault.probability)} chance each time)` : '';
  const lead = `${names(services)} ${services.length === 1 ? 'crashes' : 'crash'} when ${when}${chance}${times > 1 ? `, up to ${timesText(times)}` : ''}`;
  if (fault.delayMs === undefined) return `${lead} and never ${services.length === 1 ? 'restarts' : 'restart'}: the messages wait and the saga is stuck.`;
  const down = fault.delayMs;
  const late = reactions.map((r) => r.input).find((m) => m.timeoutMs !== undefined && down >= m.timeoutMs && senderOf(plan, m));
  const restart = `${lead}, then restarts after ${durationText(down)} and handles the messages that waited`;
  if (!late) return `${restart}.`;
  return `${restart}. That is longer than ${late.name}’s ${durationText(late.timeoutMs!)} timeout, so ${timedOut(plan, late)}.`;
}

/** What the sender of `m` does when its timeout fires (spec §4.3): an attempt failed. */
function timedOut(plan: SimulationPlan, m: PlanMessage): string {
  const orchestrator = senderOf(plan, m)!;
  if (m.retry && m.retry.maxAttempts !== 1) return `${orchestrator.name} gives up on that attempt and sends ${m.name} again (its retry policy allows ${attemptsText(m.retry.maxAttempts)})`;
  // The handler still handles it when it gets it: an effect applied after the step failed (spec §4.5).
  const handler = m.deliveries[0]?.reaction.participant.name ?? 'its handler';
  return `${orchestrator.name} gives up on ${m.name} and the saga compensates, yet ${handler} still handles it later: an effect nobody undoes, so the saga ends inconsistent`;
}

/** `, 30% of the time, for the first 2 deliveries`: how often a delivery fault fires. */
function deliveriesText(fault: Fault): string {
  const chance = fault.probability !== undefined && fault.probability < 1 ? ` ${percentText(fault.probability)} of the time` : '';
  const times = fault.times === undefined ? '' : fault.times === 1 ? ', the first delivery only' : `, for the first ${countText(fault.times)} deliveries`;
  return chance + times;
}

function doubling(fault: Fault, reactions: PlanReaction[], on: 'participant' | 'message' | 'handling'): string {
  const messages = unique(reactions.map((r) => r.input));
  const to = unique(reactions.map((r) => r.participant));
  const lead =
    on === 'participant'
      ? `Every message to ${to[0]!.name} (${names(messages)}) is delivered twice${deliveriesText(fault)}`
      : `${names(messages)} ${messages.length === 1 ? 'is' : 'are'} delivered twice to ${names(to)}${deliveriesText(fault)}`;
  const ignore = to.filter((p) => p.idempotent);
  const again = reactions.filter((r) => !r.participant.idempotent);
  const parts: string[] = [];
  if (ignore.length) parts.push(`${names(ignore)} ${ignore.length === 1 ? 'is' : 'are'} idempotent and ${ignore.length === 1 ? 'ignores' : 'ignore'} the copy`);
  const twice = unique(again.filter((r) => r.isEffect || r.isCompensation).map((r) => r.participant));
  if (twice.length) parts.push(`${names(twice)} ${twice.length === 1 ? 'is' : 'are'} not idempotent: ${twice.length === 1 ? 'it handles' : 'they handle'} the copy too and the saga ends inconsistent`);
  const harmless = unique(again.filter((r) => !r.isEffect && !r.isCompensation).map((r) => r.participant)).filter((p) => !twice.includes(p));
  if (harmless.length) parts.push(`${names(harmless)} ${harmless.length === 1 ? 'handles' : 'handle'} the copy again, which changes nothing`);
  return `${lead}: ${parts.join('; ')}.`;
}

function delaying(plan: SimulationPlan, fault: Fault, reactions: PlanReaction[], on: 'participant' | 'message' | 'handling'): string {
  const by = durationText(fault.delayMs ?? 0);
  const messages = unique(reactions.map((r) => r.input));
  const to = unique(reactions.map((r) => r.participant));
  const lead =
    on === 'participant'
      ? `Every message to ${to[0]!.name} (${names(messages)}) arrives ${by} later than usual${deliveriesText(fault)}`
      : `${names(messages)} ${messages.length === 1 ? 'reaches' : 'reach'} ${names(to)} ${by} later than usual${deliveriesText(fault)}`;
  const delay = fault.delayMs ?? 0;
  const timed = messages.filter((m) => m.timeoutMs !== undefined && senderOf(plan, m));
  const late = timed.find((m) => delay >= m.timeoutMs!);
  const its = (m: PlanMessage) => (messages.length === 1 ? 'its' : `${m.name}’s`);
  if (late) return `${lead}. That is longer than ${its(late)} ${durationText(late.timeoutMs!)} timeout, so ${timedOut(plan, late)}.`;
  // The handling and the trips there and back come on top of the delay: near the timeout, the reply may be late.
  const near = timed.find((m) => delay + 2 * (TRANSPORT_MS + Math.max(...m.deliveries.map((d) => d.reaction.latencyMs))) >= m.timeoutMs!);
  if (near) return `${lead}, close to ${its(near)} ${durationText(near.timeoutMs!)} timeout: with the handling, the reply may come too late.`;
  if (timed.length === 1) return `${lead}, within ${its(timed[0]!)} ${durationText(timed[0]!.timeoutMs!)} timeout.`;
  return `${lead}.`;
}

// ---- words ----------------------------------------------------------------------------------

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** `A`, `A and B`, `A, B and C`, `A, B, C and 2 more`. */
function names(items: readonly { name: string }[]): string {
  const all = items.map((i) => i.name);
  if (all.length > 4) return `${all.slice(0, 3).join(', ')} and ${all.length - 3} more`;
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? '');
}
