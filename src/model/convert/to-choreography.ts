/**
 * Orchestration -> choreography (spec §6.2): the orchestrator's sequencing becomes
 * subscriptions (each step's participant subscribes to what made the orchestrator send its
 * command: the previous step's success event), and its backward recovery becomes failure events
 * that the earlier participants subscribe to with `compensates`, one after the other, in the
 * reverse order the orchestrator would have undone them.
 */
import { listing, type Analysis } from '../analysis.ts';
import { DEFAULTS } from '../attributes.ts';
import { isFailureEvent } from '../graph.ts';
import type { Reaction } from '../reactions.ts';
import type { EventNode, OrchestratorNode, SagaEdge, SagaNode } from '../schema.ts';
import { stepsOf, type Step } from '../steps.ts';
import { Draft } from './draft.ts';
import { eventForCommand } from './naming.ts';
import { Outputs, type Converted } from './outputs.ts';
import type { BehaviourDifference, ConversionNote } from './report.ts';

export interface ToChoreographyOptions {
  /** The former orchestrator subscribes to success replies to publish what it published on them (e.g. OrderCompleted). */
  endSubscriptions: boolean;
}

export function toChoreography(a: Analysis, o: OrchestratorNode, options: ToChoreographyOptions): Converted {
  const g = a.graph;
  const doc = a.doc;
  const draft = new Draft(doc);
  const decisions: ConversionNote[] = [];
  const differences: BehaviourDifference[] = [];
  const outputs = new Outputs();
  const name = (id: string) => a.name(id);

  const steps = stepsOf(a, o);
  const stepOf = new Map(steps.map((s) => [s.command.id, s]));
  const index = new Map(steps.map((s, i) => [s, i]));
  const compensationOf = new Map(steps.filter((s) => s.compensation).map((s) => [s.compensation!.id, s]));
  const replyStep = new Map<string, Step>();
  for (const s of steps) for (const r of s.successReplies) if (!replyStep.has(r.id)) replyStep.set(r.id, s);
  const own = a.reactions.get(o.id)!;
  const handlerReaction = (s: Step | undefined, command: string | undefined): Reaction | undefined =>
    s?.handler && command ? a.reactions.get(s.handler.id)?.byInput.get(command) : undefined;

  // What made the orchestrator send each step: the inputs of its reactions that send the command.
  const causes = new Map<Step, string[]>();
  for (const r of own.reactions)
    for (const l of r.onSuccess) {
      const s = stepOf.get(l.target.id);
      if (s) causes.set(s, [...(causes.get(s) ?? []), r.input.id]);
    }

  // The nodes: everything but the orchestrator and the commands it sends.
  const service = draft.keep({
    id: o.id,
    kind: 'service',
    name: o.name,
    idempotent: true,
    latencyMs: o.latencyMs ?? DEFAULTS.orchestratorLatencyMs,
    ...(o.position ? { position: o.position } : {}),
  });
  const triggers = new Set(a.triggers.map((t) => t.id));
  for (const n of doc.nodes) {
    if (n.id === o.id || stepOf.has(n.id) || compensationOf.has(n.id)) continue;
    const handledByOrchestrator = n.kind === 'command' && triggers.has(n.id) && g.consumers(n.id).some((c) => c.id === o.id);
    draft.keep(handledByOrchestrator ? { ...n, stepType: 'query' } : { ...n });
  }

  // `after(m)`: what a participant now subscribes to where the orchestrator acted on m.
  const after = new Map<string, string>();
  for (const r of own.reactions) {
    const input = r.input;
    if (input.kind === 'command') {
      const start = draft.add({ kind: 'event', name: eventForCommand(input.name) });
      after.set(input.id, start.id);
      draft.link(input.id, o.id, viaAttrs(r.via.edge), r.via.edge.id);
      outputs.add(o.id, start.id, input.id);
      decisions.push({
        message: `${o.name} no longer orchestrates: it becomes a service that receives ${input.name} and announces it as ${start.name}; ${input.name} is marked a query step, since the orchestrator changed nothing there that needs undoing.`,
        nodes: [o.id, input.id, start.id],
      });
    } else if (!isFailureEvent(input)) after.set(input.id, input.id);
  }
  const afterOf = (m: string) => after.get(m) ?? m;

  // Backward recovery as chains of compensating subscriptions, one per failure event.
  const ancestors = (s: Step): Step[] => {
    const found = new Set<Step>();
    const queue = [s];
    for (let i = 0; i < queue.length; i++)
      for (const c of causes.get(queue[i]!) ?? []) {
        const p = replyStep.get(c);
        if (p && !found.has(p)) {
          found.add(p);
          queue.push(p);
        }
      }
    return [...found].sort((x, y) => index.get(y)! - index.get(x)!);
  };
  const undoEvent = new Map<Step, SagaNode>();
  const undoFor = (s: Step): SagaNode => {
    let e = undoEvent.get(s);
    if (e) return e;
    const reply = handlerReaction(s, s.compensation?.id)?.onSuccess.find((l) => l.target.kind === 'event')?.target;
    e = reply ? draft.node(reply.id)! : draft.add({ kind: 'event', name: eventForCommand(s.compensation ? s.compensation.name : `Undo${s.command.name}`) });
    undoEvent.set(s, e);
    return e;
  };
  const queries = new Map<string, { step: Step; failures: Set<string> }>();
  const failureSteps = new Map<string, Step>();
  for (const s of steps) for (const l of handlerReaction(s, s.command.id)?.onFailure ?? []) if (!failureSteps.has(l.target.id)) failureSteps.set(l.target.id, s);
  // A step the orchestrator learnt had failed only by its timeout (or never): its participant now says so with a failure event.
  const announced = new Map<Step, SagaNode>();
  for (const s of steps) {
    if (!s.handler || s.type === 'retriable' || (handlerReaction(s, s.command.id)?.onFailure.length ?? 1) > 0) continue;
    if (!ancestors(s).some((j) => j.compensation || j.type === 'query')) {
      if (s.command.timeoutMs === undefined)
        differences.push({
          message: `${s.handler.name} has no failure reply for ${s.command.name} and no timeout, so ${o.name} waited forever when it failed (stuck); in the choreography nobody waits, and with nothing done before it to undo, the saga ends compensated.`,
          nodes: [s.handler.id],
          participants: [s.handler.id],
        });
      continue;
    }
    const failed = draft.add({ kind: 'event', name: `${s.command.name.trim()}Failed`, outcome: 'failure' });
    announced.set(s, failed);
    failureSteps.set(failed.id, s);
    if (s.command.timeoutMs !== undefined)
      decisions.push({
        message: `${o.name} learnt that ${s.command.name} had failed when its timeout fired; in the choreography ${s.handler.name} publishes ${failed.name} when it fails, so the earlier steps are still undone.`,
        nodes: [s.handler.id, failed.id],
      });
    else
      differences.push({
        message: `${s.handler.name} had no failure reply for ${s.command.name} and no timeout, so ${o.name} waited forever when it failed (stuck); in the choreography it publishes ${failed.name} and the earlier steps are undone (compensated).`,
        nodes: [s.handler.id, failed.id],
        participants: [s.handler.id],
      });
  }
  for (const [failure, failing] of failureSteps) {
    let x = failure;
    const before = ancestors(failing);
    for (const j of before) {
      if (!j.handler) continue;
      if (!j.compensation && j.type !== 'query') {
        differences.push({
          message: `When ${failing.handler?.name ?? failing.command.name} fails, nothing undoes ${j.handler.name}'s ${j.command.name}, in the orchestration as in the choreography.`,
          nodes: [j.handler.id, failure],
          participants: [],
        });
        continue;
      }
      const forward = afterOf((causes.get(j) ?? [])[0] ?? '');
      const undo = undoFor(j);
      const compensating = handlerReaction(j, j.compensation?.id);
      draft.link(x, j.handler.id, { compensates: forward, ...viaAttrs(compensating?.via.edge) });
      outputs.add(j.handler.id, undo.id, x);
      for (const l of compensating?.onSuccess ?? []) outputs.add(j.handler.id, l.target.id, x);
      if (j.type === 'query') {
        const q = queries.get(j.handler.id + j.command.id) ?? { step: j, failures: new Set<string>() };
        q.failures.add(failure);
        queries.set(j.handler.id + j.command.id, q);
      }
      x = undo.id;
    }
    after.set(failure, x);
    const sibling = steps.filter((t) => t !== failing && index.get(t)! < index.get(failing)! && t.compensation && !before.includes(t));
    if (sibling.length > 0 && failing.handler)
      differences.push({
        message: `${listing(sibling.map((t) => t.command.name))} ${sibling.length === 1 ? 'runs' : 'run'} beside ${failing.command.name}, not before it: when ${failing.handler.name} fails, the orchestrator undid ${sibling.length === 1 ? 'it' : 'them'} if completed, the choreography does not.`,
        nodes: [failure, ...sibling.map((t) => t.handler?.id ?? t.command.id)],
        participants: [failing.handler.id],
      });
  }

  // The steps: each participant subscribes to what made the orchestrator command it.
  for (const s of steps) {
    const h = s.handler;
    const r = handlerReaction(s, s.command.id);
    if (!h || !r) continue;
    const inputs = (causes.get(s) ?? []).map(afterOf);
    for (const input of inputs) draft.link(input, h.id, viaAttrs(r.via.edge));
    for (const l of [...r.onSuccess, ...r.onFailure]) for (const input of inputs) outputs.add(h.id, l.target.id, input);
    const failed = announced.get(s);
    if (failed) for (const input of inputs) outputs.add(h.id, failed.id, input);
    decisions.push({
      message: `${h.name} subscribes to ${listing(inputs.map((i) => draft.node(i)!.name))} instead of handling ${s.command.name}.`,
      nodes: [h.id, ...inputs],
    });
    if (s.type === 'retriable')
      differences.push({
        message: `${s.command.name} came after the pivot and ${o.name} retried it until it succeeded; in the choreography nobody retries a business failure of ${h.name}, so if it fails for good the saga ends inconsistent instead of stuck.`,
        nodes: [h.id],
        participants: [h.id],
      });
  }
  for (const s of steps) {
    const h = s.handler;
    const undo = undoEvent.get(s);
    if (!h || !undo || s.type === 'query') continue;
    decisions.push({
      message: `${h.name} undoes ${s.command.name} by subscribing with compensates to ${listing(inputsOf(draft.edges, h.id, true).map((e) => draft.node(e)!.name))} and publishes ${undo.name}, instead of handling ${s.compensation!.name}.`,
      nodes: [h.id, undo.id],
    });
  }
  for (const { step, failures } of queries.values())
    differences.push({
      message: `${step.command.name} was a query step, which needs no undo; as a reaction to an event it counts as a change, so ${step.handler!.name} now also hears ${listing([...failures].map(name))} and undoes it (a no-op), publishing ${undoFor(step).name}.`,
      nodes: [step.handler!.id, undoFor(step).id],
      participants: [],
      noOpUndo: [step.handler!.id],
    });
  const timed = steps.filter((s) => s.command.timeoutMs !== undefined);
  if (timed.length > 0)
    differences.push({
      message: `The timeouts of ${listing(timed.map((s) => s.command.name))} are gone: nobody waits for a reply in a choreography, so a reply lost in a crash leaves the saga waiting instead of failing the step.`,
      nodes: timed.flatMap((s) => (s.handler ? [s.handler.id] : [])),
      participants: [],
    });

  // What the orchestrator published itself (OrderCompleted, OrderCancelled) the service still publishes.
  for (const r of own.reactions) {
    const events = r.onSuccess.filter((l) => l.target.kind === 'event');
    if (events.length === 0 || r.input.kind === 'command') {
      for (const l of events) outputs.add(o.id, l.target.id, r.input.id);
      continue;
    }
    const failure = isFailureEvent(r.input);
    if (!failure && !options.endSubscriptions) {
      decisions.push({
        message: `${o.name} no longer publishes ${listing(events.map((l) => l.target.name))} on ${r.input.name}: subscribing to it would make ${o.name} a hidden orchestrator.`,
        nodes: [o.id, ...events.map((l) => l.target.id)],
      });
      continue;
    }
    const input = afterOf(r.input.id);
    draft.link(input, o.id, viaAttrs(r.via.edge));
    for (const l of events) outputs.add(o.id, l.target.id, input);
    decisions.push({
      message: `${o.name} subscribes to ${draft.node(input)!.name} to publish ${listing(events.map((l) => l.target.name))}, as it did as the orchestrator${failure ? ' once the completed steps were undone' : ''}.`,
      nodes: [o.id, input],
    });
  }

  // Everything else the participants do stays as it was.
  for (const [pid, table] of a.reactions) {
    if (pid === o.id) continue;
    for (const r of table.reactions) {
      if (stepOf.has(r.input.id) || compensationOf.has(r.input.id)) continue;
      draft.link(r.input.id, pid, { ...viaAttrs(r.via.edge), ...(r.via.edge.compensates ? { compensates: r.via.edge.compensates } : {}) }, r.via.edge.id);
      for (const l of [...r.onSuccess, ...r.onFailure]) outputs.add(pid, l.target.id, r.input.id);
    }
  }
  for (const e of doc.edges) {
    const s = draft.node(e.source);
    const t = draft.node(e.target);
    if (s && t && (s.kind === 'actor' || (s.kind === 'command' && t.kind === 'command'))) draft.link(e.source, e.target, {}, e.id);
  }
  outputs.draw(draft, doc);

  // A failure event must be heard (C006); an event nobody consumes now ends the process.
  const consumed = new Set(draft.edges.map((e) => e.source));
  const published = new Set(draft.edges.map((e) => e.target));
  for (const n of draft.nodes) {
    if (n.kind !== 'event' || consumed.has(n.id) || !published.has(n.id)) continue;
    if (isFailureEvent(n)) {
      draft.link(n.id, o.id);
      decisions.push({ message: `${o.name} subscribes to ${n.name}, so that the failure is heard.`, nodes: [o.id, n.id] });
    }
  }
  const ends = markTerminal(draft);
  if (ends.length > 0)
    decisions.push({ message: `${listing(ends.map((e) => e.name))} now ${ends.length === 1 ? 'ends' : 'end'} the process (marked terminal): nobody consumes ${ends.length === 1 ? 'it' : 'them'}.`, nodes: ends.map((e) => e.id) });
  if (!draft.edges.some((e) => e.source === service.id || e.target === service.id))
    draft.replaceAll(
      draft.nodes.filter((n) => n !== service),
      draft.edges,
    );
  const relay = withoutRelay(draft, service.id);
  if (relay) {
    decisions.splice(0, 1, {
      message: `${o.name} is not needed in the choreography: it would only pass ${relay.trigger} on, so ${relay.handler} handles ${relay.trigger} itself.`,
      nodes: [],
    });
  }
  const removed = [...stepOf.keys(), ...compensationOf.keys()].map(name);
  decisions.push({ message: `The commands ${listing(removed)} are gone: events carry the flow.`, nodes: [] });
  return { draft, decisions, differences };
}

