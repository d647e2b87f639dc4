/**
 * Orchestration rules O001–O013 (spec §2.3): for every condition, a design where the rule fires
 * and a near-identical one where it stays silent.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../diagnostic.ts';
import type { SagaDocument } from '../schema.ts';
import { design } from '../testing/builder.ts';
import { analysed, coordinatorOf, d, ofRule, saga, type StepSpec } from '../testing/rules.ts';
import { orchestrationRules } from './orchestration.ts';

const run = (doc: SagaDocument, part: 'whole' | 'orchestrated' = 'whole') => orchestrationRules(analysed(doc), coordinatorOf(doc), part);
const fired = (doc: SagaDocument, rule: RuleId, part: 'whole' | 'orchestrated' = 'whole') => ofRule(run(doc, part), rule);

const RETRY = { maxAttempts: 3, initialIntervalMs: 100, backoffCoefficient: 2, maxIntervalMs: 1000 };

/** Reserve (compensated by Release), Charge (the pivot: it can fail), Ship (retriable). */
const ORDER: StepSpec[] = [
  { command: 'Reserve', handler: 'Stock', compensation: 'Release', failureReply: true },
  { command: 'Charge', handler: 'Payments', failureReply: true },
  { command: 'Ship', handler: 'Shipping', attrs: { retry: RETRY } },
];
const order = (change: (steps: StepSpec[]) => void = () => {}) => {
  const steps = ORDER.map((s) => ({ ...s }));
  change(steps);
  return saga(steps).doc;
};
const step = (steps: StepSpec[], command: string) => steps.find((s) => s.command === command)!;
const edgeId = (doc: SagaDocument, source: string, target: string) => doc.edges.find((e) => e.source === source && e.target === target)!.id;

describe('the well-formed saga the cases start from', () => {
  it('has no orchestration diagnostic', () => {
    expect(run(order())).toEqual([]);
  });
});

describe('O001 not exactly one orchestrator', () => {
  it('fires when there is none, naming the service that coordinates', () => {
    const doc = order();
    Object.assign(doc.nodes.find((n) => n.id === 'Saga')!, { kind: 'service', idempotent: true });
    expect(fired(doc, 'O001')).toEqual([
      d(
        'O001',
        'error',
        'An orchestrated saga needs one orchestrator, and the design has none (Saga coordinates the flow but is drawn as a service).',
        'Draw an orchestrator, or change Saga into one; it sends the commands and receives the replies.',
        ['Saga'],
      ),
    ]);
    // the service that coordinates stands in for the orchestrator: the other rules still speak
    delete (doc.nodes.find((n) => n.id === 'Ship') as { timeoutMs?: number }).timeoutMs;
    expect(fired(doc, 'O013').map((x) => x.nodes)).toEqual([['Ship']]);
  });

  it('fires when there is none and nobody coordinates, and then nothing else can be checked', () => {
    // A and B both send commands: nobody coordinates
    const doc = design()
      .actor('User')
      .command('Start')
      .service('A')
      .command('Ping')
      .service('B')
      .command('Pong')
      .service('C')
      .link('User', 'Start', 'A', 'Ping', 'B', 'Pong', 'C').doc;
    expect(coordinatorOf(doc)).toBeUndefined();
    expect(run(doc)).toEqual([
      d('O001', 'error', 'An orchestrated saga needs one orchestrator, and the design has none.', 'Draw an orchestrator; it sends the commands and receives the replies.'),
    ]);
  });

  it('fires when there are two, and still checks each one’s steps', () => {
    const doc = order();
    doc.nodes.push({ id: 'Billing', kind: 'orchestrator', name: 'Billing' }, { id: 'Invoice', kind: 'command', name: 'Invoice' });
    doc.edges.push({ id: 'b1', source: 'Billing', target: 'Invoice' }, { id: 'b2', source: 'Invoice', target: 'Payments' });
    expect(fired(doc, 'O001')).toEqual([
      d(
        'O001',
        'error',
        'An orchestrated saga has exactly one orchestrator; this design has 2: Saga and Billing.',
        'Keep one orchestrator per saga; split the design into one document per saga.',
        ['Saga', 'Billing'],
      ),
    ]);
    // Billing's step Invoice has no timeout and no reply
    expect(fired(doc, 'O013').map((x) => x.nodes)).toEqual([['Invoice']]);
    expect(fired(doc, 'O004').map((x) => x.message)).toEqual([
      'Billing sends Invoice but never hears back: Payments publishes no reply in response that Billing subscribes to.',
    ]);
  });

  it('is silent with exactly one', () => {
    expect(fired(order(), 'O001')).toEqual([]);
  });
});

