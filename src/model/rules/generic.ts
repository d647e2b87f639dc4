/** Generic rules G001–G014 (spec §2.1): well-formed graphs whatever the style. */
import { MAX_LISTED, shortListing, structural, type Analysis, type StructureEdit } from '../analysis.ts';
import { forbiddenConnectionHint } from '../connections.ts';
import { defined, diagnostic, type Diagnostic } from '../diagnostic.ts';
import { appended, consumersOf, isMessage, isParticipant, producersOf, targetId, type ForbiddenEdge, type Link, type NodeLinks } from '../graph.ts';
import { looksLikeFact, looksLikeIntent, nameKey } from '../names.ts';
import { quoted, shortened } from '../quote.ts';
import { distinct, type ParticipantReactions } from '../reactions.ts';
import type { NodeKind, SagaEdge, SagaNode } from '../schema.ts';
import { countText } from '../countText.ts';

export function genericRules(a: Analysis): Diagnostic[] {
  return [
    ...a.graph.dangling.map((edge) => danglingEdge(a, edge)),
    ...a.graph.forbidden.map(forbiddenEdge),
    ...sharedNames(a.doc.nodes),
    ...defined(a.doc.nodes.map(naming)),
    ...defined(a.doc.nodes.map((n) => isolatedMessage(a, n, a.graph.at(n.id)!))),
    ...defined(a.doc.nodes.map((n) => unconsumedEvent(a, n, a.graph.at(n.id)!))),
    ...reachability(a, reachedFrom(a)),
    ...defined(a.doc.nodes.map((n) => handlers(a, n, a.graph.at(n.id)!))),
    ...[...a.reactions.values()].flatMap((r) => unboundOutputs(a, r)),
    ...a.graph.links.flatMap((l) => actorOn(a, l) ?? []),
  ];
}

/** G001 for one connection to a missing node. */
export function danglingEdge(a: Analysis, edge: SagaEdge): Diagnostic {
  const missing = [edge.source, edge.target].filter((id) => !a.graph.node.has(id));
  const present = [edge.source, edge.target].filter((id) => a.graph.node.has(id));
  return diagnostic(
    'G001',
    `Connection ${shortened(edge.id)} points to ${missing.map((id) => quoted(id)).join(' and ')}, which ${missing.length > 1 ? 'do' : 'does'} not exist.`,
    'Delete the connection, or restore the node it points to.',
    { nodes: present, edges: [edge.id] },
  );
}

/** G002 for one connection between kinds that cannot be joined. */
export function forbiddenEdge({ edge, source, target }: ForbiddenEdge): Diagnostic {
  return diagnostic(
    'G002',
    `${source.name} (${source.kind}) cannot connect to ${target.name} (${target.kind}).`,
    capitalise(`${forbiddenConnectionHint(source.kind, target.kind)}.`),
    { nodes: [source.id, target.id], edges: [edge.id] },
  );
}

/**
 * G003 and G004 over the whole design. `keyOf` gives a node's name's comparison key (nameKey),
 * which an incremental validation keeps per node.
 */
export function sharedNames(nodes: readonly SagaNode[], keyOf: (n: SagaNode) => string = keyOfName): Diagnostic[] {
  // By kind, then by name: the first node of each name, or all of them (in the order of the document) once there are several.
  const byKind = new Map<NodeKind, Map<string, SagaNode | SagaNode[]>>();
  let shared = false;
  for (const n of nodes) {
    const key = keyOf(n);
    let names = byKind.get(n.kind);
    if (!names) byKind.set(n.kind, (names = new Map()));
    const found = names.get(key);
    if (found === undefined) names.set(key, n);
    else {
      names.set(key, Array.isArray(found) ? appended(found, n) : [found, n]);
      shared = true;
    }
  }
  const out: Diagnostic[] = [];
  if (shared) {
    // In the order of the first node of each shared name.
    for (const n of nodes) {
      const found = byKind.get(n.kind)!.get(keyOf(n))!;
      if (!Array.isArray(found) || found[0] !== n) continue;
      out.push(
        diagnostic('G003', `${found.length} ${n.kind}s are named ${n.name.trim()}.`, `Give each ${n.kind} its own name, or merge them into one node.`, {
          nodes: found.map((x) => x.id),
        }),
      );
    }
  }
  const commands = byKind.get('command');
  const events = byKind.get('event');
  if (!commands || !events) return out;
  // In the order of the first event of each name.
  events.forEach((found, key) => {
    const named = commands.get(key);
    if (!named) return;
    const command = Array.isArray(named) ? named[0]! : named;
    const event = Array.isArray(found) ? found[0]! : found;
    out.push(
      diagnostic(
        'G004',
        `The command ${command.name} and the event ${event.name} share a name.`,
        'Name the command as an intent (ReserveInventory) and the event as the fact that follows (InventoryReserved).',
        { nodes: [command.id, event.id] },
      ),
    );
  });
  return out;
}

