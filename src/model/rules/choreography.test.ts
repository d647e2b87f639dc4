/**
 * Choreography rules C001–C008 (spec §2.4): for every condition, a design where the rule fires
 * and a near-identical one where it stays silent.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../diagnostic.ts';
import type { SagaDocument } from '../schema.ts';
import { LiveValidation } from '../incremental/liveValidation.ts';
import { design, type DesignBuilder } from '../testing/builder.ts';
import { analysed, d, ofRule } from '../testing/rules.ts';
import { validate } from '../validate.ts';
import { choreographyRules } from './choreography.ts';

const run = (doc: SagaDocument, orchestrators: string[] = []) => choreographyRules(analysed(doc), new Set(orchestrators));
const fired = (doc: SagaDocument, rule: RuleId, orchestrators: string[] = []) => ofRule(run(doc, orchestrators), rule);

/**
 * The order process, choreographed: Orders publishes Created; Payments pays (Paid) or fails
 * (PayFailed); Stock reserves on Paid (Reserved, terminal) or fails (StockFailed), which makes
 * Payments refund (Refunded); Orders cancels on PayFailed or Refunded (Cancelled, terminal).
 */
const order = (): DesignBuilder =>
  design()
    .actor('User')
    .command('Place')
    .service('Orders')
    .event('Created')
    .service('Payments')
    .event('Paid')
    .event('PayFailed', { outcome: 'failure' })
    .service('Stock')
    .event('Reserved', { terminal: true })
    .event('StockFailed', { outcome: 'failure' })
    .event('Refunded')
    .event('Cancelled', { terminal: true })
    .link('User', 'Place', 'Orders')
    .edge('Orders', 'Created', { on: ['Place'] })
    .link('Created', 'Payments')
    .edge('Payments', 'Paid', { on: ['Created'] })
    .edge('Payments', 'PayFailed', { on: ['Created'] })
    .link('Paid', 'Stock', 'Reserved')
    .link('Stock', 'StockFailed')
    .edge('StockFailed', 'Payments', { compensates: 'Created' })
    .edge('Payments', 'Refunded', { on: ['StockFailed'] })
    .edge('PayFailed', 'Orders', { compensates: 'Place' })
    .edge('Refunded', 'Orders', { compensates: 'Place' })
    .edge('Orders', 'Cancelled', { on: ['PayFailed', 'Refunded'] });

const without = (doc: SagaDocument, source: string, target: string): SagaDocument => ({
  ...doc,
  edges: doc.edges.filter((e) => !(e.source === source && e.target === target)),
});
const edgeId = (doc: SagaDocument, source: string, target: string) => doc.edges.find((e) => e.source === source && e.target === target)!.id;

describe('the choreography the cases start from', () => {
  it('has no choreography diagnostic', () => {
    expect(run(order().doc)).toEqual([]);
  });
});

describe('C001 an event consumed but never published', () => {
  it('fires when a design with an actor has an event nobody publishes', () => {
    const doc = without(order().doc, 'Stock', 'StockFailed');
    expect(fired(doc, 'C001')).toEqual([
      d('C001', 'error', 'Payments subscribes to StockFailed, but nobody publishes it.', 'Connect the service that publishes StockFailed, or delete the subscription.', ['StockFailed', 'Payments']),
    ]);
  });

  it('names every subscriber', () => {
    const doc = order().event('Ticked').link('Ticked', 'Stock').link('Ticked', 'Orders').doc;
    expect(fired(doc, 'C001').map((x) => [x.message, x.nodes])).toEqual([['Stock and Orders subscribe to Ticked, but nobody publishes it.', ['Ticked', 'Stock', 'Orders']]]);
  });

  it('is silent without actors: such events come from outside and start the process', () => {
    const doc = design().event('Ticked').service('Clock').event('Tocked', { terminal: true }).link('Ticked', 'Clock', 'Tocked').doc;
    expect(run(doc)).toEqual([]);
  });

  it('is silent for a published event, for one nobody consumes either, and for a command nobody sends', () => {
    expect(fired(order().event('Lone').command('Recount').link('Recount', 'Stock').doc, 'C001')).toEqual([]);
  });
});

