/**
 * Simulation mode: the frozen design being simulated, the injected faults and seed, the run
 * and the playback cursor. Never part of the undo history; leaving the mode drops it all and
 * the editor is as it was.
 */
import { create } from 'zustand';
import { useDesignStore } from './designStore.ts';
import type { Fault, SagaDocument, Scenario } from '../model/index.ts';
import {
  compilePlan,
  simulate,
  simulationProblems,
  type RunResult,
  type SimulationPlan,
  type SimulationProblem,
} from '../simulation/index.ts';
import { messagesSeenAt, nodeStatesAt, tokensOf, type NodeSimState, type Token, type TokenKind } from '../simulation/playback.ts';

export interface SimulationRun {
  result: RunResult;
  tokens: Token[];
}

export interface SimulationState {
  active: boolean;
  /** The design as it was when the mode started: runs never see later edits. */
  doc: SagaDocument | null;
  faults: Fault[];
  seed: number;
  run: SimulationRun | null;
  /** Why the design cannot be simulated, when it cannot. */
  problems: SimulationProblem[];
  /** Trace entries shown: 0 = before the saga starts, trace.length = the end. */
  cursor: number;
  playing: boolean;
  /** Trace entries per second while playing. */
  speed: number;
  nodeStates: ReadonlyMap<string, NodeSimState>;
  messagesSeen: ReadonlyMap<string, TokenKind>;
  /** The scenario the faults and seed came from, until they change. */
  scenario: string | null;
}

export interface SimulationActions {
  start(doc: SagaDocument): void;
  stop(): void;
  addFault(fault: Fault): void;
  removeFault(index: number): void;
  setSeed(seed: number): void;
  loadScenario(scenario: Scenario): void;
  seek(cursor: number): void;
  step(delta: number): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

export const SPEEDS = [1, 2, 4, 8, 16] as const;
const DEFAULT_SPEED = 4;

const plans = new WeakMap<SagaDocument, SimulationPlan>();
function planOf(doc: SagaDocument): SimulationPlan {
  let plan = plans.get(doc);
  if (!plan) plans.set(doc, (plan = compilePlan(doc)));
  return plan;
}

const IDLE: Pick<SimulationState, 'run' | 'cursor' | 'playing' | 'nodeStates' | 'messagesSeen' | 'problems'> = {
  run: null,
  cursor: 0,
  playing: false,
  nodeStates: new Map(),
  messagesSeen: new Map(),
  problems: [],
};

/** Runs the frozen design with the faults and seed; the cursor goes back to the start. */
function runOf(doc: SagaDocument, faults: readonly Fault[], seed: number): Partial<SimulationState> {
  const problems = simulationProblems(doc);
  if (problems.length > 0) return { ...IDLE, problems };
  const result = simulate(planOf(doc), { seed, faults });
  return { ...IDLE, run: { result, tokens: tokensOf(result.trace, doc) } };
}

export const useSimulationStore = create<SimulationState & SimulationActions>()((set, get) => ({
  active: false,
  doc: null,
  faults: [],
  seed: 1,
  speed: DEFAULT_SPEED,
  scenario: null,
  ...IDLE,

  start: (doc) => set({ active: true, doc, faults: [], seed: 1, scenario: null, ...runOf(doc, [], 1) }),
  stop: () => set({ active: false, doc: null, faults: [], scenario: null, ...IDLE }),
  addFault: (fault) => {
    const { doc, seed } = get();
    if (!doc) return;
    const faults = [...get().faults, fault];
    set({ faults, scenario: null, ...runOf(doc, faults, seed) });
  },
  removeFault: (index) => {
    const { doc, seed } = get();
    if (!doc) return;
    const faults = get().faults.filter((_, i) => i !== index);
    set({ faults, scenario: null, ...runOf(doc, faults, seed) });
  },
  setSeed: (seed) => {
    const { doc, faults } = get();
    if (doc) set({ seed, scenario: null, ...runOf(doc, faults, seed) });
  },
  loadScenario: (scenario) => {
    const { doc } = get();
    if (doc) set({ faults: [...scenario.faults], seed: scenario.seed, scenario: scenario.name, ...runOf(doc, scenario.faults, scenario.seed) });
  },
  seek: (cursor) => {
    const { run } = get();
    if (!run) return;
    const c = Math.max(0, Math.min(run.result.trace.length, Math.round(cursor)));
    if (c === get().cursor) return;
    set({
      cursor: c,
      playing: get().playing && c < run.result.trace.length,
      nodeStates: nodeStatesAt(run.result.trace, c),
      messagesSeen: messagesSeenAt(run.tokens, c),
    });
  },
  step: (delta) => {
    get().pause();
    get().seek(get().cursor + delta);
  },
  play: () => {
    const { run, cursor } = get();
    if (!run) return;
    if (cursor >= run.result.trace.length) get().seek(0);
    set({ playing: true });
  },
  pause: () => set({ playing: false }),
  setSpeed: (speed) => set({ speed }),
}));

// Another design opened (from the design list, an example, a file): the run was of the old one.
useDesignStore.subscribe((s, previous) => {
  if (s.openCount !== previous.openCount && useSimulationStore.getState().active) useSimulationStore.getState().stop();
});

/** The state of one node in the run at the cursor (idle when the mode is off). */
export const useNodeSimState = (id: string): NodeSimState | undefined => useSimulationStore((s) => (s.active ? s.nodeStates.get(id) : undefined));

/** The faults injected on one node or connection, as short labels. */
export const useFaultsOn = (id: string): string | undefined =>
  useSimulationStore((s) => {
    if (!s.active) return undefined;
    const labels = s.faults.filter((f) => f.target === id).map(faultLabel);
    return labels.length ? labels.join(' · ') : undefined;
  });

/** A fault in a few words: `fails always`, `fails 30%`, `transient ×2`, `crash, restart 500 ms`. */
export function faultLabel(f: Fault): string {
  const chance = f.probability !== undefined && f.probability < 1 ? ` ${Math.round(f.probability * 100)}%` : '';
  const times = f.times !== undefined ? ` ×${f.times}` : '';
  switch (f.kind) {
    case 'businessFailure':
      return `fails${chance || ' always'}${times}`;
    case 'transient':
      return `transient${times}${chance}`;
    case 'crash':
      return `crash${chance}${f.delayMs !== undefined ? `, restart ${f.delayMs} ms` : ', no restart'}`;
    case 'duplicate':
      return `delivered twice${chance}${times}`;
    case 'delay':
      return `+${f.delayMs ?? 0} ms${chance}`;
  }
}
