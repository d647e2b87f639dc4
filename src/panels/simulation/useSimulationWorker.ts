/**
 * A job of the simulation worker (src/simulation/simulation.worker.ts) seen from a panel: start
 * it, follow its progress, cancel it (the worker is ended), and get its result. One job at a time
 * per panel; leaving the panel ends it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimulationJob, SimulationPartials, SimulationReply, SimulationResults } from '../../simulation/simulation.worker.ts';

export type WorkerStatus<R> = { state: 'idle' } | { state: 'running'; done: number; total: number } | { state: 'done'; result: R } | { state: 'error'; message: string };

type Kind = SimulationJob['job'];

/** `onPartial` receives what the job gives back as it goes (e.g. the scenarios checked so far). */
export function useSimulationWorker<K extends Kind>(onPartial?: (items: SimulationPartials[K][]) => void): {
  status: WorkerStatus<SimulationResults[K]>;
  /** Starts `job` (ending the one running, if any); `total` is what progress counts up to. */
  start(job: Extract<SimulationJob, { job: K }>, total: number): void;
  cancel(): void;
  /** Shows an error without starting anything (e.g. a wrong number of runs). */
  fail(message: string): void;
} {
  const [status, setStatus] = useState<WorkerStatus<SimulationResults[K]>>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);
  const partial = useRef(onPartial);
  useEffect(() => void (partial.current = onPartial));
  const end = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => end, [end]);

  const start = useCallback(
    (job: Extract<SimulationJob, { job: K }>, total: number) => {
      end();
      const w = new Worker(new URL('../../simulation/simulation.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setStatus({ state: 'running', done: 0, total });
      w.onmessage = (e: MessageEvent<SimulationReply<SimulationResults[K], SimulationPartials[K]>>) => {
        if (worker.current !== w) return;
        const m = e.data;
        if (m.type === 'progress') {
          if (m.partial) partial.current?.(m.partial);
          return setStatus({ state: 'running', done: m.done, total });
        }
        setStatus(m.type === 'done' ? { state: 'done', result: m.result } : { state: 'error', message: m.message });
        end();
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        setStatus({ state: 'error', message: e.message || 'The simulation worker failed.' });
        end();
      };
      w.postMessage(job);
    },
    [end],
  );
  const cancel = useCallback(() => {
    end();
    setStatus({ state: 'idle' });
  }, [end]);
  const fail = useCallback((message: string) => setStatus({ state: 'error', message }), []);
  return { status, start, cancel, fail };
}
