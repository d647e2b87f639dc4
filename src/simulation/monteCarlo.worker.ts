/** Runs Monte Carlo off the main thread, so the page never freezes: progress, then the result. */
import type { Fault, SagaDocument } from '../model/index.ts';
import { monteCarlo, type MonteCarloResult } from './monteCarlo.ts';
import { compilePlan } from './plan.ts';

export interface MonteCarloRequest {
  doc: SagaDocument;
  runs: number;
  seed: number;
  faults: Fault[];
}

export type MonteCarloReply = { type: 'progress'; done: number } | { type: 'done'; result: MonteCarloResult } | { type: 'error'; message: string };

const reply = (message: MonteCarloReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<MonteCarloRequest>) => {
  const { doc, runs, seed, faults } = event.data;
  try {
    const plan = compilePlan(doc);
    const result = monteCarlo(plan, { runs, seed, faults, every: Math.max(100, Math.floor(runs / 40)), progress: (done) => reply({ type: 'progress', done }) });
    reply({ type: 'done', result });
  } catch (e) {
    reply({ type: 'error', message: (e as Error).message });
  }
};
