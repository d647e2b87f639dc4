/**
 * Inserting a step (spec §6.1): the participants, other than the new one, that change when a step
 * is inserted between two consecutive steps A and B of the happy path. Whoever starts B must start
 * the new step instead: the participants between them that sequence the flow (an orchestrator),
 * or else B itself when it subscribes to A's event, or A when A commands B directly. And whoever
 * reacts to B's failure must react to the new step's failure too (so that A and the steps before
 * it are still undone).
 */
import type { Analysis } from '../analysis.ts';
import { consumersOf } from '../graph.ts';
import { happyCaveat, reactionOf, stepLabel, type HappyPath, type HappyStep } from './happyPath.ts';
import { count, inWords, mean, someNames, worstOf, type Measure } from './measure.ts';

export interface Insertion {
  /** The step before the new one, and the step after it. */
  after: HappyStep;
  before: HappyStep;
  participants: string[];
  count: number;
}

export type InsertStep = Measure<{ positions: Insertion[]; mean: number; max: number }>;

export function insertStep(a: Analysis, path: HappyPath): InsertStep {
  const positions: Insertion[] = [];
  const seen = new Set<string>();
  const stepOf = (i: number): HappyStep => {
    const h = path.handlings[i]!;
    return { participant: h.participant, message: h.message, via: h.via };
  };
  path.handlings.forEach((h, i) => {
    if (!h.step) return;
    const between: string[] = [];
    let j = h.cause;
    while (j >= 0 && !path.handlings[j]!.step) {
      between.push(path.handlings[j]!.participant);
      j = path.handlings[j]!.cause;
    }
    if (j < 0) return; // the first step: nothing before it
    const key = `${path.handlings[j]!.via} ${h.via}`;
    if (seen.has(key)) return;
    seen.add(key);
    const changed = new Set<string>(between);
    const message = a.graph.node.get(h.message);
    if (between.length === 0) changed.add(message?.kind === 'command' ? path.handlings[j]!.participant : h.participant);
    for (const l of reactionOf(a, h)?.onFailure ?? []) for (const c of consumersOf(a.graph, l.target.id)) if (c.id !== h.participant) changed.add(c.id);
    const participants = [...changed];
    positions.push({ after: stepOf(j), before: stepOf(i), participants, count: participants.length });
  });
  const worst = worstOf(positions, (p) => p.count);
  const details = { positions, mean: mean(positions.map((p) => p.count)), max: worst?.count ?? 0 };
  if (!worst) return { value: 0, message: `The happy path has fewer than two consecutive steps, so there is nowhere to insert one${happyCaveat(path)}.`, nodes: [], ...details };
  const message =
    `Inserting a step between ${stepLabel(a, worst.after)} and ${stepLabel(a, worst.before)} changes ${count(worst.count, 'participant')} (${someNames(worst.participants.map(a.name))}), ` +
    `the most of any place; on average ${inWords(details.mean)} ${details.mean === 1 ? 'participant changes' : 'participants change'}.`;
  return { value: worst.count, message, nodes: [...new Set([worst.after.participant, worst.before.participant, ...worst.participants])], ...details };
}
