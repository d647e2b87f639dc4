/**
 * Messages (spec §6.1): how many messages one saga sends, from the simulator — with no failure
 * (`happy`), and with a business failure of each step of the happy path that can fail, in turn
 * (the fault targets the step's handled-by / subscribed-by connection, so the same service's
 * other steps and compensations still work): `worstFailure` and `meanFailure`.
 */
import type { SagaOutcome } from '../model/index.ts';
import { stepCanFail, stepLabel, stepsOnPath, type HappyPath, type HappyStep, type Measure } from '../model/measures/index.ts';
import { count } from '../model/measures/measure.ts';
import { simulate, type SimulationPlan } from '../simulation/index.ts';

export interface FailureRun extends HappyStep {
  messages: number;
  outcome: SagaOutcome;
}

export type Messages = Measure<{ happy: number; worstFailure: number | null; meanFailure: number | null; failures: FailureRun[] }>;

/** The business failure of one step, as a fault of the simulator. */
export const stepFailure = (step: Pick<HappyStep, 'via'>) => ({ target: step.via, kind: 'businessFailure' as const });

export function messages(plan: SimulationPlan, happy: HappyPath): Messages {
  const a = plan.analysis;
  const failures: FailureRun[] = stepsOnPath(happy)
    .filter((s) => stepCanFail(a, s))
    .map((s) => {
      const run = simulate(plan, { nominal: true, trace: false, faults: [stepFailure(s)] });
      return { ...s, messages: run.messages, outcome: run.outcome };
    });
  let worst: FailureRun | undefined;
  for (const f of failures) if (!worst || f.messages > worst.messages) worst = f;
  const meanFailure = failures.length === 0 ? null : Math.round((failures.reduce((s, f) => s + f.messages, 0) / failures.length) * 1000) / 1000;
  const details = { happy: happy.messages, worstFailure: worst?.messages ?? null, meanFailure, failures };
  const base = `With no failure one saga sends ${count(happy.messages, 'message')}`;
  if (!worst) return { value: happy.messages, message: `${base}; no step of the happy path can fail.`, nodes: [], ...details };
  const message = `${base}; a failure of ${stepLabel(a, worst)} sends the most, ${worst.messages} (it ends ${worst.outcome}), and a failure sends ${Number(meanFailure!.toFixed(1))} on average.`;
  return { value: happy.messages, message, nodes: [worst.participant, worst.message], ...details };
}