describe('O002 a command sent by a participant', () => {
  const commanding = () => {
    const doc = order();
    doc.nodes.push({ id: 'Pack', kind: 'command', name: 'Pack' });
    doc.edges.push({ id: 'x1', source: 'Stock', target: 'Pack', on: ['Reserve'] }, { id: 'x2', source: 'Pack', target: 'Shipping' });
    return doc;
  };

  it('fires when a service sends a command', () => {
    expect(fired(commanding(), 'O002')).toEqual([
      d('O002', 'error', 'Stock sends Pack itself; in an orchestration only Saga sends commands.', 'Let Stock reply to Saga with an event, and have Saga send Pack.', ['Stock', 'Pack'], ['x1']),
    ]);
  });

  it('is O002 alone: the handler of a command a participant sends does not bypass the orchestrator (O005)', () => {
    expect(run(commanding()).map((x) => x.rule)).toEqual(['O002']);
  });

  it('fires in the orchestrated part of a hybrid too', () => {
    expect(fired(commanding(), 'O002', 'orchestrated')).toHaveLength(1);
  });

  it('speaks of the orchestrators when there are several', () => {
    const doc = commanding();
    doc.nodes.push({ id: 'Billing', kind: 'orchestrator', name: 'Billing' });
    expect(fired(doc, 'O002')).toEqual([
      d(
        'O002',
        'error',
        'Stock sends Pack itself; in an orchestration only an orchestrator (Saga or Billing) sends commands.',
        'Let Stock reply to an orchestrator with an event, and have an orchestrator send Pack.',
        ['Stock', 'Pack'],
        ['x1'],
      ),
    ]);
  });

  it('is silent when the orchestrator sends every command, and for the trigger an actor sends', () => {
    expect(fired(order(), 'O002')).toEqual([]);
  });
});

describe('O005 a participant subscribes to another participant’s event', () => {
  const bypassing = () => {
    const doc = order();
    doc.edges.push({ id: 'x', source: 'ReserveDone', target: 'Payments' });
    return doc;
  };

  it('fires when a service subscribes to another service’s event', () => {
    expect(fired(bypassing(), 'O005')).toEqual([
      d(
        'O005',
        'warning',
        'Payments subscribes to ReserveDone from Stock, bypassing Saga.',
        'Let Saga receive ReserveDone and send Payments a command, or declare the design a choreography.',
        ['ReserveDone', 'Payments', 'Stock'],
        ['x'],
      ),
    ]);
  });

  it('fires when the design is checked without saying which part: the whole design is orchestrated', () => {
    const doc = bypassing();
    expect(ofRule(orchestrationRules(analysed(doc), coordinatorOf(doc)), 'O005').map((x) => x.message)).toEqual(['Payments subscribes to ReserveDone from Stock, bypassing Saga.']);
    expect(fired(doc, 'O005', 'orchestrated')).toEqual([]);
  });

  it('names every publisher but the subscriber, and the orchestrators when there are several', () => {
    const doc = bypassing();
    doc.edges.push({ id: 'y', source: 'Shipping', target: 'ReserveDone' }, { id: 'z', source: 'Payments', target: 'ReserveDone' });
    doc.nodes.push({ id: 'Billing', kind: 'orchestrator', name: 'Billing' });
    expect(fired(doc, 'O005')).toEqual([
      d(
        'O005',
        'warning',
        'Payments subscribes to ReserveDone from Stock and Shipping, bypassing the orchestrators.',
        'Let an orchestrator receive ReserveDone and send Payments a command, or declare the design a choreography.',
        ['ReserveDone', 'Payments', 'Stock', 'Shipping'],
        ['x'],
      ),
    ]);
  });

  it('is silent for a subscription to the orchestrator’s own event', () => {
    const doc = order();
    doc.nodes.push({ id: 'Audited', kind: 'event', name: 'Audited' });
    doc.edges.push({ id: 'a1', source: 'Saga', target: 'Audited', on: ['Start'] }, { id: 'a2', source: 'Audited', target: 'Payments' });
    expect(fired(doc, 'O005')).toEqual([]);
  });

  it('is silent for a service that hears its own event', () => {
    const doc = order();
    doc.edges.push({ id: 'x', source: 'ReserveDone', target: 'Stock' });
    expect(fired(doc, 'O005')).toEqual([]);
  });

  it('is silent in the orchestrated part of a hybrid: such subscriptions are its choreographed part', () => {
    expect(fired(bypassing(), 'O005', 'orchestrated')).toEqual([]);
  });
});

