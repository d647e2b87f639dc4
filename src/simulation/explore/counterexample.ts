/**
 * A counterexample (spec §7): the path the explorer found to a bad end state, as a scenario with
 * the schedule that replays it in the simulator, and the same schedule in words.
 */
import { truncated, type SagaOutcome, type Scenario, type ScheduleStep } from '../../model/index.ts';
import { Run } from '../engine.ts';
import type { Verdict } from '../ledger.ts';
import type { SimulationPlan } from '../plan.ts';
import { stepOf, stepWords } from '../schedule.ts';
import { spend, transitionsOf, type Left } from './transitions.ts';

export interface Counterexample {
  outcome: SagaOutcome;
  /** Why the saga ends so, in the oracle's words (spec §4.5). */
  reason: string;
  /** How many steps the schedule takes. */
  steps: number;
  /** Replays it: the schedule, and the outcome the saga should have once the design is fixed. */
  scenario: Scenario;
  /** Each step of the schedule in words, in order. */
  words: string[];
}

/** Longest scenario name made from a reason. */
const NAME_CHARS = 90;

/**
 * The counterexample at the end of `choices` (indexes into each state's transitions, from the
 * start): the path is walked again from the start to write its schedule.
 */
export function counterexampleOf(plan: SimulationPlan, choices: readonly number[], verdict: Verdict, start: Left): Counterexample {
  const schedule = scheduleOf(plan, choices, start);
  const name = (id: string) => plan.node(id)?.name ?? id;
  return {
    outcome: verdict.outcome,
    reason: verdict.reason,
    steps: schedule.length,
    scenario: { name: `Explored: ${truncated(verdict.reason, NAME_CHARS)}`, seed: 1, faults: [], schedule, expect: { outcome: expectedOnceFixed(schedule) } },
    words: schedule.map((s) => stepWords(s, name)),
  };
}

/** The schedule of a path: `choices` are indexes into each state's transitions, from the start with budgets `start`. */
export function scheduleOf(plan: SimulationPlan, choices: readonly number[], start: Left): ScheduleStep[] {
  const run = new Run(plan, { nominal: true, trace: false }).stepByStep();
  run.begin();
  let left = start;
  const schedule: ScheduleStep[] = [];
  for (const i of choices) {
    const t = transitionsOf(run, left)[i]!;
    schedule.push(stepOf(t.work, t.forcing, run.pending()));
    run.fire(t.work, t.forcing);
    left = spend(left, t);
  }
  return schedule;
}

/**
 * What the saga should end with once the design is fixed: compensated when the schedule forces a
 * business failure, completed otherwise (duplicates, crashes and late replies must change nothing).
 */
export const expectedOnceFixed = (schedule: readonly ScheduleStep[]): SagaOutcome => (schedule.some((s) => s.fault === 'businessFailure') ? 'compensated' : 'completed');
