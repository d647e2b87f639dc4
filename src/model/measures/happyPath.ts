/**
 * The happy path: what one saga does when nothing fails, as the simulator ran it (the analysis
 * layer records it from a nominal run: mean latencies, no failures). The measures that are about
 * "the happy path" read it from here, so the model never runs the simulator itself.
 */
import type { Analysis } from '../analysis.ts';
import { failureRateOf } from '../attributes.ts';
import { isCompensationCommand } from '../graph.ts';
import type { Reaction } from '../reactions.ts';
import type { ParticipantNode, SagaOutcome } from '../schema.ts';

/** One handling that succeeded on the happy path. */
export interface HappyHandling {
  /** The participant's id. */
  participant: string;
  /** The handled message's node id. */
  message: string;
  /** The handled-by / subscribed-by connection: identifies the reaction. */
  via: string;
  /** Index of the handling whose success emitted the message; -1 for a trigger. */
  cause: number;
  start: number;
  end: number;
  /** A step of the saga: a service's handling of a forward message (not an orchestrator, not a compensation). */
  step: boolean;
}

export interface HappyPath {
  outcome: SagaOutcome;
  reason: string;
  durationMs: number;
  /** Messages sent in the saga, the trigger included. */
  messages: number;
  /** Message node ids sent, each once, in the order first sent. */
  sent: string[];
  /** In the order they started: a handling's cause always comes before it. */
  handlings: HappyHandling[];
}

/** A step of the happy path: one reaction of one service (a reaction that ran twice counts once). */
export interface HappyStep {
  participant: string;
  message: string;
  via: string;
}

/** A service's reaction to a forward message is a step; an orchestrator's, or a compensation, is not. */
export function isStepReaction(a: Analysis, p: ParticipantNode, r: Reaction): boolean {
  return p.kind === 'service' && r.via.edge.compensates === undefined && !isCompensationCommand(a.graph, r.input.id);
}

export function stepsOnPath(path: HappyPath): HappyStep[] {
  const seen = new Set<string>();
  const steps: HappyStep[] = [];
  for (const h of path.handlings) {
    if (!h.step || seen.has(h.via)) continue;
    seen.add(h.via);
    steps.push({ participant: h.participant, message: h.message, via: h.via });
  }
  return steps;
}

/** The reaction a step runs. */
export const reactionOf = (a: Analysis, step: Pick<HappyStep, 'participant' | 'message'>): Reaction | undefined =>
  a.reactions.get(step.participant)?.byInput.get(step.message);

/**
 * A step can fail when the design says it can (spec §7): it has a failure output for that input,
 * or a failure rate above 0.
 */
export function stepCanFail(a: Analysis, step: Pick<HappyStep, 'participant' | 'message'>): boolean {
  const r = reactionOf(a, step);
  const p = a.graph.node.get(step.participant);
  return r !== undefined && p !== undefined && (r.onFailure.length > 0 || failureRateOf(p, r.via) > 0);
}

/** `PaymentService on OrderCreated` */
export const stepLabel = (a: Analysis, step: Pick<HappyStep, 'participant' | 'message'>): string => `${a.name(step.participant)} on ${a.name(step.message)}`;

/** Children of each handling on the path (the handlings its outputs caused). */
export function childrenOf(path: HappyPath): number[][] {
  const children: number[][] = path.handlings.map(() => []);
  path.handlings.forEach((h, i) => {
    if (h.cause >= 0) children[h.cause]!.push(i);
  });
  return children;
}

/** Why a measure of the happy path reads oddly, when the happy path did not complete. */
export function happyCaveat(path: HappyPath): string {
  return path.outcome === 'completed' ? '' : ` (with no failure the saga ends ${path.outcome}: ${path.reason})`;
}
