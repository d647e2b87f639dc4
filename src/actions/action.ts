/**
 * Every user intent on the design is a named action: what it is called (the undo step's name),
 * how the history takes it, and what it does to the document — a pure function. `perform` applies
 * one through the store, the one place the document changes (store/designStore.ts `apply`).
 *
 * The keys that run actions, and the shortcut sheet that lists them, are one table: commands.ts.
 */
import type { SagaDocument } from '../model/index.ts';
import { useDesignStore, type HistoryPolicy } from '../store/designStore.ts';

export type { HistoryPolicy };

export interface Action<A> {
  /** Stable and unique: `connect`, `node.patch`. */
  readonly id: string;
  /** The undo step's name for these arguments, on the document before: "connect PaymentService → PaymentProcessed". */
  label(doc: SagaDocument, args: A): string;
  /** How the history takes it: a step of its own (`record`), part of the step before (`squash`), or not at all (`ignore`). */
  readonly history: HistoryPolicy;
  /** The document after the intent; the same object when there is nothing to do. Pure. */
  perform(doc: SagaDocument, args: A): SagaDocument;
}

/** Declares an action (typed arguments, checked fields). */
export const action = <A>(definition: Action<A>): Action<A> => definition;

/**
 * Performs `action` on the design on screen: one step of the history, named by the action (or
 * continuing the step before, within `continueStep`). True when the document changed.
 */
export function perform<A>(act: Action<A>, args: A): boolean {
  const store = useDesignStore.getState();
  const doc = store.doc;
  if (!doc) return false;
  store.apply((current) => act.perform(current, args), { label: act.label(doc, args), history: act.history });
  return useDesignStore.getState().doc !== doc;
}
