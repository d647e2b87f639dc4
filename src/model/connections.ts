/**
 * Which node kinds may be connected, and what the connection means (spec §1.2). The one
 * source of truth for both the canvas (refusing a drag) and the validator (rule G002).
 */
import type { NodeKind } from './schema.ts';

export type EdgeMeaning = 'sends' | 'handledBy' | 'publishes' | 'subscribedBy' | 'compensatedBy';

export const EDGE_MEANING_LABEL: Readonly<Record<EdgeMeaning, string>> = {
  sends: 'sends',
  handledBy: 'handled by',
  publishes: 'publishes',
  subscribedBy: 'subscribed by',
  compensatedBy: 'compensated by',
};

const TABLE: Readonly<Record<NodeKind, Partial<Record<NodeKind, EdgeMeaning>>>> = {
  actor: { command: 'sends' },
  service: { command: 'sends', event: 'publishes' },
  orchestrator: { command: 'sends', event: 'publishes' },
  command: { service: 'handledBy', orchestrator: 'handledBy', command: 'compensatedBy' },
  event: { service: 'subscribedBy', orchestrator: 'subscribedBy' },
};

/** What an edge from a `source` node to a `target` node means, or undefined when it is not allowed. */
export function edgeMeaning(source: NodeKind, target: NodeKind): EdgeMeaning | undefined {
  return TABLE[source][target];
}

const ARTICLE: Record<NodeKind, string> = {
  actor: 'an actor',
  service: 'a service',
  orchestrator: 'an orchestrator',
  command: 'a command',
  event: 'an event',
};

/** Why a connection between these kinds is refused and what to draw instead (for hints and G002). */
export function forbiddenConnectionHint(source: NodeKind, target: NodeKind): string {
  const from = ARTICLE[source];
  const to = ARTICLE[target];
  switch (source) {
    case 'actor':
      return target === 'event'
        ? `${from} cannot publish events: let it send a command, and have the service that handles it publish the event`
        : `${from} only sends commands: draw a command between them, handled by ${to}`;
    case 'service':
    case 'orchestrator':
      return target === 'actor'
        ? `${from} cannot send to ${to}: publish an event instead, and mark it terminal if it ends the process`
        : `participants talk through messages: draw a command (or an event) between ${from} and ${to}`;
    case 'command':
      return target === 'event'
        ? `${from} cannot become an event by itself: connect the command to the service that handles it, and let that service publish the event`
        : `${from} goes to the service or orchestrator that handles it (or to another command that compensates it)`;
    case 'event':
      return target === 'event' || target === 'command'
        ? `${from} cannot trigger ${to} directly: connect it to the service that reacts to it, and let that service publish or send the next message`
        : `${from} goes to the services or orchestrators that subscribe to it`;
  }
}

/** A short description of what may follow a node of this kind, for the palette and hints. */
export function allowedTargets(source: NodeKind): NodeKind[] {
  return Object.keys(TABLE[source]) as NodeKind[];
}
