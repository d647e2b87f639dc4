/**
 * A job of a Web Worker seen from a panel: start it, follow its progress, cancel it (the worker is
 * ended), and get its result. One job at a time per panel; leaving the panel ends it. The workers
 * speak `WorkerReply` (progress reports, then the result or an error).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkerReply } from '../../simulation/workerReply.ts';

export type WorkerStatus<R> = { state: 'idle' } | { state: 'running'; done: number; total: number } | { state: 'done'; result: R } | { state: 'error'; message: string };

export interface WorkerJob<Job, R> {
  status: WorkerStatus<R>;
  /** Starts `job` (ending the one running, if any); `total` is what progress counts up to. */
  start(job: Job, total: number): void;
  cancel(): void;
  /** Shows an error without starting anything (e.g. a wrong number of runs). */
  fail(message: string): void;
}

/** `spawn` makes the worker (a new one per job); `onPartial` receives what the job gives back as it goes. */
export function useWorkerJob<Job, R, P = never>(spawn: () => Worker, onPartial?: (items: P[]) => void): WorkerJob<Job, R> {
  const [status, setStatus] = useState<WorkerStatus<R>>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);
  const partial = useRef(onPartial);
  useEffect(() => void (partial.current = onPartial));
  const end = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => end, [end]);

  const start = useCallback(
    (job: Job, total: number) => {
      end();
      const w = spawn();
      worker.current = w;
      setStatus({ state: 'running', done: 0, total });
      w.onmessage = (e: MessageEvent<WorkerReply<R, P>>) => {
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
        setStatus({ state: 'error', message: e.message || 'The worker failed.' });
        end();
      };
      w.postMessage(job);
    },
    [end, spawn],
  );
  const cancel = useCallback(() => {
    end();
    setStatus({ state: 'idle' });
  }, [end]);
  const fail = useCallback((message: string) => setStatus({ state: 'error', message }), []);
  return { status, start, cancel, fail };
}
