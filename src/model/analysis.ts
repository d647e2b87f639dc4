/** Everything the rules and the classifier share about one document, computed once. */
import { buildGraph, isMessage, triggersOf, type DesignGraph } from './graph.ts';
import { reactionTable, type ParticipantReactions } from './reactions.ts';
import type { MessageNode, SagaDocument } from './schema.ts';

export interface Analysis {
  doc: SagaDocument;
  graph: DesignGraph;
  reactions: ReadonlyMap<string, ParticipantReactions>;
  triggers: readonly MessageNode[];
  /** The display name of a node, for messages. */
  name(id: string): string;
  /** Names of several nodes as `A, B and C`. */
  names(ids: readonly string[]): string;
}

export function analyse(doc: SagaDocument): Analysis {
  const graph = buildGraph(doc);
  const name = (id: string): string => graph.node.get(id)?.name.trim() ?? id;
  return {
    doc,
    graph,
    reactions: reactionTable(graph),
    triggers: triggersOf(graph),
    name,
    names: (ids) => listing(ids.map(name)),
  };
}

/** `['A', 'B', 'C']` -> `A, B and C` (or `A, B or C`) */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export const messagesOf = (doc: SagaDocument): MessageNode[] => doc.nodes.filter(isMessage);