describe('C002 and C006 events nobody consumes', () => {
  it('C002 fires for a published event nobody consumes that is not terminal', () => {
    const doc = order().event('Audited').edge('Orders', 'Audited', { on: ['Place'] }).doc;
    expect(fired(doc, 'C002')).toEqual([
      d('C002', 'warning', 'Audited is published by Orders, but nobody consumes it.', 'Subscribe the participant that reacts to Audited, or mark it terminal if it ends the process.', ['Audited']),
    ]);
  });

  it('C006 fires for a failure event nobody subscribes to, terminal or not', () => {
    const doc = without(order().doc, 'PayFailed', 'Orders');
    Object.assign(doc.nodes.find((n) => n.id === 'PayFailed')!, { terminal: true });
    expect(fired(doc, 'C006')).toEqual([
      d(
        'C006',
        'error',
        'Nobody subscribes to the failure event PayFailed from Payments: the failure goes unheard and nothing is compensated.',
        'Subscribe the participants that must undo their work to PayFailed.',
        ['PayFailed', 'Payments'],
      ),
    ]);
    expect(fired(doc, 'C002')).toEqual([]);
  });

  it('are silent for terminal events, consumed ones, and events nobody publishes', () => {
    const doc = order().event('Lone').command('Ship').edge('Orders', 'Ship', { on: ['Place'] }).doc;
    expect(fired(doc, 'C002')).toEqual([]);
    expect(fired(doc, 'C006')).toEqual([]);
  });
});

describe('C003 a participant sends a command to another', () => {
  const commanding = () => order().command('Pack').service('Packing').edge('Stock', 'Pack', { on: ['Paid'] }).link('Pack', 'Packing').doc;

  it('fires for a command one participant sends another', () => {
    const doc = commanding();
    expect(fired(doc, 'C003')).toEqual([
      d(
        'C003',
        'warning',
        'Stock sends the command Pack to Packing: that part is orchestrated, so the design is a hybrid.',
        'Publish an event that Packing reacts to instead, or declare the design a hybrid by leaving the style on auto.',
        ['Stock', 'Pack', 'Packing'],
        [edgeId(doc, 'Stock', 'Pack')],
      ),
    ]);
  });

  it('is silent for a command a participant sends itself, and for the trigger an actor sends', () => {
    const doc = order().command('Recount').edge('Stock', 'Recount', { on: ['Paid'] }).link('Recount', 'Stock').doc;
    expect(fired(doc, 'C003')).toEqual([]);
  });

  it('is left to O002 in a hybrid whose orchestrated part the orchestration rules check', () => {
    expect(fired(commanding(), 'C003', ['Packing'])).toEqual([]);
    // and nothing takes its place: the rest of the choreography has nothing to say
    expect(run(commanding(), ['Packing'])).toEqual([]);
  });
});

