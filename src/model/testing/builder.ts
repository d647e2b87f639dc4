/**
 * Test helpers: a small builder that reads like the design it draws, and access to the
 * reference examples. Node ids are their names, so tests can refer to nodes by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../load.ts';
import { CURRENT_VERSION, type SagaDocument, type SagaEdge, type SagaNode } from '../schema.ts';

type Attrs<K extends SagaNode['kind']> = Omit<Extract<SagaNode, { kind: K }>, 'id' | 'kind' | 'name'>;

export class DesignBuilder {
  readonly doc: SagaDocument;
  private edgeCount = 0;

  constructor(name = 'Test design') {
    this.doc = { format: 'sagaboard', version: CURRENT_VERSION, name, nodes: [], edges: [] };
  }

  actor(name: string): this {
    return this.add({ id: name, kind: 'actor', name });
  }
  service(name: string, attrs: Attrs<'service'> = {}): this {
    return this.add({ id: name, kind: 'service', name, idempotent: true, ...attrs });
  }
  orchestrator(name: string, attrs: Attrs<'orchestrator'> = {}): this {
    return this.add({ id: name, kind: 'orchestrator', name, ...attrs });
  }
  command(name: string, attrs: Attrs<'command'> = {}): this {
    return this.add({ id: name, kind: 'command', name, ...attrs });
  }
  event(name: string, attrs: Attrs<'event'> = {}): this {
    return this.add({ id: name, kind: 'event', name, ...attrs });
  }
  /** A connection from one node to the next, e.g. `link('Customer', 'PlaceOrder', 'Orders')`. */
  link(...path: string[]): this {
    for (let i = 0; i + 1 < path.length; i++) this.edge(path[i]!, path[i + 1]!);
    return this;
  }
  edge(source: string, target: string, attrs: Omit<SagaEdge, 'id' | 'source' | 'target'> = {}): this {
    this.doc.edges.push({ id: `e${++this.edgeCount}`, source, target, ...attrs });
    return this;
  }
  private add(node: SagaNode): this {
    this.doc.nodes.push(node);
    return this;
  }
}

export const design = (name?: string) => new DesignBuilder(name);

export const EXAMPLE_IDS = ['order-orchestrated', 'order-choreographed', 'checkout-fanout', 'create-order-saga', 'credit-reservation'] as const;
export type ExampleId = (typeof EXAMPLE_IDS)[number];

/** Loads a reference design from public/examples (a fresh copy each time, free to mutate). */
export function example(id: ExampleId): SagaDocument {
  const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'examples', `${id}.sagaboard.json`), 'utf8');
  const result = loadDocument(text);
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  return result.doc;
}

/** Finds a node by name (tests mutate examples by name). */
export function nodeNamed(doc: SagaDocument, name: string): SagaNode {
  const n = doc.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node named ${name}`);
  return n;
}

/** Finds the connection between two named nodes. */
export function edgeBetween(doc: SagaDocument, source: string, target: string): SagaEdge {
  const s = nodeNamed(doc, source).id;
  const t = nodeNamed(doc, target).id;
  const e = doc.edges.find((x) => x.source === s && x.target === t);
  if (!e) throw new Error(`no connection ${source} -> ${target}`);
  return e;
}

/** Removes the connection between two named nodes. */
export function unlink(doc: SagaDocument, source: string, target: string): void {
  const e = edgeBetween(doc, source, target);
  doc.edges = doc.edges.filter((x) => x !== e);
}
