/**
 * Model-based test of the undo history: random sequences of the editor's operations
 * (model/operations.ts, applied through the design store as the canvas, inspector, menus and
 * scenario panel apply them), undo, redo, opening designs and read-only previews, compared step
 * by step with a plain model of a history: past, present, future. Then everything is undone
 * (back to the document that was opened) and redone (forward to the last one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFragment, parseDocument } from '../model/load.ts';
import {
  addNode,
  connect,
  copyFragment,
  duplicateNodes,
  moveNodes,
  pasteFragment,
  removeElements,
  removeScenario,
  saveScenario,
  updateDocument,
  updateEdge,
  updateNode,
  type NodePatch,
  type NodePreset,
} from '../model/operations.ts';
import { DECLARED_STYLES, OUTCOMES, STEP_TYPES, type Position, type SagaDocument, type SagaEdge, type Scenario } from '../model/schema.ts';
import { designArb, nameArb, positionArb, retryArb, scenarioShapeArb, text } from '../model/testing/arbitraries.ts';
import { localHistory, redo, undo, useDesignStore, type DesignSource, type Operation } from './designStore.ts';

type Doc = SagaDocument;

/** What the history should be: the documents before, the one on screen, the ones undone. */
interface Model {
  past: Doc[];
  present: Doc;
  future: Doc[];
  /** The document opened last: where undoing everything must lead. */
  opened: Doc;
  /** A shared design is a read-only preview until it is adopted. */
  readOnly: boolean;
}
type Real = object;

const store = () => useDesignStore.getState();
const temporal = () => ({ pastStates: localHistory().past, futureStates: localHistory().future });