describe('C004 a cycle of reactions', () => {
  /** Start makes A ping; B pongs on Ping; A pings again on Pong. */
  const storm = () =>
    design()
      .actor('User')
      .command('Start')
      .service('A')
      .event('Ping')
      .service('B')
      .event('Pong')
      .link('User', 'Start', 'A')
      .edge('A', 'Ping', { on: ['Start', 'Pong'] })
      .link('Ping', 'B', 'Pong', 'A');

  it('fires (error) when nothing on the cycle can stop it', () => {
    expect(fired(storm().doc, 'C004')).toEqual([
      d(
        'C004',
        'error',
        'Ping and Pong trigger each other in a cycle through B and A, and nothing on the cycle can stop it: an event storm.',
        'Break the loop: let one participant publish a different, terminal event instead of feeding the cycle.',
        ['Ping', 'Pong', 'B', 'A'],
      ),
    ]);
  });

  it('fires (warning) when a handling on the cycle has a failure output', () => {
    const doc = storm().event('PongFailed', { outcome: 'failure', terminal: true }).link('B', 'PongFailed').doc;
    expect(fired(doc, 'C004')).toEqual([
      d(
        'C004',
        'warning',
        'Ping and Pong trigger each other in a cycle through B and A; only a failure stops it.',
        'Make sure the cycle ends: add a condition (a failure outcome) or break the loop with a terminal event.',
        ['Ping', 'Pong', 'B', 'A'],
      ),
    ]);
  });

  it('fires (warning) when a handling on the cycle has a failure rate, on the participant or on the connection', () => {
    const byService = storm().doc;
    Object.assign(byService.nodes.find((n) => n.id === 'A')!, { failureRate: 0.1 });
    expect(fired(byService, 'C004').map((x) => x.severity)).toEqual(['warning']);
    const byConnection = storm().doc;
    Object.assign(byConnection.edges.find((e) => e.source === 'Ping')!, { failureRate: 0.1 });
    expect(fired(byConnection, 'C004').map((x) => x.severity)).toEqual(['warning']);
  });

  it('counts a participant whose reaction also leaves the cycle', () => {
    const doc = storm().event('Logged', { terminal: true }).link('B', 'Logged').doc;
    expect(fired(doc, 'C004').map((x) => x.nodes)).toEqual([['Ping', 'Pong', 'B', 'A']]);
  });

  it('does not count a participant whose reaction leaves the cycle, nor its failure', () => {
    const doc = storm().service('C').event('Logged', { terminal: true }).event('LogFailed', { outcome: 'failure', terminal: true }).link('Ping', 'C', 'Logged').link('C', 'LogFailed').doc;
    expect(fired(doc, 'C004').map((x) => [x.severity, x.nodes])).toEqual([['error', ['Ping', 'Pong', 'B', 'A']]]);
  });

  it('fires for a participant that feeds its own input', () => {
    const doc = design().actor('User').command('Start').service('A').event('Again').link('User', 'Start', 'A').edge('A', 'Again', { on: ['Start', 'Again'] }).link('Again', 'A').doc;
    expect(fired(doc, 'C004').map((x) => x.message)).toEqual(['Again trigger each other in a cycle through A, and nothing on the cycle can stop it: an event storm.']);
  });

  it('is silent for a flow without a cycle', () => {
    expect(fired(order().doc, 'C004')).toEqual([]);
  });

  it('does not follow cycles through an orchestrator in a hybrid', () => {
    const doc = storm().doc;
    Object.assign(doc.nodes.find((n) => n.id === 'A')!, { kind: 'orchestrator' });
    expect(fired(doc, 'C004')).toHaveLength(1);
    expect(fired(doc, 'C004', ['A'])).toEqual([]);
  });

  it('names only the participants outside the orchestrators in a hybrid', () => {
    // B and C pong each other; the orchestrator A also answers Pong with Ping
    const doc = storm().service('C').link('Pong', 'C').edge('C', 'Ping', { on: ['Pong'] }).doc;
    Object.assign(doc.nodes.find((n) => n.id === 'A')!, { kind: 'orchestrator' });
    expect(fired(doc, 'C004', ['A']).map((x) => x.nodes)).toEqual([['Ping', 'Pong', 'B', 'C']]);
  });
});

