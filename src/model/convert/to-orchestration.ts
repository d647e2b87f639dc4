import type { Analysis } from '../analysis.ts';
import type { Converted } from './outputs.ts';
export function toOrchestration(_a: Analysis): Converted | string {
  return 'not yet';
}
