/**
 * Simulation mode: the frozen design being simulated, the injected faults and seed, the run
 * and the playback cursor. Never part of the undo history; leaving the mode drops it all and
 * the editor is as it was.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Fault, SagaDocument, Scenario, ScheduleStep } from '../model/index.ts';
import type { RunResult, SimulationProblem } from '../simulation/index.ts';
import type { NodeSimState, Token, TokenKind } from '../simulation/playback.ts';
import { perform } from '../actions/action.ts';
import { revise as reviseAction } from '../actions/design.ts';
import { undo, useDesignStore, type Operation } from './designStore.ts';

/** The simulator loads with the mode (simulationRuns.ts), not with the page. */
type Runs = typeof import('./simulationRuns.ts');
let runs: Runs | undefined;
const loadRuns = async (): Promise<Runs> => (runs ??= await import('./simulationRuns.ts'));

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
  /** The forced order of deliveries and faults the run starts with (a scenario's `schedule`, spec §7), until the faults or seed change. */
  schedule: ScheduleStep[] | null;
  /** The last change made to the design from simulation mode (see revise), while it can still be undone here. */
  revision: Revision | null;
}

/** A change to the design made from simulation mode: what it did, and the designs before and after it. */
export interface Revision {
  /** What changed, in words: "ProcessPayment now retries up to 3 attempts". */
  note: string;
  before: SagaDocument;
  after: SagaDocument;
}

export interface SimulationActions {
  /** Enters simulation mode with `doc` frozen; resolves when its first run is ready. */
  start(doc: SagaDocument): Promise<void>;
  stop(): void;
  addFault(fault: Fault): void;
  removeFault(index: number): void;
  setSeed(seed: number): void;
  loadScenario(scenario: Scenario): void;
  /**
   * Changes the design from simulation mode (one undo step of the editor, like any edit) and runs
   * the changed design with the same faults and seed. The design is otherwise frozen while
   * simulating: this is the one way in, for a fix the simulation itself suggests.
   */
  revise(operation: Operation, note: string): boolean;
  /** Takes back the last revision, while nothing else changed the design since, and runs the design as it was. */
  undoRevision(): void;
  seek(cursor: number): void;
  step(delta: number): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

export const SPEEDS = [1, 2, 4, 8, 16] as const;
const DEFAULT_SPEED = 4;

const IDLE: Pick<SimulationState, 'run' | 'cursor' | 'playing' | 'nodeStates' | 'messagesSeen' | 'problems'> = {
  run: null,
  cursor: 0,
  playing: false,
  nodeStates: new Map(),
  messagesSeen: new Map(),
  problems: [],
};

export const useSimulationStore = create<SimulationState & SimulationActions>()((set, get) => ({
  active: false,
  doc: null,
  faults: [],
  seed: 1,
  speed: DEFAULT_SPEED,
  scenario: null,
  schedule: null,
  revision: null,
  ...IDLE,

  start: async (doc) => {
    set({ active: true, doc, faults: [], seed: 1, scenario: null, schedule: null, revision: null, ...IDLE });
    const { runOf } = await loadRuns();
    if (get().doc === doc) set(runOf(doc, [], 1));
  },
  stop: () => set({ active: false, doc: null, faults: [], scenario: null, schedule: null, revision: null, ...IDLE }),
  addFault: (fault) => rerun({ faults: [...get().faults, fault], scenario: null, schedule: null }),
  removeFault: (index) => rerun({ faults: get().faults.filter((_, i) => i !== index), scenario: null, schedule: null }),
  setSeed: (seed) => rerun({ seed, scenario: null, schedule: null }),
  loadScenario: (scenario) => rerun({ faults: [...scenario.faults], seed: scenario.seed, scenario: scenario.name, schedule: scenario.schedule ? [...scenario.schedule] : null }),
  revise: (operation, note) => {
    // The design as it is now: the same as the one simulated, but for scenarios saved meanwhile.
    const before = useDesignStore.getState().doc;
    if (!get().active || !before) return false;
    perform(reviseAction, { change: operation, what: note });
    const after = useDesignStore.getState().doc;
    // Refused (a shared design is a read-only preview) or nothing to change.
    if (!after || after === before) return false;
    rerun({ doc: after, revision: { note, before, after } });
    return true;
  },
  undoRevision: () => {
    const { revision } = get();
    if (!revision || useDesignStore.getState().doc !== revision.after) return;
    undo();
    const doc = useDesignStore.getState().doc;
    rerun({ revision: null, ...(doc === revision.before ? { doc } : {}) });
  },
  seek: (cursor) => {
    const { run } = get();
    if (!run) return;
    const c = Math.max(0, Math.min(run.result.trace.length, Math.round(cursor)));
    if (c === get().cursor) return;
    // The run exists, so the simulator is loaded.
    set({ cursor: c, playing: get().playing && c < run.result.trace.length, ...runs!.viewAt(run, c) });
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

/** Changes the faults or seed of the run (or the design, revised) and runs the design again. */
function rerun(change: Partial<Pick<SimulationState, 'faults' | 'seed' | 'scenario' | 'schedule' | 'doc' | 'revision'>>): void {
  if (!useSimulationStore.getState().doc) return;
  useSimulationStore.setState(change);
  const { doc, faults, seed, schedule } = useSimulationStore.getState();
  if (!doc) return;
  if (runs) return useSimulationStore.setState(runs.runOf(doc, faults, seed, schedule));
  void loadRuns().then(({ runOf }) => {
    const now = useSimulationStore.getState();
    if (now.doc === doc && now.faults === faults && now.seed === seed && now.schedule === schedule) useSimulationStore.setState(runOf(doc, faults, seed, schedule));
  });
}

// Another design opened (from the design list, an example, a file): the run was of the old one.
useDesignStore.subscribe((s, previous) => {
  if (s.openCount !== previous.openCount && useSimulationStore.getState().active) useSimulationStore.getState().stop();
});

/** The state of one node in the run at the cursor (idle when the mode is off). */

/** The faults injected on one node or connection, as short labels. */
export const useFaultsOn = (id: string): string | undefined => useSimulationStore((s) => (s.active ? faultsOn(s.faults, id) : undefined));

function faultsOn(faults: readonly Fault[], id: string): string | undefined {
  const labels = faults.filter((f) => f.target === id).map(faultLabel);
  return labels.length ? labels.join(' · ') : undefined;
}

/** What simulation mode shows on a node: its state in the run, the kind of message it last carried, the faults on it. */
export interface NodeSimMarks {
  state?: NodeSimState;
  carried?: TokenKind;
  faults?: string;
}

const NO_MARKS: NodeSimMarks = {};

/** A node's simulation marks in one subscription (nothing outside simulation mode). */
export const useNodeSimMarks = (id: string): NodeSimMarks =>
  useSimulationStore(useShallow((s) => (s.active ? { state: s.nodeStates.get(id), carried: s.messagesSeen.get(id), faults: faultsOn(s.faults, id) } : NO_MARKS)));

/** The faults of a run in words, by what they are injected on (as useFaultsOn says them for one). */
export function faultWords(faults: readonly Fault[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const f of faults) {
    const said = words.get(f.target);
    words.set(f.target, said === undefined ? faultLabel(f) : `${said} · ${faultLabel(f)}`);
  }
  return words;
}

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
