/**
 * Test paths (spec §6.1): the end-to-end paths to test — the happy path, plus one for each step of
 * it that can fail (it has a failure output, or a failure rate above 0).
 */
import type { Analysis } from '../analysis.ts';
import { happyCaveat, stepCanFail, stepLabel, stepsOnPath, type HappyPath, type HappyStep } from './happyPath.ts';
import { count, someNames, type Measure } from './measure.ts';

export type TestPaths = Measure<{ happy: 1; failing: HappyStep[] }>;

export function testPaths(a: Analysis, path: HappyPath): TestPaths {
  const failing = stepsOnPath(path).filter((s) => stepCanFail(a, s));
  const n = 1 + failing.length;
  const message =
    failing.length === 0
      ? `One end-to-end path to test: the happy path; no step of it can fail${happyCaveat(path)}.`
      : `${count(n, 'end-to-end path')} to test: the happy path, and a failure of ${someNames(failing.map((s) => stepLabel(a, s)), 6)}${happyCaveat(path)}.`;
  return { value: n, message, nodes: [...new Set(failing.flatMap((s) => [s.participant, s.message]))], happy: 1, failing };
}
