/**
 * The reactions table (spec §1.3): the local view each service and orchestrator executes.
 * For every message a participant consumes, what it emits when handling succeeds and when it
 * fails with a business failure.
 */
import {
  appended,
  buildGraph,
  inputLinks,
  isFailureEvent,
  isParticipant,
  NONE,
  outputLinks,
  type DesignGraph,
  type Link,
} from './graph.ts';
import { LIMITS, type MessageNode, type ParticipantNode, type SagaDocument, type SagaNode } from './schema.ts';

export interface Reaction {
  /** The consumed message. */
  input: MessageNode;
  /** The handled-by / subscribed-by connection (carries `compensates`, latency and failure rate). */
  via: Link;
  /** Outputs emitted when handling succeeds. */
  onSuccess: Link[];
  /** Outputs emitted when handling fails with a business failure (failure events only). */
  onFailure: Link[];
}

/** Finds a participant's reaction by the consumed message's id. */
export interface ReactionLookup {
  get(messageId: string): Reaction | undefined;
  has(messageId: string): boolean;
}

/**
 * Most participants consume a handful of messages: a scan beats a Map there. Participants with
 * many inputs (orchestrators) get a Map, so lookups stay constant-time.
 */
class ReactionIndex implements ReactionLookup {
  private readonly map: Map<string, Reaction> | undefined;

  constructor(private readonly reactions: readonly Reaction[]) {
    this.map = reactions.length > 8 ? new Map(reactions.map((r) => [r.input.id, r])) : undefined;
  }

  get(messageId: string): Reaction | undefined {
    if (this.map) return this.map.get(messageId);
    for (const r of this.reactions) if (r.input.id === messageId) return r;
    return undefined;
  }

  has(messageId: string): boolean {
    return this.get(messageId) !== undefined;
  }
}

const NO_STRAY: ParticipantReactions['strayOn'] = Object.freeze([]) as unknown as ParticipantReactions['strayOn'];

const lookupOf = (reactions: readonly Reaction[]): ReactionLookup => new ReactionIndex(reactions);

/** No outputs yet: shared, and frozen so that nobody adds to it (`attach` replaces it). */
const NO_OUTPUTS: Link[] = Object.freeze([]) as unknown as Link[];

export interface ParticipantReactions {
  participant: ParticipantNode;
  reactions: Reaction[];
  /** The reaction to one consumed message. */
  byInput: ReactionLookup;
  /** Sends of compensation commands with no `on`: emitted while the orchestrator compensates. */
  compensationOutputs: Link[];
  /** Outputs that cannot be tied to an input: the participant consumes several messages and `on` is missing (G013). */
  unbound: Link[];
  /** Per output, the messages its `on` names that the participant does not consume, each once (G014). */
  strayOn: { link: Link; messageIds: string[] }[];
}

/** The reactions of one participant. */
export function reactionsOf(g: DesignGraph, participant: ParticipantNode): ParticipantReactions {
  let reactions: Reaction[] = [];
  const inputs = inputLinks(g, participant.id);
  // The same message connected twice reacts once.
  const seen = inputs.length > 8 ? new Set<SagaNode>() : undefined;
  for (const via of inputs) {
    if (seen ? seen.has(via.source) : reacts(reactions, via.source)) continue;
    seen?.add(via.source);
    reactions = appended(reactions, { input: via.source as MessageNode, via, onSuccess: NO_OUTPUTS, onFailure: NO_OUTPUTS });
  }
  const byInput = lookupOf(reactions);
  let compensationOutputs: Link[] | undefined;
  let unbound: Link[] | undefined;
  let strayOn: { link: Link; messageIds: string[] }[] | undefined;
  const only = reactions.length === 1 ? reactions[0] : undefined;
  for (const link of outputLinks(g, participant.id)) {
    const explicit = link.edge.on && link.edge.on.length > 0 ? link.edge.on : undefined;
    if (!explicit) {
      if (g.isCompensation(link.target.id)) compensationOutputs = appended(compensationOutputs ?? NONE, link);
      else if (only) attach(only, link);
      else if (reactions.length > 1) unbound = appended(unbound ?? NONE, link);
      continue;
    }
    let stray: string[] | undefined;
    // A message named twice in `on` is one answer: the output is emitted once.
    for (const messageId of distinct(explicit)) {
      const reaction = byInput.get(messageId);
      if (reaction) attach(reaction, link);
      else (stray ??= []).push(messageId);
    }
    if (stray) (strayOn ??= []).push({ link, messageIds: stray });
  }
  return { participant, reactions, byInput, compensationOutputs: compensationOutputs ?? NO_OUTPUTS, unbound: unbound ?? NO_OUTPUTS, strayOn: strayOn ?? NO_STRAY };
}