/** Frozen documents make any operation that mutates its input throw, instead of silently rewriting history. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** After every step: the store shows the model's present, and its history holds the model's past and future, the very same objects. */
function expectInSync(model: Model): void {
  expect(store().doc).toBe(model.present);
  const { pastStates, futureStates } = temporal();
  // Each step keeps the document before it (undo) and after it (redo); the next redo first.
  const past = pastStates.map((s) => s.before);
  const future = futureStates.map((s) => s.after);
  const same = (a: readonly unknown[], b: readonly Doc[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  if (!same(past, model.past)) expect.fail(`undo steps: ${past.length} in the store, ${model.past.length} in the model, or not the same documents`);
  if (!same(future, model.future)) expect.fail(`redo steps: ${future.length} in the store, ${model.future.length} in the model, or not the same documents`);
}

const pick = <T,>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const pickAll = <T,>(list: readonly T[], indexes: readonly number[]): T[] => [...new Set(indexes.map((i) => pick(list, i)).filter((x): x is T => x !== undefined))];

/**
 * One user intent: builds the operation from the document on screen the way the UI does (or
 * nothing, when the UI would not apply anything), applies it through the store, and checks the
 * store against the model: a changed document is one new undo step and clears the redo steps;
 * an unchanged one, or a read-only preview, leaves the history alone.
 */
class Edit implements fc.Command<Model, Real> {
  constructor(
    private readonly label: string,
    private readonly params: unknown,
    private readonly build: (doc: Doc) => Operation | undefined,
  ) {}
  check = () => true;
  run(model: Model): void {
    const before = model.present;
    const operation = this.build(before);
    // The operations are pure: running one again on the same document gives the same result.
    const expected = operation ? operation(before) : before;
    if (operation) store().apply(operation);
    const after = store().doc!;
    if (model.readOnly || expected === before) {
      expect(after).toBe(before);
    } else {
      expect(after).toEqual(expected);
      model.past.push(before);
      model.present = deepFreeze(after);
      model.future = [];
    }
    expectInSync(model);
  }
  toString = () => `${this.label}(${fc.stringify(this.params).slice(0, 300)})`;
}

class Undo implements fc.Command<Model, Real> {
  check = () => true;
  run(model: Model): void {
    undo();
    const previous = model.past.pop();
    if (previous) {
      model.future.unshift(model.present);
      model.present = previous;
    }
    expectInSync(model);
  }
  toString = () => 'undo';
}

class Redo implements fc.Command<Model, Real> {
  check = () => true;
  run(model: Model): void {
    redo();
    const next = model.future.shift();
    if (next) {
      model.past.push(model.present);
      model.present = next;
    }
    expectInSync(model);
  }
  toString = () => 'redo';
}

/** Opening a design (or a shared link's preview) starts a new history. */
class Open implements fc.Command<Model, Real> {
  constructor(
    private readonly doc: Doc,
    private readonly source: DesignSource,
  ) {}
  check = () => true;
  run(model: Model): void {
    const doc = deepFreeze(this.doc);
    store().showDesign(doc, this.source);
    Object.assign(model, { past: [], present: doc, future: [], opened: doc, readOnly: this.source.kind === 'shared' });
    expectInSync(model);
  }
  toString = () => `open(${this.source.kind}, ${this.doc.nodes.length} nodes)`;
}

/** "Save a copy" of a shared preview: the same design, now editable, its (empty) history going on. */
class Adopt implements fc.Command<Model, Real> {
  check = () => true;
  run(model: Model): void {
    store().adoptSource({ kind: 'saved', id: 'adopted' });
    model.readOnly = false;
    expectInSync(model);
  }
  toString = () => 'adoptSource(saved)';
}

/** Selecting, renaming and hints are not edits: the history does not move. */
class Select implements fc.Command<Model, Real> {
  constructor(private readonly indexes: number[]) {}
  check = () => true;
  run(model: Model): void {
    const ids = pickAll(model.present.nodes.map((n) => n.id), this.indexes);
    store().select({ nodes: ids, edges: pickAll(model.present.edges.map((e) => e.id), this.indexes) });
    store().startRenaming(ids[0] ?? null);
    store().showHint(ids.length ? `selected ${ids.length}` : null);
    expectInSync(model);
  }
  toString = () => `select(${this.indexes.join(',')})`;
}

const edit = <P,>(label: string, params: fc.Arbitrary<P>, build: (p: P) => (doc: Doc) => Operation | undefined) =>
  params.map((p) => new Edit(label, p, build(p)) as fc.Command<Model, Real>);

const indexes = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });
const presets: NodePreset[] = ['actor', 'service', 'orchestrator', 'command', 'event', 'failureEvent'];
const orUndefined = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const durationMs = fc.integer({ min: 0, max: 86_400_000 });
const probability = fc.double({ min: 0, max: 1, noNaN: true });

/** What the inspector may change on each kind of node; `undefined` puts a field back to its default. */
const NODE_FIELDS: Record<SagaDocument['nodes'][number]['kind'], readonly string[]> = {
  actor: ['name', 'description'],
  service: ['name', 'description', 'idempotent', 'latencyMs', 'failureRate'],
  orchestrator: ['name', 'description', 'durable', 'latencyMs'],
  command: ['name', 'description', 'stepType', 'timeoutMs', 'retry'],
  event: ['name', 'description', 'outcome', 'terminal'],
};
const nodePatch = fc.record(
  {
    name: nameArb,
    description: orUndefined(text(200)),
    idempotent: orUndefined(fc.boolean()),
    latencyMs: orUndefined(durationMs),
    failureRate: orUndefined(probability),
    durable: orUndefined(fc.boolean()),
    stepType: orUndefined(fc.constantFrom(...STEP_TYPES)),
    timeoutMs: orUndefined(fc.integer({ min: 1, max: 86_400_000 })),
    retry: orUndefined(retryArb),
    outcome: orUndefined(fc.constantFrom(...OUTCOMES)),
    terminal: orUndefined(fc.boolean()),
  },
  { requiredKeys: [] },
);

const edgePatch = fc.record(
  { on: orUndefined(indexes), compensates: orUndefined(fc.nat()), latencyMs: orUndefined(durationMs), failureRate: orUndefined(probability) },
  { requiredKeys: [] },
);

