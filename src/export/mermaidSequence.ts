/**
 * A simulated run as a Mermaid `sequenceDiagram`: one lifeline per node that takes part, one
 * arrow per delivered message (from its sender to the consumer), notes for failures, retries,
 * timeouts, crashes, compensations and the outcome.
 */
import type { SagaDocument } from '../model/index.ts';
import type { TraceEntry, TraceType } from '../simulation/index.ts';
import { mermaidText } from './mermaidText.ts';
import { ExportRefused } from './refusal.ts';

/** Trace entries drawn as a note over the node where they happen, with these words. */
const NOTE: Partial<Readonly<Record<TraceType, string>>> = {
  HANDLER_FAILED: 'failed',
  RETRY_SCHEDULED: 'retry',
  TIMEOUT_FIRED: 'timeout',
  SERVICE_CRASHED: 'crashed',
  SERVICE_RESTARTED: 'restarted',
  COMPENSATION_STARTED: 'compensation started',
  COMPENSATION_COMPLETED: 'compensation completed',
  DUPLICATE_SUPPRESSED: 'duplicate ignored',
};

const OUTCOME: Partial<Readonly<Record<TraceType, string>>> = {
  SAGA_COMPLETED: 'Saga completed',
  SAGA_COMPENSATED: 'Saga compensated',
  SAGA_INCONSISTENT: 'Saga inconsistent',
  SAGA_STUCK: 'Saga stuck',
};

/** Where a trigger that no node sends comes from. */
const OUTSIDE = { id: '', name: 'Outside' };

/** The sequence diagram of one run; `doc` is the design it ran (for actors and current names). */
export function traceToMermaid(trace: readonly TraceEntry[], doc: SagaDocument): string {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const lifelines = new Map<string, { alias: string; name: string; actor: boolean }>();
  const lifeline = (id: string | null, nameInTrace: string | null): string => {
    const key = id ?? OUTSIDE.id;
    let found = lifelines.get(key);
    if (!found) {
      const node = id === null ? undefined : nodes.get(id);
      found = { alias: `p${lifelines.size + 1}`, name: node?.name ?? nameInTrace ?? (id === null ? OUTSIDE.name : id), actor: node?.kind === 'actor' };
      lifelines.set(key, found);
    }
    return found.alias;
  };

  const senderOf = new Map<string, { id: string | null; name: string | null }>();
  const body: string[] = [];
  let outcome: string | undefined;
  for (const e of trace) {
    if (e.type === 'MESSAGE_SENT' && e.message !== null) senderOf.set(e.message, { id: e.node, name: e.nodeName });
    else if ((e.type === 'MESSAGE_DELIVERED' || e.type === 'DUPLICATE_DELIVERED') && e.node !== null) {
      const sender = (e.message !== null && senderOf.get(e.message)) || { id: null, name: null };
      const from = lifeline(sender.id, sender.name);
      const to = lifeline(e.node, e.nodeName);
      const duplicate = e.type === 'DUPLICATE_DELIVERED';
      const words = [e.messageName ?? e.messageNode ?? 'message', e.attempt > 1 && `(attempt ${e.attempt})`, duplicate && '(duplicate)'].filter(Boolean).join(' ');
      body.push(`  ${from}${duplicate ? '-->>' : '->>'}${to}: ${mermaidText(words)}`);
    } else if (NOTE[e.type] !== undefined && e.node !== null) {
      const words = `${NOTE[e.type]}${e.messageName ? ` ${e.messageName}` : ''}${e.detail ? `: ${e.detail}` : ''}`;
      body.push(`  Note over ${lifeline(e.node, e.nodeName)}: ${mermaidText(words)}`);
    } else if (OUTCOME[e.type] !== undefined) {
      outcome = `${OUTCOME[e.type]}${e.detail ? `: ${e.detail}` : ''}`;
    }
  }
  if (lifelines.size === 0) throw new ExportRefused('the run has no messages to draw: simulate the design first');

  const aliases = [...lifelines.values()];
  if (outcome !== undefined) {
    const span = aliases.length === 1 ? aliases[0]!.alias : `${aliases[0]!.alias},${aliases.at(-1)!.alias}`;
    body.push(`  Note over ${span}: ${mermaidText(outcome)}`);
  }
  const declarations = aliases.map((l) => `  ${l.actor ? 'actor' : 'participant'} ${l.alias} as ${mermaidText(l.name)}`);
  return `${['sequenceDiagram', ...declarations, ...body].join('\n')}\n`;
}
