/** The trade-off measures of spec §6.1 that the model computes on its own (the happy path is given to it). */
export { type Measure, type Measured, type Unmeasured, unmeasured, round3 } from './measure.ts';
export { coupling, type Coupling, type ParticipantCoupling } from './coupling.ts';
export { schemaChange, touchedBy, type SchemaChange, type MessageImpact } from './schemaChange.ts';
export { flowVisibility, holdsFlowLogic, type FlowVisibility } from './flowVisibility.ts';
export { failureHandling, decidesCompensation, type FailureHandling } from './failureHandling.ts';
export { blastOf, blastRadius, type BlastRadius, type ParticipantBlast } from './blastRadius.ts';
export { addReaction, type AddReaction, type ReactionCost } from './addReaction.ts';
export { insertStep, type InsertStep, type Insertion } from './insertStep.ts';
export { latency, type Latency } from './latency.ts';
export { testPaths, type TestPaths } from './testPaths.ts';
export { advice, isWorkflowStep, ORCHESTRATE_FROM_STEPS, type Advice } from './advice.ts';
export {
  isStepReaction,
  stepsOnPath,
  stepCanFail,
  stepLabel,
  happyCaveat,
  reactionOf,
  type HappyPath,
  type HappyHandling,
  type HappyStep,
} from './happyPath.ts';
