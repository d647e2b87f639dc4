/**
 * The graph of the design being edited, updated from one document to the next instead of built
 * again: only the nodes an edit touches (and their neighbours, whose connections now lead to a
 * new node object) get new entries; every other entry, and every connection whose ends did not
 * change, stays the same object, so that what was computed from it can be kept.
 */
import { graphOf, isLink, nodeLinks, NONE, readEdge, type DesignGraph, type ForbiddenEdge, type Link, type NodeLinks } from '../graph.ts';
import type { SagaDocument, SagaEdge, SagaNode } from '../schema.ts';
import { listChange, type ListChange } from './listChange.ts';

/** How a connection reads: a link, a forbidden connection, or undefined (a missing end). */
type Reading = Link | ForbiddenEdge | undefined;

/** What an update changed. */
export interface GraphChange {
  /** Nodes came or went or changed kind, or connections came, went or now join other nodes. */
  topology: boolean;
  /** Some command is now, or is no longer, named as a compensation. */
  compensations: boolean;
  /** The nodes changed only in what no rule reads as structure: names, descriptions, positions. */
  namesOnly: boolean;
  /** How the list of nodes changed. */
  nodes: ListChange<SagaNode>;
  /** The ids of the nodes whose entries changed (the node itself or its connections). */
  touched: ReadonlySet<string>;
  /** Links that join nodes not joined so (or not in that sense) before. */
  linksAdded: readonly Link[];
  /** Some link is gone or joins other nodes now, or a node is gone or changed kind. */
  linksLost: boolean;
}

export class LiveGraph {
  graph: DesignGraph;
  private readonly node = new Map<string, SagaNode>();
  private readonly entries = new Map<string, NodeLinks>();
  /** How each connection of the document reads, in the document's order. */
  private readings: Reading[] = [];
  private edgeIndex = new Map<SagaEdge, number>();
  /** Connections that are not links (G001, G002), by the ids at their ends. */
  private readonly loose = new Map<string, Set<SagaEdge>>();
  private looseCount = 0;

  /** The graph of `doc`, built whole; undefined when two nodes share an id (the incremental update assumes they do not). */
  static of(doc: SagaDocument): LiveGraph | undefined {
    const live = new LiveGraph(doc);
    return live.node.size === doc.nodes.length ? live : undefined;
  }

  private constructor(doc: SagaDocument) {
    for (const n of doc.nodes) this.node.set(n.id, n);
    const out = new Map<string, Link[]>();
    const inbound = new Map<string, Link[]>();
    doc.edges.forEach((edge, i) => {
      const reading = this.read(edge);
      this.readings.push(reading);
      this.edgeIndex.set(edge, i);
      if (reading && isLink(reading)) {
        listOf(out, edge.source).push(reading);
        listOf(inbound, edge.target).push(reading);
      } else this.addLoose(edge);
    });
    for (const n of doc.nodes) this.entries.set(n.id, nodeLinks(n, out.get(n.id) ?? NONE, inbound.get(n.id) ?? NONE));
    this.graph = this.graphFor(doc);
  }