describe('C005 a failure that does not reach a participant that must compensate', () => {
  it('fires when the failure never reaches the participants upstream', () => {
    const doc = without(order().doc, 'StockFailed', 'Payments');
    const failure = edgeId(doc, 'Stock', 'StockFailed');
    expect(fired(doc, 'C005')).toEqual([
      d(
        'C005',
        'error',
        'StockFailed (when Stock fails on Paid) never reaches Payments (which handled Created) and Orders (which handled Place): their changes are never compensated.',
        'Subscribe each of them to StockFailed (or to an event that follows from it), with "compensates" naming what each handled.',
        ['StockFailed', 'Stock', 'Payments', 'Orders'],
        [failure],
      ),
    ]);
  });

  it('names the one participant it misses, and what it handled', () => {
    // Orders hears of the failure, Payments does not
    const doc = without(order().doc, 'StockFailed', 'Payments');
    doc.edges.push({ id: 'x', source: 'StockFailed', target: 'Orders', compensates: 'Place' });
    doc.edges.find((e) => e.source === 'Orders' && e.target === 'Cancelled')!.on = ['PayFailed', 'Refunded', 'StockFailed'];
    expect(fired(doc, 'C005').map((x) => [x.message, x.hint, x.nodes])).toEqual([
      [
        'StockFailed (when Stock fails on Paid) never reaches Payments (which handled Created): that change is never compensated.',
        'Subscribe Payments to StockFailed (or to an event that follows from it), with "compensates" naming what it handled (Created).',
        ['StockFailed', 'Stock', 'Payments'],
      ],
    ]);
  });

  it('lists three participants and counts the rest', () => {
    // a chain of five participants before the one that fails, none of which hears of it
    const b = design().actor('User').command('Go').link('User', 'Go');
    const names = ['P1', 'P2', 'P3', 'P4', 'P5'];
    let previous = 'Go';
    for (const n of names) {
      b.service(n).event(`${n}Done`).link(previous, n, `${n}Done`);
      previous = `${n}Done`;
    }
    b.service('Last').event('LastFailed', { outcome: 'failure', terminal: true }).link(previous, 'Last', 'LastFailed');
    expect(fired(b.doc, 'C005').map((x) => x.message)).toEqual([
      'LastFailed (when Last fails on P5Done) never reaches P5 (which handled P4Done), P4 (which handled P3Done), P3 (which handled P2Done) and 2 more: their changes are never compensated.',
    ]);
  });

  it('lists exactly three participants with "and"', () => {
    const b = design().actor('User').command('Go').link('User', 'Go');
    let previous = 'Go';
    for (const n of ['P1', 'P2', 'P3']) {
      b.service(n).event(`${n}Done`).link(previous, n, `${n}Done`);
      previous = `${n}Done`;
    }
    b.service('Last').event('LastFailed', { outcome: 'failure', terminal: true }).link(previous, 'Last', 'LastFailed');
    expect(fired(b.doc, 'C005').map((x) => x.message)).toEqual([
      'LastFailed (when Last fails on P3Done) never reaches P3 (which handled P2Done), P2 (which handled P1Done) and P1 (which handled Go): their changes are never compensated.',
    ]);
  });

  it('follows what a failure leads to once, even around a cycle', () => {
    // Go makes P1 change something; Last fails; Retry and Echo answer each other forever, and P1 hears none of it
    const doc = design()
      .actor('User')
      .command('Go')
      .service('P1')
      .event('P1Done')
      .service('Last')
      .event('LastFailed', { outcome: 'failure' })
      .service('Retry')
      .event('Again')
      .service('Echo')
      .event('Echoed')
      .link('User', 'Go', 'P1', 'P1Done', 'Last', 'LastFailed', 'Retry')
      .edge('Retry', 'Again', { on: ['LastFailed', 'Echoed'] })
      .link('Again', 'Echo', 'Echoed', 'Retry').doc;
    expect(fired(doc, 'C005').map((x) => x.nodes)).toEqual([['LastFailed', 'Last', 'P1']]);
  });

  it('names every input a participant handled upstream', () => {
    // Orders handles Place and then Paid before Stock fails
    const doc = without(order().doc, 'StockFailed', 'Payments');
    doc.nodes.push({ id: 'Confirmed', kind: 'event', name: 'Confirmed' });
    doc.edges = doc.edges.filter((e) => !(e.source === 'Paid' && e.target === 'Stock') && !(e.source === 'Refunded' && e.target === 'Orders'));
    doc.edges.push(
      { id: 'p1', source: 'Paid', target: 'Orders' },
      { id: 'p2', source: 'Orders', target: 'Confirmed', on: ['Paid'] },
      { id: 'p3', source: 'Confirmed', target: 'Stock' },
      { id: 'p4', source: 'StockFailed', target: 'Payments', compensates: 'Created' },
    );
    expect(fired(doc, 'C005').map((x) => x.message)).toEqual([
      'StockFailed (when Stock fails on Confirmed) never reaches Orders (which handled Paid and Place): that change is never compensated.',
    ]);
  });

  it('names the participants it misses in the order of the design, whatever the order of their connections', () => {
    // Billing and Shipping both publish Ready (Shipping's connection drawn first); Packing then fails
    const doc = design()
      .actor('User')
      .command('Bill')
      .event('Dispatched')
      .service('Billing')
      .service('Shipping')
      .event('Ready')
      .service('Packing')
      .event('PackFailed', { outcome: 'failure', terminal: true })
      .link('User', 'Bill', 'Billing')
      .link('Dispatched', 'Shipping')
      .link('Shipping', 'Ready')
      .link('Billing', 'Ready')
      .link('Ready', 'Packing', 'PackFailed').doc;
    expect(fired(doc, 'C005').map((x) => [x.message, x.nodes])).toEqual([
      [
        'PackFailed (when Packing fails on Ready) never reaches Billing (which handled Bill) and Shipping (which handled Dispatched): their changes are never compensated.',
        ['PackFailed', 'Packing', 'Billing', 'Shipping'],
      ],
    ]);
  });

  it('is silent when the failure reaches them, directly or through what follows from it', () => {
    // Payments hears StockFailed; Orders hears Refunded, which follows from it
    expect(fired(order().doc, 'C005')).toEqual([]);
  });

  it('is silent for the failing participant itself, and when nothing upstream changed', () => {
    const doc = design().event('Ticked').service('Clock').event('ClockFailed', { outcome: 'failure', terminal: true }).link('Ticked', 'Clock', 'ClockFailed').doc;
    expect(fired(doc, 'C005')).toEqual([]);
  });

  it('does not count a query, a compensating handling, or the handling of a failure as a change', () => {
    const b = design()
      .actor('User')
      .command('Check', { stepType: 'query' })
      .service('Checks')
      .event('Checked')
      .service('Stock')
      .event('StockFailed', { outcome: 'failure', terminal: true })
      .link('User', 'Check', 'Checks', 'Checked', 'Stock', 'StockFailed');
    expect(fired(b.doc, 'C005')).toEqual([]);
    // the same with a command that changes something
    const changing = design()
      .actor('User')
      .command('Check')
      .service('Checks')
      .event('Checked')
      .service('Stock')
      .event('StockFailed', { outcome: 'failure', terminal: true })
      .link('User', 'Check', 'Checks', 'Checked', 'Stock', 'StockFailed');
    expect(fired(changing.doc, 'C005').map((x) => x.nodes)).toEqual([['StockFailed', 'Stock', 'Checks']]);
    // a handling that compensates, and one of a failure event, lead to a failure without being changes
    const undoing = design()
      .event('Ticked')
      .service('Undo')
      .service('Heard')
      .event('Oops', { outcome: 'failure' })
      .event('Undone')
      .event('HeardIt')
      .service('Stock')
      .event('StockFailed', { outcome: 'failure', terminal: true })
      .link('Ticked', 'Undo')
      .edge('Oops', 'Undo', { compensates: 'Ticked' })
      .edge('Undo', 'Undone', { on: ['Oops'] })
      .link('Undone', 'Stock', 'StockFailed')
      .edge('Undo', 'Oops', { on: ['Ticked'] })
      .link('Oops', 'Heard', 'HeardIt', 'Stock').doc;
    expect(fired(undoing, 'C005').map((x) => x.message)).toEqual([]);
  });

  it('counts a handling of an event the orchestrator publishes as a change in a hybrid', () => {
    const doc = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .event('Announced')
      .service('Billing')
      .event('Billed')
      .service('Stock')
      .event('StockFailed', { outcome: 'failure', terminal: true })
      .link('User', 'Start', 'Saga', 'Announced', 'Billing', 'Billed', 'Stock', 'StockFailed').doc;
    expect(fired(doc, 'C005', ['Saga']).map((x) => x.nodes)).toEqual([['StockFailed', 'Stock', 'Billing', 'Saga']]);
  });

  it('leaves the orchestrator’s steps to the orchestrator in a hybrid', () => {
    // Saga commands Reserve; Stock's Reserved makes Billing bill, and Billing fails without telling anyone
    const doc = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .command('Reserve')
      .service('Stock')
      .event('Reserved')
      .service('Billing')
      .event('BillFailed', { outcome: 'failure', terminal: true })
      .link('User', 'Start', 'Saga')
      .edge('Saga', 'Reserve', { on: ['Start'] })
      .link('Reserve', 'Stock', 'Reserved', 'Saga')
      .link('Reserved', 'Billing', 'BillFailed').doc;
    expect(fired(doc, 'C005').map((x) => x.nodes)).toEqual([['BillFailed', 'Billing', 'Stock', 'Saga']]);
    expect(fired(doc, 'C005', ['Saga']).map((x) => x.nodes)).toEqual([['BillFailed', 'Billing', 'Saga']]);
  });
});

