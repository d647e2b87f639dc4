/** Turns the canvas's what-if mode on or off (its button, and W). */
import { useDesignStore } from '../../store/designStore.ts';
import { useWhatIfStore } from '../../store/whatIfStore.ts';

export const WHAT_IF_HINT = 'What if: select a message to see who changes with its schema, or a participant to see what stops while it is down.';

/** Turned on with nothing it can answer selected, it says what to do. */
export function toggleWhatIf(): void {
  const wasOn = useWhatIfStore.getState().on;
  useWhatIfStore.getState().toggle();
  if (!wasOn && useWhatIfStore.getState().answer === null) useDesignStore.getState().showHint(WHAT_IF_HINT);
}
