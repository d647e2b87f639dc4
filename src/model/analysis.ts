/** Everything the rules and the classifier share about one document, computed once. */
import { buildGraph, isMessage, triggersOf, type DesignGraph, type Link } from './graph.ts';
import { reactionTable, type ParticipantReactions } from './reactions.ts';
import type { MessageNode, SagaDocument, SagaNode } from './schema.ts';
import { countText } from './countText.ts';

export interface Analysis {
  doc: SagaDocument;
  graph: DesignGraph;
  reactions: ReadonlyMap<string, ParticipantReactions>;
  triggers: readonly MessageNode[];
  /** The display name of a node, for messages. */
  name(id: string): string;
  /** Names of several nodes as `A, B and C`; a long list as its first few and how many more. */
  names(ids: readonly string[]): string;
  /** Results an incremental validation keeps while the design's structure stays the same (see `structural`). */
  kept?: KeptStructure;
}

/**
 * Results that depend on the design's structure only (its nodes' ids, kinds and attributes, its
 * connections), not on names or places: an incremental validation keeps them while an edit only
 * renames or moves nodes. They hold ids, never node objects (those change on a rename).
 */
export interface KeptStructure {
  /** `compute()`, kept; or, after an edit that changed the structure, `update` of what was kept before, when it can say (else undefined). */
  get<T>(key: string, compute: () => T, update?: (previous: T, edit: StructureEdit) => T | undefined): T;
  /**
   * One part of a result over the whole design (`family`), kept for `key` (an object of the
   * analysis) and `index` until an edit changes what it read: `compute` returns the part and the
   * messages whose emitters, and whose consumers, it looked at.
   */
  part<T>(family: string, key: object, index: number, compute: () => { value: T; reads: PartReads }): T;
}

/** What one edit changed in the structure, for results that can follow it (KeptStructure.get's `update`). */
export interface StructureEdit {
  /** Links that join nodes not joined so (or not in that sense) before. */
  linksAdded: readonly Link[];
  /** Some link went or joins other nodes now, or a node went or changed kind. */
  linksLost: boolean;
  /** The ids of the triggers before the edit. */
  triggersBefore: readonly string[];
  /** Handlings that emit a message they did not emit before. */
  reactionsAdded: readonly { participant: string; input: string; output: string }[];
  /** Some handling no longer emits a message it emitted before (or is gone). */
  reactionsLost: boolean;
}

/**
 * `compute()`, kept with the analysis's structure when an incremental validation keeps one; `key`
 * names what it computes (and from which arguments); `update` brings the result kept before an
 * edit of the structure up to date, when it can.
 */
export const structural = <T>(a: Analysis, key: string, compute: () => T, update?: (previous: T, edit: StructureEdit) => T | undefined): T =>
  a.kept ? a.kept.get(key, compute, update) : compute();

/** What a kept part looked at: the messages whose emitters (and how they handle what they consume), and whose consumers (and how they handle it), it read. */
export interface PartReads {
  emitters: readonly string[];
  consumers: readonly string[];
}

/** `compute().value`, kept by an incremental validation until an edit changes what it read (KeptStructure.part). */
export const structuralPart = <T>(a: Analysis, family: string, key: object, index: number, compute: () => { value: T; reads: PartReads }): T =>
  a.kept ? a.kept.part(family, key, index, compute) : compute().value;

/**
 * `assumeOn`: outputs whose `on` is missing answer the participant's forward inputs (the rules'
 * reading, see `assumingOn`); otherwise they answer nothing, as the simulator runs them.
 */
export function analyse(doc: SagaDocument, options: { assumeOn?: boolean } = {}): Analysis {
  const graph = buildGraph(doc);
  return analysisOf(graph, reactionTable(graph, options), triggersOf(graph));
}

/** The analysis of a graph from its reactions and triggers (computed whole, or kept from the document before). */
export function analysisOf(graph: DesignGraph, reactions: ReadonlyMap<string, ParticipantReactions>, triggers: readonly MessageNode[], kept?: KeptStructure): Analysis {
  const name = (id: string): string => graph.node.get(id)?.name.trim() ?? id;
  return {
    doc: graph.doc,
    graph,
    reactions,
    triggers,
    name,
    names: (ids) => shortListing(ids.slice(0, MAX_LISTED + 1).map(name), ids.length),
    ...(kept && { kept }),
  };
}

/** `['A', 'B', 'C']` -> `A, B and C` (or `A, B or C`) */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The most items a message lists before it says how many more there are. */
export const MAX_LISTED = 8;

/**
 * Like `listing`, for lists that may be long: the first MAX_LISTED items and how many more,
 * `A, B, C, D, E, F, G, H and 492 more`. `total` is the length of the whole list when `items`
 * holds only its beginning.
 */
export function shortListing(items: readonly string[], total: number = items.length, conjunction: 'and' | 'or' = 'and'): string {
  if (total <= MAX_LISTED) return listing(items.slice(0, total), conjunction);
  return `${items.slice(0, MAX_LISTED).join(', ')} ${conjunction} ${countText(total - MAX_LISTED)} more`;
}

const membership = new WeakMap<readonly SagaNode[], Set<string>>();

/**
 * `list` without the node `id`, as the first MAX_LISTED + 1 others (enough to name a few and say
 * how many more) and how many others there are: constant work per call once the list's ids are
 * indexed, so rules that ask this for every connection stay linear in the size of the design.
 */
export function othersIn<T extends SagaNode>(list: readonly T[], id: string): { first: T[]; count: number } {
  let ids = membership.get(list);
  if (!ids) membership.set(list, (ids = new Set(list.map((n) => n.id))));
  const first: T[] = [];
  for (const n of list) {
    if (first.length > MAX_LISTED) break;
    if (n.id !== id) first.push(n);
  }
  return { first, count: list.length - (ids.has(id) ? 1 : 0) };
}

export const messagesOf = (doc: SagaDocument): MessageNode[] => doc.nodes.filter(isMessage);
