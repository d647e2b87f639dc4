/**
 * Whether the Compare view is open, and the two designs it puts side by side (spec §6.3). Anything
 * can open it — the Designs menu with the design on screen, a conversion with its original — and
 * each side can then be changed in the view.
 */
import { create } from 'zustand';
import type { SagaDocument } from '../model/index.ts';

export interface CompareSide {
  doc: SagaDocument;
  /** saved design id, when it is one */
  id?: string;
}

/**
 * Sagas of each design when the view opens: the command line's default (DEFAULT_COMPARE_RUNS),
 * written out so that the menu that opens the view does not load the analysis with it.
 */
export const FIRST_RUNS = 1_000;

export type SideName = 'left' | 'right';

interface CompareState {
  open: boolean;
  left?: CompareSide;
  right?: CompareSide;
  /** The designs the view was opened with: each can be picked again on either side. */
  opened: CompareSide[];
  /** Sagas of each design in the Monte Carlo: the last number asked for, kept when a side changes. */
  runs: number;
}

export const useCompareStore = create<CompareState>(() => ({ open: false, opened: [], runs: FIRST_RUNS }));

/** What had the focus when the view opened: it gets it back when the view closes. */
let opener: HTMLElement | null = null;

/** Shows the view; with `right` missing, the right side's picker asks for it. */
export function openCompare(left: CompareSide, right?: CompareSide): void {
  if (!useCompareStore.getState().open) opener = (globalThis.document?.activeElement as HTMLElement | null | undefined) ?? null;
  useCompareStore.setState({ open: true, left, right, opened: right ? [left, right] : [left], runs: FIRST_RUNS });
}

export function closeCompare(): void {
  useCompareStore.setState({ open: false, left: undefined, right: undefined, opened: [] });
}

/** Once the view is gone: the focus goes back where it was. */
export function refocusOpener(): void {
  opener?.focus();
}

/** Puts another design on one side. */
export function chooseSide(side: SideName, design: CompareSide): void {
  useCompareStore.setState({ [side]: design });
}

export function setCompareRuns(runs: number): void {
  useCompareStore.setState({ runs });
}
