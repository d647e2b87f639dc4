/**
 * Partial-order reduction (spec §7): from a state, explore only the steps of one participant when
 * nothing the others can do before them interferes with them — a persistent set. Every end state
 * of the full search is still reached (the state graph is finite and acyclic: each step consumes
 * work or counts more work done), so no counterexample is lost; the tests compare both searches.
 *
 * Two steps of different participants commute unless one of them can touch the other's state:
 * - an orchestrator's steps (deliveries to it, its timeouts and resends) and handlings of
 *   compensation commands reach across participants (recovery, the ledger of another handler):
 *   they are "global", dependent on everything;
 * - a step can lead, through the reactions it starts, to messages for another participant;
 * - fault budgets are shared: two steps that may spend the same budget are dependent.
 * The ledger itself commutes: its entries are per participant, and whether an effect comes
 * "after the failure" is causal (Msg.afterFailure), not a matter of which step ran first.
 */
import { workKind } from '../engine.ts';
import type { Work } from '../work.ts';
import type { PlanReaction, SimulationPlan } from '../plan.ts';
import { canFail, canRepeat, type Left, type Transition } from './transitions.ts';

/** What a reaction can lead to, worked out once per plan. */
interface Reach {
  /** Per reaction: bitset of the participants that may receive a message it causes, directly or not. */
  receivers: Uint32Array[];
  /** Per reaction: it, or something it leads to, is global. */
  global: boolean[];
  /** Per reaction: it, or something it leads to, can fail. */
  mayFail: boolean[];
  /** Per reaction: it, or something it leads to, is a handling that a copy of its message can repeat. */
  mayCopy: boolean[];
  /** Per participant: the union over its reactions (what its restart may lead to). */
  byParticipant: { receivers: Uint32Array; global: boolean; mayFail: boolean; mayCopy: boolean }[];
  words: number;
}

const reaches = new WeakMap<SimulationPlan, Reach>();

/** Handling it touches more than its participant: an orchestrator's recovery, a compensation command's sender and step. */
const reachesAcross = (r: PlanReaction): boolean => r.participant.isOrchestrator || r.input.undoes !== undefined;

function reachOf(plan: SimulationPlan): Reach {
  const known = reaches.get(plan);
  if (known) return known;
  const words = (plan.participants.length + 31) >>> 5;
  const n = plan.reactions.length;
  const receivers: Uint32Array[] = [];
  const global: boolean[] = [];
  const mayFail: boolean[] = [];
  const mayCopy: boolean[] = [];
  // Depth-first over "handling r emits o, which starts reaction r2", from each reaction.
  const stack: number[] = [];
  const seen = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    const bits = new Uint32Array(words);
    let g = false;
    let f = false;
    let c = false;
    seen.fill(0);
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const r = plan.reactions[stack.pop()!]!;
      g ||= reachesAcross(r);
      f ||= canFail(r);
      c ||= canRepeat(r);
      for (const out of r.onSuccess.concat(r.onFailure))
        for (const { reaction: next } of out.message.deliveries) {
          const q = next.participant.index;
          bits[q >>> 5]! |= 1 << (q & 31);
          if (!seen[next.index]) {
            seen[next.index] = 1;
            stack.push(next.index);
          }
        }
    }
    receivers.push(bits);
    global.push(g);
    mayFail.push(f);
    mayCopy.push(c);
  }
  const byParticipant = plan.participants.map((p) => {
    const bits = new Uint32Array(words);
    bits[p.index >>> 5]! |= 1 << (p.index & 31);
    let g = p.isOrchestrator;
    let f = false;
    let c = false;
    for (const r of p.reactions) {
      for (let w = 0; w < words; w++) bits[w]! |= receivers[r.index]![w]!;
      g ||= global[r.index]!;
      f ||= mayFail[r.index]!;
      c ||= mayCopy[r.index]!;
    }
    return { receivers: bits, global: g, mayFail: f, mayCopy: c };
  });
  const reach = { receivers, global, mayFail, mayCopy, byParticipant, words };
  reaches.set(plan, reach);
  return reach;
}

const has = (bits: Uint32Array, i: number) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;

/**
 * The indexes of the transitions to explore from a state: those of one participant when they
 * form a persistent set (the one with the fewest such transitions), else all of them.
 */
export function persistentSet(plan: SimulationPlan, transitions: readonly Transition[], pending: readonly Work[], left: Left): number[] | undefined {
  if (transitions.length <= 1) return undefined;
  const reach = reachOf(plan);
  // What each piece of work waiting can lead to, worked out once for every candidate.
  const works = pending.map((w) => {
    const kind = workKind(w);
    if (kind === 'deliver') {
      const r = w.reaction!.index;
      return { owner: w.reaction!.participant.index, inert: false, global: reach.global[r]!, receivers: reach.receivers[r]!, mayFail: reach.mayFail[r]!, mayCopy: reach.mayCopy[r]! };
    }
    const owner = w.participant!.index;
    // A timeout without a budget for late replies fires only when nothing else can happen.
    if (kind === 'timeout') return { owner, inert: left[3] === 0, global: true, receivers: NONE, mayFail: true, mayCopy: true };
    if (kind === 'resend') return { owner, inert: false, global: true, receivers: NONE, mayFail: true, mayCopy: true };
    return { owner, inert: false, ...reach.byParticipant[owner]! };
  });
  let best = -1;
  let bestCount = transitions.length;
  for (let i = 0; i < transitions.length; i++) {
    const p = transitions[i]!.actor.index;
    if (best === p || transitions.findIndex((t) => t.actor.index === p) < i) continue;
    let count = 0;
    for (const t of transitions) if (t.actor.index === p) count++;
    if (count >= bestCount) continue;
    if (persistent(p)) {
      best = p;
      bestCount = count;
    }
  }
  if (best < 0) return undefined;
  const chosen: number[] = [];
  transitions.forEach((t, i) => t.actor.index === best && chosen.push(i));
  return chosen;

  function persistent(p: number): boolean {
    let spendsFailure = false;
    let spendsCopy = false;
    for (const t of transitions) {
      if (t.actor.index !== p) continue;
      // The step itself touches more than its actor: an orchestrator's step, a compensation command's handling.
      if (workKind(t.work) === 'deliver' ? reachesAcross(t.work.reaction!) : t.work.participant!.isOrchestrator) return false;
      if (t.forcing === 'businessFailure') spendsFailure = true;
      else if (t.forcing === 'duplicate') spendsCopy = true;
      else if (t.forcing !== 'none') return false;
    }
    for (const w of works) {
      if (w.owner === p || w.inert) continue;
      if (w.global || has(w.receivers, p)) return false;
      // Budgets are shared: another participant's step that may spend the same one is dependent.
      if ((spendsFailure && w.mayFail) || (spendsCopy && w.mayCopy)) return false;
    }
    return true;
  }
}

const NONE = new Uint32Array(0);
