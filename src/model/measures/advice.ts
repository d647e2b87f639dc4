/**
 * Advice (spec §6.1): which steps of the happy path are workflow steps — something later waits for
 * their result (another participant consumes one of their outputs) or undoes them (a compensation
 * command, or a subscription that `compensates` them) — and which are fire-and-forget reactions,
 * whose outcome nothing depends on. Then the hybrid the articles recommend: orchestrate the
 * workflow, let fire-and-forget reactions subscribe to events.
 */
import type { Analysis } from '../analysis.ts';
import type { Style } from '../classify.ts';
import { compensationOf, consumersOf } from '../graph.ts';
import { happyCaveat, reactionOf, stepLabel, stepsOnPath, type HappyPath, type HappyStep } from './happyPath.ts';
import { count, someNames } from './measure.ts';

export interface Advice {
  message: string;
  nodes: string[];
}

/** Steps with at least this many workflow steps are worth orchestrating. */
export const ORCHESTRATE_FROM_STEPS = 3;

/** True when something later waits for the step's result or undoes it. */
export function isWorkflowStep(a: Analysis, step: HappyStep): boolean {
  const r = reactionOf(a, step);
  if (!r) return false;
  const waited = [...r.onSuccess, ...r.onFailure].some((l) => consumersOf(a.graph, l.target.id).some((c) => c.id !== step.participant));
  const compensated =
    compensationOf(a.graph, step.message) !== undefined ||
    (a.reactions.get(step.participant)?.reactions ?? []).some((other) => other.via.edge.compensates === step.message);
  return waited || compensated;
}

export function advice(a: Analysis, path: HappyPath, style: Style, coordinator: string | undefined): Advice[] {
  const steps = stepsOnPath(path);
  if (steps.length === 0) return [{ message: `The happy path has no steps yet, so there is nothing to advise on${happyCaveat(path)}.`, nodes: [] }];
  const workflow: HappyStep[] = [];
  const reactions: HappyStep[] = [];
  for (const s of steps) (isWorkflowStep(a, s) ? workflow : reactions).push(s);
  const nodesOf = (list: readonly HappyStep[]) => [...new Set(list.flatMap((s) => [s.participant, s.message]))];
  const labels = (list: readonly HappyStep[]) => someNames(list.map((s) => stepLabel(a, s)), 6);
  const out: Advice[] = [];
  if (workflow.length > 0)
    out.push({ message: `Workflow steps (something later waits for their result or undoes them): ${labels(workflow)}.`, nodes: nodesOf(workflow) });
  if (reactions.length > 0)
    out.push({ message: `Fire-and-forget reactions (nothing depends on their outcome): ${labels(reactions)}.`, nodes: nodesOf(reactions) });
  out.push(recommendation(a, workflow, reactions, style, coordinator));
  return out;
}

function recommendation(a: Analysis, workflow: readonly HappyStep[], reactions: readonly HappyStep[], style: Style, coordinator: string | undefined): Advice {
  const participantsOf = (list: readonly HappyStep[]) => [...new Set(list.map((s) => s.participant))];
  const names = (ids: readonly string[]) => someNames(ids.map(a.name), 6);
  if (style === 'orchestration' && coordinator) {
    const o = a.name(coordinator);
    const commanded = reactions.filter((s) => a.graph.node.get(s.message)?.kind === 'command');
    if (commanded.length > 0) {
      const who = participantsOf(commanded);
      return {
        message: `${names(who)} ${who.length === 1 ? 'is' : 'are'} commanded by ${o}, but nothing waits for ${who.length === 1 ? 'its' : 'their'} result: let ${who.length === 1 ? 'it' : 'them'} subscribe to an event ${o} publishes instead. That is the hybrid the articles recommend: orchestrate the workflow, let fire-and-forget reactions subscribe to events.`,
        nodes: [coordinator, ...who],
      };
    }
    return {
      message: `Every step is part of the workflow, so orchestrating it in ${o} fits. A new reaction that nothing waits for (a notification, analytics) should subscribe to an event ${o} publishes rather than be commanded: the hybrid the articles recommend.`,
      nodes: [coordinator],
    };
  }
  const holders = participantsOf(workflow);
  const rest = participantsOf(reactions);
  if (workflow.length >= ORCHESTRATE_FROM_STEPS)
    return {
      message:
        `The workflow has ${count(workflow.length, 'step')} whose order and compensation are spread over ${names(holders)}. The articles recommend the hybrid: ` +
        `orchestrate the workflow (one orchestrator commands ${names(holders)} and undoes what completed)` +
        (rest.length > 0 ? `, and let the fire-and-forget reaction${rest.length === 1 ? '' : 's'} of ${names(rest)} keep subscribing to events.` : '; reactions added later should subscribe to its events.'),
      nodes: holders,
    };
  return {
    message:
      `The workflow is short (${count(workflow.length, 'step')}), so reacting to events keeps it simple; ` +
      (rest.length > 0 ? `the fire-and-forget reaction${rest.length === 1 ? '' : 's'} of ${names(rest)} subscribe${rest.length === 1 ? 's' : ''} to events, as the articles recommend.` : 'add fire-and-forget reactions by subscribing to its events.'),
    nodes: [...holders, ...rest],
  };
}
