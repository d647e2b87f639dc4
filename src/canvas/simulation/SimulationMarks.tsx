/** What simulation mode adds to a node: a ring showing its state in the run, and the faults injected on it. */
import { useFaultsOn, useNodeSimState, useSimulationStore } from '../../store/simulationStore.ts';

const STATE_WORDS = {
  working: 'working',
  done: 'done',
  failed: 'failed',
  compensating: 'compensating',
  compensated: 'compensated',
  crashed: 'crashed',
  idle: 'idle',
} as const;

export function SimulationMarks({ id }: { id: string }) {
  const state = useNodeSimState(id);
  const carried = useSimulationStore((s) => (s.active ? s.messagesSeen.get(id) : undefined));
  const faults = useFaultsOn(id);
  if (!state && !carried && !faults) return null;
  return (
    <>
      {state && state !== 'idle' && (
        <div className={`sb-sim-ring sb-sim-ring--${state}`} data-testid="sim-state" data-state={state}>
          <span className="sb-sim-ring__label">{STATE_WORDS[state]}</span>
        </div>
      )}
      {!state && carried && <div className={`sb-sim-ring sb-sim-ring--carried sb-token--${carried}`} data-state="carried" />}
      {faults && (
        <div className="sb-sim-fault" data-testid="fault-badge" title={`Injected: ${faults}`}>
          <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M7 1 2.5 7H6l-1 4 4.5-6H6z" fill="currentColor" />
          </svg>
          {faults}
        </div>
      )}
    </>
  );
}
