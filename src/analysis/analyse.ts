/**
 * `analyse(doc)` (spec §6.1): the design's style, every trade-off measure and the advice.
 * Measures of the structure always come out; those of the happy path need the simulator, and
 * when the design cannot be simulated (no trigger, a connection to nothing) they are
 * `{ value: null, message: "<Measure> cannot be measured: <why>", nodes: [], reason }`.
 */
import { classify, type Analysis, type SagaDocument } from '../model/index.ts';
import {
  addReaction,
  advice,
  blastRadius,
  coupling,
  failureHandling,
  flowVisibility,
  insertStep,
  latency,
  schemaChange,
  testPaths,
  unmeasured,
  type HappyPath,
} from '../model/measures/index.ts';
import { compilePlan, simulationProblems, type SimulationPlan } from '../simulation/index.ts';
import { happyRun } from './happyRun.ts';
import { messages } from './messages.ts';
import { MEASURE_TITLE, type MeasureKey, type Measures, type TradeOffs } from './measureKeys.ts';

export { MEASURE_KEYS, MEASURE_TITLE, type MeasureKey, type Measures, type TradeOffs } from './measureKeys.ts';

/** What `analyse` worked from, for callers that go on simulating (compare). */
export interface AnalysedDesign extends TradeOffs {
  analysis: Analysis;
  /** The compiled plan, when the design can be simulated. */
  plan: SimulationPlan | undefined;
  happy: HappyPath | undefined;
}

export function analyse(doc: SagaDocument): TradeOffs {
  const { style, measures, advice } = analyseDesign(doc);
  return { style, measures, advice };
}

export function analyseDesign(doc: SagaDocument): AnalysedDesign {
  const compiled = compilePlan(doc);
  const a = compiled.analysis;
  const problems = simulationProblems(doc, a.graph);
  const plan = problems.length === 0 ? compiled : undefined;
  const verdict = classify(a);
  const style = verdict.style;
  const structural = { coupling: coupling(a), schemaChange: schemaChange(a), flowVisibility: flowVisibility(a), failureHandling: failureHandling(a) };
  if (!plan) {
    const why = `the design cannot be simulated: ${problems.map((p) => lowerFirst(p.message.replace(/\.$/, ''))).join('; ')}.`;
    const missing = (key: MeasureKey) => unmeasured(MEASURE_TITLE[key], why);
    const measures: Measures = {
      coupling: structural.coupling,
      blastRadius: missing('blastRadius'),
      schemaChange: structural.schemaChange,
      addReaction: missing('addReaction'),
      insertStep: missing('insertStep'),
      flowVisibility: structural.flowVisibility,
      failureHandling: structural.failureHandling,
      messages: missing('messages'),
      latency: missing('latency'),
      testPaths: missing('testPaths'),
    };
    return { style, measures, advice: [{ message: `Advice needs the happy path, and ${why}`, nodes: [] }], analysis: a, plan, happy: undefined };
  }
  const happy = happyRun(plan);
  const measures: Measures = {
    coupling: structural.coupling,
    blastRadius: blastRadius(a, happy),
    schemaChange: structural.schemaChange,
    addReaction: addReaction(a, happy, style, verdict.coordinator),
    insertStep: insertStep(a, happy),
    flowVisibility: structural.flowVisibility,
    failureHandling: structural.failureHandling,
    messages: messages(plan, happy),
    latency: latency(a, happy),
    testPaths: testPaths(a, happy),
  };
  return { style, measures, advice: advice(a, happy, style, verdict.coordinator), analysis: a, plan, happy };
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
