/** The explorer (spec §7): every interleaving of a saga within fault budgets. */
export { explore, DEFAULT_MAX_STATES, DEFAULT_MAX_COUNTEREXAMPLES, type ExploreOptions, type ExploredEnd, type ExploreProgress, type ExploreResult } from './explore.ts';
export { expectedOnceFixed, type Counterexample } from './counterexample.ts';
export { BUDGET_KINDS, DEFAULT_BUDGETS, type Budgets, type BudgetKind } from './transitions.ts';