/** Whole pixels, as a drag or the arrow keys commit them. */
const pixel = fc.integer({ min: -10_000_000, max: 10_000_000 });
const moves = fc.array(fc.record({ node: fc.nat(), to: fc.record({ x: pixel, y: pixel }) }), { minLength: 1, maxLength: 4 });

const openedDesign = designArb({ minNodes: 0, maxNodes: 6, maxEdges: 8, maxScenarios: 2 });

const edits = [
  edit('addNode', fc.record({ preset: fc.constantFrom(...presets), at: positionArb }), ({ preset, at }) => () => (d) => addNode(d, preset, at).doc),
  edit('connect', fc.tuple(fc.nat(), fc.nat()), ([s, t]) => (doc) => {
    // The canvas connects only what connect() allows; a refusal is a hint, not an edit.
    const source = pick(doc.nodes, s);
    const target = pick(doc.nodes, t);
    if (!source || !target) return undefined;
    const result = connect(doc, source.id, target.id);
    return result.ok ? () => result.doc : undefined;
  }),
  edit('remove', fc.record({ nodes: fc.array(fc.nat(), { maxLength: 3 }), edges: fc.array(fc.nat(), { maxLength: 3 }) }), (p) => (doc) => {
    const nodes = pickAll(doc.nodes.map((n) => n.id), p.nodes);
    const edges = pickAll(doc.edges.map((e) => e.id), p.edges);
    return nodes.length + edges.length === 0 ? undefined : (d) => removeElements(d, nodes, edges);
  }),
  edit('updateNode', fc.tuple(fc.nat(), nodePatch), ([i, patch]) => (doc) => {
    const node = pick(doc.nodes, i);
    if (!node) return undefined;
    const allowed = NODE_FIELDS[node.kind];
    const own = Object.fromEntries(Object.entries(patch).filter(([k]) => allowed.includes(k))) as NodePatch;
    return (d) => updateNode(d, node.id, own);
  }),
  edit('updateEdge', fc.tuple(fc.nat(), edgePatch), ([i, patch]) => (doc) => {
    const edge = pick(doc.edges, i);
    if (!edge) return undefined;
    const ids = doc.nodes.map((n) => n.id);
    const resolved: Partial<SagaEdge> = {};
    if ('on' in patch) resolved.on = patch.on && pickAll(ids, patch.on);
    if ('compensates' in patch) resolved.compensates = patch.compensates === undefined ? undefined : pick(ids, patch.compensates);
    if ('latencyMs' in patch) resolved.latencyMs = patch.latencyMs;
    if ('failureRate' in patch) resolved.failureRate = patch.failureRate;
    return (d) => updateEdge(d, edge.id, resolved);
  }),
  edit('moveNodes', moves, (list) => (doc) => {
    const positions = new Map<string, Position>();
    for (const m of list) {
      const node = pick(doc.nodes, m.node);
      if (node) positions.set(node.id, m.to);
    }
    return positions.size === 0 ? undefined : (d) => moveNodes(d, positions);
  }),
  edit('renameDesign', nameArb, (name) => (doc) => {
    // As the design menu does: trimmed, and only when it changes.
    const trimmed = name.trim();
    return doc.name === trimmed ? undefined : (d) => updateDocument(d, { name: trimmed });
  }),
  edit('updateDocument', fc.record({ description: orUndefined(text(200)), declaredStyle: orUndefined(fc.constantFrom(...DECLARED_STYLES)) }, { requiredKeys: [] }), (patch) => () => (d) => updateDocument(d, patch)),
  edit('paste', fc.tuple(indexes, fc.boolean()), ([which, asWholeDesign]) => (doc) => {
    // Copy some nodes to the clipboard as text and paste it back, as the shortcuts do.
    const ids = pickAll(doc.nodes.map((n) => n.id), which);
    if (ids.length === 0) return undefined;
    const fragment = copyFragment(doc, ids);
    const clipboard = JSON.stringify(asWholeDesign ? { format: 'sagaboard', version: 1, name: 'Copied', nodes: fragment.nodes, edges: fragment.edges } : fragment, null, 2);
    const loaded = loadFragment(clipboard);
    if (!loaded.ok) {
      // The editor shows a hint and changes nothing. A copy of a valid design always pastes; only
      // a design already outside the schema's limits gives a refused copy (see the report on
      // pasteFragment below).
      expect(parseDocument(doc).ok).toBe(false);
      return undefined;
    }
    const result = pasteFragment(doc, loaded.fragment, { x: 48, y: 48 });
    return () => result.doc;
  }),
  edit('duplicate', indexes, (which) => (doc) => {
    const ids = pickAll(doc.nodes.map((n) => n.id), which);
    if (ids.length === 0) return undefined;
    const result = duplicateNodes(doc, ids);
    return () => result.doc;
  }),
  edit('saveScenario', fc.tuple(scenarioShapeArb, fc.nat(3)), ([shape, reuse]) => (doc) => {
    const targets = [...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)];
    // Now and then under the name of an existing scenario, which it replaces.
    const name = pick(doc.scenarios ?? [], reuse)?.name ?? shape.name;
    const scenario: Scenario = { ...shape, name, faults: targets.length === 0 ? [] : shape.faults.map((f) => ({ ...f, target: pick(targets, f.target)! })) };
    return (d) => saveScenario(d, scenario);
  }),
  edit('removeScenario', fc.nat(), (i) => (doc) => {
    const scenario = pick(doc.scenarios ?? [], i);
    return scenario ? (d) => removeScenario(d, scenario.name) : undefined;
  }),
  edit('importDesign', designArb({ minNodes: 1, maxNodes: 4, maxEdges: 4, maxScenarios: 1 }), (imported) => () => () => imported),
  edit('nothing', fc.constant(null), () => () => (d) => d),
];

