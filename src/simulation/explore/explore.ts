/**
 * The explorer (spec §7): every order of delivery and every placement of a bounded number of
 * faults, searched breadth-first over the simulator's own states (`Run` driven step by step, so
 * the reactions, compensation, idempotency and the outcome oracle are the simulator's). States
 * are visited once by fingerprint; partial-order reduction skips orders that cannot matter; every
 * end state is judged by §4.5's oracle, and the inconsistent or stuck ones are counterexamples,
 * shortest first, each with the schedule that replays it.
 */
import type { SagaOutcome, ScheduleStep } from '../../model/index.ts';
import { Run } from '../engine.ts';
import { Hasher } from '../fingerprint.ts';
import type { Verdict } from '../ledger.ts';
import type { SimulationPlan } from '../plan.ts';
import { counterexampleOf, scheduleOf, type Counterexample } from './counterexample.ts';
import { persistentSet } from './reduction.ts';
import { BUDGET_KINDS, DEFAULT_BUDGETS, spend, transitionsOf, type Budgets, type Left } from './transitions.ts';
import { FingerprintSet, IntList } from './visited.ts';

export const DEFAULT_MAX_STATES = 1_000_000;
/** Distinct counterexamples kept (one per reason, the shortest). */
export const DEFAULT_MAX_COUNTEREXAMPLES = 10;

export interface ExploreOptions {
  budgets?: Partial<Budgets>;
  /** Stop after this many distinct states (default 1,000,000); the result is then not complete. */
  maxStates?: number;
  /** Partial-order reduction (default true); off, every order is tried. */
  reduce?: boolean;
  maxCounterexamples?: number;
  /** Called about every `progressEveryMs` (default 100 ms) while it runs. */
  progress?: (p: ExploreProgress) => void;
  progressEveryMs?: number;
  /** Set `aborted` to stop the search at the next check; the result says `cancelled`. */
  signal?: { readonly aborted: boolean };
  /** For tests: every end state reached. */
  onEnd?: (end: ExploredEnd) => void;
}

/** An end state, as `onEnd` sees it. */
export interface ExploredEnd {
  /** The state's fingerprint (budgets left aside). */
  fingerprint: string;
  verdict: Verdict;
  /** Steps from the start. */
  depth: number;
  /** The schedule that leads to it (worked out when called). */
  schedule(): ScheduleStep[];
}

export interface ExploreProgress {
  states: number;
  transitions: number;
  /** Steps from the start of the states being expanded. */
  depth: number;
  ms: number;
  counterexamples: number;
}

export interface ExploreResult {
  /** Every reachable state within the bounds was visited (no cap reached, not cancelled). */
  complete: boolean;
  cancelled: boolean;
  /** Distinct states visited. */
  states: number;
  /** Steps taken (to new states or to ones already visited). */
  transitions: number;
  ms: number;
  /** The longest path explored, in steps. */
  depth: number;
  budgets: Budgets;
  reduced: boolean;
  /** End states by outcome. */
  ends: Record<SagaOutcome, number>;
  /** Distinct counterexamples, shortest first. */
  counterexamples: Counterexample[];
}

interface Node {
  run: Run;
  left: Left;
  index: number;
}

/** An end state is a counterexample when it is inconsistent, or stuck other than waiting for a crashed participant. */
const isCounterexample = (run: Run, v: Verdict): boolean => v.outcome === 'inconsistent' || (v.outcome === 'stuck' && !run.waitsForCrashed());

