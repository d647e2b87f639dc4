/**
 * The steps of an orchestrated saga: the commands the orchestrator sends, in the order the flow
 * reaches them, with their replies, compensations and step types (spec §2.3: declared, or
 * inferred when `auto`).
 */
import { structural, structuralPart, type Analysis, type PartReads } from './analysis.ts';
import { failureRateOf } from './attributes.ts';
import { compensationOf, consumersOf, isCompensationCommand, outputLinks, targetId, type DesignGraph, type Link } from './graph.ts';
import type { Reaction } from './reactions.ts';
import type { CommandNode, ParticipantNode, SagaNode, StepType } from './schema.ts';

export interface Step {
  command: CommandNode;
  /** The send connections from the orchestrator. */
  sends: Link[];
  /** The single handler, when there is exactly one. */
  handler?: ParticipantNode;
  compensation?: SagaNode;
  /**
   * With no compensation: a command the orchestrator sends without "on" (G013) to the same
   * handler, most likely this step's compensation with its compensated-by connection missing.
   * It is not a step of its own.
   */
  unlinkedCompensation?: CommandNode;
  successReplies: SagaNode[];
  failureReplies: SagaNode[];
  /** The step may end in a business failure: it has a failure reply, a failure rate, or is declared the pivot. */
  canFail: boolean;
  declared: StepType;
  /** The declared type, or the inferred one when declared `auto`. */
  type: Exclude<StepType, 'auto'>;
}

/**
 * The steps of the saga run by `orchestrator`, in flow order. An incremental validation keeps them
 * while edits only rename nodes, and reads the nodes again by their ids (a step's `sends` then
 * keep the connections as they were: the same edges, read for their ids only).
 */
export function stepsOf(a: Analysis, orchestrator: ParticipantNode): Step[] {
  if (!a.kept) return stepsFound(a, orchestrator);
  const kept = a.kept.get(`steps of ${orchestrator.id}`, () => stepsFound(a, orchestrator));
  // Most edits rename nothing a step holds: the kept steps are the steps (nobody changes a step once found).
  let steps: Step[] | undefined;
  for (let i = 0; i < kept.length; i++) {
    const s = kept[i]!;
    const now = withNodesOf(a, s);
    if (now !== s) (steps ??= kept.slice(0, i)).push(now);
    else steps?.push(s);
  }
  return steps ?? kept;
}

/** `s` with its nodes read again by their ids (an edit may have renamed them), or `s` itself when none changed. */
function withNodesOf(a: Analysis, s: Step): Step {
  const g = a.graph;
  if (
    current(g, s.command) &&
    (!s.handler || current(g, s.handler)) &&
    (!s.compensation || current(g, s.compensation)) &&
    (!s.unlinkedCompensation || current(g, s.unlinkedCompensation)) &&
    allCurrent(g, s.successReplies) &&
    allCurrent(g, s.failureReplies)
  ) {
    return s;
  }
  const node = <T extends SagaNode>(n: T): T => g.node.get(n.id) as T;
  const now = { ...s, command: node(s.command), successReplies: s.successReplies.map(node), failureReplies: s.failureReplies.map(node) };
  if (s.handler) now.handler = node(s.handler);
  if (s.compensation) now.compensation = node(s.compensation);
  if (s.unlinkedCompensation) now.unlinkedCompensation = node(s.unlinkedCompensation);
  return now;
}

/** Whether `n` is the node the graph holds for its id (no edit replaced it). */
const current = (g: DesignGraph, n: SagaNode): boolean => g.node.get(n.id) === n;

function allCurrent(g: DesignGraph, list: readonly SagaNode[]): boolean {
  for (let i = 0; i < list.length; i++) if (!current(g, list[i]!)) return false;
  return true;
}

function stepsFound(a: Analysis, orchestrator: ParticipantNode): Step[] {
  const g = a.graph;
  const sends = new Map<string, Link[]>();
  for (const link of outputLinks(g, orchestrator.id)) {
    if (link.target.kind !== 'command' || isCompensationCommand(g, link.target.id)) continue;
    const list = sends.get(link.target.id);
    if (list) list.push(link);
    else sends.set(link.target.id, [link]);
  }
  const unlinked = unlinkedCompensations(a, orchestrator, sends);
  const steps: Step[] = [];
  const order = flowOrderOf(a, orchestrator, [...sends.keys()]);
  // Steps found here, or kept by an incremental validation (a step that reads no unlinked compensation is kept while its command, handling and replies stay the same).
  const fresh = !a.kept || unlinked.size > 0;
  const family = `step of ${orchestrator.id}`;
  for (const id of order) {
    steps.push(fresh ? stepOf(a, orchestrator, id, sends.get(id)!, unlinked.get(id)) : structuralPart(a, family, g.at(id)!, 0, () => ({ value: stepOf(a, orchestrator, id, sends.get(id)!, undefined), reads: stepReads(a, id) })));
  }
  // Each step's type: set in place on a step found here; a kept step whose type differs is copied, so that what is kept is not changed.
  const types = typesOf(steps);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.type === types[i]) continue;
    if (fresh) s.type = types[i]!;
    else steps[i] = { ...s, type: types[i]! };
  }
  return steps;
}

