/**
 * Which input an output answers (`on`, spec §1.3), guessed the way an architect reads a drawing,
 * so that drawing never needs bookkeeping in the inspector:
 * 1. the names: `PaymentProcessed` answers `ProcessPayment`, `InventoryReserved` answers
 *    `ReserveInventory` (verb and subject shared, in any tense); a failure event answers the
 *    forward step of its subject, not a compensation (`PaymentFailed` answers `ProcessPayment`,
 *    not `RefundPayment`);
 * 2. the reply that goes back to the sender: an event its sender's producer already hears;
 * 3. the outcome: a cancel-like output (`OrderCancelled`, a failure event) answers the failures it
 *    hears; anything else answers the success it heard last (the one just drawn, most often),
 *    leaving out the replies of compensations.
 */
import { baseForm } from './convert/naming.ts';
import { buildGraph, consumersOf, isFailureEvent, isParticipant, producersOf, type DesignGraph } from './graph.ts';
import { reactionsOf } from './reactions.ts';
import type { MessageNode, SagaDocument, SagaNode } from './schema.ts';

export interface AnswerGuess {
  /** The messages the participant consumes, in the order their connections were drawn. */
  inputs: MessageNode[];
  /** The likeliest `on` (ids), never empty when there are inputs. */
  guess: string[];
}

/** Words that say nothing about which step a message belongs to. */
const NOISE = new Set(['service', 'saga', 'the', 'a', 'an', 'for', 'of', 'to', 'request', 'requested', 'command', 'event']);
const CANCEL_LIKE = /cancel|reject|abort|fail|declin|refus|revert|void/i;

/** A name's words, lower case, verbs in their base form: `PaymentProcessed` -> {payment, process}. */
export function stemsOf(name: string): Set<string> {
  const words = name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
  const stems = new Set<string>();
  for (const w of words) {
    const lower = w.toLowerCase();
    if (NOISE.has(lower)) continue;
    stems.add((baseForm(lower) ?? lower).replace(/s$/, ''));
  }
  return stems;
}

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** The inputs `participant` consumes and which of them `output` likely answers. */
export function guessAnswer(g: DesignGraph, participant: string, output: SagaNode): AnswerGuess {
  const inputs: MessageNode[] = [];
  for (const link of g.inputs(participant)) if (!inputs.includes(link.source as MessageNode)) inputs.push(link.source as MessageNode);
  if (inputs.length <= 1) return { inputs, guess: inputs.map((m) => m.id) };
  const pick = (list: readonly MessageNode[]) => ({ inputs, guess: list.map((m) => m.id) });

  // 1. Names.
  const outStems = stemsOf(output.name);
  const failing = isFailureEvent(output);
  // Verb and subject both match (`PaymentProcessed`, `ProcessPayment`); a failure needs the subject
  // only. One shared word alone is the saga's subject (`Order…`), which every message has.
  const words = (m: MessageNode) => shared(outStems, stemsOf(m.name));
  const score = (m: MessageNode) => words(m) * 2 - (failing && g.isCompensation(m.id) ? 1 : 0);
  const best = bestOf(inputs, score);
  if (best.length === 1 && words(best[0]!) >= (failing ? 1 : 2)) return pick(best);

  // 2. The reply that goes back to the sender of an input.
  const hearers = new Set(consumersOf(g, output.id).map((c) => c.id));
  const replied = inputs.filter((m) => producersOf(g, m.id).some((p) => hearers.has(p.id)));
  if (replied.length === 1) return pick(replied);

  // 3. The outcome.
  const failures = inputs.filter(isFailureEvent);
  if ((failing || CANCEL_LIKE.test(output.name)) && failures.length > 0) return pick(failures);
  // A compensation's reply (`PaymentRefunded`) moves nothing forward.
  const successes = inputs.filter((m) => !isFailureEvent(m) && !repliesToCompensation(g, m));
  return pick([successes.length > 0 ? successes[successes.length - 1]! : inputs[inputs.length - 1]!]);
}

/** `m` is emitted only on compensation commands (`PaymentService` emits `PaymentRefunded` on `RefundPayment`). */
function repliesToCompensation(g: DesignGraph, m: MessageNode): boolean {
  const from = g.links.filter((l) => l.target.id === m.id && l.edge.on && l.edge.on.length > 0);
  return from.length > 0 && from.every((l) => l.edge.on!.every((id) => g.isCompensation(id)));
}

function bestOf<T>(items: readonly T[], score: (t: T) => number): T[] {
  let top = -Infinity;
  let best: T[] = [];
  for (const item of items) {
    const s = score(item);
    if (s > top) [top, best] = [s, [item]];
    else if (s === top) best.push(item);
  }
  return best;
}

/** A connection just drawn from a participant that consumes several messages: what it answers, as guessed. */
export interface DrawnAnswer {
  edge: string;
  participant: string;
  output: string;
  inputs: { id: string; name: string }[];
  guess: string[];
}

/**
 * The bookkeeping of `on` when connection `edgeId` has just been drawn in `doc`:
 * - a participant given its second input keeps its outputs answering the first (they did, as its
 *   only input): each output without `on` gets `on: [first input]`;
 * - an output drawn from a participant with several inputs gets the guessed `on`, and says so
 *   (`answer`), so the canvas can offer the other inputs right there.
 * Compensation commands an orchestrator sends need no `on` (§1.3) and get none.
 */
export function bindAnswers(doc: SagaDocument, edgeId: string): { doc: SagaDocument; answer?: DrawnAnswer } {
  const edge = doc.edges.find((e) => e.id === edgeId);
  if (!edge) return { doc };
  const g = buildGraph(doc);
  const source = g.node.get(edge.source);
  const target = g.node.get(edge.target);
  const patches = new Map<string, string[]>();
  if (target && isParticipant(target)) {
    const inputs = distinctSources(g, target.id);
    if (inputs.length === 2 && inputs[1] === edge.source) {
      for (const link of reactionsOf(g, target).unbound) patches.set(link.edge.id, [inputs[0]!]);
    }
  }
  let answer: DrawnAnswer | undefined;
  if (source && isParticipant(source) && target && reactionsOf(g, source).unbound.some((l) => l.edge.id === edgeId)) {
    const { inputs, guess } = guessAnswer(g, source.id, target);
    patches.set(edgeId, guess);
    answer = { edge: edgeId, participant: source.id, output: target.id, inputs: inputs.map((m) => ({ id: m.id, name: m.name })), guess };
  }
  if (patches.size === 0) return { doc };
  const edges = doc.edges.map((e) => (patches.has(e.id) ? { ...e, on: patches.get(e.id)! } : e));
  return { doc: { ...doc, edges }, ...(answer && { answer }) };
}

function distinctSources(g: DesignGraph, participant: string): string[] {
  const ids: string[] = [];
  for (const link of g.inputs(participant)) if (!ids.includes(link.source.id)) ids.push(link.source.id);
  return ids;
}
