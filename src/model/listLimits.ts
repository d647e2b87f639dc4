/**
 * Lists inside a design, counted before the schema check: a short file or share link can hold
 * hundreds of thousands of entries of one repeated id, and checking, validating and drawing
 * them would freeze the tool. Counting is cheap; the schema check of such a list is not.
 */
import { LIMITS } from './schema.ts';
import { countText } from './countText.ts';

export interface ListLimitProblem {
  message: string;
  path?: string;
}

const count = countText;
/** The value of `key` in the entry `i` of a list, when the entry is an object. */
const itemOf = (list: readonly unknown[], i: number, key: string): unknown => {
  const x = list[i];
  return typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined;
};
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** The sum of the lengths of the lists under `key` in the entries of `list`. */
function entriesUnder(list: readonly unknown[], key: string): number {
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const value = itemOf(list, i, key);
    if (Array.isArray(value)) total += value.length;
  }
  return total;
}

/** Why the parsed JSON of a design (or a pasted selection) holds too many list entries, if it does. */
export function listLimitProblem(raw: unknown): ListLimitProblem | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { edges, scenarios, groups } = raw as { edges?: unknown; scenarios?: unknown; groups?: unknown };
  let total = 0;
  const edgeList = listOf(edges);
  for (let i = 0; i < edgeList.length; i++) {
    const on = itemOf(edgeList, i, 'on');
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
  total += entriesUnder(listOf(scenarios), 'faults') + entriesUnder(listOf(scenarios), 'schedule');
  // A node is in one group at most, so all groups together list at most as many ids as a design has nodes.
  const members = entriesUnder(listOf(groups), 'nodes');
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
