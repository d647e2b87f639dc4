/**
 * Choreography -> orchestration (spec §6.2): a new orchestrator receives the trigger and
 * commands each workflow step (each participant's reaction on the success path) in turn, hearing
 * its replies; reactions with `compensates` become compensation commands (compensated-by), and
 * reactions that followed a failure become commands the orchestrator sends once it has undone
 * the completed steps.
 */
import { listing, type Analysis } from '../analysis.ts';
import { failureRateOf, isIdempotent } from '../attributes.ts';
import { isFailureEvent } from '../graph.ts';
import type { Reaction } from '../reactions.ts';
import type { CommandNode, ParticipantNode, RetryPolicy, SagaNode, StepType } from '../schema.ts';
import { Draft } from './draft.ts';
import { commandForEvent, commandForReaction, eventForCommand } from './naming.ts';
import { Outputs, type Converted } from './outputs.ts';
import type { BehaviourDifference, ConversionNote } from './report.ts';
import { markTerminal, viaAttrs } from './to-choreography.ts';

/** How long the orchestrator waits for a reply before it treats the step as failed. */
export const STEP_TIMEOUT_MS = 5_000;

interface Handling {
  p: ParticipantNode;
  r: Reaction;
}

interface StepPlan extends Handling {
  command: SagaNode;
  reply: SagaNode;
  type: Exclude<StepType, 'auto'>;
  compensations: Handling[];
}

const retryFor = (p: ParticipantNode): RetryPolicy => ({ maxAttempts: isIdempotent(p) ? 0 : 3, initialIntervalMs: 200, backoffCoefficient: 2, maxIntervalMs: 10_000 });
const firstSuccessEvent = (r: Reaction): SagaNode | undefined => r.onSuccess.find((l) => l.target.kind === 'event' && !isFailureEvent(l.target))?.target;

export interface ToOrchestrationOptions {
  /**
   * Fire-and-forget reactions (nothing waits for their result: they cannot fail, are not undone
   * and nobody reacts to what they publish) stay subscribers instead of becoming commanded steps:
   * the result is then a hybrid, as the articles recommend.
   */
  keepFireAndForget: boolean;
}

