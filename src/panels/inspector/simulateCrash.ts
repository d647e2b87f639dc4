/**
 * The inspector's “Simulate a crash”: simulation mode on the design as it is, with the what-if's
 * crash fault injected, playing, so that the user watches what the crash does to the saga.
 */
import type { Fault } from '../../model/index.ts';
import { NOTHING_SELECTED, useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';

export async function simulateCrash(fault: Fault): Promise<void> {
  const doc = useDesignStore.getState().doc;
  if (!doc) return;
  // As the Simulate button does: the editor's selection is not the simulation's.
  useDesignStore.getState().select(NOTHING_SELECTED);
  await useSimulationStore.getState().start(doc);
  const sim = useSimulationStore.getState();
  if (!sim.active || sim.doc !== doc) return;
  sim.addFault(fault);
  useSimulationStore.getState().play();
}
