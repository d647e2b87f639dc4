/**
 * Converting the design on screen to the other style (spec §6.2) makes a new design: the original
 * is never touched. The converted design is laid out afresh, saved, shown, and the report of the
 * conversion waits in a dialog that offers to compare the two.
 */
import { create } from 'zustand';
import type { ConversionReport, SagaDocument } from '../../model/index.ts';
import { laidOutAfresh } from '../../layout/layoutInWorker.ts';
import { openAsNewDesign } from '../designs/designActions.ts';

export interface DesignRef {
  doc: SagaDocument;
  /** The saved design's id, when it is one. */
  id?: string;
}

export interface FinishedConversion {
  report: ConversionReport;
  original: DesignRef;
  converted: DesignRef;
}

export const useConversionStore = create<{ finished: FinishedConversion | null }>(() => ({ finished: null }));

/** Lays out, saves and shows the converted design, then shows the report. */
export async function openConverted(original: DesignRef, converted: SagaDocument, report: ConversionReport): Promise<void> {
  const made = await openAsNewDesign(await laidOutAfresh(converted));
  useConversionStore.setState({ finished: { report, original, converted: made } });
}

export const closeConversionReport = (): void => useConversionStore.setState({ finished: null });