/** Whether one of `reactions` answers `input`. */
function reacts(reactions: readonly Reaction[], input: SagaNode): boolean {
  for (let i = 0; i < reactions.length; i++) if (reactions[i]!.input === input) return true;
  return false;
}

/** The entries of a list, each once, in their first order. */
export function distinct<T>(list: readonly T[]): readonly T[] {
  if (list.length <= 1) return list;
  const set = new Set(list);
  return set.size === list.length ? list : [...set];
}

function attach(reaction: Reaction, link: Link): void {
  if (isFailureEvent(link.target)) reaction.onFailure = appended(reaction.onFailure, link);
  else reaction.onSuccess = appended(reaction.onSuccess, link);
}

const copied = (links: Link[]): Link[] => (links === NO_OUTPUTS ? NO_OUTPUTS : [...links]);

/** The reactions of every service and orchestrator, by participant id. */
export function reactionTable(docOrGraph: SagaDocument | DesignGraph, options: { assumeOn?: boolean } = {}): Map<string, ParticipantReactions> {
  const g = 'links' in docOrGraph ? docOrGraph : buildGraph(docOrGraph);
  const table = new Map<string, ParticipantReactions>();
  const budget = { left: ASSUMED_ON_BUDGET };
  for (const n of g.doc.nodes) {
    if (!isParticipant(n)) continue;
    const r = reactionsOf(g, n);
    table.set(n.id, options.assumeOn ? assumingOn(g, r, budget) : r);
  }
  return table;
}

/**
 * The most (output, input) pairs the rules assume for missing `on`s in one design, as many as
 * explicit `on` entries may hold (LIMITS.maxListEntries): a participant with thousands of inputs
 * and thousands of outputs without `on` would otherwise make millions. Beyond it, a participant's
 * outputs without `on` stay unattached, as the simulator runs them.
 */
export const ASSUMED_ON_BUDGET = LIMITS.maxListEntries;

/**
 * The reactions as the rules read a drawing whose `on` is missing (spec §2: a rule decides the way
 * the drawing most likely means, and G013 still names the missing `on`). An output that cannot be
 * tied to an input answers the participant's forward inputs: every input that is not a failure
 * event, a compensation command or a subscription that `compensates`; all its inputs when it has
 * no forward one. `unbound` keeps the outputs, so G013 is still reported.
 */
export function assumingOn(g: DesignGraph, r: ParticipantReactions, budget: { left: number } = { left: ASSUMED_ON_BUDGET }): ParticipantReactions {
  if (r.unbound.length === 0) return r;
  const answered = answeredInputs(g, r);
  const pairs = r.unbound.length * answered.size;
  if (pairs > budget.left) return r;
  budget.left -= pairs;
  return withAnswers(r, answered);
}

/** The reactions an output without `on` is read as answering: the forward inputs, or all of them when there are none. */
export function answeredInputs(g: DesignGraph, r: ParticipantReactions): ReadonlySet<Reaction> {
  const forward = r.reactions.filter((x) => !isFailureEvent(x.input) && !g.isCompensation(x.input.id) && x.via.edge.compensates === undefined);
  return new Set(forward.length > 0 ? forward : r.reactions);
}

/** `r` with its outputs without `on` attached to the `answered` reactions. */
export function withAnswers(r: ParticipantReactions, answered: ReadonlySet<Reaction>): ParticipantReactions {
  const reactions = r.reactions.map((x) => {
    if (!answered.has(x)) return x;
    const copy = { ...x, onSuccess: copied(x.onSuccess), onFailure: copied(x.onFailure) };
    for (const link of r.unbound) attach(copy, link);
    return copy;
  });
  return { ...r, reactions, byInput: lookupOf(reactions) };
}
