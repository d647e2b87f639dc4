/**
 * fast-check arbitraries that make the rules fire: small designs of every kind of node, with few
 * names (so that names clash and read wrong), every attribute the rules read, connections of every
 * meaning (and forbidden ones, and some to missing nodes), `on` and `compensates` that name any
 * node; and random edits made with the editing operations, for properties of incremental validation.
 */
import fc from 'fast-check';
import { addNode, connect, duplicateNodes, moveNodes, removeElements, updateDocument, updateEdge, updateNode, type NodePreset } from '../operations.ts';
import { CURRENT_VERSION, DECLARED_STYLES, STEP_TYPES, type SagaDocument, type SagaEdge, type SagaNode } from '../schema.ts';

const NAMES = ['Pay', 'Payment', 'PaymentDone', 'Paid', 'ProcessPayment', 'PaymentFailed', 'Ship', 'Shipped', 'Orders', 'Start', 'UndoPay', 'Refunded', 'Ticked'];
const nameArb = fc.constantFrom(...NAMES);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Attributes the rules read, by kind (undefined ones are left out of the node). */
const attributesArb = {
  actor: fc.constant({}),
  service: fc.record({ idempotent: maybe(fc.boolean()), failureRate: maybe(fc.constantFrom(0, 0.1)) }),
  orchestrator: fc.record({ durable: maybe(fc.boolean()) }),
  command: fc.record({
    stepType: maybe(fc.constantFrom(...STEP_TYPES)),
    timeoutMs: maybe(fc.constant(1000)),
    retry: maybe(fc.constantFrom({ maxAttempts: 0 }, { maxAttempts: 3 })),
  }),
  event: fc.record({ outcome: maybe(fc.constantFrom('success' as const, 'failure' as const)), terminal: maybe(fc.boolean()) }),
};

const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const nodeArb = (id: string): fc.Arbitrary<SagaNode> =>
  fc
    .constantFrom('actor' as const, 'service' as const, 'orchestrator' as const, 'command' as const, 'event' as const)
    .chain((kind) => fc.tuple(fc.constant(kind), nameArb, attributesArb[kind]))
    .map(([kind, name, attrs]) => withoutUndefined({ id, kind, name, ...attrs }) as SagaNode);

/** A design whose rules have much to say. */
export const ruleDesignArb: fc.Arbitrary<SagaDocument> = fc
  .record({ nodes: fc.integer({ min: 0, max: 14 }), edges: fc.integer({ min: 0, max: 26 }) })
  .chain(({ nodes, edges }) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: nodes }, (_, i) => nodeArb(`n${i}`))),
      edges: fc.array(
        fc.record({
          source: fc.nat(nodes),
          target: fc.nat(nodes),
          on: maybe(fc.array(fc.nat(nodes), { maxLength: 2 })),
          compensates: maybe(fc.nat(nodes)),
          failureRate: maybe(fc.constantFrom(0, 0.2)),
        }),
        { minLength: edges, maxLength: edges },
      ),
      declaredStyle: maybe(fc.constantFrom(...DECLARED_STYLES)),
    }),
  )
  .map(({ nodes, edges, declaredStyle }) => {
    // Index `nodes.length` names a node that is not there.
    const id = (i: number) => `n${i}`;
    const drawn = edges.map(({ source, target, on, compensates, failureRate }, i) =>
      withoutUndefined<SagaEdge>({ id: `e${i}`, source: id(source), target: id(target), on: on?.map(id), compensates: compensates === undefined ? undefined : id(compensates), failureRate }),
    );
    return withoutUndefined<SagaDocument>({ format: 'sagaboard', version: CURRENT_VERSION, name: 'Rules', declaredStyle, nodes, edges: drawn });
  });

/** One edit, given as choices; `apply` makes it on a document with the editing operations. */
export type Edit = fc.Arbitrary<(doc: SagaDocument) => SagaDocument>;

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