/** Mostly edits, many undos and redos, now and then another design opened (which starts a new history). */
const commands: fc.Arbitrary<fc.Command<Model, Real>>[] = [
  ...edits,
  ...edits,
  ...Array.from({ length: 8 }, () => fc.constant(new Undo())),
  ...Array.from({ length: 5 }, () => fc.constant(new Redo())),
  fc.oneof(
    openedDesign.map((doc) => new Open(doc, { kind: 'saved', id: 'opened' })),
    openedDesign.map((doc) => new Open(doc, { kind: 'shared', fragment: 'abc' })),
  ),
  fc.constant(new Adopt()),
  fc.array(fc.nat(), { maxLength: 3 }).map((i) => new Select(i)),
];

const RUNS = 2_000;

describe('undo history (model-based property)', () => {
  it(`${RUNS.toLocaleString('en')} random editing sessions: the history follows the model; undoing everything gives the opened document back, redoing everything the last one`, () => {
    fc.assert(
      fc.property(openedDesign, fc.commands(commands, { maxCommands: 60, size: 'medium' }), (initial, session) => {
        // given a design opened in the editor
        const opened = deepFreeze(initial);
        store().showDesign(opened, { kind: 'saved', id: 'property' });
        const model: Model = { past: [], present: opened, future: [], opened, readOnly: false };

        // when a random session of edits, undos, redos and openings runs, step by step like the model
        fc.modelRun(() => ({ model, real: {} }), session);

        // then undoing everything walks back through the model's timeline to the document opened last
        const timeline = [...model.past, model.present, ...model.future];
        expect(timeline[0]).toBe(model.opened);
        for (let i = model.past.length - 1; i >= 0; i--) {
          undo();
          expect(store().doc).toBe(timeline[i]);
        }
        undo();
        expect(store().doc).toBe(model.opened);
        expect(temporal().pastStates).toHaveLength(0);

        // and redoing everything walks forward to its last document
        for (let i = 1; i < timeline.length; i++) {
          redo();
          expect(store().doc).toBe(timeline[i]);
        }
        redo();
        expect(store().doc).toBe(timeline.at(-1));
        expect(temporal().futureStates).toHaveLength(0);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