  /**
   * Brings the graph to `next`. Returns what changed, or undefined when it cannot follow the edit
   * (connections reordered, two nodes with one id): the graph must then be built again.
   */
  update(next: SagaDocument): GraphChange | undefined {
    const prev = this.graph.doc;
    const nodes = listChange(prev.nodes, next.nodes);
    const edges = listChange(prev.edges, next.edges);
    // Another design altogether (the compare view shows two): built again, which is cheaper.
    const changed = nodes.removed.length + nodes.added.length + nodes.replaced.length + edges.removed.length + edges.added.length + edges.replaced.length;
    if (!edges.orderKept || changed > Math.max(64, (next.nodes.length + next.edges.length) / 4)) return undefined;
    const change: GraphChange = { topology: false, compensations: false, namesOnly: edges.removed.length + edges.added.length + edges.replaced.length === 0,
      nodes,
      touched: new Set(),
      linksAdded: [],
      linksLost: nodes.removed.length > 0,
    };
    const linksAdded: Link[] = [];
    const changedIds = new Set<string>();
    for (const n of nodes.removed) {
      if (this.node.get(n.id) !== n) return undefined;
      this.node.delete(n.id);
      changedIds.add(n.id);
    }
    for (const [before, after] of nodes.replaced) {
      this.node.set(after.id, after);
      changedIds.add(after.id);
      if (before.kind !== after.kind) change.topology = change.linksLost = true;
      if (!onlyNamed(before, after)) change.namesOnly = false;
    }
    for (const n of nodes.added) {
      if (this.node.has(n.id)) return undefined;
      this.node.set(n.id, n);
      changedIds.add(n.id);
    }
    if (this.node.size !== next.nodes.length) return undefined;
    // The order of the nodes is the order of the rules' findings and of the reactions table.
    if (nodes.removed.length + nodes.added.length > 0 || !nodes.orderKept) {
      change.topology = true;
      change.namesOnly = false;
    }

    // The connections to read again (new ones, changed ones, those of changed nodes), with how they read before.
    const was = new Map<SagaEdge, Reading>();
    const dropped = new Set<SagaEdge>(edges.removed);
    const reread = new Set<SagaEdge>(edges.added);
    const readingOf = (e: SagaEdge) => this.readings[this.edgeIndex.get(e)!];
    for (const e of edges.removed) if (isCompensation(readingOf(e))) change.compensations = true;
    if (edges.removed.some((e) => readingOf(e) !== undefined)) change.topology = true;
    if (edges.removed.some((e) => isLinkReading(readingOf(e)))) change.linksLost = true;
    for (const [old, now] of edges.replaced) {
      dropped.add(old);
      reread.add(now);
      was.set(now, readingOf(old));
    }
    const readAgain = (e: SagaEdge, before: Reading) => {
      if (dropped.has(e)) return;
      was.set(e, before);
      reread.add(e);
    };
    for (const id of changedIds) {
      const entry = this.entries.get(id);
      for (const l of entry?.out ?? NONE) readAgain(l.edge, l);
      for (const l of entry?.in ?? NONE) readAgain(l.edge, l);
      for (const e of this.loose.get(id) ?? []) readAgain(e, readingOf(e));
    }

    this.placeEdges(prev.edges, next.edges, edges);
    const touched = new Set(changedIds);
    for (const e of dropped) {
      touched.add(e.source).add(e.target);
      this.removeLoose(e);
    }
    const fresh = new Map<SagaEdge, Reading>();
    for (const e of reread) {
      touched.add(e.source).add(e.target);
      this.removeLoose(e);
      const reading = this.read(e);
      fresh.set(e, reading);
      this.readings[this.edgeIndex.get(e)!] = reading;
      if (!reading || !isLink(reading)) this.addLoose(e);
      const before = was.get(e);
      if (!sameShape(before, reading)) {
        change.topology = true;
        if (isLinkReading(before)) change.linksLost = true;
        if (reading && isLink(reading)) linksAdded.push(reading);
      }
      if (isCompensation(before) !== isCompensation(reading)) change.compensations = true;
    }
    for (const id of touched) this.relink(id, dropped, fresh);
    this.graph = this.graphFor(next);
    return { ...change, touched, linksAdded };
  }

  /** The readings and indexes of `after`'s connections, the readings of kept connections carried over. */
  private placeEdges(before: readonly SagaEdge[], after: readonly SagaEdge[], change: ListChange<SagaEdge>): void {
    if (change.removed.length === 0 && change.added.length === 0) {
      // Replaced in place: same indexes.
      this.readings = this.readings.slice();
      for (const [old, now] of change.replaced) {
        const i = this.edgeIndex.get(old)!;
        this.edgeIndex.delete(old);
        this.edgeIndex.set(now, i);
      }
      return;
    }
    if (change.removed.length === 0 && change.appended) {
      this.readings = this.readings.slice();
      for (let j = before.length; j < after.length; j++) this.edgeIndex.set(after[j]!, j);
      return;
    }
    const readings: Reading[] = new Array(after.length);
    const index = new Map<SagaEdge, number>();
    const gone = new Set(change.removed);
    let i = 0;
    for (let j = 0; j < after.length; j++) {
      const e = after[j]!;
      while (i < before.length && before[i] !== e && gone.has(before[i]!)) i++;
      if (i < before.length && before[i] === e) readings[j] = this.readings[i++];
      index.set(e, j);
    }
    this.readings = readings;
    this.edgeIndex = index;
  }