/** One step, before its type is inferred. */
function stepOf(a: Analysis, orchestrator: ParticipantNode, id: string, sends: Link[], unlinkedCompensation: CommandNode | undefined): Step {
  const g = a.graph;
  const command = g.node.get(id) as CommandNode;
  const handler = handlerOf(g, id);
  const reaction = handlingOf(a, handler, id);
  const successReplies = reaction ? repliesTo(g, reaction.onSuccess, orchestrator.id) : [];
  const failureReplies = reaction ? repliesTo(g, reaction.onFailure, orchestrator.id) : [];
  const declared = command.stepType ?? 'auto';
  const failureRate = handler && reaction ? failureRateOf(handler, reaction.via) : 0;
  const step = { command, sends } as Step;
  if (handler) step.handler = handler;
  const compensation = compensationOf(g, id);
  if (compensation) step.compensation = compensation;
  if (unlinkedCompensation) step.unlinkedCompensation = unlinkedCompensation;
  step.successReplies = successReplies;
  step.failureReplies = failureReplies;
  step.canFail = failureReplies.length > 0 || failureRate > 0 || declared === 'pivot';
  step.declared = declared;
  step.type = 'compensatable';
  return step;
}

/** The handler of a command, when it has exactly one. */
function handlerOf(g: DesignGraph, commandId: string): ParticipantNode | undefined {
  const handlers = consumersOf(g, commandId);
  return handlers.length === 1 ? handlers[0] : undefined;
}

/** How `handler` handles the command. */
const handlingOf = (a: Analysis, handler: ParticipantNode | undefined, commandId: string): Reaction | undefined =>
  handler ? a.reactions.get(handler.id)?.byInput.get(commandId) : undefined;

/** What a step read (for an incremental validation to keep it): its command's handlers and what the handling emits (by their consumers). */
function stepReads(a: Analysis, id: string): PartReads {
  const reaction = handlingOf(a, handlerOf(a.graph, id), id);
  const consumers = [id];
  if (reaction) {
    for (const l of reaction.onSuccess) consumers.push(targetId(l));
    for (const l of reaction.onFailure) consumers.push(targetId(l));
  }
  return { emitters: NO_IDS, consumers };
}

const NO_IDS: readonly string[] = [];

/**
 * flowOrder, kept by an incremental validation; after an edit of the structure, still the same
 * when no handling stopped emitting something, the triggers are the same, and every new handling
 * emits a message that is no step and that nobody consumes (the walk goes no further from it).
 */
function flowOrderOf(a: Analysis, orchestrator: ParticipantNode, wanted: string[]): readonly string[] {
  const found = structural(
    a,
    `flow order of ${orchestrator.id}`,
    () => ({ wanted, order: flowOrder(a, wanted) }),
    (before, edit) => {
      const steps = new Set(wanted);
      const same =
        before.wanted.length === wanted.length &&
        before.wanted.every((id, i) => id === wanted[i]) &&
        !edit.reactionsLost &&
        edit.triggersBefore.length === a.triggers.length &&
        edit.triggersBefore.every((id, i) => id === a.triggers[i]!.id) &&
        edit.reactionsAdded.every((h) => !steps.has(h.output) && consumersOf(a.graph, h.output).length === 0);
      return same ? before : undefined;
    },
  );
  return found.order;
}

/** The events among `links`' targets that the orchestrator subscribes to: its replies. */
function repliesTo(g: DesignGraph, links: readonly Link[], orchestratorId: string): SagaNode[] {
  const replies: SagaNode[] = [];
  for (const l of links) {
    if (l.target.kind === 'event' && consumersOf(g, l.target.id).some((c) => c.id === orchestratorId)) replies.push(l.target);
  }
  return replies;
}

/**
 * Commands the orchestrator sends only without "on" when it must say it (it consumes several
 * messages: G013), handled by the handler of another step that has no compensation: most likely
 * that step's compensation, whose compensated-by connection is missing (the orchestrator sends
 * compensations without "on"). They are taken out of `sends`; the result maps each such step to it.
 */
