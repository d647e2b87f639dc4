/** Generic rules G001–G014 (spec §2.1): well-formed graphs whatever the style. */
import { MAX_LISTED, shortListing, type Analysis } from '../analysis.ts';
import { forbiddenConnectionHint } from '../connections.ts';
import { diagnostic, type Diagnostic } from '../diagnostic.ts';
import { consumersOf, isMessage, isParticipant, producersOf } from '../graph.ts';
import { looksLikeFact, looksLikeIntent, nameKey } from '../names.ts';
import { quoted, shortened } from '../quote.ts';
import { distinct } from '../reactions.ts';
import type { SagaNode } from '../schema.ts';

export function genericRules(a: Analysis): Diagnostic[] {
  return [
    ...danglingEdges(a),
    ...forbiddenEdges(a),
    ...sharedNames(a),
    ...naming(a),
    ...isolatedMessages(a),
    ...unconsumedEvents(a),
    ...reachability(a),
    ...handlers(a),
    ...unboundOutputs(a),
  ];
}

function danglingEdges(a: Analysis): Diagnostic[] {
  return a.graph.dangling.map((edge) => {
    const missing = [edge.source, edge.target].filter((id) => !a.graph.node.has(id));
    const present = [edge.source, edge.target].filter((id) => a.graph.node.has(id));
    return diagnostic(
      'G001',
      `Connection ${shortened(edge.id)} points to ${missing.map((id) => quoted(id)).join(' and ')}, which ${missing.length > 1 ? 'do' : 'does'} not exist.`,
      'Delete the connection, or restore the node it points to.',
      { nodes: present, edges: [edge.id] },
    );
  });
}

function forbiddenEdges(a: Analysis): Diagnostic[] {
  return a.graph.forbidden.map(({ edge, source, target }) =>
    diagnostic(
      'G002',
      `${source.name} (${source.kind}) cannot connect to ${target.name} (${target.kind}).`,
      capitalise(`${forbiddenConnectionHint(source.kind, target.kind)}.`),
      { nodes: [source.id, target.id], edges: [edge.id] },
    ),
  );
}

function sharedNames(a: Analysis): Diagnostic[] {
  const groups = new Map<string, SagaNode[]>();
  for (const n of a.doc.nodes) {
    const key = `${n.kind}\u0000${nameKey(n.name)}`;
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  }
  const out: Diagnostic[] = [];
  const commandNames = new Map<string, SagaNode>();
  for (const [key, list] of groups) {
    const first = list[0]!;
    if (list.length > 1) {
      out.push(
        diagnostic(
          'G003',
          `${list.length} ${first.kind}s are named ${first.name.trim()}.`,
          `Give each ${first.kind} its own name, or merge them into one node.`,
          { nodes: list.map((n) => n.id) },
        ),
      );
    }
    if (first.kind === 'command') commandNames.set(key.slice(key.indexOf('\u0000') + 1), first);
  }
  for (const [key, list] of groups) {
    const event = list[0]!;
    if (event.kind !== 'event') continue;
    const command = commandNames.get(key.slice(key.indexOf('\u0000') + 1));
    if (!command) continue;
    out.push(
      diagnostic(
        'G004',
        `The command ${command.name} and the event ${event.name} share a name.`,
        'Name the command as an intent (ReserveInventory) and the event as the fact that follows (InventoryReserved).',
        { nodes: [command.id, event.id] },
      ),
    );
  }
  return out;
}

function naming(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of a.doc.nodes) {
    if (n.kind === 'command' && !looksLikeIntent(n.name)) {
      out.push(
        diagnostic('G005', `The command ${n.name} does not read as an intent.`, 'Name commands in the imperative: a verb first, as in ProcessPayment.', {
          nodes: [n.id],
        }),
      );
    } else if (n.kind === 'event' && !looksLikeFact(n.name)) {
      out.push(
        diagnostic('G005', `The event ${n.name} does not read as a fact.`, 'Name events in the past tense, as in PaymentProcessed.', {
          nodes: [n.id],
        }),
      );
    }
  }
  return out;
}

function isolatedMessages(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of a.doc.nodes) {
    if (!isMessage(n) || producersOf(a.graph, n.id).length > 0 || consumersOf(a.graph, n.id).length > 0) continue;
    out.push(
      diagnostic(
        'G006',
        `The ${n.kind} ${n.name} is neither ${n.kind === 'command' ? 'sent' : 'published'} nor ${n.kind === 'command' ? 'handled' : 'consumed'} by anyone.`,
        n.kind === 'command'
          ? 'Connect a sender to it and connect it to the service that handles it, or delete it.'
          : 'Connect the service that publishes it and the services that react to it, or delete it.',
        { nodes: [n.id] },
      ),
    );
  }
  return out;
}

/** G007, in every style: an event that is published, that nobody consumes, and that does not end the process. */
function unconsumedEvents(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of a.doc.nodes) {
    if (n.kind !== 'event' || n.terminal || consumersOf(a.graph, n.id).length > 0) continue;
    const publishers = producersOf(a.graph, n.id);
    if (publishers.length === 0) continue;
    out.push(
      diagnostic(
        'G007',
        `Nobody consumes ${n.name}, which ${a.names(publishers.map((p) => p.id))} ${publishers.length === 1 ? 'publishes' : 'publish'}: the flow stops there, yet ${n.name} is not marked as an end of the process.`,
        `Subscribe the participant that must react to ${n.name}, mark ${n.name} terminal if it ends the process, or delete it.`,
        { nodes: [n.id, ...publishers.map((p) => p.id)] },
      ),
    );
  }
  return out;
}

