/**
 * What a person types reaches the document as they type, not when they leave the field: each
 * keystroke is applied a moment later (debounced, so a big design is not re-checked on every
 * key), and every change of one field edit — from its first keystroke until the field is left —
 * is one undo step. Saving applies what is still pending first (`flushTyping`), so a design said
 * to be saved holds everything typed, and a tab closed mid-word keeps the word.
 *
 * One field has the focus at a time, so one edit is under way at a time.
 */
import { lastStep, undo, useDesignStore } from './designStore.ts';

/** The field of a node's or group's name typed on the canvas. */
export const nameField = (id: string) => `canvas-name:${id}`;
/** The field of a note's text typed on the canvas. */
export const noteField = (id: string) => `canvas-note:${id}`;

/** Typing is applied once keys pause this long. */
export const TYPING_DELAY_MS = 150;

interface FieldEdit {
  /** Which field: another field (or another element's field) starts another undo step. */
  field: string;
  /** The change for the latest text, made through the store (e.g. `patchNode`). */
  pending?: () => void;
  timer?: ReturnType<typeof setTimeout>;
  /** The undo step this edit continues: the one it made, or the one before it that it joins. */
  step?: unknown;
  /** The edit's changes belong to the undo step made just before it (a node added, then named). */
  joined: boolean;
  /** The edit changed the document. */
  changed: boolean;
}

let edit: FieldEdit | undefined;

/** The text of `field` changed; `change` makes it so in the document, after a short pause. */
export function typeInto(field: string, change: () => void): void {
  if (edit && edit.field !== field) finishTyping(edit.field);
  edit ??= { field, joined: false, changed: false };
  edit.pending = change;
  if (edit.timer !== undefined) clearTimeout(edit.timer);
  edit.timer = setTimeout(flushTyping, TYPING_DELAY_MS);
}

/** Applies what was typed and not yet applied, at once (before a save, when a field is left). */
export function flushTyping(): void {
  if (!edit?.pending) return;
  const { pending } = edit;
  edit.pending = undefined;
  clearTimeout(edit.timer);
  edit.timer = undefined;
  const store = useDesignStore.getState();
  // The edit continues its own undo step only while it is still the last one made here.
  if (stillLast(edit)) store.continueStep(edit.step, pending);
  else pending();
  if (useDesignStore.getState().doc !== store.doc) {
    edit.step = lastStep();
    edit.changed = true;
  }
}

/**
 * The next edit of `field` continues the undo step just made (a node added and its name typed at
 * once are one step), as long as nothing else changes the document first.
 */
export function continueLastStep(field: string): void {
  if (edit) finishTyping(edit.field);
  edit = { field, joined: true, changed: false, step: lastStep() };
}

/** The edit's undo step is still the last one made here (nothing else changed the document since, here). */
const stillLast = (e: FieldEdit | undefined): boolean => e?.step !== undefined && e.step === lastStep();

/** The field was left (or Enter pressed): what was typed is applied, and its undo step ends. */
export function finishTyping(field: string): void {
  if (edit?.field !== field) return;
  flushTyping();
  edit = undefined;
}

/**
 * The field's edit is abandoned (Escape): nothing pending is applied, and the document goes
 * back to how it was before the edit when the edit's step is still the last one. An edit that
 * continued an earlier step cannot undo it: `revert` puts the old value back within that step.
 */
export function cancelTyping(field: string, revert?: () => void): void {
  if (edit?.field !== field) return;
  clearTimeout(edit.timer);
  const current = edit;
  edit = undefined;
  if (!current.changed || !stillLast(current)) return;
  if (!current.joined) undo();
  else if (revert) useDesignStore.getState().continueStep(current.step, revert);
}

/**
 * The field was left empty where empty means "gone" (a note with no text): nothing pending is
 * applied, and `remove` runs within the edit's undo step. An edit that joined the step that made
 * the element (a note added and never written in, or written and wiped) undoes that step instead:
 * nothing is left of it, not even an undo step.
 */
export function finishTypingRemoving(field: string, remove: () => void): void {
  const current = edit?.field === field ? edit : undefined;
  if (current) {
    clearTimeout(current.timer);
    edit = undefined;
  }
  const last = stillLast(current);
  if (current?.joined && last) undo();
  else if (current?.changed && last) useDesignStore.getState().continueStep(current.step, remove);
  else remove();
}