export function toOrchestration(a: Analysis, options: ToOrchestrationOptions = { keepFireAndForget: false }): Converted | string {
  const doc = a.doc;
  const g = a.graph;
  const draft = new Draft(doc);
  const outputs = new Outputs();
  const decisions: ConversionNote[] = [];
  const differences: BehaviourDifference[] = [];
  const trigger = a.triggers[0]!;

  // Every reaction of every service, sorted: forward (reached from the trigger along successes), compensating, after a failure.
  const handlings: Handling[] = [];
  for (const table of a.reactions.values()) for (const r of table.reactions) handlings.push({ p: table.participant, r });
  if (handlings.some((h) => h.p.kind === 'orchestrator')) return 'the design has an orchestrator already';
  const reached = new Set([trigger.id]);
  const queue = [trigger.id];
  for (let i = 0; i < queue.length; i++)
    for (const c of g.consumers(queue[i]!)) {
      const r = a.reactions.get(c.id)?.byInput.get(queue[i]!);
      if (!r || r.via.edge.compensates) continue;
      for (const l of r.onSuccess)
        if (l.target.kind === 'event' && !reached.has(l.target.id)) {
          reached.add(l.target.id);
          queue.push(l.target.id);
        }
    }
  const forward = handlings.filter((h) => reached.has(h.r.input.id) && !h.r.via.edge.compensates && !isFailureEvent(h.r.input));
  const compensating = handlings.filter((h) => h.r.via.edge.compensates !== undefined);
  const forwardSet = new Set(forward);
  const compensatingSet = new Set(compensating);
  const later = handlings.filter((h) => !forwardSet.has(h) && !compensatingSet.has(h));
  const laterSet = new Set(later);
  const byInput = new Map<string, Handling[]>();
  for (const h of handlings) byInput.set(h.r.input.id, [...(byInput.get(h.r.input.id) ?? []), h]);
  const key = (p: string, m: string) => `${p}|${m}`;
  const compensationsOf = new Map<string, Handling[]>();
  for (const h of compensating) {
    const k = key(h.p.id, h.r.via.edge.compensates!);
    compensationsOf.set(k, [...(compensationsOf.get(k) ?? []), h]);
  }
  const forwardKeys = new Set(forward.map((h) => key(h.p.id, h.r.input.id)));
  for (const h of compensating)
    if (!forwardKeys.has(key(h.p.id, h.r.via.edge.compensates!)))
      return `${h.p.name} undoes ${a.name(h.r.via.edge.compensates!)} on ${h.r.input.name}, but its handling of ${a.name(h.r.via.edge.compensates!)} is not on the success path from ${trigger.name}`;

  // The order of the steps: the flow's order, undoable steps first among those that may run in parallel.
  const order = orderSteps(forward, (h) => (compensationsOf.has(key(h.p.id, h.r.input.id)) || isQuery(h) ? 0 : canFail(h) ? 1 : 2));
  if (order.length < forward.length) return 'the reactions on the success path form a cycle, so there is no order in which to command them';
  const fireAndForget = new Set(
    options.keepFireAndForget
      ? forward.filter(
          (h) =>
            h.r.input.id !== trigger.id &&
            !isQuery(h) &&
            !canFail(h) &&
            !compensationsOf.has(key(h.p.id, h.r.input.id)) &&
            h.r.onSuccess.every((l) => !byInput.has(l.target.id)),
        )
      : [],
  );
  const steps = order.filter((h) => !fireAndForget.has(h));
  const parallel = parallelGroups(steps);

  // The nodes: everything the participants had; the orchestrator and the commands are new.
  for (const n of doc.nodes) {
    if (n.id === trigger.id && n.kind === 'command') {
      const { stepType: _t, ...rest } = n;
      draft.keep(rest);
    } else draft.keep({ ...n });
  }
  const base = `${trigger.name.trim()}Saga`;
  const orchestratorName = draft.uniqueName('orchestrator', base, [`${base}Orchestrator`]);
  const o = draft.add({ kind: 'orchestrator', name: draft.nameTaken('service', orchestratorName) ? `${orchestratorName}Orchestrator` : orchestratorName, durable: true });
  if (trigger.kind === 'command') {
    for (const e of doc.edges) if (e.target === trigger.id) draft.link(e.source, trigger.id, {}, e.id);
    draft.link(trigger.id, o.id);
  } else draft.link(trigger.id, o.id);

  // The steps.
  let pivot: StepPlan | undefined;
  const plans: StepPlan[] = [];
  let previous = trigger.id;
  for (const h of steps) {
    const compensations = compensationsOf.get(key(h.p.id, h.r.input.id)) ?? [];
    const type: StepPlan['type'] = isQuery(h) ? 'query' : compensations.length ? 'compensatable' : pivot ? 'retriable' : 'pivot';
    const primary = firstSuccessEvent(h.r);
    const name = (primary && commandForEvent(primary.name)) || commandForReaction(h.r.input.name, h.p.name);
    const command = draft.add({
      kind: 'command',
      name: draft.uniqueName('command', name, [`${name}Step`]),
      stepType: type,
      timeoutMs: STEP_TIMEOUT_MS,
      ...(type === 'retriable' ? { retry: retryFor(h.p) } : {}),
    } as Omit<CommandNode, 'id'>);
    const reply = primary ?? draft.add({ kind: 'event', name: eventForCommand(command.name) });
    if (!primary) outputs.add(h.p.id, reply.id, command.id);
    const plan: StepPlan = { ...h, command, reply, type, compensations };
    if (type === 'pivot') pivot = plan;
    plans.push(plan);
    draft.link(o.id, command.id, { on: [previous] });
    draft.link(command.id, h.p.id, viaAttrs(h.r.via.edge));
    for (const l of [...h.r.onSuccess, ...h.r.onFailure]) outputs.add(h.p.id, l.target.id, command.id);
    draft.link(reply.id, o.id);
    for (const l of h.r.onFailure) draft.link(l.target.id, o.id);
    previous = reply.id;
    decisions.push({
      message: `${h.p.name} handles ${command.name} instead of reacting to ${h.r.input.name}, and replies with ${listing([reply.name, ...h.r.onFailure.map((l) => l.target.name)], 'or')}.`,
      nodes: [h.p.id, command.id, reply.id],
    });
    if (compensations.length) {
      const undoReply = compensations.map((c) => firstSuccessEvent(c.r)).find(Boolean);
      const undoName = (undoReply && commandForEvent(undoReply.name)) || `Undo${command.name}`;
      const undo = draft.add({ kind: 'command', name: draft.uniqueName('command', undoName, [`Undo${command.name}`]), retry: retryFor(h.p) });
      draft.link(command.id, undo.id);
      draft.link(o.id, undo.id);
      draft.link(undo.id, h.p.id, viaAttrs(compensations[0]!.r.via.edge));
      for (const c of compensations) for (const l of [...c.r.onSuccess, ...c.r.onFailure]) outputs.add(h.p.id, l.target.id, undo.id);
      if (undoReply) draft.link(undoReply.id, o.id);
      decisions.push({
        message: `${h.p.name}'s compensating reaction${compensations.length === 1 ? '' : 's'} to ${listing(compensations.map((c) => c.r.input.name))} ${compensations.length === 1 ? 'becomes' : 'become'} ${undo.name}, the compensation of ${command.name}, which ${o.name} sends when a later step fails.`,
        nodes: [h.p.id, undo.id, command.id],
      });
    }
  }
  decisions.unshift({
    message: `${o.name} is new: it receives ${trigger.name} and commands the steps in turn: ${listing(plans.map((s) => s.command.name))}.`,
    nodes: [o.id, trigger.id],
  });

  // Reactions that followed a failure: commands the orchestrator sends once the completed steps are undone.
  const afterFailure = new Map<Handling, Set<string>>();
  for (const s of plans)
    for (const f of s.r.onFailure) {
      const seen = new Set([f.target.id]);
      const q = [f.target.id];
      for (let i = 0; i < q.length; i++)
        for (const h of byInput.get(q[i]!) ?? []) {
          if (laterSet.has(h)) afterFailure.set(h, (afterFailure.get(h) ?? new Set()).add(f.target.id));
          else if (compensatingSet.has(h))
            for (const l of h.r.onSuccess)
              if (!seen.has(l.target.id)) {
                seen.add(l.target.id);
                q.push(l.target.id);
              }
        }
    }
  // One command per participant and what it publishes: reactions to several failures that do the same are one step.
  const groups = new Map<string, { handlings: Handling[]; failures: Set<string> }>();
  for (const h of later) {
    const failures = afterFailure.get(h);
    if (!failures) return `${h.p.name} reacts to ${h.r.input.name}, which neither follows from ${trigger.name} nor from a failure and the compensations after it`;
    const further = h.r.onSuccess.find((l) => byInput.has(l.target.id));
    if (further) return `${h.p.name}'s reaction to ${h.r.input.name} leads to further reactions (to ${further.target.name}); Sagaboard converts one reaction after a failure, not a chain of them`;
    const k = key(h.p.id, [...h.r.onSuccess, ...h.r.onFailure].map((l) => l.target.id).sort().join(','));
    const group = groups.get(k) ?? { handlings: [], failures: new Set<string>() };
    group.handlings.push(h);
    for (const f of failures) group.failures.add(f);
    groups.set(k, group);
  }
  for (const { handlings: hs, failures } of groups.values()) {
    const h = hs[0]!;
    const primary = firstSuccessEvent(h.r);
    const name = (primary && commandForEvent(primary.name)) || commandForReaction(h.r.input.name, h.p.name);
    const command = draft.add({ kind: 'command', name: draft.uniqueName('command', name, [`${name}Step`]), stepType: 'retriable', timeoutMs: STEP_TIMEOUT_MS, retry: retryFor(h.p) });
    const reply = primary ?? draft.add({ kind: 'event', name: eventForCommand(command.name) });
    if (!primary) outputs.add(h.p.id, reply.id, command.id);
    draft.link(o.id, command.id, { on: [...failures] });
    draft.link(command.id, h.p.id, viaAttrs(h.r.via.edge));
    for (const x of hs) for (const l of [...x.r.onSuccess, ...x.r.onFailure]) outputs.add(h.p.id, l.target.id, command.id);
    draft.link(reply.id, o.id);
    decisions.push({
      message: `${h.p.name}'s reaction${hs.length === 1 ? '' : 's'} to ${listing(hs.map((x) => x.r.input.name))} ${hs.length === 1 ? 'becomes' : 'become'} ${command.name}, which ${o.name} sends after ${listing([...failures].map(a.name), 'or')}, once it has undone the completed steps.`,
      nodes: [h.p.id, command.id],
    });
  }
  for (const h of fireAndForget) {
    draft.link(h.r.input.id, h.p.id, viaAttrs(h.r.via.edge), h.r.via.edge.id);
    for (const l of h.r.onSuccess) outputs.add(h.p.id, l.target.id, h.r.input.id);
  }
  if (fireAndForget.size > 0)
    decisions.push({
      message: `${listing([...fireAndForget].map((h) => `${h.p.name} (on ${h.r.input.name})`))} ${fireAndForget.size === 1 ? 'stays a subscriber' : 'stay subscribers'}: nothing waits for ${fireAndForget.size === 1 ? 'its' : 'their'} result (fire-and-forget), so ${o.name} orchestrates the workflow and the rest reacts to events. The result is a hybrid.`,
      nodes: [...fireAndForget].map((h) => h.p.id),
    });
  outputs.draw(draft, doc);

  const compensatable = plans.filter((s) => s.type === 'compensatable');
  const retriable = plans.filter((s) => s.type === 'retriable');
  const queries = plans.filter((s) => s.type === 'query');
  decisions.push({
    message: [
      queries.length ? `${listing(queries.map((s) => s.command.name))} ${queries.length === 1 ? 'is a query' : 'are queries'}: ${queries.length === 1 ? 'it changes' : 'they change'} nothing` : '',
      compensatable.length ? `${listing(compensatable.map((s) => s.command.name))} ${compensatable.length === 1 ? 'is' : 'are'} compensatable` : '',
      pivot ? `${pivot.command.name} is the pivot (the first step that is not undone)` : '',
      retriable.length ? `${listing(retriable.map((s) => s.command.name))} ${retriable.length === 1 ? 'is' : 'are'} retriable and retried until ${retriable.length === 1 ? 'it succeeds' : 'they succeed'}` : '',
    ]
      .filter(Boolean)
      .join('; ')
      .concat(`. Every step has a timeout of ${STEP_TIMEOUT_MS / 1000} s; compensations are retried.`),
    nodes: plans.map((s) => s.command.id),
  });
  const ends = markTerminal(draft);
  if (ends.length > 0)
    decisions.push({ message: `${listing(ends.map((e) => e.name))} now ${ends.length === 1 ? 'ends' : 'end'} the process (marked terminal): the next step is commanded instead.`, nodes: ends.map((e) => e.id) });

  for (const group of parallel)
    differences.push({
      message: `${listing(group.map((h) => h.p.name))} reacted to ${group[0]!.r.input.name} in parallel; ${o.name} now commands them one after the other (${plans.filter((s) => group.some((h) => h.r === s.r)).map((s) => s.command.name).join(', then ')}), so the saga takes longer.`,
      nodes: group.map((h) => h.p.id),
      participants: [],
    });
  if (compensating.length > 0)
    differences.push({
      message: `In the choreography each participant undid its work as the failure event reached it; ${o.name} undoes the completed steps one at a time, in reverse order of completion.`,
      nodes: [o.id],
      participants: [],
    });
  plans.forEach((s, i) => {
    if (s.type === 'retriable')
      differences.push({
        message: `${s.command.name} comes after the pivot${pivot ? ` ${pivot.command.name}` : ''}: ${o.name} retries it until it succeeds, so if ${s.p.name} fails for good the saga is stuck, where the choreography ended inconsistent.`,
        nodes: [s.p.id, s.command.id],
        participants: [s.p.id],
      });
    else if (s.r.onFailure.length === 0 && plans.slice(0, i).some((t) => t.type !== 'query'))
      differences.push({
        message: `${s.p.name} has no failure event for ${s.command.name}: where the choreography never heard of its failure (and left the earlier steps applied), ${o.name} notices it when the timeout fires and undoes the completed steps.`,
        nodes: [s.p.id, s.command.id],
        participants: [s.p.id],
      });
  });
  return { draft, decisions, differences };
}

