/**
 * The trade-off measures by name (spec §6.1): their keys in order and their titles, and the shape
 * of `analyse`'s answer. Apart from analyse.ts so that the panels that show the measures need not
 * load the simulator with the page (analyse.ts compiles and runs designs).
 */
import type { Style } from '../model/index.ts';
import type {
  AddReaction,
  Advice,
  BlastRadius,
  Coupling,
  FailureHandling,
  FlowVisibility,
  InsertStep,
  Latency,
  SchemaChange,
  TestPaths,
} from '../model/measures/index.ts';
import type { Messages } from './messages.ts';

export interface Measures {
  coupling: Coupling;
  blastRadius: BlastRadius;
  schemaChange: SchemaChange;
  addReaction: AddReaction;
  insertStep: InsertStep;
  flowVisibility: FlowVisibility;
  failureHandling: FailureHandling;
  messages: Messages;
  latency: Latency;
  testPaths: TestPaths;
}

export type MeasureKey = keyof Measures;

/** The keys in the order of spec §6.1. */
export const MEASURE_KEYS: readonly MeasureKey[] = [
  'coupling',
  'blastRadius',
  'schemaChange',
  'addReaction',
  'insertStep',
  'flowVisibility',
  'failureHandling',
  'messages',
  'latency',
  'testPaths',
];

/** Each measure's name in a sentence (`Blast radius cannot be measured: …`). */
export const MEASURE_TITLE: Readonly<Record<MeasureKey, string>> = {
  coupling: 'Coupling',
  blastRadius: 'Blast radius',
  schemaChange: 'Schema change impact',
  addReaction: 'The cost of adding a reaction',
  insertStep: 'The cost of inserting a step',
  flowVisibility: 'Flow visibility',
  failureHandling: 'Failure handling',
  messages: 'Messages',
  latency: 'Latency',
  testPaths: 'Test paths',
};

export interface TradeOffs {
  style: Style;
  measures: Measures;
  advice: Advice[];
}
