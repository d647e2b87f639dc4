/**
 * The converted design while it is being drawn: nodes and connections with ids that never clash
 * with the original's, names unique per kind (G003) and never shared by a command and an event (G004).
 */
import { nameKey } from '../names.ts';
import { LIMITS, type SagaDocument, type SagaEdge, type SagaNode } from '../schema.ts';

/** A name cut to the format's limit, leaving room for `reserve` more characters. */
export const within = (name: string, reserve = 0): string => name.slice(0, LIMITS.maxNameLength - reserve);

type NewNode = SagaNode extends infer N ? (N extends SagaNode ? Omit<N, 'id'> : never) : never;

export class Draft {
  readonly nodes: SagaNode[] = [];
  readonly edges: SagaEdge[] = [];
  private readonly ids: Set<string>;
  private readonly names = new Map<string, Set<string>>();
  /** Connections by `source>target`, so that drawing one twice keeps one. */
  private readonly byEnds = new Map<string, SagaEdge>();
  private readonly byId = new Map<string, SagaNode>();
  private readonly edgeIds = new Set<string>();
  private counter = 0;

  constructor(readonly source: SagaDocument) {
    // One id space with the notes and groups too (spec §1.2a): they are kept in the conversion.
    this.ids = new Set([...source.nodes.map((n) => n.id), ...source.edges.map((e) => e.id), ...(source.notes ?? []).map((n) => n.id), ...(source.groups ?? []).map((g) => g.id)]);
  }

  /** Keeps a node of the original (or a changed copy of it) under its id. */
  keep(node: SagaNode): SagaNode {
    this.nodes.push(node);
    this.byId.set(node.id, node);
    this.nameSet(node.kind).add(nameKey(node.name));
    return node;
  }

  /** Adds a new node with a fresh id and a name no node of a clashing kind has (`base`, then `base2`, ...). */
  add(node: NewNode): SagaNode {
    const name = this.uniqueName(node.kind, node.name);
    // A readable id from the name (`OrderPlaced` -> `orderPlaced`) when it is free.
    const readable = name.replace(/[^A-Za-z0-9]/g, '').replace(/^[A-Z]/, (c) => c.toLowerCase()).slice(0, 60);
    const id = readable && !this.ids.has(readable) ? (this.ids.add(readable), readable) : this.freshId(node.kind);
    return this.keep({ ...node, id, name } as SagaNode);
  }

  /** A name free for `kind`: `base` or, when taken, each of `alternatives`, then `base2`, `base3`, ... */
  uniqueName(kind: SagaNode['kind'], base: string, alternatives: readonly string[] = []): string {
    for (const candidate of [base, ...alternatives].map((n) => within(n))) if (this.free(kind, candidate)) return candidate;
    for (let i = 2; ; i++) {
      const name = `${within(base, String(i).length)}${i}`;
      if (this.free(kind, name)) return name;
    }
  }

  nameTaken(kind: SagaNode['kind'], name: string): boolean {
    return !this.free(kind, name);
  }

  /** Connects two nodes (once: a second call merges `on` and returns the same connection). */
  link(source: string, target: string, attrs: Omit<SagaEdge, 'id' | 'source' | 'target'> = {}, id?: string): SagaEdge {
    const key = `${source}>${target}`;
    const existing = this.byEnds.get(key);
    if (existing) {
      if (attrs.on) existing.on = [...new Set([...(existing.on ?? []), ...attrs.on])];
      return existing;
    }
    const edge: SagaEdge = { id: id && !this.edgeIds.has(id) ? id : this.freshId('edge'), source, target, ...attrs };
    if (edge.on) edge.on = [...new Set(edge.on)];
    this.edges.push(edge);
    this.edgeIds.add(edge.id);
    this.byEnds.set(key, edge);
    return edge;
  }

  edgeBetween(source: string, target: string): SagaEdge | undefined {
    return this.byEnds.get(`${source}>${target}`);
  }

  node(id: string): SagaNode | undefined {
    return this.byId.get(id);
  }

  /** Replaces the nodes and connections wholesale (a last tidy-up; links drawn before are forgotten). */
  replaceAll(nodes: readonly SagaNode[], edges: readonly SagaEdge[]): void {
    this.nodes.splice(0, this.nodes.length, ...nodes);
    this.edges.splice(0, this.edges.length, ...edges);
    this.byId.clear();
    for (const n of nodes) this.byId.set(n.id, n);
    this.byEnds.clear();
    for (const e of edges) this.byEnds.set(`${e.source}>${e.target}`, e);
  }

  private free(kind: SagaNode['kind'], name: string): boolean {
    const key = nameKey(name);
    if (this.nameSet(kind).has(key)) return false;
    if (kind === 'command') return !this.nameSet('event').has(key);
    if (kind === 'event') return !this.nameSet('command').has(key);
    return true;
  }

  private nameSet(kind: SagaNode['kind']): Set<string> {
    let set = this.names.get(kind);
    if (!set) this.names.set(kind, (set = new Set()));
    return set;
  }

  private freshId(prefix: string): string {
    for (;;) {
      const id = `${prefix}-c${++this.counter}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /**
   * The drawn design, with the original's document fields and notes; its groups keep the nodes
   * the conversion kept (a group left with none goes).
   */
  document(fields: Partial<SagaDocument>): SagaDocument {
    const { nodes: _n, edges: _e, scenarios: _s, groups, ...rest } = this.source;
    const doc: SagaDocument = { ...rest, ...fields, nodes: this.nodes, edges: this.edges };
    if (groups !== undefined) {
      const kept = new Set(this.nodes.map((n) => n.id));
      doc.groups = groups.map((g) => ({ ...g, nodes: g.nodes.filter((id) => kept.has(id)) })).filter((g) => g.nodes.length > 0);
    }
    return doc;
  }
}
