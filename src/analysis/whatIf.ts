/**
 * The canvas's “what if” (issue: choosing a style): what stops while one participant is down,
 * on the design's happy path. Null, with the reason, when the design cannot be simulated.
 */
import type { SagaDocument } from '../model/index.ts';
import { blastOf } from '../model/measures/index.ts';
import { compilePlan, simulationProblems } from '../simulation/index.ts';
import { happyRun } from './happyRun.ts';

export type WhatIfDown = { nodes: string[]; stopped: number; handlings: number; share: number } | { nodes: null; reason: string };

export function whatIfDown(doc: SagaDocument, participant: string): WhatIfDown {
  const plan = compilePlan(doc);
  const problems = simulationProblems(doc, plan.analysis.graph);
  if (problems.length > 0) return { nodes: null, reason: problems[0]!.message };
  const path = happyRun(plan);
  return { ...blastOf(path, participant), handlings: path.handlings.length };
}