  /** A new entry for node `id` (if it is still there): its links without the dropped ones, with the fresh ones in the document's order. */
  private relink(id: string, dropped: ReadonlySet<SagaEdge>, fresh: ReadonlyMap<SagaEdge, Reading>): void {
    const n = this.node.get(id);
    if (!n) {
      this.entries.delete(id);
      return;
    }
    const entry = this.entries.get(id);
    const out = this.merged(entry?.out ?? NONE, dropped, fresh, (l) => l.source.id === id);
    const inbound = this.merged(entry?.in ?? NONE, dropped, fresh, (l) => l.target.id === id);
    this.entries.set(id, nodeLinks(n, out, inbound));
  }

  private merged(list: readonly Link[], dropped: ReadonlySet<SagaEdge>, fresh: ReadonlyMap<SagaEdge, Reading>, mine: (l: Link) => boolean): readonly Link[] {
    const kept = list.filter((l) => !dropped.has(l.edge) && !fresh.has(l.edge));
    const added: Link[] = [];
    for (const reading of fresh.values()) if (reading && isLink(reading) && mine(reading)) added.push(reading);
    if (added.length === 0) return kept.length === 0 ? NONE : kept;
    const at = (l: Link) => this.edgeIndex.get(l.edge)!;
    added.sort((x, y) => at(x) - at(y));
    const out: Link[] = [];
    let k = 0;
    for (const l of added) {
      // Kept links before this one (by binary search: a node may have thousands).
      let lo = k;
      let hi = kept.length;
      const target = at(l);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at(kept[mid]!) < target) lo = mid + 1;
        else hi = mid;
      }
      for (; k < lo; k++) out.push(kept[k]!);
      out.push(l);
    }
    for (; k < kept.length; k++) out.push(kept[k]!);
    return out;
  }

  private read(edge: SagaEdge): Reading {
    return readEdge(edge, this.node.get(edge.source), this.node.get(edge.target));
  }

  private addLoose(edge: SagaEdge): void {
    listOfSet(this.loose, edge.source).add(edge);
    listOfSet(this.loose, edge.target).add(edge);
    this.looseCount++;
  }

  private removeLoose(edge: SagaEdge): void {
    let found = false;
    for (const id of [edge.source, edge.target]) {
      const set = this.loose.get(id);
      if (set?.delete(edge)) found = true;
      if (set?.size === 0) this.loose.delete(id);
    }
    if (found) this.looseCount--;
  }

  private graphFor(doc: SagaDocument): DesignGraph {
    let links: Link[];
    const dangling: SagaEdge[] = [];
    const forbidden: ForbiddenEdge[] = [];
    if (this.looseCount === 0) links = this.readings as Link[];
    else {
      links = [];
      doc.edges.forEach((edge, i) => {
        const reading = this.readings[i];
        if (!reading) dangling.push(edge);
        else if (isLink(reading)) links.push(reading);
        else forbidden.push(reading);
      });
    }
    return graphOf(doc, this.node, this.entries, links, dangling, forbidden);
  }
}

function listOf(lists: Map<string, Link[]>, id: string): Link[] {
  let list = lists.get(id);
  if (!list) lists.set(id, (list = []));
  return list;
}

function listOfSet(sets: Map<string, Set<SagaEdge>>, id: string): Set<SagaEdge> {
  let set = sets.get(id);
  if (!set) sets.set(id, (set = new Set()));
  return set;
}

/** The same ends and the same meaning (or both not links). */
function sameShape(a: Reading, b: Reading): boolean {
  if (!a || !b) return a === b;
  return a.source.id === b.source.id && a.target.id === b.target.id && (isLink(a) ? isLink(b) && a.meaning === b.meaning : !isLink(b));
}

const isLinkReading = (r: Reading): r is Link => r !== undefined && isLink(r);

const isCompensation = (r: Reading): boolean => r !== undefined && isLink(r) && r.meaning === 'compensatedBy';

/** Fields no rule reads as structure: what a node is called and where it is drawn. */
const NAMING_FIELDS = new Set(['name', 'description', 'position']);

/** `after` is `before` with only its name, description or position changed. */
function onlyNamed(before: SagaNode, after: SagaNode): boolean {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) if (!NAMING_FIELDS.has(key) && b[key] !== a[key]) return false;
  return true;
}
