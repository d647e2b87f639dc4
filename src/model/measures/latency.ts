/**
 * Latency (spec §6.1): the happy path's simulated duration with every latency at its mean, and
 * its critical path — the chain of handlings that leads to the one that ends last.
 */
import type { Analysis } from '../analysis.ts';
import { happyCaveat, type HappyPath } from './happyPath.ts';
import { count, someNames, type Measure } from './measure.ts';

export type Latency = Measure<{
  happyMs: number;
  /** Steps (services' handlings) on the critical path. */
  steps: number;
  /** Every handling on the critical path, orchestrators' included. */
  hops: number;
  /** The critical path's participants, in order (one entry per handling). */
  path: string[];
}>;

export function latency(a: Analysis, happy: HappyPath): Latency {
  let last = -1;
  happy.handlings.forEach((h, i) => {
    if (last < 0 || h.end >= happy.handlings[last]!.end) last = i;
  });
  const chain: number[] = [];
  for (let i = last; i >= 0; i = happy.handlings[i]!.cause) chain.unshift(i);
  const path = chain.map((i) => happy.handlings[i]!.participant);
  const steps = chain.filter((i) => happy.handlings[i]!.step).length;
  const happyMs = happy.durationMs;
  const details = { happyMs, steps, hops: chain.length, path };
  const route = someNames([...new Set(path)].map(a.name), 6);
  const message =
    chain.length === 0
      ? `With no failure the saga takes ${happyMs} ms and nobody handles anything${happyCaveat(happy)}.`
      : `With every latency at its mean, the happy path takes ${happyMs} ms; its critical path runs through ${count(steps, 'step')} in ${count(chain.length, 'handling')} (${route})${happyCaveat(happy)}.`;
  return { value: happyMs, message, nodes: [...new Set(path)], ...details };
}