describe('C007 a hidden orchestrator', () => {
  const hub = () =>
    design()
      .actor('User')
      .command('Begin')
      .service('Hub')
      .event('OneRequested')
      .event('TwoRequested')
      .event('AllDone', { terminal: true })
      .service('One')
      .event('OneDone')
      .service('Two')
      .event('TwoDone')
      .link('User', 'Begin', 'Hub')
      .edge('Hub', 'OneRequested', { on: ['Begin'] })
      .link('OneRequested', 'One', 'OneDone', 'Hub')
      .edge('Hub', 'TwoRequested', { on: ['OneDone'] })
      .link('TwoRequested', 'Two', 'TwoDone', 'Hub')
      .edge('Hub', 'AllDone', { on: ['TwoDone'] }).doc;

  it('fires for a service that consumes most of the others’ events and drives the flow', () => {
    expect(fired(hub(), 'C007')).toEqual([
      d(
        'C007',
        'warning',
        'Hub consumes 2 of the 2 message types the other participants emit and drives the flow: a hidden orchestrator.',
        "Either make Hub an explicit orchestrator that sends commands, or let the participants react to each other's events directly.",
        ['Hub'],
      ),
    ]);
  });

  it('is silent when the hub is an orchestrator: it is not hidden', () => {
    const doc = hub();
    Object.assign(doc.nodes.find((n) => n.id === 'Hub')!, { kind: 'orchestrator' });
    expect(fired(doc, 'C007')).toEqual([]);
  });

  it('is silent without a hub', () => {
    expect(fired(order().doc, 'C007')).toEqual([]);
  });
});

