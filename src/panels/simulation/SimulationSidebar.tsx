/** Simulation mode's sidebar: the outcome, failure injection, scenarios, Monte Carlo and Explore. */
import { ExplorePanel } from './ExplorePanel.tsx';
import { FaultEditor } from './FaultEditor.tsx';
import { MonteCarloPanel } from './MonteCarloPanel.tsx';
import { OutcomeCard } from './OutcomeCard.tsx';
import { ScenariosPanel } from './ScenariosPanel.tsx';
import './simulation.css';

export default function SimulationSidebar() {
  return (
    <>
      <OutcomeCard />
      <FaultEditor />
      <ScenariosPanel />
      <MonteCarloPanel />
      <ExplorePanel />
    </>
  );
}