describe('O004 a step with no reply path', () => {
  it('fires (error) when the handler publishes no reply the orchestrator hears', () => {
    const doc = order((s) => (step(s, 'Ship').noReply = true));
    expect(fired(doc, 'O004')).toEqual([
      d(
        'O004',
        'error',
        'Saga sends Ship but never hears back: Shipping publishes no reply in response that Saga subscribes to.',
        'Have Shipping publish a reply event on Ship (and a failure event if it can fail), and subscribe Saga to it.',
        ['Ship', 'Shipping'],
        [edgeId(doc, 'Saga', 'Ship')],
      ),
    ]);
  });

  it('fires (warning) when a step that can fail has no failure reply', () => {
    const doc = order((s) => (step(s, 'Ship').handlerAttrs = { failureRate: 0.1 }));
    expect(fired(doc, 'O004')).toEqual([
      d(
        'O004',
        'warning',
        'Ship can fail, but Shipping has no failure reply for it, so Saga would never learn of the failure.',
        'Add a failure event (outcome "failure") that Shipping publishes on Ship, and subscribe Saga to it.',
        ['Ship', 'Shipping'],
        [edgeId(doc, 'Saga', 'Ship')],
      ),
    ]);
  });

  it('is silent when a step that cannot fail has no failure reply, or when a step has one', () => {
    expect(fired(order(), 'O004')).toEqual([]);
  });

  it('is silent for a command the orchestrator handles itself, and for one without a single handler (G012)', () => {
    const doc = order();
    doc.nodes.push({ id: 'Note', kind: 'command', name: 'Note' }, { id: 'Lost', kind: 'command', name: 'Lost' });
    doc.edges.push(
      { id: 'n1', source: 'Saga', target: 'Note', on: ['Start'] },
      { id: 'n2', source: 'Note', target: 'Saga' },
      { id: 'n3', source: 'Saga', target: 'Lost', on: ['Start'] },
    );
    expect(fired(doc, 'O004')).toEqual([]);
  });
});

describe('O006 more than one pivot', () => {
  it('fires when two steps are declared pivots', () => {
    const doc = order((s) => {
      step(s, 'Charge').attrs = { stepType: 'pivot' };
      step(s, 'Ship').attrs = { stepType: 'pivot', retry: RETRY };
    });
    expect(fired(doc, 'O006')).toEqual([
      d(
        'O006',
        'error',
        'The saga has 2 pivots (Charge and Ship); there is one go/no-go step.',
        'Keep one pivot: make the earlier steps compensatable and the later ones retriable.',
        ['Charge', 'Ship'],
      ),
    ]);
  });

  it('is silent with one declared pivot', () => {
    expect(fired(order((s) => (step(s, 'Charge').attrs = { stepType: 'pivot' })), 'O006')).toEqual([]);
  });
});

