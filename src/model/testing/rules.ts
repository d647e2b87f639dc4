/**
 * Test helpers for the rules: run one family of rules on a small design, and an orchestrated saga
 * drawn from a list of steps, so that a test changes one condition and nothing else.
 */
import { analyse, type Analysis } from '../analysis.ts';
import { classify } from '../classify.ts';
import type { Diagnostic, RuleId } from '../diagnostic.ts';
import type { SagaDocument, SagaNode } from '../schema.ts';
import { design, type DesignBuilder } from './builder.ts';

/** The analysis the validator hands the rules (a missing `on` read as answering the forward inputs). */
export const analysed = (doc: SagaDocument): Analysis => analyse(doc, { assumeOn: true });

/** The node the classifier finds coordinating the design, if any. */
export const coordinatorOf = (doc: SagaDocument): string | undefined => classify(analyse(doc)).coordinator;

/** The diagnostics of one rule, without the rest. */
export const ofRule = (list: readonly Diagnostic[], rule: RuleId): Diagnostic[] => list.filter((d) => d.rule === rule);

/** A diagnostic as tests write it: severity, message, hint, nodes and connections. */
export const d = (rule: RuleId, severity: Diagnostic['severity'], message: string, hint: string, nodes: string[] = [], edges: string[] = []): Diagnostic => ({
  rule,
  severity,
  message,
  hint,
  nodes,
  edges,
});

type CommandAttrs = Omit<Extract<SagaNode, { kind: 'command' }>, 'id' | 'kind' | 'name'>;
type ServiceAttrs = Omit<Extract<SagaNode, { kind: 'service' }>, 'id' | 'kind' | 'name'>;

export interface StepSpec {
  /** The command the orchestrator sends. */
  command: string;
  /** The service that handles it (drawn once, however many steps it handles). */
  handler: string;
  /** Attributes of the command (step type, retry, timeout). Steps get a 1 s timeout unless `timeoutMs: undefined` is given. */
  attrs?: CommandAttrs;
  /** Attributes of the handler, when it is first drawn. */
  handlerAttrs?: ServiceAttrs;
  /** The compensating command, handled by the same service unless `compensationHandler` says otherwise. */
  compensation?: string;
  compensationAttrs?: CommandAttrs;
  compensationHandler?: string;
  /** A failure reply (`<command>Failed`) the handler publishes on the command and the orchestrator hears. */
  failureReply?: boolean;
  /** No success reply. */
  noReply?: boolean;
}

/**
 * An orchestrated saga: User sends Start to Saga, which sends each step on the previous step's
 * success reply (`<command>Done`); failure replies end in Cancelled, the last success in
 * Completed (both terminal). Every output says `on`, so no G013 gets in the way.
 */
export function saga(steps: readonly StepSpec[], b: DesignBuilder = design()): DesignBuilder {
  b.actor('User').command('Start').orchestrator('Saga').event('Completed', { terminal: true }).event('Cancelled', { terminal: true }).link('User', 'Start', 'Saga');
  const handlers = new Set<string>();
  const failures: string[] = [];
  let previous = 'Start';
  const service = (name: string, attrs: ServiceAttrs = {}) => {
    if (!handlers.has(name)) b.service(name, attrs);
    handlers.add(name);
  };
  for (const s of steps) {
    b.command(s.command, { timeoutMs: 1000, ...s.attrs });
    service(s.handler, s.handlerAttrs);
    b.edge('Saga', s.command, { on: [previous] }).link(s.command, s.handler);
    if (!s.noReply) {
      b.event(`${s.command}Done`).edge(s.handler, `${s.command}Done`, { on: [s.command] }).link(`${s.command}Done`, 'Saga');
      previous = `${s.command}Done`;
    }
    if (s.failureReply) {
      b.event(`${s.command}Failed`, { outcome: 'failure' })
        .edge(s.handler, `${s.command}Failed`, { on: [s.command] })
        .link(`${s.command}Failed`, 'Saga');
      failures.push(`${s.command}Failed`);
    }
    if (s.compensation) {
      const handler = s.compensationHandler ?? s.handler;
      service(handler);
      b.command(s.compensation, { retry: { maxAttempts: 0, initialIntervalMs: 100, backoffCoefficient: 2, maxIntervalMs: 1000 }, ...s.compensationAttrs })
        .link(s.command, s.compensation)
        .link('Saga', s.compensation, handler);
    }
  }
  b.edge('Saga', 'Completed', { on: [previous] });
  if (failures.length > 0) b.edge('Saga', 'Cancelled', { on: failures });
  return b;
}
