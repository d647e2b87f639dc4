/** Messaging rules M001 and M009 (spec §2.2): at-least-once delivery. */
import type { Analysis } from '../analysis.ts';
import { isIdempotent } from '../attributes.ts';
import { diagnostic, type Diagnostic } from '../diagnostic.ts';
import { consumersOf } from '../graph.ts';

export function messagingRules(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of a.reactions.values()) {
    const p = r.participant;
    // Orchestrators count as idempotent (isIdempotent): M001 speaks of services.
    if (isIdempotent(p) || r.reactions.length === 0) continue;
    const inputs = r.reactions.map((x) => x.input.name);
    out.push(
      diagnostic(
        'M001',
        `${p.name} is not idempotent: brokers deliver at least once, so a duplicate ${inputs.length === 1 ? inputs[0] : `of ${inputs.slice(0, 3).join(', ')}${inputs.length > 3 ? ', …' : ''}`} would apply its effect twice.`,
        `Make ${p.name} idempotent (deduplicate by message id) and tick "idempotent" in the inspector.`,
        { nodes: [p.id], edges: r.reactions.map((x) => x.via.edge.id) },
      ),
    );
  }
  for (const n of a.doc.nodes) {
    if (n.kind !== 'command' || n.retry?.maxAttempts !== 0) continue;
    const unsafe = consumersOf(a.graph, n.id).filter((h) => !isIdempotent(h));
    if (unsafe.length === 0) continue;
    out.push(
      diagnostic(
        'M009',
        `${n.name} is retried without limit, but its handler ${a.names(unsafe.map((h) => h.id))} is not idempotent: every retry may apply the effect again.`,
        `Make ${a.names(unsafe.map((h) => h.id))} idempotent, or give ${n.name} a maximum number of attempts.`,
        { nodes: [n.id, ...unsafe.map((h) => h.id)] },
      ),
    );
  }
  return out;
}