describe('O007 steps out of order around the pivot', () => {
  it('fires for a compensatable step after the pivot', () => {
    const doc = order((s) => {
      step(s, 'Reserve').attrs = { stepType: 'pivot' };
      step(s, 'Charge').compensation = 'Refund';
    });
    expect(fired(doc, 'O007')).toEqual([
      d(
        'O007',
        'error',
        'Charge is compensatable but comes after the pivot Reserve: once the pivot succeeds the saga must complete.',
        'Move Charge before the pivot, or make it retriable.',
        ['Charge', 'Reserve'],
      ),
    ]);
  });

  it('fires for a pivot after a retriable step', () => {
    const doc = order((s) => {
      step(s, 'Reserve').attrs = { stepType: 'retriable', retry: RETRY };
      step(s, 'Charge').attrs = { stepType: 'pivot' };
    });
    expect(fired(doc, 'O007')).toEqual([
      d('O007', 'error', 'Charge is a pivot but comes after the retriable step Reserve.', 'Order the saga as compensatable steps, then the pivot, then retriable steps.', ['Charge', 'Reserve']),
    ]);
  });

  it('fires for a compensatable step after a retriable one, naming the first retriable step', () => {
    const doc = saga([
      { command: 'Reserve', handler: 'Stock', attrs: { stepType: 'retriable', retry: RETRY } },
      { command: 'Charge', handler: 'Payments', attrs: { stepType: 'retriable', retry: RETRY } },
      { command: 'Ship', handler: 'Shipping', compensation: 'Recall' },
    ]).doc;
    expect(fired(doc, 'O007')).toEqual([
      d('O007', 'error', 'Ship is compensatable but comes after the retriable step Reserve.', 'Order the saga as compensatable steps, then the pivot, then retriable steps.', ['Ship', 'Reserve']),
    ]);
  });

  it('reports a compensatable step after both a pivot and a retriable step once', () => {
    const doc = saga([
      { command: 'Charge', handler: 'Payments', attrs: { stepType: 'pivot' } },
      { command: 'Ship', handler: 'Shipping', attrs: { retry: RETRY } },
      { command: 'Reserve', handler: 'Stock', compensation: 'Release' },
    ]).doc;
    expect(fired(doc, 'O007').map((x) => x.message)).toEqual(['Reserve is compensatable but comes after the retriable step Ship.']);
  });

  it('is silent for compensatable steps, then the pivot, then retriable steps', () => {
    const doc = order((s) => {
      step(s, 'Reserve').attrs = { stepType: 'compensatable' };
      step(s, 'Charge').attrs = { stepType: 'pivot' };
      step(s, 'Ship').attrs = { stepType: 'retriable', retry: RETRY };
    });
    expect(run(doc)).toEqual([]);
  });

  it('is silent for a query after a retriable step', () => {
    const doc = order((s) => s.push({ command: 'Track', handler: 'Shipping', attrs: { stepType: 'query' } }));
    expect(fired(doc, 'O007')).toEqual([]);
  });
});

