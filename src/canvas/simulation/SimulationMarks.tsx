/**
 * What simulation mode adds to a node: a ring showing its state in the run, and the faults injected
 * on it. A state never rests on colour alone: the ring's label names it, with a glyph (✓ done,
 * × failed, ↶ compensating…) and its own line style (dashed while compensating, hatched when crashed).
 */
import type { ReactNode } from 'react';
import { useFaultsOn, useNodeSimMarks } from '../../store/simulationStore.ts';

type ShownState = 'working' | 'done' | 'failed' | 'compensating' | 'compensated' | 'crashed';

const STATE_WORDS: Readonly<Record<ShownState, string>> = {
  working: 'working',
  done: 'done',
  failed: 'failed',
  compensating: 'compensating',
  compensated: 'compensated',
  crashed: 'crashed',
};

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 2.2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** Drawn on a 12×12 grid in the label's colour. */
const STATE_GLYPHS: Readonly<Record<ShownState, ReactNode>> = {
  // Three dots: busy.
  working: (
    <g fill="currentColor">
      <circle cx="2.2" cy="6" r="1.5" />
      <circle cx="6" cy="6" r="1.5" />
      <circle cx="9.8" cy="6" r="1.5" />
    </g>
  ),
  done: <path d="m2 6.4 2.6 2.6L10 3.4" {...stroke} />,
  failed: <path d="m3 3 6 6M9 3 3 9" {...stroke} />,
  // An arrow turning back: undoing.
  compensating: <path d="M4.4 2.2 1.8 4.8l2.6 2.6M2 4.8h5.2a3.3 3.3 0 0 1 0 6.6H5.6" {...stroke} strokeWidth={1.9} />,
  // Undone: the arrow back, closed by a tick.
  compensated: (
    <>
      <path d="M4.2 1.8 1.8 4.2l2.4 2.4M2 4.2h4.6a2.6 2.6 0 0 1 2 .9" {...stroke} strokeWidth={1.8} />
      <path d="m5.4 9 1.7 1.7 3.4-3.8" {...stroke} strokeWidth={1.8} />
    </>
  ),
  // The power symbol: the service is down.
  crashed: (
    <>
      <path d="M6 1.4v4.2" {...stroke} />
      <path d="M3.4 3.3a4.2 4.2 0 1 0 5.2 0" {...stroke} strokeWidth={1.9} />
    </>
  ),
};

/**
 * `faults`: false when the node draws its fault badge itself, in a row with its other badges
 * (a command with a retry policy or a timeout, see CommandTags).
 */
export function SimulationMarks({ id, faults: withFaults = true }: { id: string; faults?: boolean }) {
  const { state, carried, faults } = useNodeSimMarks(id);
  if (!state && !carried && !faults) return null;
  return (
    <>
      {state && state !== 'idle' && (
        <div className={`sb-sim-ring sb-sim-ring--${state}`} data-testid="sim-state" data-state={state}>
          <span className="sb-sim-ring__label">
            <svg className="sb-sim-ring__glyph" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              {STATE_GLYPHS[state]}
            </svg>
            {STATE_WORDS[state]}
          </span>
        </div>
      )}
      {!state && carried && <div className={`sb-sim-ring sb-sim-ring--carried sb-token--${carried}`} data-state="carried" />}
      {withFaults && faults && <FaultBadgeOf faults={faults} />}
    </>
  );
}

/** The faults injected on a node or connection, in a few words (nothing outside simulation mode). */
export function FaultBadge({ id }: { id: string }) {
  const faults = useFaultsOn(id);
  return faults ? <FaultBadgeOf faults={faults} /> : null;
}

function FaultBadgeOf({ faults }: { faults: string }) {
  return (
    <div className="sb-sim-fault" data-testid="fault-badge" title={`Injected: ${faults}`}>
      <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M7 1 2.5 7H6l-1 4 4.5-6H6z" fill="currentColor" />
      </svg>
      <span className="sb-visually-hidden">Fault injected: </span>
      {faults}
    </div>
  );
}
