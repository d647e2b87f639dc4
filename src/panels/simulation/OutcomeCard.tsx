/** The outcome of the run and what made it so; before the end, what is happening now. */
import type { SimulationProblem } from '../../simulation/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { OUTCOME_WORDS } from './traceWords.ts';

export function OutcomeCard() {
  const result = useSimulationStore((s) => s.run?.result);
  const atEnd = useSimulationStore((s) => s.run !== null && s.cursor >= s.run.result.trace.length);
  const problems = useSimulationStore((s) => s.problems);
  if (problems.length > 0)
    return (
      <section className="sb-panel sb-outcome sb-outcome--blocked" aria-label="Outcome">
        <h2 className="sb-panel__title">Cannot simulate</h2>
        <ul className="sb-outcome__problems">
          {problems.map((p) => (
            <li key={p.message}>
              {p.message}
              {p.rule && (
                <>
                  {' '}
                  <button type="button" className="sb-link-button" onClick={() => showInEditor(p)}>
                    Show {p.rule} in the editor
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    );
  if (!result) return null;
  const words = OUTCOME_WORDS[result.outcome];
  if (!atEnd)
    return (
      <section className="sb-panel sb-outcome" aria-label="Outcome" data-testid="sim-outcome" data-outcome="running">
        <h2 className="sb-panel__title">Outcome</h2>
        <p className="sb-outcome__verdict sb-outcome__pending">In progress…</p>
        <p className="sb-outcome__reason">Play or step to the end to see how the saga ends.</p>
      </section>
    );
  return (
    <section className={`sb-panel sb-outcome sb-tone--${words.tone}`} aria-label="Outcome" data-testid="sim-outcome" data-outcome={result.outcome}>
      <h2 className="sb-panel__title">Outcome</h2>
      <p className="sb-outcome__verdict">{words.label}</p>
      <p className="sb-outcome__reason">{result.reason}</p>
      <p className="sb-outcome__figures">
        {result.durationMs.toFixed(1)} ms simulated · {result.messages} message{result.messages === 1 ? '' : 's'}
      </p>
    </section>
  );
}

/** Back to the editor, with what the problem is about selected. */
function showInEditor(problem: SimulationProblem): void {
  useSimulationStore.getState().stop();
  useDesignStore.getState().select({ nodes: problem.nodes, edges: problem.edges });
}