describe('O008 a step before the pivot without a compensation', () => {
  it('names the step that lost its compensation, and says it could instead be the go/no-go step after the last undoable one', () => {
    const doc = saga([
      { command: 'Charge', handler: 'Payments', failureReply: true },
      { command: 'Reserve', handler: 'Stock', compensation: 'Release', failureReply: true },
      { command: 'Pack', handler: 'Packing', compensation: 'Unpack', failureReply: true },
      { command: 'Ship', handler: 'Shipping', failureReply: true },
    ]).doc;
    expect(run(doc)).toEqual([
      d(
        'O008',
        'error',
        'Charge has no compensation; or, if it is the go/no-go step, move it after Pack.',
        'Draw a compensating command (e.g. UndoCharge) handled by Payments, and connect Charge to it, so that it is undone when a later step fails; or, if Charge is the pivot, move it after Pack, the last step that can still be undone.',
        ['Charge', 'Pack'],
      ),
    ]);
  });

  it('names the pivot when the step cannot be the go/no-go step: it cannot fail', () => {
    const doc = order((s) => s.unshift({ command: 'Note', handler: 'Notes' }));
    expect(fired(doc, 'O008')).toEqual([
      d(
        'O008',
        'error',
        'Note comes before the pivot Charge but has no compensation: if a later step fails, its effect can never be undone.',
        'Draw a compensating command (e.g. UndoNote) handled by Notes, and connect Note to it; or mark the step as a query if it changes nothing.',
        ['Note'],
      ),
    ]);
  });

  it('names the pivot when the step cannot be the go/no-go step: it is declared compensatable', () => {
    const doc = order((s) => s.unshift({ command: 'Note', handler: 'Notes', failureReply: true, attrs: { stepType: 'compensatable' } }));
    expect(fired(doc, 'O008').map((x) => x.message)).toEqual(['Note comes before the pivot Charge but has no compensation: if a later step fails, its effect can never be undone.']);
  });

  it('names the pivot when the step cannot be the go/no-go step: another is declared the pivot', () => {
    const doc = order((s) => {
      step(s, 'Reserve').compensation = undefined;
      step(s, 'Charge').attrs = { stepType: 'pivot' };
      s.push({ command: 'Pack', handler: 'Packing', compensation: 'Unpack' });
    });
    expect(fired(doc, 'O008').map((x) => x.message)).toEqual(['Reserve comes before the pivot Charge but has no compensation: if a later step fails, its effect can never be undone.']);
  });

  it('offers no other reading when no step after it can be undone', () => {
    const doc = saga([
      { command: 'Reserve', handler: 'Stock', compensation: 'Release', failureReply: true },
      { command: 'Charge', handler: 'Payments', failureReply: true },
      { command: 'Ship', handler: 'Shipping', failureReply: true },
    ]).doc;
    expect(run(doc)).toEqual([
      d(
        'O008',
        'error',
        'Charge comes before the pivot Ship but has no compensation: if a later step fails, its effect can never be undone.',
        'Draw a compensating command (e.g. UndoCharge) handled by Payments, and connect Charge to it; or mark the step as a query if it changes nothing.',
        ['Charge'],
      ),
    ]);
  });

  it('says only that it has no compensation when the saga has no pivot', () => {
    const doc = saga([
      { command: 'Note', handler: 'Notes' },
      { command: 'Reserve', handler: 'Stock', compensation: 'Release', failureReply: true },
    ]).doc;
    expect(fired(doc, 'O008')).toEqual([
      d(
        'O008',
        'error',
        'Note has no compensation: if a later step fails, its effect can never be undone.',
        'Draw a compensating command (e.g. UndoNote) handled by Notes, and connect Note to it; or mark the step as a query if it changes nothing.',
        ['Note'],
      ),
    ]);
  });

  it('is not reported for a step after the pivot: that is O007', () => {
    const doc = saga([
      { command: 'Charge', handler: 'Payments', failureReply: true, attrs: { stepType: 'pivot' } },
      { command: 'Pack', handler: 'Packing', attrs: { stepType: 'compensatable' } },
    ]).doc;
    expect(run(doc).map((x) => x.rule)).toEqual(['O007']);
  });

  it('suggests a compensation named after the step, trimmed', () => {
    const doc = saga([
      { command: 'Note ', handler: 'Notes' },
      { command: 'Charge', handler: 'Payments', failureReply: true },
    ]).doc;
    expect(fired(doc, 'O008').map((x) => x.hint)).toEqual([
      'Draw a compensating command (e.g. UndoNote) handled by Notes, and connect Note  to it; or mark the step as a query if it changes nothing.',
    ]);
  });

  it('says "the same service" when the step has no single handler', () => {
    const doc = order((s) => s.unshift({ command: 'Note', handler: 'Notes' }));
    doc.edges = doc.edges.filter((e) => !(e.source === 'Note' && e.target === 'Notes'));
    expect(fired(doc, 'O008').map((x) => x.hint)).toEqual([
      'Draw a compensating command (e.g. UndoNote) handled by the same service, and connect Note to it; or mark the step as a query if it changes nothing.',
    ]);
  });

  it('names a compensation whose compensated-by connection is missing', () => {
    const doc = order();
    doc.edges = doc.edges.filter((e) => !(e.source === 'Reserve' && e.target === 'Release'));
    expect(fired(doc, 'O008')).toEqual([
      d(
        'O008',
        'error',
        'Reserve comes before the pivot Charge but has no compensation: if a later step fails, its effect can never be undone.',
        'Connect Reserve to Release ("compensated by") if Release undoes it; or mark the step as a query if it changes nothing.',
        ['Reserve'],
      ),
    ]);
    // Release is no step of its own: no O008 or O013 for it
    expect(run(doc).filter((x) => x.nodes.includes('Release'))).toEqual([]);
  });

  it('is silent for a step with a compensation, a query, and the steps after the pivot', () => {
    const doc = order((s) => s.splice(1, 0, { command: 'Check', handler: 'Checks', attrs: { stepType: 'query' } }));
    expect(fired(doc, 'O008')).toEqual([]);
  });
});

