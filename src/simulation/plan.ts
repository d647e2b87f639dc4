/**
 * A design compiled for simulation: every participant's reactions (spec §1.3) resolved to
 * direct references, with latencies, failure rates, retry policies, step types and
 * compensations looked up once, so that thousands of runs share one plan.
 */
import {
  analyse,
  failureRateOf,
  isFailureEvent,
  isIdempotent,
  latencyOf,
  retryPolicyOf,
  stepsOf,
  type Analysis,
  type MessageNode,
  type ParticipantNode,
  type RetryPolicy,
  type SagaDocument,
  type SagaNode,
} from '../model/index.ts';

export interface PlanMessage {
  /** Dense index, for per-run state in arrays. */
  index: number;
  id: string;
  name: string;
  node: MessageNode;
  isCommand: boolean;
  isFailure: boolean;
  /** Deliveries to each consumer (one handler for a command, each subscriber for an event). */
  deliveries: PlanDelivery[];
  timeoutMs: number | undefined;
  retry: Required<RetryPolicy> | undefined;
  /** The command that undoes this one (its compensated-by target). */
  compensation: PlanMessage | undefined;
  /** This command undoes `undoes` (it is the compensation of that command). */
  undoes: PlanMessage | undefined;
  /** Declared or inferred step type, for commands an orchestrator sends. */
  stepType: 'compensatable' | 'pivot' | 'retriable' | 'query' | undefined;
}

export interface PlanOutput {
  message: PlanMessage;
  /** The sends / publishes connection. */
  edgeId: string;
}

export interface PlanReaction {
  /** Dense index over every reaction of the plan. */
  index: number;
  participant: PlanParticipant;
  input: PlanMessage;
  /** The handled-by / subscribed-by connection. */
  edgeId: string;
  latencyMs: number;
  failureRate: number;
  onSuccess: PlanOutput[];
  onFailure: PlanOutput[];
  /** Choreography compensation: handling undoes the participant's earlier handling of this message. */
  compensates: PlanMessage | undefined;
  /** A successful handling applies an effect the outcome oracle counts (spec §4.5). */
  isEffect: boolean;
  /** A compensating handling (of a compensation command, or with `compensates`). */
  isCompensation: boolean;
}

export interface PlanDelivery {
  reaction: PlanReaction;
}

export interface PlanParticipant {
  /** Dense index, for per-run state in arrays. */
  index: number;
  id: string;
  name: string;
  node: ParticipantNode;
  isOrchestrator: boolean;
  idempotent: boolean;
  /** An orchestrator that is not durable: it forgets the saga, and what it handled, when it crashes (spec §1.1). */
  forgetful: boolean;
  reactions: PlanReaction[];
  /** Sends of compensation commands (orchestrators), by command id. */
  compensationSends: Map<string, string>;
}

export interface PlanTrigger {
  message: PlanMessage;
  /** The actor that sends it, when one does. */
  sender: SagaNode | undefined;
  edgeId: string | undefined;
}

export interface SimulationPlan {
  doc: SagaDocument;
  analysis: Analysis;
  participants: PlanParticipant[];
  messages: Map<string, PlanMessage>;
  /** Every reaction, by its index. */
  reactions: PlanReaction[];
  triggers: PlanTrigger[];
  /** Every node by id, for fault targets and names. */
  node(id: string): SagaNode | undefined;
}

/** Compiles a document for the simulator. The document is not changed and must not change while runs use the plan. */
export function compilePlan(doc: SagaDocument): SimulationPlan {
  const analysis = analyse(doc);
  const g = analysis.graph;
  const messages = new Map<string, PlanMessage>();
  for (const n of doc.nodes) {
    if (n.kind !== 'command' && n.kind !== 'event') continue;
    messages.set(n.id, {
      index: messages.size,
      id: n.id,
      name: n.name,
      node: n,
      isCommand: n.kind === 'command',
      isFailure: isFailureEvent(n),
      deliveries: [],
      timeoutMs: n.kind === 'command' ? n.timeoutMs : undefined,
      retry: n.kind === 'command' ? retryPolicyOf(n) : undefined,
      compensation: undefined,
      undoes: undefined,
      stepType: n.kind === 'command' && n.stepType && n.stepType !== 'auto' ? n.stepType : undefined,
    });
  }
  for (const link of g.links) {
    if (link.meaning !== 'compensatedBy') continue;
    const step = messages.get(link.source.id)!;
    const compensation = messages.get(link.target.id)!;
    step.compensation ??= compensation;
    compensation.undoes ??= step;
  }
  const participants: PlanParticipant[] = [];
  for (const [id, table] of analysis.reactions) {
    const node = table.participant;
    const p: PlanParticipant = {
      index: participants.length,
      id,
      name: node.name,
      node,
      isOrchestrator: node.kind === 'orchestrator',
      idempotent: isIdempotent(node),
      forgetful: node.kind === 'orchestrator' && node.durable === false,
      reactions: [],
      compensationSends: new Map(table.compensationOutputs.map((l) => [l.target.id, l.edge.id])),
    };
    participants.push(p);
    if (p.isOrchestrator)
      for (const step of stepsOf(analysis, node)) messages.get(step.command.id)!.stepType ??= step.type;
  }
  const reactions: PlanReaction[] = [];
  for (const p of participants) {
    for (const r of analysis.reactions.get(p.id)!.reactions) {
      const input = messages.get(r.input.id)!;
      const output = (l: (typeof r.onSuccess)[number]): PlanOutput => ({ message: messages.get(l.target.id)!, edgeId: l.edge.id });
      const compensates = r.via.edge.compensates ? messages.get(r.via.edge.compensates) : undefined;
      const isCompensation = input.undoes !== undefined || compensates !== undefined;
      const reaction: PlanReaction = {
        index: reactions.length,
        participant: p,
        input,
        edgeId: r.via.edge.id,
        latencyMs: latencyOf(p.node, r.via),
        failureRate: failureRateOf(p.node, r.via),
        onSuccess: r.onSuccess.map(output),
        onFailure: r.onFailure.map(output),
        compensates,
        isEffect: !p.isOrchestrator && !isCompensation,
        isCompensation,
      };
      p.reactions.push(reaction);
      reactions.push(reaction);
      input.deliveries.push({ reaction });
    }
  }
  // Query steps change nothing: their handling is not an effect.
  for (const m of messages.values())
    if (m.stepType === 'query') for (const d of m.deliveries) d.reaction.isEffect = false;
  const triggers: PlanTrigger[] = analysis.triggers.map((t) => {
    const send = g.incoming(t.id).find((l) => l.source.kind === 'actor');
    return { message: messages.get(t.id)!, sender: send?.source, edgeId: send?.edge.id };
  });
  return { doc, analysis, participants, messages, reactions, triggers, node: (id) => g.node.get(id) };
}
