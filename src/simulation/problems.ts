/**
 * Why a design cannot be simulated, in words, linked to the diagnostic that says how to fix
 * it. A design with other errors is simulated as drawn: the run shows their consequences.
 */
import { buildGraph, triggersOf, type DesignGraph, type RuleId, type SagaDocument, type Scenario } from '../model/index.ts';
import { faultProblem } from './faults.ts';

export interface SimulationProblem {
  message: string;
  /** The rule whose diagnostic explains the fix. */
  rule?: RuleId;
  nodes: string[];
  edges: string[];
}

/** What stops this design from being simulated at all; empty when it can run. `g` is its graph, when already built. */
export function simulationProblems(doc: SagaDocument, g: DesignGraph = buildGraph(doc)): SimulationProblem[] {
  const problems: SimulationProblem[] = [];
  if (g.dangling.length > 0)
    problems.push({
      message: `${g.dangling.length === 1 ? 'A connection leads' : `${g.dangling.length} connections lead`} to a node that does not exist: messages would be lost on the way.`,
      rule: 'G001',
      nodes: [],
      edges: g.dangling.map((e) => e.id),
    });
  if (triggersOf(g).length === 0)
    problems.push({
      message: 'Nothing starts the process: draw an actor sending a command, or a message that nobody produces.',
      rule: 'G011',
      nodes: [],
      edges: [],
    });
  return problems;
}

/** What is wrong with a scenario's faults, one line each; empty when it can run. */
export function scenarioProblems(doc: SagaDocument, scenario: Pick<Scenario, 'name' | 'faults'>): string[] {
  return scenario.faults.flatMap((f, i) => {
    const problem = faultProblem(doc, f);
    return problem ? [`${scenario.name}, fault ${i + 1}: ${problem}`] : [];
  });
}
