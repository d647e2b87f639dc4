/** Messaging rules M001 and M009 (spec §2.2): at-least-once delivery. */
import type { Analysis } from '../analysis.ts';
import { isIdempotent } from '../attributes.ts';
import { diagnostic, type Diagnostic } from '../diagnostic.ts';
import type { NodeLinks } from '../graph.ts';
import type { ParticipantReactions } from '../reactions.ts';
import type { SagaNode } from '../schema.ts';

export function messagingRules(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of a.reactions.values()) {
    const d = nonIdempotent(r);
    if (d) out.push(d);
  }
  for (const n of a.doc.nodes) {
    const d = unlimitedRetries(a, n, a.graph.at(n.id)!);
    if (d) out.push(d);
  }
  return out;
}

/** M001 for one participant. Orchestrators count as idempotent (isIdempotent): M001 speaks of services. */
export function nonIdempotent(r: ParticipantReactions): Diagnostic | undefined {
  const p = r.participant;
  if (isIdempotent(p) || r.reactions.length === 0) return undefined;
  const inputs = r.reactions.map((x) => x.input.name);
  return diagnostic(
    'M001',
    `${p.name} is not idempotent: brokers deliver at least once, so a duplicate ${inputs.length === 1 ? inputs[0] : `of ${inputs.slice(0, 3).join(', ')}${inputs.length > 3 ? ', …' : ''}`} would apply its effect twice.`,
    `Make ${p.name} idempotent (deduplicate by message id) and tick "idempotent" in the inspector.`,
    { nodes: [p.id], edges: r.reactions.map((x) => x.via.edge.id) },
  );
}

/** M009 for one command retried without limit by a handler that is not idempotent. */
export function unlimitedRetries(a: Analysis, n: SagaNode, { consumers }: NodeLinks): Diagnostic | undefined {
  if (n.kind !== 'command' || n.retry?.maxAttempts !== 0) return undefined;
  const unsafe = consumers.filter((h) => !isIdempotent(h));
  if (unsafe.length === 0) return undefined;
  return diagnostic(
    'M009',
    `${n.name} is retried without limit, but its handler ${a.names(unsafe.map((h) => h.id))} is not idempotent: every retry may apply the effect again.`,
    `Make ${a.names(unsafe.map((h) => h.id))} idempotent, or give ${n.name} a maximum number of attempts.`,
    { nodes: [n.id, ...unsafe.map((h) => h.id)] },
  );
}
