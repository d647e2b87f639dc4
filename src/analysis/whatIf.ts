/**
 * The canvas's “what if” (issue: choosing a style): what stops while one participant is down,
 * on the design's happy path, and the crash that shows it in the simulator. Null, with the
 * reason, when the design cannot be simulated.
 */
import type { DesignGraph, Fault, SagaDocument } from '../model/index.ts';
import { blastOf, type HappyPath } from '../model/measures/index.ts';
import { compilePlan, simulationProblems } from '../simulation/index.ts';
import { happyRun } from './happyRun.ts';

/** A crash of the what-if lasts this long: then the participant restarts and the saga goes on, or not. */
export const CRASH_RESTART_MS = 1000;

/** The crash fault that makes a participant crash mid-saga, and the message whose arrival sets it off. */
export interface MidSagaCrash {
  fault: Fault;
  /** The message (node id) it crashes on, or null when it handles nothing on the happy path. */
  at: string | null;
  /** It crashes on its first message of the saga (else later: an orchestrator on its first reply). */
  first: boolean;
}

export type WhatIfDown = { nodes: string[]; stopped: number; handlings: number; share: number; crash: MidSagaCrash | null } | { nodes: null; reason: string };

export function whatIfDown(doc: SagaDocument, participant: string): WhatIfDown {
  const plan = compilePlan(doc);
  const problems = simulationProblems(doc, plan.analysis.graph);
  if (problems.length > 0) return { nodes: null, reason: problems[0]!.message };
  const path = happyRun(plan);
  return { ...blastOf(path, participant), handlings: path.handlings.length, crash: midSagaCrash(plan.analysis.graph, path, participant) };
}

/**
 * A crash of `participant` in the middle of the saga, restarting after CRASH_RESTART_MS, in the
 * terms of the fault model (a crash fires when a message arrives, once):
 * - a service crashes as its first message of the saga arrives (the fault is on the service);
 * - an orchestrator crashes as its second message arrives — the first reply, when it has sent a
 *   step and waits, so that what it holds of the saga is at stake (its `durable` decides whether
 *   it survives). Faults on an orchestrator go on a connection into it, here the one that reply
 *   comes in on; one that handles a single message crashes on that one.
 * Null when nothing can crash it: an orchestrator that nothing is delivered to.
 */
export function midSagaCrash(g: DesignGraph, path: HappyPath, participant: string): MidSagaCrash | null {
  const node = g.node.get(participant);
  if (!node || (node.kind !== 'service' && node.kind !== 'orchestrator')) return null;
  const own = path.handlings.filter((h) => h.participant === participant);
  const restart = { kind: 'crash', delayMs: CRASH_RESTART_MS } as const;
  if (node.kind === 'service') return { fault: { target: participant, ...restart }, at: own[0]?.message ?? null, first: true };
  const on = own[1] ?? own[0];
  if (on) return { fault: { target: on.via, ...restart }, at: on.message, first: on === own[0] };
  const input = g.inputs(participant)[0];
  return input ? { fault: { target: input.edge.id, ...restart }, at: null, first: true } : null;
}
