/** Says which design could not be opened and why; the design on screen stays as it was. */
import { useDesignStore } from '../store/designStore.ts';
import { useDesignName, useLoadProblem } from '../store/selectors.ts';
import { AlertIcon, sentence } from './alert.tsx';

export function LoadProblemBanner() {
  const problem = useLoadProblem();
  const name = useDesignName();
  const dismiss = useDesignStore((s) => s.dismissLoadProblem);
  if (!problem) return null;
  return (
    <div className="sb-alert" role="alert" data-testid="load-problem">
      <AlertIcon />
      <p className="sb-alert__text">
        <strong>Could not open the {problem.what}.</strong> {sentence(problem.message)}
        {name && <span className="sb-alert__kept"> Still showing “{name}”.</span>}
      </p>
      <button type="button" className="sb-alert__close" aria-label="Dismiss" onClick={dismiss}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="m3 3 8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
