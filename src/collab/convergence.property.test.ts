/**
 * Five people edit one live board at once: random user intents on their own copies (add, move,
 * rename, delete nodes; connect and disconnect; edit attributes; group; notes), now and then
 * something no Sagaboard writes (a hostile or older client), and the copies exchange what they
 * have in a random order. Every copy must read as a design that loads and validates after every
 * step, and once everyone has everything, every copy reads the same design.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseDocument } from '../model/load.ts';
import { addNode, addNote, connect, groupNodes, moveNodes, removeElements, updateNode, type NodePreset } from '../model/operations.ts';
import type { SagaDocument } from '../model/schema.ts';
import { TRICKY_TEXT } from '../model/testing/arbitraries.ts';
import { example } from '../model/testing/builder.ts';
import { validate } from '../model/validate.ts';
import { writeDesign } from './applyDiff.ts';
import { readDesign } from './project.ts';
import { collectionRoot, COLLECTIONS } from './sharedDesign.ts';
import { edit, peers, send, syncAll } from './testing/peers.ts';

const PEOPLE = 5;

type Intent =
  | { type: 'add'; preset: NodePreset; x: number; y: number }
  | { type: 'move'; pick: number; x: number; y: number }
  | { type: 'rename'; pick: number; name: string }
  | { type: 'delete'; pick: number }
  | { type: 'connect'; pick: number; other: number }
  | { type: 'disconnect'; pick: number }
  | { type: 'attribute'; pick: number; patch: Record<string, unknown> }
  | { type: 'group'; pick: number; other: number }
  | { type: 'note'; x: number; text: string };

/** What no Sagaboard writes, but a client could: a broken field, a record that is no record. */
type Garbage = { collection: number; pick: number; field: string; value: unknown } | { collection: number; id: string; junk: unknown };

type Step = { kind: 'edit'; who: number; intent: Intent } | { kind: 'send'; from: number; to: number } | { kind: 'garbage'; who: number; garbage: Garbage };

const coordinate = fc.integer({ min: -2000, max: 2000 });
const pick = fc.nat(1000);
const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('add' as const), preset: fc.constantFrom<NodePreset>('actor', 'service', 'orchestrator', 'command', 'event', 'failureEvent'), x: coordinate, y: coordinate }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('move' as const), pick, x: coordinate, y: coordinate }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('rename' as const), pick, name: fc.oneof(fc.constantFrom(...TRICKY_TEXT), fc.string({ minLength: 1, maxLength: 12 })) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), pick }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('connect' as const), pick, other: pick }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('disconnect' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('attribute' as const),
      pick,
      patch: fc.oneof(
        fc.record({ failureRate: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ latencyMs: fc.integer({ min: 0, max: 5000 }) }),
        fc.record({ description: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(undefined)) }),
        fc.record({ stepType: fc.constantFrom('compensatable', 'pivot', 'retriable', 'query', undefined) }),
        fc.record({ idempotent: fc.boolean() }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('group' as const), pick, other: pick }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('note' as const), x: coordinate, text: fc.string({ maxLength: 10 }) }) },
);

const junkValue = fc.constantFrom<unknown>('x', -1, 1e12, null, true, [], { x: 'left' }, '   ', 'robot', ['ghost']);
const garbageArb: fc.Arbitrary<Garbage> = fc.oneof(
  fc.record({ collection: fc.nat(3), pick, field: fc.constantFrom('name', 'kind', 'position', 'failureRate', 'source', 'nodes', 'text', 'on', 'retry'), value: junkValue }),
  fc.record({ collection: fc.nat(3), id: fc.constantFrom('junk', 'ghost', '__proto__'), junk: junkValue }),
);

const who = fc.nat(PEOPLE - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('edit' as const), who, intent: intentArb }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('send' as const), from: who, to: who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), who, garbage: garbageArb }) },
);

const nth = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/** The design after one intent, as the editor would make it from what this person sees. */
function perform(doc: SagaDocument, intent: Intent): SagaDocument {
  const n = nth(doc.nodes, 'pick' in intent ? intent.pick : 0);
  switch (intent.type) {
    case 'add':
      return addNode(doc, intent.preset, { x: intent.x, y: intent.y }).doc;
    case 'move':
      return n ? moveNodes(doc, new Map([[n.id, { x: intent.x, y: intent.y }]])) : doc;
    case 'rename':
      return n && intent.name.trim() ? updateNode(doc, n.id, { name: intent.name }) : doc;
    case 'delete':
      return n ? removeElements(doc, [n.id]) : doc;
    case 'connect': {
      const other = nth(doc.nodes, intent.other);
      const linked = n && other ? connect(doc, n.id, other.id) : undefined;
      return linked?.ok ? linked.doc : doc;
    }
    case 'disconnect': {
      const e = nth(doc.edges, intent.pick);
      return e ? removeElements(doc, [], [e.id]) : doc;
    }
    case 'attribute':
      return n ? updateNode(doc, n.id, intent.patch) : doc;
    case 'group': {
      const other = nth(doc.nodes, intent.other);
      return n && other ? groupNodes(doc, [n.id, other.id]).doc : doc;
    }
    case 'note':
      return addNote(doc, { x: intent.x, y: 0 }, intent.text).doc;
  }
}

function writeGarbage(ydoc: Y.Doc, garbage: Garbage): void {
  const root = collectionRoot(ydoc, COLLECTIONS[garbage.collection]!);
  if ('junk' in garbage) {
    root.set(garbage.id, garbage.junk);
    return;
  }
  const key = nth([...root.keys()].sort(), garbage.pick);
  const record = key === undefined ? undefined : root.get(key);
  if (record instanceof Y.Map) record.set(garbage.field, garbage.value);
}

/** What every copy must satisfy at every step: it reads as a design the loader takes and the rules check. */
function expectLoads(ydoc: Y.Doc): SagaDocument {
  const { doc } = readDesign(ydoc);
  const reloaded = parseDocument(JSON.parse(JSON.stringify(doc)));
  if (!reloaded.ok) throw new Error(`the projection does not load: ${reloaded.error.message}`);
  validate(doc);
  return doc;
}

describe('five people editing one live board', () => {
  it('every copy loads after every step, and all copies converge to the same design', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 80 }), fc.boolean(), (steps, seeded) => {
        const docs = peers(PEOPLE);
        if (seeded) {
          writeDesign(docs[0]!, example('order-choreographed'));
          syncAll(docs);
        }
        for (const step of steps) {
          if (step.kind === 'edit') {
            edit(docs[step.who]!, (d) => perform(d, step.intent));
            expectLoads(docs[step.who]!);
          } else if (step.kind === 'send') {
            if (step.from === step.to) continue;
            send(docs[step.from]!, docs[step.to]!);
            expectLoads(docs[step.to]!);
          } else {
            writeGarbage(docs[step.who]!, step.garbage);
            expectLoads(docs[step.who]!);
          }
        }
        syncAll(docs);
        const designs = docs.map(expectLoads);
        for (const d of designs.slice(1)) expect(d).toEqual(designs[0]);
      }),
      { numRuns: 100 },
    );
  });
});
