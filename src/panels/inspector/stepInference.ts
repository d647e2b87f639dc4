/** The step type Sagaboard infers for a command left on `auto` (spec §2.3), shown next to the choice: as the validator reads the design. */
import { analyse, isParticipant, stepsOf, type ParticipantNode, type SagaDocument, type StepType } from '../../model/index.ts';

export type InferredStepType = Exclude<StepType, 'auto'>;

const cache = new WeakMap<SagaDocument, Map<string, ReadonlyMap<string, InferredStepType>>>();

/**
 * The type of every step of the saga `coordinatorId` runs, by command id. Without a coordinator,
 * the design's only orchestrator is used; with neither, there are no steps.
 */
export function inferredStepTypes(doc: SagaDocument, coordinatorId: string | undefined): ReadonlyMap<string, InferredStepType> {
  let byCoordinator = cache.get(doc);
  if (!byCoordinator) cache.set(doc, (byCoordinator = new Map()));
  const key = coordinatorId ?? '';
  const known = byCoordinator.get(key);
  if (known) return known;
  const types = new Map<string, InferredStepType>();
  const coordinator = findCoordinator(doc, coordinatorId);
  if (coordinator) for (const step of stepsOf(analyse(doc, { assumeOn: true }), coordinator)) types.set(step.command.id, step.type);
  byCoordinator.set(key, types);
  return types;
}

function findCoordinator(doc: SagaDocument, id: string | undefined): ParticipantNode | undefined {
  if (id !== undefined) {
    const node = doc.nodes.find((n) => n.id === id);
    return node && isParticipant(node) ? node : undefined;
  }
  const orchestrators = doc.nodes.filter((n): n is ParticipantNode => n.kind === 'orchestrator');
  return orchestrators.length === 1 ? orchestrators[0] : undefined;
}
