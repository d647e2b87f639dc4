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
import { workKind, type Work } from '../engine.ts';
import type { PlanReaction, SimulationPlan } from '../plan.ts';
import { canFail, type Left, type Transition } from './transitions.ts';

/** What a reaction can lead to, worked out once per plan. */
interface Reach {
  /** Per reaction: bitset of the participants that may receive a message it causes, directly or not. */
  receivers: Uint32Array[];
  /** Per reaction: it, or something it leads to, is global. */
  global: boolean[];
  /** Per reaction: it, or something it leads to, can fail. */
  mayFail: boolean[];
  /** Per participant: the union over its reactions (what its restart may lead to). */
  byParticipant: { receivers: Uint32Array; global: boolean; mayFail: boolean }[];
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
  // Depth-first over "handling r emits o, which starts reaction r2", from each reaction.
  const stack: number[] = [];
  const seen = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    const bits = new Uint32Array(words);
    let g = false;
    let f = false;
    seen.fill(0);
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const r = plan.reactions[stack.pop()!]!;
      g ||= reachesAcross(r);
      f ||= canFail(r);
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
  }
  const byParticipant = plan.participants.map((p) => {
    const bits = new Uint32Array(words);
    bits[p.index >>> 5]! |= 1 << (p.index & 31);
    let g = p.isOrchestrator;
    let f = false;
    for (const r of p.reactions) {
      for (let w = 0; w < words; w++) bits[w]! |= receivers[r.index]![w]!;
      g ||= global[r.index]!;
      f ||= mayFail[r.index]!;
    }
    return { receivers: bits, global: g, mayFail: f };
  });
  const reach = { receivers, global, mayFail, byParticipant, words };
  reaches.set(plan, reach);
  return reach;
}

const has = (bits: Uint32Array, i: number) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;

/**
 * The indexes of the transitions to explore from a state: those of one participant when they
 * form a persistent set (the one with the fewest such transitions), else all of them.
 */
export function persistentSet(plan: SimulationPlan, transitions: readonly Transition[], pending: readonly Work[], left: Left): number[] {
  const all = transitions.map((_, i) => i);
  if (transitions.length <= 1) return all;
  const reach = reachOf(plan);
  let best: number[] | undefined;
  const tried = new Set<number>();
  for (const t of transitions) {
    const p = t.actor.index;
    if (tried.has(p)) continue;
    tried.add(p);
    const mine = all.filter((i) => transitions[i]!.actor.index === p);
    if (best && mine.length >= best.length) continue;
    if (mine.length === transitions.length) return all;
    if (persistent(p, mine)) best = mine;
  }
  return best ?? all;

  function persistent(p: number, mine: number[]): boolean {
    let spendsFailure = false;
    let spendsOther = false;
    for (const i of mine) {
      const t = transitions[i]!;
      if (isGlobalWork(t.work)) return false;
      if (t.forcing === 'businessFailure') spendsFailure = true;
      else if (t.forcing !== 'none') spendsOther = true;
    }
    for (const w of pending) {
      const kind = workKind(w);
      const owner = kind === 'deliver' ? w.reaction!.participant.index : w.participant!.index;
      if (owner === p) continue;
      // A timeout without a budget for late replies fires only when nothing else can happen.
      if (kind === 'timeout' && left[3] === 0) continue;
      // Any other work may come to be crashed or copied too: those budgets are shared by every delivery.
      if (spendsOther) return false;
      if (kind === 'timeout' || kind === 'resend') return false;
      const r = kind === 'deliver' ? reachFromDelivery(w) : reach.byParticipant[owner]!;
      if (r.global || has(r.receivers, p)) return false;
      if (spendsFailure && r.mayFail) return false;
    }
    return true;
  }

  /** The step itself touches more than its actor: an orchestrator's step, a compensation command's handling. */
  function isGlobalWork(w: Work): boolean {
    return workKind(w) === 'deliver' ? reachesAcross(w.reaction!) : w.participant!.isOrchestrator;
  }

  function reachFromDelivery(w: Work) {
    const r = w.reaction!;
    return { receivers: reach.receivers[r.index]!, global: reach.global[r.index]!, mayFail: reach.mayFail[r.index]! };
  }
}