describe('O009 a step after the pivot that is not retriable', () => {
  it('fires when it has a failure reply', () => {
    const doc = order((s) => {
      step(s, 'Charge').attrs = { stepType: 'pivot' };
      step(s, 'Ship').failureReply = true;
    });
    expect(fired(doc, 'O009')).toEqual([
      d(
        'O009',
        'error',
        'Ship comes after the pivot, so it must eventually succeed, but it has a failure reply (ShipFailed).',
        'Remove the failure reply and make Shipping retry until it succeeds, or move the step before the pivot with a compensation.',
        ['Ship', 'ShipFailed'],
      ),
    ]);
  });

  it('fires when it has no retry policy', () => {
    const doc = order((s) => (step(s, 'Ship').attrs = {}));
    expect(fired(doc, 'O009')).toEqual([
      d('O009', 'error', 'Ship comes after the pivot, so it must eventually succeed, but it has no retry policy.', 'Give Ship a retry policy in the inspector.', ['Ship']),
    ]);
  });

  it('checks the steps after a pivot that comes first', () => {
    const doc = saga([
      { command: 'Charge', handler: 'Payments', failureReply: true },
      { command: 'Ship', handler: 'Shipping' },
    ]).doc;
    expect(run(doc).map((x) => [x.rule, x.nodes])).toEqual([['O009', ['Ship']]]);
  });

  it('checks a step declared retriable even without a pivot', () => {
    const doc = saga([{ command: 'Ship', handler: 'Shipping', failureReply: true, attrs: { stepType: 'retriable', retry: RETRY } }]).doc;
    expect(fired(doc, 'O009').map((x) => x.message)).toEqual(['Ship comes after the pivot, so it must eventually succeed, but it has a failure reply (ShipFailed).']);
  });

  it('is silent for a retriable step with a retry policy and no failure reply', () => {
    expect(fired(order(), 'O009')).toEqual([]);
  });

  it('is silent for steps inferred retriable when the saga has no pivot', () => {
    const doc = saga([
      { command: 'Reserve', handler: 'Stock', compensation: 'Release', failureReply: true },
      { command: 'Ship', handler: 'Shipping' },
    ]).doc;
    expect(fired(doc, 'O009')).toEqual([]);
  });
});