/**
 * When the former orchestrator would only receive the trigger and announce it to one participant,
 * that participant handles the trigger itself (as a hand-drawn choreography would); the trigger is
 * then a change of that participant, no longer a query. Returns the names involved, when done.
 */
function withoutRelay(draft: Draft, serviceId: string): { trigger: string; handler: string } | undefined {
  const touching = draft.edges.filter((e) => e.source === serviceId || e.target === serviceId);
  const input = touching.filter((e) => e.target === serviceId);
  const output = touching.filter((e) => e.source === serviceId);
  if (input.length !== 1 || output.length !== 1) return undefined;
  const trigger = draft.node(input[0]!.source);
  const start = draft.node(output[0]!.target);
  if (trigger?.kind !== 'command' || !start) return undefined;
  const onward = draft.edges.filter((e) => e.source === start.id);
  if (onward.length !== 1 || onward[0]!.compensates !== undefined || draft.edges.some((e) => e.target === start.id && e.source !== serviceId)) return undefined;
  const handler = draft.node(onward[0]!.target)!;
  const gone = new Set([input[0], output[0], onward[0]]);
  const edges = draft.edges.filter((e) => !gone.has(e)).map((e) => {
    const next: SagaEdge = { ...e };
    if (e.on?.includes(start.id)) next.on = [...new Set(e.on.map((m) => (m === start.id ? trigger.id : m)))];
    if (e.compensates === start.id) next.compensates = trigger.id;
    return next;
  });
  const { source: _s, target: _t, id: _i, ...attrs } = onward[0]!;
  edges.push({ id: onward[0]!.id, source: trigger.id, target: handler.id, ...attrs });
  const nodes = draft.nodes.filter((n) => n.id !== serviceId && n.id !== start.id).map((n) => {
    if (n.id !== trigger.id || n.kind !== 'command') return n;
    const { stepType: _q, ...rest } = n;
    return rest;
  });
  draft.replaceAll(nodes, edges);
  return { trigger: trigger.name, handler: handler.name };
}