describe('C008 an event published by several services', () => {
  it('fires for an event two services publish', () => {
    const doc = order().edge('Stock', 'Paid', { on: ['Paid'] }).doc;
    expect(fired(doc, 'C008')).toEqual([
      d(
        'C008',
        'warning',
        'Paid is published by 2 services (Payments and Stock): subscribers cannot tell whose fact it is.',
        'Give each service its own event (e.g. PaymentsPaid), or let one service own Paid.',
        ['Paid', 'Payments', 'Stock'],
      ),
    ]);
  });

  it('suggests a name from the first publisher and the event, trimmed', () => {
    const doc = order().event('Shipped ').link('Payments', 'Shipped ').link('Stock', 'Shipped ').doc;
    expect(fired(doc, 'C008').map((x) => x.hint)).toEqual(['Give each service its own event (e.g. PaymentsShipped), or let one service own Shipped .']);
  });

  it('is silent for one service publishing it twice, for a service and an orchestrator, and for commands', () => {
    const doc = order().orchestrator('Saga').link('Saga', 'Paid').command('Ship').service('Shipping').link('Ship', 'Shipping').link('Orders', 'Ship').link('Payments', 'Ship').doc;
    doc.edges.push({ id: 'again', source: 'Payments', target: 'Paid', on: ['Created'] });
    expect(fired(doc, 'C008')).toEqual([]);
  });
});