const PRESETS: NodePreset[] = ['actor', 'service', 'orchestrator', 'command', 'event', 'failureEvent'];

/** A random edit of any kind the editor makes, and a few it never makes (reordering, dropping a node alone). */
export const editArb: Edit = fc.oneof(
  fc.record({ preset: fc.constantFrom(...PRESETS) }).map(({ preset }) => (doc: SagaDocument) => addNode(doc, preset, { x: 0, y: 0 }).doc),
  fc.record({ s: fc.nat(), t: fc.nat() }).map(({ s, t }) => (doc: SagaDocument) => {
    const source = pick(doc.nodes, s);
    const target = pick(doc.nodes, t);
    if (!source || !target) return doc;
    const made = connect(doc, source.id, target.id);
    return made.ok ? made.doc : doc;
  }),
  fc.record({ i: fc.nat(), name: nameArb }).map(({ i, name }) => (doc: SagaDocument) => {
    const n = pick(doc.nodes, i);
    return n ? updateNode(doc, n.id, { name }) : doc;
  }),
  fc.record({ i: fc.nat(), attrs: fc.oneof(attributesArb.service, attributesArb.command, attributesArb.event) }).map(({ i, attrs }) => (doc: SagaDocument) => {
    const n = pick(doc.nodes, i);
    return n ? updateNode(doc, n.id, attrs) : doc;
  }),
  fc.record({ i: fc.nat(), on: fc.array(fc.nat(), { maxLength: 2 }), c: maybe(fc.nat()), rate: maybe(fc.constantFrom(0, 0.3)) }).map(({ i, on, c, rate }) => (doc: SagaDocument) => {
    const e = pick(doc.edges, i);
    if (!e) return doc;
    const ids = on.map((k) => pick(doc.nodes, k)?.id).filter((id): id is string => id !== undefined);
    return updateEdge(doc, e.id, { on: ids.length > 0 ? ids : undefined, compensates: c === undefined ? undefined : pick(doc.nodes, c)?.id, failureRate: rate });
  }),
  fc.record({ nodes: fc.array(fc.nat(), { maxLength: 2 }), edges: fc.array(fc.nat(), { maxLength: 2 }) }).map(({ nodes, edges }) => (doc: SagaDocument) =>
    removeElements(
      doc,
      nodes.map((i) => pick(doc.nodes, i)?.id ?? ''),
      edges.map((i) => pick(doc.edges, i)?.id ?? ''),
    ),
  ),
  fc.nat().map((i) => (doc: SagaDocument) => {
    const n = pick(doc.nodes, i);
    return n ? moveNodes(doc, new Map([[n.id, { x: 10, y: 20 }]])) : doc;
  }),
  fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((is) => (doc: SagaDocument) => duplicateNodes(doc, is.map((i) => pick(doc.nodes, i)?.id ?? '')).doc),
  fc.constantFrom(...DECLARED_STYLES, undefined).map((declaredStyle) => (doc: SagaDocument) => updateDocument(doc, { declaredStyle })),
  // Not made by the editor: a connection as a file may hold it (no "on" worked out), the same
  // design in another order, or a node dropped without its connections.
  fc.record({ s: fc.nat(), t: fc.nat(), k: fc.nat() }).map(({ s, t, k }) => (doc: SagaDocument) => {
    const source = pick(doc.nodes, s);
    const target = pick(doc.nodes, t);
    return source && target ? { ...doc, edges: [...doc.edges, { id: `drawn-${k}-${doc.edges.length}`, source: source.id, target: target.id }] } : doc;
  }),
  fc.constant((doc: SagaDocument) => ({ ...doc, nodes: [...doc.nodes].reverse(), edges: [...doc.edges].reverse() })),
  fc.nat().map((i) => (doc: SagaDocument) => ({ ...doc, nodes: doc.nodes.filter((_, k) => k !== i % Math.max(1, doc.nodes.length)) })),
);
