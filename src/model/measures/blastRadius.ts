/**
 * Blast radius (spec §6.1): for each participant, the share of the happy path's handlings that
 * cannot happen while it is down — its own handlings and everything causally after them. The
 * largest share is the single point of failure.
 */
import type { Analysis } from '../analysis.ts';
import { isParticipant } from '../graph.ts';
import { childrenOf, happyCaveat, type HappyHandling, type HappyPath } from './happyPath.ts';
import { mean, round3, someNames, worstOf, type Measure } from './measure.ts';

export interface ParticipantBlast {
  id: string;
  name: string;
  /** Handlings of the happy path that stop while it is down. */
  stopped: number;
  share: number;
}

export type BlastRadius = Measure<{ participants: ParticipantBlast[]; handlings: number; max: number; mean: number; worst: string | null }>;

export function blastRadius(a: Analysis, path: HappyPath): BlastRadius {
  const total = path.handlings.length;
  const walk = stoppedWalk(path);
  const rows: ParticipantBlast[] = a.doc.nodes.filter(isParticipant).map((p) => {
    let stopped = 0;
    walk(p.id, () => stopped++);
    return { id: p.id, name: p.name, stopped, share: total === 0 ? 0 : round3(stopped / total) };
  });
  const worst = worstOf(rows, (r) => r.share);
  const max = worst?.share ?? 0;
  const details = { participants: rows, handlings: total, max, mean: mean(rows.map((r) => r.share)), worst: worst && max > 0 ? worst.id : null };
  if (!worst || max === 0) return { value: 0, message: `No participant handles anything on the happy path${happyCaveat(path)}.`, nodes: [], ...details };
  const others = rows.filter((r) => r !== worst && r.share === max);
  const message =
    `${worst.name} is the single point of failure: while it is down, ${Math.round(max * 100)}% of the happy path (${worst.stopped} of ${total} handlings) cannot happen` +
    `${others.length > 0 ? `; ${someNames(others.map((r) => r.name))} stop${others.length === 1 ? 's' : ''} as much` : ''}. ` +
    `On average a participant being down stops ${Math.round(details.mean * 100)}% of it${happyCaveat(path)}.`;
  return { value: max, message, nodes: [worst.id, ...others.map((r) => r.id)], ...details };
}

/**
 * What stops while `participant` is down (the what-if of the canvas): the happy path's handlings
 * that cannot happen — the participants that would have run them and the messages they handle,
 * each once, in the order of the path. The participant itself comes first.
 */
export function blastOf(path: HappyPath, participant: string): { nodes: string[]; stopped: number; share: number } {
  const nodes = new Set<string>([participant]);
  let stopped = 0;
  stoppedWalk(path)(participant, (h) => {
    stopped++;
    nodes.add(h.participant);
    nodes.add(h.message);
  });
  const total = path.handlings.length;
  return { nodes: [...nodes], stopped, share: total === 0 ? 0 : round3(stopped / total) };
}

/**
 * Walks, for one participant at a time, its own handlings of the path and everything causally
 * after them, each once. One marking array serves every walk (each walk marks with its own number).
 */
function stoppedWalk(path: HappyPath): (participant: string, visit: (h: HappyHandling) => void) => void {
  const children = childrenOf(path);
  const own = new Map<string, number[]>();
  path.handlings.forEach((h, i) => {
    const list = own.get(h.participant);
    if (list) list.push(i);
    else own.set(h.participant, [i]);
  });
  const mark = new Int32Array(path.handlings.length).fill(-1);
  let walks = 0;
  return (participant, visit) => {
    const k = walks++;
    const stack = [...(own.get(participant) ?? [])];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (mark[i] === k) continue;
      mark[i] = k;
      visit(path.handlings[i]!);
      for (const c of children[i]!) stack.push(c);
    }
  };
}