function unlinkedCompensations(a: Analysis, orchestrator: ParticipantNode, sends: Map<string, Link[]>): Map<string, CommandNode> {
  const result = new Map<string, CommandNode>();
  const unbound = new Set(a.reactions.get(orchestrator.id)?.unbound.map((l) => l.edge.id));
  if (unbound.size === 0) return result;
  const g = a.graph;
  const onlyHandler = (id: string) => handlerOf(g, id)?.id;
  const loose = new Set([...sends].filter(([, links]) => links.every((l) => unbound.has(l.edge.id))).map(([id]) => id));
  // The other steps without a compensation, by their handler, in the order the orchestrator sends them.
  const uncompensated = new Map<string, string[]>();
  for (const id of sends.keys()) {
    const handler = onlyHandler(id);
    if (loose.has(id) || handler === undefined || compensationOf(g, id)) continue;
    const list = uncompensated.get(handler);
    if (list) list.push(id);
    else uncompensated.set(handler, [id]);
  }
  const taken = new Map<string, number>();
  for (const id of loose) {
    const handler = onlyHandler(id);
    const candidates = handler === undefined ? undefined : uncompensated.get(handler);
    const next = taken.get(handler!) ?? 0;
    if (!candidates || next >= candidates.length) continue;
    taken.set(handler!, next + 1);
    result.set(candidates[next]!, g.node.get(id) as CommandNode);
    sends.delete(id);
  }
  return result;
}

/**
 * The type of each step, inferred where it is `auto`: steps with a compensation are compensatable;
 * the pivot is the declared one, else the go/no-go step (see `inferredPivot`); steps after the
 * pivot are retriable. Steps before the pivot without a compensation stay compensatable (O008
 * then asks for one). With no pivot at all, trailing steps after the last step that can fail are
 * retriable.
 */
function typesOf(steps: readonly Step[]): Step['type'][] {
  let pivot = steps.findIndex((s) => s.declared === 'pivot');
  if (pivot < 0) pivot = inferredPivot(steps);
  let lastFailing = -1;
  steps.forEach((s, i) => {
    if (s.canFail) lastFailing = i;
  });
  return steps.map((s, i) => {
    if (s.declared !== 'auto') return s.declared;
    if (s.compensation) return 'compensatable';
    if (i === pivot) return 'pivot';
    if (pivot >= 0 ? i > pivot : i > lastFailing) return 'retriable';
    return 'compensatable';
  });
}

/**
 * The go/no-go step when none is declared: a step left on `auto`, without a compensation, that
 * can fail and comes after every step that can be undone (a compensatable one). Of those, the last
 * that answers with a failure reply (the last that may fail on a business rule), else the first.
 * In a well-formed saga that is the first step without a compensation that can fail (spec §2.3);
 * in one that lost a compensation, it keeps the pivot where the drawing most likely means it, so
 * that O008 names the step that lost its compensation rather than O007/O009 the steps around it.
 * -1 when there is none.
 */
export function inferredPivot(steps: readonly Step[]): number {
  let undoable = -1;
  steps.forEach((s, i) => {
    if (s.declared === 'compensatable' || (s.declared === 'auto' && s.compensation)) undoable = i;
  });
  let first = -1;
  let lastReplying = -1;
  steps.forEach((s, i) => {
    if (i <= undoable || s.declared !== 'auto' || s.compensation || !s.canFail) return;
    if (first < 0) first = i;
    if (s.failureReplies.length > 0) lastReplying = i;
  });
  return lastReplying >= 0 ? lastReplying : first;
}

/**
 * Orders commands by the flow: breadth-first from the triggers along success outputs first,
 * then along failure outputs; commands the flow never reaches come last, in document order.
 */
function flowOrder(a: Analysis, commandIds: readonly string[]): string[] {
  const wanted = new Set(commandIds);
  const order: string[] = [];
  const seen = new Set<string>();
  for (const followFailures of [false, true]) {
    // Once every command is placed, walking on places none.
    if (seen.size === wanted.size) break;
    const queue = a.triggers.map((t) => t.id);
    const reached = new Set(queue);
    for (let i = 0; i < queue.length && seen.size < wanted.size; i++) {
      const message = queue[i]!;
      if (wanted.has(message) && !seen.has(message)) {
        seen.add(message);
        order.push(message);
      }
      const consumers = consumersOf(a.graph, message);
      for (let c = 0; c < consumers.length; c++) {
        const reaction = a.reactions.get(consumers[c]!.id)?.byInput.get(message);
        if (!reaction) continue;
        reach(queue, reached, reaction.onSuccess);
        if (followFailures) reach(queue, reached, reaction.onFailure);
      }
    }
  }
  for (const id of commandIds) if (!seen.has(id)) order.push(id);
  return order;
}

/** Adds to `queue` the targets of `links` not `reached` yet. */
function reach(queue: string[], reached: Set<string>, links: readonly Link[]): void {
  for (let k = 0; k < links.length; k++) {
    const id = targetId(links[k]!);
    if (!reached.has(id)) {
      reached.add(id);
      queue.push(id);
    }
  }
}
