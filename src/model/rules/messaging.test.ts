/**
 * Messaging rules M001 and M009 (spec §2.2): for every condition, a design where the rule fires
 * and a near-identical one where it stays silent.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../diagnostic.ts';
import type { SagaDocument } from '../schema.ts';
import { design } from '../testing/builder.ts';
import { analysed, d, ofRule } from '../testing/rules.ts';
import { messagingRules } from './messaging.ts';

const fired = (doc: SagaDocument, rule: RuleId) => ofRule(messagingRules(analysed(doc)), rule);

const UNLIMITED = { maxAttempts: 0, initialIntervalMs: 100, backoffCoefficient: 2, maxIntervalMs: 1000 };

/** User sends Start to Orders; `idempotent` is Orders' setting. */
const flow = (idempotent: boolean) => design().actor('User').command('Start').service('Orders', { idempotent }).event('Placed', { terminal: true }).link('User', 'Start', 'Orders', 'Placed');

describe('M001 a consumer that is not idempotent', () => {
  it('fires for a service with one input', () => {
    expect(fired(flow(false).doc, 'M001')).toEqual([
      d(
        'M001',
        'warning',
        'Orders is not idempotent: brokers deliver at least once, so a duplicate Start would apply its effect twice.',
        'Make Orders idempotent (deduplicate by message id) and tick "idempotent" in the inspector.',
        ['Orders'],
        ['e2'],
      ),
    ]);
  });

  it('lists up to three inputs, and the first three of more', () => {
    const b = flow(false).event('Ticked').link('Ticked', 'Orders').event('Rang').link('Rang', 'Orders');
    expect(fired(b.doc, 'M001').map((x) => [x.message, x.edges])).toEqual([
      ['Orders is not idempotent: brokers deliver at least once, so a duplicate of Start, Ticked, Rang would apply its effect twice.', ['e2', 'e4', 'e5']],
    ]);
    const four = b.event('Knocked').link('Knocked', 'Orders').doc;
    expect(fired(four, 'M001')[0]!.message).toBe('Orders is not idempotent: brokers deliver at least once, so a duplicate of Start, Ticked, Rang, … would apply its effect twice.');
  });

  it('is silent for an idempotent service, a service that consumes nothing, and an orchestrator', () => {
    const doc = flow(true).service('Idle', { idempotent: false }).orchestrator('Saga').event('Ticked').link('Ticked', 'Saga').doc;
    expect(fired(doc, 'M001')).toEqual([]);
  });
});

describe('M009 unlimited retries on a handler that is not idempotent', () => {
  const retried = (idempotent: boolean, retry: { maxAttempts: number } | undefined) => {
    const doc = flow(idempotent).doc;
    const start = doc.nodes.find((n) => n.id === 'Start')!;
    if (retry) Object.assign(start, { retry: { ...UNLIMITED, ...retry } });
    return doc;
  };

  it('fires for maxAttempts 0 on a handler that is not idempotent', () => {
    // M001 too: Orders is not idempotent; nothing else
    expect(messagingRules(analysed(retried(false, { maxAttempts: 0 }))).map((x) => x.rule)).toEqual(['M001', 'M009']);
    expect(fired(retried(false, { maxAttempts: 0 }), 'M009')).toEqual([
      d(
        'M009',
        'error',
        'Start is retried without limit, but its handler Orders is not idempotent: every retry may apply the effect again.',
        'Make Orders idempotent, or give Start a maximum number of attempts.',
        ['Start', 'Orders'],
      ),
    ]);
  });

  it('names only the handlers that are not idempotent', () => {
    const doc = retried(false, { maxAttempts: 0 });
    doc.nodes.push({ id: 'Billing', kind: 'service', name: 'Billing', idempotent: true });
    doc.edges.push({ id: 'x', source: 'Start', target: 'Billing' });
    expect(fired(doc, 'M009').map((x) => x.nodes)).toEqual([['Start', 'Orders']]);
  });

  it('is silent for a limit, for no retry policy, and for an idempotent handler', () => {
    expect(fired(retried(false, { maxAttempts: 5 }), 'M009')).toEqual([]);
    expect(fired(retried(false, undefined), 'M009')).toEqual([]);
    expect(fired(retried(true, { maxAttempts: 0 }), 'M009')).toEqual([]);
  });

  it('is silent for an event, whatever its handler', () => {
    const doc = flow(false).event('Ticked').link('Ticked', 'Orders').doc;
    Object.assign(doc.nodes.find((n) => n.id === 'Ticked')!, { retry: UNLIMITED });
    expect(fired(doc, 'M009')).toEqual([]);
  });
});