describe('C004 and C005 while the design is edited (incremental validation)', () => {
  /** The rule's diagnostics for `edited` from a validation that saw `start` just before: the same as a full validation's. */
  const afterEdit = (start: SagaDocument, edited: SagaDocument, rule: RuleId) => {
    const live = new LiveValidation();
    live.validate(start);
    const found = ofRule(live.validate(edited).diagnostics, rule);
    expect(found).toEqual(ofRule(validate(edited).diagnostics, rule));
    return found;
  };
  /** Start makes A ping; B pongs on Ping; A pings again on Pong, once Pong is connected to A. */
  const open = () =>
    design()
      .actor('User')
      .command('Start')
      .service('A')
      .event('Pinged')
      .service('B')
      .event('Ponged')
      .link('User', 'Start', 'A')
      .edge('A', 'Pinged', { on: ['Start', 'Ponged'] })
      .link('Pinged', 'B', 'Ponged');
  const stormMessage = 'Pinged and Ponged trigger each other in a cycle through B and A, and nothing on the cycle can stop it: an event storm.';

  it('C004 fires once an edit closes the cycle, even when the edit adds a reaction that leaves it too', () => {
    const start = open().event('Logged', { terminal: true }).doc;
    const closed = open().event('Logged', { terminal: true }).link('Ponged', 'A').link('B', 'Logged').doc;
    expect(afterEdit(start, start, 'C004')).toEqual([]);
    expect(afterEdit(start, closed, 'C004').map((x) => [x.severity, x.message, x.nodes])).toEqual([['error', stormMessage, ['Pinged', 'Ponged', 'B', 'A']]]);
  });

  it('C004 stays silent after an edit that adds a reaction closing no cycle', () => {
    const start = open().event('Logged', { terminal: true }).doc;
    expect(afterEdit(start, open().event('Logged', { terminal: true }).link('B', 'Logged').doc, 'C004')).toEqual([]);
  });

  it('C004 goes once an edit breaks the cycle', () => {
    const closed = open().link('Ponged', 'A').doc;
    expect(afterEdit(closed, closed, 'C004').map((x) => x.message)).toEqual([stormMessage]);
    expect(afterEdit(closed, without(closed, 'Ponged', 'A'), 'C004')).toEqual([]);
  });

  it('C004 follows the cycle through the orchestrator once a hybrid is declared a choreography', () => {
    // Saga commands Reserve and answers Reserved and Ponged with Pinged; Echo answers Pinged with Ponged
    const hybrid = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .command('Reserve')
      .service('Stock')
      .event('Reserved')
      .service('Billing')
      .event('Billed', { terminal: true })
      .event('Pinged')
      .service('Echo')
      .event('Ponged')
      .link('User', 'Start', 'Saga')
      .edge('Saga', 'Reserve', { on: ['Start'] })
      .link('Reserve', 'Stock', 'Reserved', 'Saga')
      .link('Reserved', 'Billing', 'Billed')
      .edge('Saga', 'Pinged', { on: ['Reserved', 'Ponged'] })
      .link('Pinged', 'Echo', 'Ponged', 'Saga').doc;
    expect(afterEdit(hybrid, hybrid, 'C004')).toEqual([]);
    expect(afterEdit(hybrid, { ...hybrid, declaredStyle: 'choreography' }, 'C004').map((x) => x.message)).toEqual([
      'Pinged and Ponged trigger each other in a cycle through Echo and Saga, and nothing on the cycle can stop it: an event storm.',
    ]);
  });

  it('C005 names the orchestrator’s step handlers once a hybrid is declared a choreography', () => {
    const hybrid = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .command('Reserve')
      .service('Stock')
      .event('Reserved')
      .service('Billing')
      .event('BillFailed', { outcome: 'failure', terminal: true })
      .link('User', 'Start', 'Saga')
      .edge('Saga', 'Reserve', { on: ['Start'] })
      .link('Reserve', 'Stock', 'Reserved', 'Saga')
      .link('Reserved', 'Billing', 'BillFailed').doc;
    expect(afterEdit(hybrid, hybrid, 'C005').map((x) => x.nodes)).toEqual([['BillFailed', 'Billing', 'Saga']]);
    expect(afterEdit(hybrid, { ...hybrid, declaredStyle: 'choreography' }, 'C005').map((x) => x.nodes)).toEqual([['BillFailed', 'Billing', 'Stock', 'Saga']]);
  });

  it('C005 goes once an edit subscribes the participant it missed, and stays silent for a failure of the first handling', () => {
    // Orders may reject Place outright: nothing upstream of it changed
    const rejecting = (doc: SagaDocument): SagaDocument => ({
      ...doc,
      nodes: [...doc.nodes, { id: 'Rejected', kind: 'event', name: 'Rejected', outcome: 'failure', terminal: true }],
      edges: [...doc.edges, { id: 'r1', source: 'Orders', target: 'Rejected', on: ['Place'] }],
    });
    const missing = rejecting(without(order().doc, 'StockFailed', 'Payments'));
    expect(afterEdit(missing, missing, 'C005').map((x) => x.nodes)).toEqual([['StockFailed', 'Stock', 'Payments', 'Orders']]);
    expect(afterEdit(missing, rejecting(order().doc), 'C005')).toEqual([]);
  });
});
