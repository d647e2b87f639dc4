/**
 * Lists inside a design, counted before the schema check: a short file or share link can hold
 * hundreds of thousands of entries of one repeated id, and checking, validating and drawing
 * them would freeze the tool. Counting is cheap; the schema check of such a list is not.
 */
import { LIMITS } from './schema.ts';

export interface ListLimitProblem {
  message: string;
  path?: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const itemsOf = (list: unknown, key: string): unknown[] => (Array.isArray(list) ? list : []).map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined));

/** Why the parsed JSON of a design (or a pasted selection) holds too many list entries, if it does. */
export function listLimitProblem(raw: unknown): ListLimitProblem | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { edges, scenarios, groups } = raw as { edges?: unknown; scenarios?: unknown; groups?: unknown };
  let total = 0;
  const ons = itemsOf(edges, 'on');
  for (let i = 0; i < ons.length; i++) {
    const on = ons[i];
    if (!Array.isArray(on)) continue;
    if (on.length > LIMITS.maxOnEntries) {
      const path = `edges[${i}].on`;
      return {
        path,
        message: `${path}: too many entries (${count(on.length)}): at most ${count(LIMITS.maxOnEntries)}; "on" names the messages the node consumes, each once`,
      };
    }
    total += on.length;
  }
  for (const faults of itemsOf(scenarios, 'faults')) if (Array.isArray(faults)) total += faults.length;
  for (const schedule of itemsOf(scenarios, 'schedule')) if (Array.isArray(schedule)) total += schedule.length;
  // A node is in one group at most, so all groups together list at most as many ids as a design has nodes.
  let members = 0;
  for (const nodes of itemsOf(groups, 'nodes')) if (Array.isArray(nodes)) members += nodes.length;
  if (members > LIMITS.maxNodes) {
    return {
      path: 'groups',
      message: `groups: the groups list ${count(members)} nodes together; a node belongs to one group at most, and a design has at most ${count(LIMITS.maxNodes)} nodes`,
    };
  }
  if (total > LIMITS.maxListEntries) {
    return { message: `the design's "on", "faults" and "schedule" lists hold ${count(total)} entries together; Sagaboard reads at most ${count(LIMITS.maxListEntries)}` };
  }
  return undefined;
}
