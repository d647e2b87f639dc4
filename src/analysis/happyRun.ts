/**
 * The happy path of a design, as the simulator runs it: one nominal saga (every latency at its
 * mean, no failure) with its trace. Which handling emitted which message is read from the trace:
 * a participant's outputs are sent right after its HANDLER_SUCCEEDED entry, by that participant,
 * at the same instant (spec §4.7 gives no causation id, so the order of entries carries it).
 */
import { isStepReaction, type HappyHandling, type HappyPath } from '../model/measures/index.ts';
import { simulate, type SimulationPlan } from '../simulation/index.ts';

export function happyRun(plan: SimulationPlan): HappyPath {
  const a = plan.analysis;
  const run = simulate(plan, { nominal: true });
  const handlings: HappyHandling[] = [];
  /** The handling whose success emitted each message instance (by its trace label). */
  const causeOf = new Map<string, number>();
  const startedAt = new Map<string, number>();
  const sent: string[] = [];
  const sentOnce = new Set<string>();
  let justSucceeded = -1;
  for (const e of run.trace) {
    if (e.type === 'MESSAGE_SENT') {
      const from = justSucceeded >= 0 && handlings[justSucceeded]!.participant === e.node ? justSucceeded : -1;
      if (!causeOf.has(e.message!)) causeOf.set(e.message!, from);
      if (!sentOnce.has(e.messageNode!)) {
        sentOnce.add(e.messageNode!);
        sent.push(e.messageNode!);
      }
      continue;
    }
    justSucceeded = -1;
    if (e.type === 'HANDLER_STARTED') startedAt.set(`${e.message}@${e.node}`, e.t);
    else if (e.type === 'HANDLER_SUCCEEDED') {
      const table = a.reactions.get(e.node!);
      const reaction = table?.byInput.get(e.messageNode!);
      if (!table || !reaction) continue;
      justSucceeded = handlings.length;
      handlings.push({
        participant: e.node!,
        message: e.messageNode!,
        via: reaction.via.edge.id,
        cause: causeOf.get(e.message!) ?? -1,
        start: startedAt.get(`${e.message}@${e.node}`) ?? e.t,
        end: e.t,
        step: isStepReaction(a, table.participant, reaction),
      });
    }
  }
  return { outcome: run.outcome, reason: run.reason, durationMs: run.durationMs, messages: run.messages, sent, handlings };
}
