/** Deciding between the styles (spec §6): trade-off measures on the simulator's happy path, and the comparison of two designs. */
export { analyse, analyseDesign, MEASURE_KEYS, MEASURE_TITLE, type Measures, type MeasureKey, type TradeOffs, type AnalysedDesign } from './analyse.ts';
export { compare, DEFAULT_COMPARE_RUNS, type Comparison, type CompareOptions, type ParticipantFailure, type MonteCarloSummary } from './compare.ts';
export { happyRun } from './happyRun.ts';
export { messages, type Messages, type FailureRun } from './messages.ts';
export { failureMessages, branches, stepFailure } from './branches.ts';
export { whatIfDown, type WhatIfDown } from './whatIf.ts';
export { better, betterMeasure, betterOutcome, OUTCOME_RANK, SHARE_DIRECTION, type Better, type Direction } from './betterSide.ts';
export { measureVerdict, measureVerdicts, verdictSides, type VerdictSide } from './compareVerdicts.ts';