const keyOfName = (n: SagaNode): string => nameKey(n.name);

/** G005 for one node. */
export function naming(n: SagaNode): Diagnostic | undefined {
  if (n.kind === 'command' && !looksLikeIntent(n.name)) {
    return diagnostic('G005', `The command ${n.name} does not read as an intent.`, 'Name commands in the imperative: a verb first, as in ProcessPayment.', {
      nodes: [n.id],
    });
  }
  if (n.kind === 'event' && !looksLikeFact(n.name)) {
    return diagnostic('G005', `The event ${n.name} does not read as a fact.`, 'Name events in the past tense, as in PaymentProcessed.', {
      nodes: [n.id],
    });
  }
  return undefined;
}

/**
 * G006 for one message with neither producer nor consumer. The per-node rules take the node and
 * its entry in the graph (`e`, the connections of its id).
 */
export function isolatedMessage(_a: Analysis, n: SagaNode, { producers, consumers }: NodeLinks): Diagnostic | undefined {
  if (!isMessage(n) || producers.length > 0 || consumers.length > 0) return undefined;
  return diagnostic(
    'G006',
    `The ${n.kind} ${n.name} is neither ${n.kind === 'command' ? 'sent' : 'published'} nor ${n.kind === 'command' ? 'handled' : 'consumed'} by anyone.`,
    n.kind === 'command'
      ? 'Connect a sender to it and connect it to the service that handles it, or delete it.'
      : 'Connect the service that publishes it and the services that react to it, or delete it.',
    { nodes: [n.id] },
  );
}

/** G007, in every style: an event that is published, that nobody consumes, and that does not end the process. */
export function unconsumedEvent(a: Analysis, n: SagaNode, { producers: publishers, consumers }: NodeLinks): Diagnostic | undefined {
  if (n.kind !== 'event' || n.terminal || consumers.length > 0 || publishers.length === 0) return undefined;
  return diagnostic(
    'G007',
    `Nobody consumes ${n.name}, which ${a.names(publishers.map((p) => p.id))} ${publishers.length === 1 ? 'publishes' : 'publish'}: the flow stops there, yet ${n.name} is not marked as an end of the process.`,
    `Subscribe the participant that must react to ${n.name}, mark ${n.name} terminal if it ends the process, or delete it.`,
    { nodes: [n.id, ...publishers.map((p) => p.id)] },
  );
}

/** The ids of the nodes the actors and triggers reach along the connections; kept by an incremental validation, and followed through edits that only add links. */
export const reachedNodes = (a: Analysis): ReadonlySet<string> => structural(a, 'reached', () => reachedFrom(a), (previous, edit) => reachedAfter(a, previous, edit));

