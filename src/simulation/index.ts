/** The Sagaboard simulator (spec §4): pure TypeScript, shared by the app and the command line. */
export { compilePlan, type SimulationPlan, type PlanMessage, type PlanParticipant } from './plan.ts';
export { simulate, TRANSPORT_MS, MAX_MESSAGES, MAX_DELIVERIES, type RunOptions, type RunResult } from './engine.ts';
export { UNLIMITED_ATTEMPTS } from './retries.ts';
export { monteCarlo, type LatencyHistogram, type MonteCarloOptions, type MonteCarloResult } from './monteCarlo.ts';
export { FaultBook, FAULT_LABEL, faultProblem, failFault, type FaultKind } from './faults.ts';
export { simulationProblems, scenarioProblems, type SimulationProblem } from './problems.ts';
export { TRACE_TYPES, OUTCOME_ENTRY, traceLine, type TraceEntry, type TraceType } from './trace.ts';
export { seededRandom, type Random } from './random.ts';
