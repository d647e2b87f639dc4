/** The top bar's switch between editing and simulating the design on screen. */
import { useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';

export function SimulateButton() {
  const active = useSimulationStore((s) => s.active);
  const hasDesign = useDesignStore((s) => s.doc !== null && s.doc.nodes.length > 0);
  const toggle = () => {
    const sim = useSimulationStore.getState();
    if (sim.active) return sim.stop();
    const doc = useDesignStore.getState().doc;
    if (doc) {
      useDesignStore.getState().select({ nodes: [], edges: [] });
      void sim.start(doc);
    }
  };
  return (
    <button
      type="button"
      className={active ? 'sb-simulate sb-simulate--on' : 'sb-simulate'}
      onClick={toggle}
      disabled={!active && !hasDesign}
      aria-pressed={active}
      title={active ? 'Back to the editor (Esc)' : 'Run the design as messages between services'}
    >
      {active ? (
        <>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M9 3 5 7l4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Back to editing
        </>
      ) : (
        <>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M4 2.5v9l7.5-4.5z" fill="currentColor" />
          </svg>
          Simulate
        </>
      )}
    </button>
  );
}