/** Explores every interleaving of a saga of `plan` within the budgets. */
export function explore(plan: SimulationPlan, options: ExploreOptions = {}): ExploreResult {
  const t0 = performance.now();
  const budgets: Budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const maxCounterexamples = options.maxCounterexamples ?? DEFAULT_MAX_COUNTEREXAMPLES;
  const reduce = options.reduce ?? true;
  const every = options.progressEveryMs ?? 100;
  const h = new Hasher();
  const scratch = new Hasher();
  const visited = new FingerprintSet(Math.min(maxStates, 1 << 16));
  const parents = new IntList();
  const choices = new IntList();
  const ends: Record<SagaOutcome, number> = { completed: 0, compensated: 0, inconsistent: 0, stuck: 0 };
  const found: { index: number; verdict: Verdict }[] = [];
  const reasons = new Set<string>();

  const fingerprint = (run: Run, left: Left): void => {
    h.reset();
    for (const n of left) h.add(n);
    run.fingerprint(h, scratch);
  };

  const root = new Run(plan, { nominal: true, trace: false }).stepByStep();
  root.begin();
  const start: Left = BUDGET_KINDS.map((k) => budgets[k]) as unknown as Left;
  fingerprint(root, start);
  visited.add(h.a, h.b);
  parents.push(-1);
  choices.push(-1);
  let frontier: Node[] = [{ run: root, left: start, index: 0 }];
  let transitions = 0;
  let depth = 0;
  let capped = false;
  let cancelled = false;
  let lastReport = t0;
  let sinceCheck = 0;

  search: while (frontier.length > 0) {
    const next: Node[] = [];
    for (let f = 0; f < frontier.length; f++) {
      const node = frontier[f]!;
      frontier[f] = undefined as unknown as Node; // let the expanded state go
      if (++sinceCheck >= 256) {
        sinceCheck = 0;
        if (options.signal?.aborted) {
          cancelled = true;
          break search;
        }
        const now = performance.now();
        if (options.progress && now - lastReport >= every) {
          lastReport = now;
          options.progress({ states: visited.size, transitions, depth, ms: now - t0, counterexamples: found.length });
        }
      }
      const waiting = node.run.waitingWork();
      const ts = transitionsOf(node.run, node.left, waiting);
      if (ts.length === 0) {
        const verdict = node.run.verdict();
        ends[verdict.outcome]++;
        if (options.onEnd) {
          fingerprint(node.run, [0, 0, 0, 0]);
          const index = node.index;
          options.onEnd({ fingerprint: `${h.a}:${h.b}`, verdict, depth, schedule: () => scheduleOf(plan, path(index), start) });
        }
        if (isCounterexample(node.run, verdict) && !reasons.has(verdict.reason) && found.length < maxCounterexamples) {
          reasons.add(verdict.reason);
          found.push({ index: node.index, verdict });
        }
        continue;
      }
      // Only one participant's steps when they form a persistent set; every step otherwise.
      const chosen = reduce ? persistentSet(plan, ts, waiting, node.left) : undefined;
      for (let k = 0, n = chosen ? chosen.length : ts.length; k < n; k++) {
        const i = chosen ? chosen[k]! : k;
        const t = ts[i]!;
        const child = node.run.fork();
        // A forced fault that took no effect is the plain step again: not a state of its own.
        if (!child.fire(t.work, t.forcing)) continue;
        transitions++;
        const left = spend(node.left, t);
        fingerprint(child, left);
        if (!visited.add(h.a, h.b)) continue;
        parents.push(node.index);
        choices.push(i);
        next.push({ run: child, left, index: visited.size - 1 });
        if (visited.size >= maxStates) {
          capped = true;
          break search;
        }
      }
    }
    frontier = next;
    if (frontier.length > 0) depth++;
  }

  const counterexamples = found.map((c) => counterexampleOf(plan, path(c.index), c.verdict, start));
  return {
    complete: !capped && !cancelled,
    cancelled,
    states: visited.size,
    transitions,
    ms: performance.now() - t0,
    depth,
    budgets,
    reduced: reduce,
    ends,
    counterexamples,
  };

  /** The choices from the start to a state, first to last. */
  function path(index: number): number[] {
    const steps: number[] = [];
    for (let i = index; parents.at(i) >= 0; i = parents.at(i)) steps.push(choices.at(i));
    return steps.reverse();
  }
}
