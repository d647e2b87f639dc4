/**
 * The measures of the design on screen, worked out in the analysis worker (spec §6.1) a moment
 * after the last edit: typing or dragging never waits for them, and a 5,000-node design (seconds
 * of simulation) never freezes the tab. The last result stays shown while the next is measured.
 */
import { useEffect, useState } from 'react';
import type { TradeOffs } from '../../analysis/measureKeys.ts';
import type { SagaDocument } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useAnalysisWorker } from '../workers/useAnalysisWorker.ts';

/** Quiet time after an edit before measuring again. */
export const MEASURE_DELAY_MS = 400;

export interface TradeOffsState {
  /** The last measures, with the document they were measured on. */
  shown: { doc: SagaDocument; tradeOffs: TradeOffs } | undefined;
  /** True while the worker measures (the design changed since `shown`, or nothing is shown yet). */
  measuring: boolean;
  error: string | undefined;
}

/** `enabled` false (the panel folded) measures nothing. */
export function useTradeOffs(enabled: boolean): TradeOffsState {
  const doc = useDesignStore((s) => s.doc);
  const { status, start } = useAnalysisWorker<'analyse'>();
  const [asked, setAsked] = useState<SagaDocument | null>(null);
  const [shown, setShown] = useState<TradeOffsState['shown']>();

  useEffect(() => {
    if (!enabled || !doc || doc === shown?.doc) return;
    const timer = setTimeout(() => {
      setAsked(doc);
      start({ job: 'analyse', doc }, 1);
    }, shown ? MEASURE_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [enabled, doc, shown, start]);

  // A finished job becomes what is shown, and stays shown while the next one runs.
  if (status.state === 'done' && asked && asked !== shown?.doc) setShown({ doc: asked, tradeOffs: status.result });

  const measuring = enabled && doc !== null && doc !== shown?.doc && status.state !== 'error';
  return { shown, measuring, error: status.state === 'error' ? status.message : undefined };
}
