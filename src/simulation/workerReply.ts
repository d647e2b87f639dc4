/** What Sagaboard's workers post back: progress reports as they go, then the result or an error. */
export type WorkerReply<R, P = never> = { type: 'progress'; done: number; partial?: P[] } | { type: 'done'; result: R } | { type: 'error'; message: string };

/** Progress about 40 times a job (enough for a smooth bar), and at least every `least` units. */
export const every = (total: number, least: number): number => Math.max(least, Math.floor(total / 40));