/** The nodes reached: `seen` (what was reached before an edit that only added links) and what the triggers reach from there, over `linksAdded` too. */
export function reachedFrom(a: Analysis, seen = new Set<string>(), linksAdded: readonly Link[] = []): Set<string> {
  const queue: string[] = [];
  for (const n of a.doc.nodes) if (n.kind === 'actor') start(n.id, seen, queue);
  for (const t of a.triggers) start(t.id, seen, queue);
  for (const l of linksAdded) if (seen.has(l.source.id)) start(l.target.id, seen, queue);
  // The queue grows as it is read.
  for (let i = 0; i < queue.length; i++) {
    const out = a.graph.outgoing(queue[i]!);
    for (let k = 0; k < out.length; k++) start(targetId(out[k]!), seen, queue);
  }
  return seen;
}

/** Reaches `id`: queued, unless it was reached before. */
function start(id: string, seen: Set<string>, queue: string[]): void {
  if (!seen.has(id)) {
    seen.add(id);
    queue.push(id);
  }
}

/**
 * What the triggers reach after an edit, from what they reached before: what was reached still is
 * when no link went and no trigger stopped being one, and the new links may reach further.
 */
function reachedAfter(a: Analysis, before: Set<string>, edit: StructureEdit): Set<string> | undefined {
  if (edit.linksLost) return undefined;
  const triggers = new Set(a.triggers.map((t) => t.id));
  if (edit.triggersBefore.some((id) => !triggers.has(id))) return undefined;
  // What was kept before the edit is the edit's to change: it is not read again.
  return reachedFrom(a, before, edit.linksAdded);
}

/** G011 when nothing starts the process, else G010 for every node the triggers do not reach (`reached`). */
export function reachability(a: Analysis, reached: ReadonlySet<string>): Diagnostic[] {
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
  const out: Diagnostic[] = [];
  let triggers: string | undefined;
  for (const n of a.doc.nodes) {
    if (reached.has(n.id)) continue;
    // A message with neither producer nor consumer is already reported by G006.
    if (isMessage(n) && producersOf(a.graph, n.id).length === 0 && consumersOf(a.graph, n.id).length === 0) continue;
    triggers ??= a.names(a.triggers.map((t) => t.id));
    out.push(unreachable(n, triggers));
  }
  return out;
}

/** G010 for one node; `triggers` names the triggers. */
export function unreachable(n: SagaNode, triggers: string): Diagnostic {
  return diagnostic('G010', `${n.name} is not reachable from any trigger (${triggers}).`, 'Connect it to the flow, or delete it if it belongs to another process.', {
    nodes: [n.id],
  });
}

/** G012 for one command without exactly one handler. */
export function handlers(a: Analysis, n: SagaNode, { consumers: hs, out }: NodeLinks): Diagnostic | undefined {
  if (n.kind !== 'command' || hs.length === 1) return undefined;
  if (hs.length === 0) {
    return diagnostic('G012', `The command ${n.name} has no handler.`, 'Connect it to the one service or orchestrator that handles it.', {
      nodes: [n.id],
    });
  }
  const edges = out.filter((l) => l.meaning === 'handledBy').map((l) => l.edge.id);
  return diagnostic(
    'G012',
    `The command ${n.name} is handled by ${hs.length} participants (${a.names(hs.map((h) => h.id))}); a command has exactly one handler.`,
    'Keep one handler. If several services must react, publish an event instead.',
    { nodes: [n.id, ...hs.map((h) => h.id)], edges },
  );
}

/** G013 and G014 for one participant's outputs and its `on` and `compensates`. */
export function unboundOutputs(a: Analysis, r: ParticipantReactions): Diagnostic[] {
  if (r.unbound.length === 0 && r.strayOn.length === 0 && !r.reactions.some((x) => x.via.edge.compensates !== undefined)) return [];
  const out: Diagnostic[] = [];
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
  return out;
}

/** G014 for a connection from an actor that says `on`: actors consume nothing, so any `on` names a message they do not consume. */
export function actorOn(a: Analysis, link: Link): Diagnostic | undefined {
  if (link.source.kind !== 'actor' || !link.edge.on?.length) return undefined;
  return stray(a, link.source, distinct(link.edge.on), link.edge.id, 'on');
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
      `${connection} names ${countText(messageIds.length)} messages in "${field}" that ${node.name} does not consume: ${shortListing(shown)}.`,
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
