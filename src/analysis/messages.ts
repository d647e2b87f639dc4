/**
 * Messages (spec §6.1): how many messages one saga sends, from the simulator — with no failure
 * (`happy`), and with a business failure of each step of the happy path that can fail, in turn
 * (the fault targets the step's handled-by / subscribed-by connection, so the same service's
 * other steps and compensations still work): `worstFailure` and `meanFailure`.
 */
import { happyCaveat, stepCanFail, stepLabel, stepsOnPath, type HappyPath, type HappyStep, type Measure } from '../model/measures/index.ts';
import { count, inWords } from '../model/measures/measure.ts';
import type { SimulationPlan } from '../simulation/index.ts';
import { failureMessages } from './branches.ts';

export interface FailureRun extends HappyStep {
  messages: number;
}

export type Messages = Measure<{ happy: number; worstFailure: number | null; meanFailure: number | null; failures: FailureRun[] }>;

export function messages(plan: SimulationPlan, happy: HappyPath): Messages {
  const a = plan.analysis;
  const failing = stepsOnPath(happy).filter((s) => stepCanFail(a, s));
  const counts = failureMessages(plan, happy.messages, failing);
  const failures: FailureRun[] = failing.map((s, i) => ({ ...s, messages: counts[i]! }));
  let worst: FailureRun | undefined;
  for (const f of failures) if (!worst || f.messages > worst.messages) worst = f;
  const meanFailure = failures.length === 0 ? null : Math.round((failures.reduce((s, f) => s + f.messages, 0) / failures.length) * 1000) / 1000;
  const details = { happy: happy.messages, worstFailure: worst?.messages ?? null, meanFailure, failures };
  const base = `With no failure one saga sends ${count(happy.messages, 'message')}${happyCaveat(happy)}`;
  if (!worst) return { value: happy.messages, message: `${base}; no step of the happy path can fail.`, nodes: [], ...details };
  const message = `${base}; a failure of ${stepLabel(a, worst)} sends the most, ${worst.messages}, and a failure sends ${inWords(meanFailure!)} on average.`;
  return { value: happy.messages, message, nodes: [worst.participant, worst.message], ...details };
}