/** Latency and failure rate overrides of a handled-by / subscribed-by connection. */
export function viaAttrs(edge: SagaEdge | undefined): Pick<SagaEdge, 'latencyMs' | 'failureRate'> {
  return {
    ...(edge?.latencyMs !== undefined ? { latencyMs: edge.latencyMs } : {}),
    ...(edge?.failureRate !== undefined ? { failureRate: edge.failureRate } : {}),
  };
}

/** The messages a participant subscribes to (with `compensates` only, when asked). */
function inputsOf(edges: readonly SagaEdge[], participant: string, compensating: boolean): string[] {
  return edges.filter((e) => e.target === participant && (!compensating || e.compensates !== undefined)).map((e) => e.source);
}

/** Marks the events that are published but consumed by nobody as terminal; returns them. */
export function markTerminal(draft: Draft): EventNode[] {
  const consumed = new Set(draft.edges.map((e) => e.source));
  const published = new Set(draft.edges.map((e) => e.target));
  const marked: EventNode[] = [];
  draft.nodes.forEach((n) => {
    if (n.kind !== 'event' || n.terminal || isFailureEvent(n) || consumed.has(n.id) || !published.has(n.id)) return;
    marked.push({ ...n, terminal: true });
  });
  if (marked.length > 0) {
    const byId = new Map(marked.map((m) => [m.id, m]));
    draft.replaceAll(
      draft.nodes.map((n) => byId.get(n.id) ?? n),
      draft.edges,
    );
  }
  return marked;
}
