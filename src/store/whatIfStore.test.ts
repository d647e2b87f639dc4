import { describe, expect, it } from 'vitest';
import type { WhatIfDown } from '../analysis/whatIf.ts';
import { example } from '../model/testing/builder.ts';
import { crashSentence, downSentence, durableSentence, highlightOf, namesIn, sameForSimulation, schemaSentence, whatIfKind, type WhatIfAnswer } from './whatIfStore.ts';

const doc = example('order-choreographed');
const name = namesIn(doc);
const done = (result: WhatIfDown): Extract<WhatIfAnswer, { kind: 'down' }> => ({ kind: 'down', key: 'paymentService', state: 'done', result });
const crash = { fault: { target: 'paymentService', kind: 'crash', delayMs: 1000 }, at: 'orderCreated', first: true } as const;

describe('what the what-if asks of a node', () => {
  it('a message: its schema; a participant: it down; an actor or nothing: nothing', () => {
    const kinds = Object.fromEntries(doc.nodes.map((n) => [n.kind, whatIfKind(n)]));
    expect(kinds).toEqual({ actor: null, command: 'schema', service: 'down', event: 'schema' });
    expect(whatIfKind({ id: 'o', kind: 'orchestrator', name: 'O' })).toBe('down');
    expect(whatIfKind(undefined)).toBeNull();
  });
});

describe('the words', () => {
  it('a schema change names who it touches, or says nobody', () => {
    expect(schemaSentence('OrderCreated', ['orderService', 'paymentService'], name)).toBe('Changing the schema of OrderCreated touches 2 participants: OrderService and PaymentService');
    expect(schemaSentence('X', ['inventoryService'], name)).toBe('Changing the schema of X touches 1 participant: InventoryService');
    expect(schemaSentence('X', [], name)).toBe('Changing the schema of X touches no participant: nobody produces or consumes it');
  });

  it('a long list of participants names the first few and how many more', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
    expect(schemaSentence('Big', ids, (id) => id.toUpperCase())).toBe('Changing the schema of Big touches 40 participants: S0, S1, S2, S3, S4, S5, S6, S7 and 32 more');
  });

  it('what stops while a participant is down: how many handlings of the happy path, and the share', () => {
    expect(downSentence('PaymentService', done({ nodes: ['paymentService'], stopped: 6, handlings: 7, share: 0.857, crash }))).toBe(
      'While PaymentService is down, 6 of 7 handlings of the happy path cannot happen (86%)',
    );
    expect(downSentence('P', done({ nodes: ['p'], stopped: 0, handlings: 3, share: 0, crash }))).toBe('While P is down, nothing on the happy path stops: it handles none of its 3 messages');
    expect(downSentence('P', done({ nodes: ['p'], stopped: 0, handlings: 0, share: 0, crash: null }))).toBe('While P is down, nothing stops: the happy path handles no message');
  });

  it('while it is worked out, and when the design cannot be simulated', () => {
    expect(downSentence('P', { kind: 'down', key: 'p', state: 'working' })).toBe('Working out what stops while P is down…');
    expect(downSentence('P', done({ nodes: null, reason: 'Nothing starts the process.' }))).toBe(
      'What stops while P is down cannot be worked out: the design cannot be simulated yet (Nothing starts the process)',
    );
    expect(downSentence('P', { kind: 'down', key: 'p', state: 'error', message: 'boom' })).toBe('What stops while P is down could not be worked out: boom');
  });

  it('the crash: a service on its first message, an orchestrator on its first reply', () => {
    expect(crashSentence('PaymentService', crash, name)).toBe('PaymentService crashes as OrderCreated, its first message of the saga, arrives, and restarts 1 s later.');
    expect(crashSentence('OrderService', { fault: { target: 'e7', kind: 'crash', delayMs: 1000 }, at: 'paymentProcessed', first: false }, name)).toBe(
      'OrderService crashes mid-saga, as PaymentProcessed (its first reply) arrives, and restarts 1 s later.',
    );
    expect(crashSentence('Janitor', { fault: { target: 'Janitor', kind: 'crash' }, at: null, first: true }, name)).toBe('Janitor crashes when its first message arrives, and never restarts.');
  });

  it('durable or not, for an orchestrator', () => {
    expect(durableSentence('OrderService', true)).toMatch(/^OrderService is durable: it resumes the saga after the restart/);
    expect(durableSentence('OrderService', false)).toMatch(/^OrderService is not durable: the saga it was running is lost/);
  });
});

describe('the highlight of an answer', () => {
  it('a schema change lights the message and who it touches', () => {
    expect(highlightOf({ kind: 'schema', key: 'orderCreated', touched: ['orderService', 'paymentService'] }, name)).toEqual({
      ids: ['orderCreated', 'orderService', 'paymentService'],
      label: 'Changing the schema of OrderCreated touches 2 participants: OrderService and PaymentService',
      origin: 'schemaChange',
      key: 'orderCreated',
    });
  });

  it('a participant down lights what stops; the participant alone while it is worked out or cannot be', () => {
    const ids = ['paymentService', 'orderCreated', 'inventoryService'];
    expect(highlightOf(done({ nodes: ids, stopped: 2, handlings: 4, share: 0.5, crash }), name)).toMatchObject({ ids, origin: 'down', key: 'paymentService' });
    expect(highlightOf({ kind: 'down', key: 'paymentService', state: 'working' }, name)).toMatchObject({ ids: ['paymentService'], label: 'Working out what stops while PaymentService is down…' });
    expect(highlightOf(done({ nodes: null, reason: 'No.' }), name).ids).toEqual(['paymentService']);
  });

  it('names an id the design lacks as the id itself', () => {
    expect(namesIn(null)('x')).toBe('x');
    expect(name('nope')).toBe('nope');
  });
});

describe('sameForSimulation: an edit that needs no new answer', () => {
  const moved = { ...doc, nodes: doc.nodes.map((n, i) => (i === 2 ? { ...n, position: { x: 1, y: 2 }, description: 'moved' } : n)) };

  it('moving a node (or describing it) changes nothing the simulator reads', () => {
    expect(sameForSimulation(doc, doc)).toBe(true);
    expect(sameForSimulation(doc, moved)).toBe(true);
  });

  it('an attribute, a name, a node or a connection more or less does', () => {
    const patched = (patch: object) => ({ ...doc, nodes: doc.nodes.map((n, i) => (i === 2 ? { ...n, ...patch } : n)) }) as typeof doc;
    expect(sameForSimulation(doc, patched({ latencyMs: 99 }))).toBe(false);
    expect(sameForSimulation(doc, patched({ name: 'Renamed' }))).toBe(false);
    expect(sameForSimulation(doc, { ...doc, edges: doc.edges.slice(1) })).toBe(false);
    expect(sameForSimulation(doc, { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, target: 'x' } : e)) })).toBe(false);
    expect(sameForSimulation(doc, { ...doc, nodes: doc.nodes.slice(1) })).toBe(false);
  });
});
