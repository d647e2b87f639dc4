/** Keys of simulation mode: Space plays or pauses, ← and → step, Home restarts, Escape goes back to editing. */
import { useEffect } from 'react';
import { isTyping } from '../../canvas/shortcuts/useShortcuts.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';

export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const sim = useSimulationStore.getState();
      const act = KEYS[e.key];
      if (!act) return;
      // Buttons and the timeline handle Space and arrows themselves when focused.
      const target = e.target as HTMLElement | null;
      if ((e.key === ' ' && target?.closest('button, [role="tab"]')) || (e.key.startsWith('Arrow') && target?.matches('input[type="range"], select'))) return;
      e.preventDefault();
      act(sim);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

type Sim = ReturnType<typeof useSimulationStore.getState>;

const KEYS: Record<string, (sim: Sim) => void> = {
  ' ': (sim) => (sim.playing ? sim.pause() : sim.play()),
  ArrowRight: (sim) => sim.step(1),
  ArrowLeft: (sim) => sim.step(-1),
  Home: (sim) => (sim.pause(), sim.seek(0)),
  End: (sim) => (sim.pause(), sim.seek(Number.MAX_SAFE_INTEGER)),
  Escape: (sim) => sim.stop(),
};
