/**
 * The trade-off analysis off the main thread (spec §6): the measures of a design (a 5,000-node
 * design takes seconds), what stops while a participant is down, the conversion to the other
 * style, and the comparison of two designs with its Monte Carlo. It reports progress, then the result; the page cancels a job by
 * ending the worker.
 */
import { type ConversionResult, type ConversionTarget, type SagaDocument, type Style } from '../model/index.ts';
import { convertLaidOut } from '../layout/converted.ts';
import { every, type WorkerReply } from '../simulation/workerReply.ts';
import { analyse, type TradeOffs } from './analyse.ts';
import { compare, type Comparison } from './compare.ts';
import { whatIfDown, type WhatIfDown } from './whatIf.ts';

export type AnalysisJob =
  | { job: 'analyse'; doc: SagaDocument }
  | { job: 'down'; doc: SagaDocument; participant: string }
  | { job: 'convert'; doc: SagaDocument; to: ConversionTarget }
  | { job: 'compare'; docs: [SagaDocument, SagaDocument]; runs: number; seed: number };

export interface AnalysisResults {
  analyse: TradeOffs;
  down: WhatIfDown;
  convert: ConversionResult;
  compare: Comparison & { styles: [Style, Style] };
}

const reply = (message: WorkerReply<unknown>) => self.postMessage(message);

self.onmessage = (event: MessageEvent<AnalysisJob>) => {
  const request = event.data;
  try {
    switch (request.job) {
      case 'analyse':
        return reply({ type: 'done', result: analyse(request.doc) });
      case 'down':
        return reply({ type: 'done', result: whatIfDown(request.doc, request.participant) });
      case 'convert':
        return reply({ type: 'done', result: convertLaidOut(request.doc, request.to) });
      case 'compare': {
        const { docs, runs, seed } = request;
        const progress = (done: number) => reply({ type: 'progress', done });
        return reply({ type: 'done', result: compare(docs[0], docs[1], { runs, seed, histograms: true, every: every(2 * runs, 50), progress }) });
      }
    }
  } catch (e) {
    reply({ type: 'error', message: (e as Error).message });
  }
};
