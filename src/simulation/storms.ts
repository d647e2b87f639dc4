/** The words for a run stopped at its work bound (spec §4.5, decisions: Simulation outcome): the cycle or chain that made the work. */
import type { PlanMessage } from './plan.ts';
import type { Msg } from './work.ts';

/**
 * The cycle an event storm goes round: the message kinds between two sightings of the same one,
 * or undefined when the causes of `last` never repeat a kind.
 */
export function cycleOf(last: Msg): string | undefined {
  const chain: PlanMessage[] = [];
  const seen = new Set<PlanMessage>();
  for (let m: Msg | null = last; m; m = m.causation) {
    // `chain` runs backwards from the last message; `m` is the earlier sighting of a kind in it.
    if (seen.has(m.message)) return [m.message, ...chain.slice(chain.indexOf(m.message)).reverse()].map((x) => x.name).join(' → ');
    seen.add(m.message);
    chain.push(m.message);
  }
  return undefined;
}

/** The causes of `last`, first to last (every kind once: it is not a cycle). */
export function chainOf(last: Msg): string {
  const chain: string[] = [];
  for (let m: Msg | null = last; m; m = m.causation) chain.push(m.message.name);
  return chain.reverse().join(' → ');
}
