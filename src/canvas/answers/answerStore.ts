/**
 * The output just drawn from a participant that consumes several messages: `connect` guessed which
 * input it answers (model/answers.ts), and the canvas offers the others right there. Changing the
 * choice belongs to the connection's own undo step.
 */
import { create } from 'zustand';
import type { DrawnAnswer } from '../../model/answers.ts';
import { perform } from '../../actions/action.ts';
import { patchEdge } from '../../actions/design.ts';
import { continueLastStep, finishTyping, typeInto } from '../../store/typing.ts';

export const useAnswerStore = create<{ asking: DrawnAnswer | null }>(() => ({ asking: null }));

const field = (edge: string) => `answer:${edge}`;

/** A connection was drawn with a guessed answer: ask about it. */
export function askAnswer(answer: DrawnAnswer): void {
  continueLastStep(field(answer.edge));
  useAnswerStore.setState({ asking: answer });
}

/** The inputs the connection answers now (at least one). */
export function chooseAnswer(edge: string, on: string[]): void {
  if (on.length === 0) return;
  typeInto(field(edge), () => perform(patchEdge, { id: edge, patch: { on } }));
}

export function closeAnswer(): void {
  const asking = useAnswerStore.getState().asking;
  if (asking) finishTyping(field(asking.edge));
  useAnswerStore.setState({ asking: null });
}