describe('O010 a compensation that is not retriable or not idempotent', () => {
  it('fires when it has no retry policy', () => {
    const doc = order((s) => (step(s, 'Reserve').compensationAttrs = { retry: undefined }));
    expect(fired(doc, 'O010')).toEqual([
      d(
        'O010',
        'warning',
        'The compensation Release must eventually succeed, but it has no retry policy.',
        'Give Release a retry policy: compensations are retried until they succeed.',
        ['Release'],
      ),
    ]);
  });

  it('fires when its handler is not idempotent', () => {
    const doc = order((s) => (step(s, 'Reserve').handlerAttrs = { idempotent: false }));
    expect(fired(doc, 'O010')).toEqual([
      d(
        'O010',
        'warning',
        'The compensation Release must eventually succeed, but Stock is not idempotent.',
        'Make Stock idempotent: compensations are retried until they succeed.',
        ['Release', 'Stock'],
      ),
    ]);
  });

  it('fires with both reasons', () => {
    const doc = order((s) => {
      step(s, 'Reserve').handlerAttrs = { idempotent: false };
      step(s, 'Reserve').compensationAttrs = { retry: undefined };
    });
    expect(fired(doc, 'O010').map((x) => [x.message, x.hint])).toEqual([
      [
        'The compensation Release must eventually succeed, but it has no retry policy and Stock is not idempotent.',
        'Give Release a retry policy and make Stock idempotent: compensations are retried until they succeed.',
      ],
    ]);
  });

  it('names every handler that is not idempotent', () => {
    const doc = order((s) => (step(s, 'Reserve').handlerAttrs = { idempotent: false }));
    doc.nodes.push({ id: 'Stock2', kind: 'service', name: 'Stock2' }, { id: 'Stock3', kind: 'service', name: 'Stock3', idempotent: true });
    doc.edges.push({ id: 'x', source: 'Release', target: 'Stock2' }, { id: 'y', source: 'Release', target: 'Stock3' });
    expect(fired(doc, 'O010').map((x) => [x.message, x.nodes])).toEqual([
      ['The compensation Release must eventually succeed, but Stock and Stock2 are not idempotent.', ['Release', 'Stock', 'Stock2']],
    ]);
  });

  it('is silent for a retried compensation with an idempotent handler', () => {
    expect(fired(order(), 'O010')).toEqual([]);
  });
});

describe('O011 a compensation handled by another service', () => {
  it('fires when another service undoes the step', () => {
    const doc = order((s) => (step(s, 'Reserve').compensationHandler = 'Warehouse'));
    expect(fired(doc, 'O011')).toEqual([
      d(
        'O011',
        'warning',
        'Release undoes Reserve, but it is handled by Warehouse while Reserve is handled by Stock.',
        'Let Stock, which made the change, also undo it.',
        ['Release', 'Reserve', 'Warehouse', 'Stock'],
      ),
    ]);
  });

  it('names only the other handlers when the compensation has several', () => {
    const doc = order();
    doc.nodes.push({ id: 'Warehouse', kind: 'service', name: 'Warehouse', idempotent: true });
    doc.edges.push({ id: 'x', source: 'Release', target: 'Warehouse' });
    expect(fired(doc, 'O011').map((x) => x.nodes)).toEqual([['Release', 'Reserve', 'Warehouse', 'Stock']]);
  });

  it('is silent when the step’s own handler undoes it, or when the step has no single handler', () => {
    expect(fired(order(), 'O011')).toEqual([]);
    const doc = order((s) => (step(s, 'Reserve').compensationHandler = 'Warehouse'));
    doc.nodes.push({ id: 'Stock2', kind: 'service', name: 'Stock2', idempotent: true });
    doc.edges.push({ id: 'x', source: 'Reserve', target: 'Stock2' });
    expect(fired(doc, 'O011')).toEqual([]);
  });
});

describe('O013 a step without a timeout', () => {
  it('fires for a step without a timeout', () => {
    const doc = order((s) => (step(s, 'Charge').attrs = { timeoutMs: undefined }));
    expect(fired(doc, 'O013')).toEqual([
      d('O013', 'info', 'Charge has no timeout: if its reply is lost, the saga waits forever.', 'Set a timeout on Charge in the inspector.', ['Charge']),
    ]);
  });

  it('is silent for a step with a timeout, and for a query without one', () => {
    const doc = order((s) => s.splice(1, 0, { command: 'Check', handler: 'Checks', attrs: { stepType: 'query', timeoutMs: undefined } }));
    expect(fired(doc, 'O013')).toEqual([]);
  });
});