function reachability(a: Analysis): Diagnostic[] {
  if (a.doc.nodes.length === 0) return [];
  if (a.triggers.length === 0) {
    return [
      diagnostic(
        'G011',
        'The design has no trigger: nothing starts the process.',
        'Draw an actor that sends the first command, or an event that comes from outside (one that no node produces) and the service that reacts to it.',
      ),
    ];
  }
  const seen = new Set<string>();
  const queue: string[] = [];
  const start = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      queue.push(id);
    }
  };
  for (const n of a.doc.nodes) if (n.kind === 'actor') start(n.id);
  for (const t of a.triggers) start(t.id);
  // The queue grows as it is read: for…of sees what start() adds.
  for (const id of queue) for (const l of a.graph.outgoing(id)) start(l.target.id);
  const out: Diagnostic[] = [];
  const triggers = a.names(a.triggers.map((t) => t.id));
  for (const n of a.doc.nodes) {
    if (seen.has(n.id)) continue;
    // A message with neither producer nor consumer is already reported by G006.
    if (isMessage(n) && producersOf(a.graph, n.id).length === 0 && consumersOf(a.graph, n.id).length === 0) continue;
    out.push(
      diagnostic(
        'G010',
        `${n.name} is not reachable from any trigger (${triggers}).`,
        'Connect it to the flow, or delete it if it belongs to another process.',
        { nodes: [n.id] },
      ),
    );
  }
  return out;
}

function handlers(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of a.doc.nodes) {
    if (n.kind !== 'command') continue;
    const hs = consumersOf(a.graph, n.id);
    if (hs.length === 1) continue;
    if (hs.length === 0) {
      out.push(
        diagnostic('G012', `The command ${n.name} has no handler.`, 'Connect it to the one service or orchestrator that handles it.', {
          nodes: [n.id],
        }),
      );
    } else {
      const edges = a.graph.outgoing(n.id).filter((l) => l.meaning === 'handledBy').map((l) => l.edge.id);
      out.push(
        diagnostic(
          'G012',
          `The command ${n.name} is handled by ${hs.length} participants (${a.names(hs.map((h) => h.id))}); a command has exactly one handler.`,
          'Keep one handler. If several services must react, publish an event instead.',
          { nodes: [n.id, ...hs.map((h) => h.id)], edges },
        ),
      );
    }
  }
  return out;
}

function unboundOutputs(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of a.reactions.values()) {
    const p = r.participant;
    const inputs = r.reactions.map((x) => x.input.name);
    for (const link of r.unbound) {
      out.push(
        diagnostic(
          'G013',
          `${p.name} consumes several messages (${listing3(inputs)}) but does not say on which it emits ${link.target.name}.`,
          `Select the connection ${p.name} → ${link.target.name} and tick the inputs it answers ("on")${p.kind === 'orchestrator' && link.target.kind === 'command' ? `; or, if ${link.target.name} undoes a step, connect that step to it ("compensated by")` : ''}.`,
          { nodes: [p.id, link.target.id], edges: [link.edge.id] },
        ),
      );
    }
    for (const { link, messageIds } of r.strayOn) out.push(stray(a, p, messageIds, link.edge.id, 'on'));
    for (const reaction of r.reactions) {
      const c = reaction.via.edge.compensates;
      if (c !== undefined && !r.byInput.has(c)) out.push(stray(a, p, [c], reaction.via.edge.id, 'compensates'));
    }
  }
  // Actors consume nothing, so any `on` on their connections names a message they do not consume.
  for (const link of a.graph.links) {
    if (link.source.kind !== 'actor' || !link.edge.on?.length) continue;
    out.push(stray(a, link.source, distinct(link.edge.on), link.edge.id, 'on'));
  }
  return out;
}

/** One G014 per connection and field, naming each message it should not name once (spec: one problem per cause). */
function stray(a: Analysis, node: SagaNode, messageIds: readonly string[], edge: string, field: 'on' | 'compensates'): Diagnostic {
  const connection = `The connection ${shortened(edge)}`;
  const refs = { nodes: [node.id], edges: [edge] };
  if (messageIds.length > 1) {
    const shown = messageIds.map((id) => {
      const known = a.graph.node.get(id);
      return known ? known.name : quoted(id);
    });
    for (const id of messageIds.slice(0, MAX_SHOWN)) if (a.graph.node.has(id)) refs.nodes.push(id);
    return diagnostic(
      'G014',
      `${connection} names ${messageIds.length.toLocaleString('en-US')} messages in "${field}" that ${node.name} does not consume: ${shortListing(shown)}.`,
      isParticipant(node) ? `Name only messages that ${node.name} consumes in "${field}".` : `${node.name} consumes nothing; remove "${field}" from the connection.`,
      refs,
    );
  }
  const messageId = messageIds[0]!;
  const known = a.graph.node.get(messageId);
  if (known) refs.nodes.push(known.id);
  return diagnostic(
    'G014',
    known
      ? `${connection} says "${field}: ${known.name}", but ${node.name} does not consume ${known.name}.`
      : `${connection} says "${field}: ${shortened(messageId)}", but the design has no message with that id.`,
    isParticipant(node)
      ? `Name only messages that ${node.name} consumes, or connect ${known ? known.name : 'that message'} to ${node.name} first.`
      : `${node.name} consumes nothing; remove "${field}" from the connection.`,
    refs,
  );
}

/** The nodes a G014 about several messages points at, at most. */
const MAX_SHOWN = MAX_LISTED;

function listing3(items: string[]): string {
  return items.length > 3 ? `${items.slice(0, 3).join(', ')}, …` : items.join(', ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
