/** Shown over the empty canvas before the first design is on screen. */
import { useDesignDoc, useLoadProblem, usePendingSource } from '../store/selectors.ts';

export function CanvasPlaceholder() {
  const doc = useDesignDoc();
  const pending = usePendingSource();
  const problem = useLoadProblem();
  if (doc) return null;
  return (
    <div className="sb-placeholder" role="status">
      {pending ? 'Opening the design…' : problem ? 'No design open. Pick an example above.' : null}
    </div>
  );
}
