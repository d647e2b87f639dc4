/**
 * Converting the design on screen to the other style (spec §6.2) makes a new design: the original
 * is never touched. The converted design (laid out afresh in the worker, as the command line lays
 * it out) is saved and shown, and the report of the conversion waits in a dialog that offers to
 * compare the two.
 */
import { create } from 'zustand';
import type { ConversionReport, SagaDocument } from '../../model/index.ts';
import type { CompareSide } from '../../compare/compareStore.ts';
import { openAsNewDesign } from '../designs/designActions.ts';

export interface FinishedConversion {
  report: ConversionReport;
  original: CompareSide;
  converted: CompareSide;
}

export const useConversionStore = create<{ finished: FinishedConversion | null }>(() => ({ finished: null }));

/** Lays out, saves and shows the converted design, then shows the report. */
export async function openConverted(original: CompareSide, converted: SagaDocument, report: ConversionReport): Promise<void> {
  const made = await openAsNewDesign(converted);
  useConversionStore.setState({ finished: { report, original, converted: made } });
}

export const closeConversionReport = (): void => useConversionStore.setState({ finished: null });