const isQuery = (h: Handling): boolean => h.r.input.kind === 'command' && h.r.input.stepType === 'query';
const canFail = (h: Handling): boolean => h.r.onFailure.length > 0 || failureRateOf(h.p, h.r.via) > 0;

/** A topological order of the forward reactions (a reaction after the one whose event it handles), lowest `rank` first among those ready. */
function orderSteps(forward: readonly Handling[], rank: (h: Handling) => number): Handling[] {
  const producers = new Map<string, Handling[]>();
  for (const h of forward) for (const l of h.r.onSuccess) producers.set(l.target.id, [...(producers.get(l.target.id) ?? []), h]);
  const waiting = new Map(forward.map((h) => [h, new Set((producers.get(h.r.input.id) ?? []).filter((p) => p !== h)).size]));
  const ready = forward.filter((h) => waiting.get(h) === 0);
  const order: Handling[] = [];
  const seq = new Map(forward.map((h, i) => [h, i]));
  while (ready.length > 0) {
    ready.sort((x, y) => rank(x) - rank(y) || seq.get(x)! - seq.get(y)!);
    const h = ready.shift()!;
    order.push(h);
    for (const l of h.r.onSuccess)
      for (const next of forward) {
        if (next.r.input.id !== l.target.id || !waiting.has(next)) continue;
        const left = waiting.get(next)! - 1;
        waiting.set(next, left);
        if (left === 0) ready.push(next);
      }
  }
  return order;
}

/** Groups of forward reactions to the same message (they ran in parallel). */
function parallelGroups(forward: readonly Handling[]): Handling[][] {
  const byInput = new Map<string, Handling[]>();
  for (const h of forward) byInput.set(h.r.input.id, [...(byInput.get(h.r.input.id) ?? []), h]);
  return [...byInput.values()].filter((g) => g.length > 1);
}
