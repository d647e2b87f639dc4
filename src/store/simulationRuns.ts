/**
 * The simulator's side of simulation mode: runs of the frozen design and what the canvas shows
 * at a cursor. Loaded with the mode, not with the page.
 */
import type { Fault, SagaDocument, ScheduleStep } from '../model/index.ts';
import { compilePlan, simulate, simulationProblems, type SimulationPlan } from '../simulation/index.ts';
import { messagesSeenAt, nodeStatesAt, tokensOf } from '../simulation/playback.ts';
import type { SimulationState } from './simulationStore.ts';

const plans = new WeakMap<SagaDocument, SimulationPlan>();
/** The design compiled for the simulator, once per design (the runs and the fault form's previews share it). */
export function planOf(doc: SagaDocument): SimulationPlan {
  let plan = plans.get(doc);
  if (!plan) plans.set(doc, (plan = compilePlan(doc)));
  return plan;
}

/** Runs the frozen design with the faults and seed, after a forced schedule if any; the cursor goes back to the start. */
export function runOf(doc: SagaDocument, faults: readonly Fault[], seed: number, schedule: readonly ScheduleStep[] | null = null): Pick<SimulationState, 'run' | 'problems' | 'cursor' | 'playing' | 'nodeStates' | 'messagesSeen'> {
  const empty = { cursor: 0, playing: false, nodeStates: new Map(), messagesSeen: new Map() };
  const problems = simulationProblems(doc);
  if (problems.length > 0) return { ...empty, run: null, problems };
  const result = simulate(planOf(doc), { seed, faults, schedule: schedule ?? undefined });
  return { ...empty, problems: [], run: { result, tokens: tokensOf(result.trace, doc) } };
}

/** Node states and lit-up messages at a cursor. */
export function viewAt(run: NonNullable<SimulationState['run']>, cursor: number): Pick<SimulationState, 'nodeStates' | 'messagesSeen'> {
  return { nodeStates: nodeStatesAt(run.result.trace, cursor), messagesSeen: messagesSeenAt(run.tokens, cursor) };
}
