/**
 * Generic rules G001–G014 (spec §2.1): for every condition, a design where the rule fires and a
 * near-identical one where it stays silent.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../diagnostic.ts';
import type { SagaDocument } from '../schema.ts';
import { LiveValidation } from '../incremental/liveValidation.ts';
import { design, type DesignBuilder } from '../testing/builder.ts';
import { analysed, d, ofRule } from '../testing/rules.ts';
import { validate } from '../validate.ts';
import { genericRules } from './generic.ts';

const fired = (doc: SagaDocument, rule: RuleId) => ofRule(genericRules(analysed(doc)), rule);

/** User sends Start to Orders, which publishes Placed (terminal): nothing to say. */
const flow = () => design().actor('User').command('Start').service('Orders').event('Placed', { terminal: true }).link('User', 'Start', 'Orders', 'Placed');

describe('the flow the cases start from', () => {
  it('has no generic diagnostic', () => {
    expect(genericRules(analysed(flow().doc))).toEqual([]);
  });
});

describe('G001 a connection to a node that does not exist', () => {
  it('fires for a missing target, pointing at the source', () => {
    const doc = flow().edge('Orders', 'ghost').doc;
    expect(fired(doc, 'G001')).toEqual([
      d('G001', 'error', 'Connection e4 points to "ghost", which does not exist.', 'Delete the connection, or restore the node it points to.', ['Orders'], ['e4']),
    ]);
  });

  it('fires for a missing source, pointing at the target', () => {
    expect(fired(flow().edge('ghost', 'Orders').doc, 'G001').map((x) => [x.message, x.nodes])).toEqual([['Connection e4 points to "ghost", which does not exist.', ['Orders']]]);
  });

  it('fires once for two missing ends', () => {
    expect(fired(flow().edge('ghost', 'phantom').doc, 'G001').map((x) => [x.message, x.nodes])).toEqual([
      ['Connection e4 points to "ghost" and "phantom", which do not exist.', []],
    ]);
  });

  it('is silent when both ends exist', () => {
    expect(fired(flow().doc, 'G001')).toEqual([]);
  });
});

describe('G002 a connection between kinds that cannot be joined', () => {
  it.each([
    ['User', 'Placed', 'User (actor) cannot connect to Placed (event).', 'An actor cannot publish events: let it send a command, and have the service that handles it publish the event.'],
    ['Orders', 'Billing', 'Orders (service) cannot connect to Billing (service).', 'Participants talk through messages: draw a command (or an event) between a service and a service.'],
    ['Saga', 'User', 'Saga (orchestrator) cannot connect to User (actor).', 'An orchestrator cannot send to an actor: publish an event instead, and mark it terminal if it ends the process.'],
    ['Start', 'Placed', 'Start (command) cannot connect to Placed (event).', 'A command cannot become an event by itself: connect the command to the service that handles it, and let that service publish the event.'],
  ])('fires for %s -> %s', (source, target, message, hint) => {
    const doc = flow().service('Billing').orchestrator('Saga').edge(source, target).doc;
    expect(fired(doc, 'G002')).toEqual([d('G002', 'error', message, hint, [source, target], ['e4'])]);
  });

  it('is silent for a connection the table allows', () => {
    expect(fired(flow().service('Billing').link('Placed', 'Billing').doc, 'G002')).toEqual([]);
  });
});

describe('G003 two nodes of the same kind share a name', () => {
  it('fires for names equal once trimmed and lower-cased', () => {
    const doc = flow().doc;
    doc.nodes.push({ id: 'Orders2', kind: 'service', name: ' orders ' });
    expect(fired(doc, 'G003')).toEqual([
      d('G003', 'error', '2 services are named Orders.', 'Give each service its own name, or merge them into one node.', ['Orders', 'Orders2']),
    ]);
  });

  it('counts every node of the group', () => {
    const doc = flow().doc;
    doc.nodes.push({ id: 'c2', kind: 'command', name: 'START' }, { id: 'c3', kind: 'command', name: 'Start ' });
    expect(fired(doc, 'G003').map((x) => [x.message, x.nodes])).toEqual([['3 commands are named Start.', ['Start', 'c2', 'c3']]]);
  });

  it('quotes the first node’s name trimmed', () => {
    const doc = flow().service(' Billing ').service('billing').doc;
    expect(fired(doc, 'G003').map((x) => x.message)).toEqual(['2 services are named Billing.']);
  });

  it('is silent for the same name on nodes of different kinds, and for different names', () => {
    const doc = flow().event('Orders').service('Ordering').doc;
    expect(fired(doc, 'G003')).toEqual([]);
  });
});

describe('G004 a command and an event share a name', () => {
  it('fires for a command and an event with the same name', () => {
    const doc = flow().doc;
    doc.nodes.push({ id: 'e', kind: 'event', name: 'START' }, { id: 'e2', kind: 'event', name: 'start' });
    expect(fired(doc, 'G004')).toEqual([
      d(
        'G004',
        'warning',
        'The command Start and the event START share a name.',
        'Name the command as an intent (ReserveInventory) and the event as the fact that follows (InventoryReserved).',
        ['Start', 'e'],
      ),
    ]);
  });

  it('is silent for a command and a node of another kind with its name, and for an event alone', () => {
    expect(fired(flow().service('Start').event('Start2').doc, 'G004')).toEqual([]);
  });
});

describe('G005 naming', () => {
  it('fires for a command that does not read as an intent', () => {
    expect(fired(flow().command('PaymentProcessed').doc, 'G005')).toEqual([
      d('G005', 'info', 'The command PaymentProcessed does not read as an intent.', 'Name commands in the imperative: a verb first, as in ProcessPayment.', ['PaymentProcessed']),
    ]);
  });

  it('fires for an event that does not read as a fact', () => {
    expect(fired(flow().event('ShipOrder').doc, 'G005')).toEqual([
      d('G005', 'info', 'The event ShipOrder does not read as a fact.', 'Name events in the past tense, as in PaymentProcessed.', ['ShipOrder']),
    ]);
  });

  it('is silent for an intent, a fact, and other kinds whatever their names', () => {
    expect(fired(flow().command('ProcessPayment').event('OrderShipped').service('PaymentProcessed').service('ShipOrder').doc, 'G005')).toEqual([]);
  });
});

describe('G006 a message with neither producer nor consumer', () => {
  it('fires for a lone command', () => {
    expect(fired(flow().command('Ship').doc, 'G006')).toEqual([
      d('G006', 'warning', 'The command Ship is neither sent nor handled by anyone.', 'Connect a sender to it and connect it to the service that handles it, or delete it.', ['Ship']),
    ]);
  });

  it('fires for a lone event', () => {
    expect(fired(flow().event('Shipped').doc, 'G006')).toEqual([
      d('G006', 'warning', 'The event Shipped is neither published nor consumed by anyone.', 'Connect the service that publishes it and the services that react to it, or delete it.', ['Shipped']),
    ]);
  });

  it('is silent for a message that is only produced or only consumed, and for a lone service', () => {
    const doc = flow().event('Audited').link('Orders', 'Audited').event('Ticked').link('Ticked', 'Orders').service('Idle').doc;
    expect(fired(doc, 'G006')).toEqual([]);
  });
});

describe('G007 an event nobody consumes', () => {
  it('fires for a published event that is not terminal', () => {
    const doc = flow().event('Audited').link('Orders', 'Audited').doc;
    expect(fired(doc, 'G007')).toEqual([
      d(
        'G007',
        'warning',
        'Nobody consumes Audited, which Orders publishes: the flow stops there, yet Audited is not marked as an end of the process.',
        'Subscribe the participant that must react to Audited, mark Audited terminal if it ends the process, or delete it.',
        ['Audited', 'Orders'],
      ),
    ]);
  });

  it('names every publisher, failure events included', () => {
    const doc = flow().service('Billing').event('Failed', { outcome: 'failure' }).link('Orders', 'Failed').link('Billing', 'Failed').doc;
    expect(fired(doc, 'G007').map((x) => [x.message, x.nodes])).toEqual([
      ['Nobody consumes Failed, which Orders and Billing publish: the flow stops there, yet Failed is not marked as an end of the process.', ['Failed', 'Orders', 'Billing']],
    ]);
  });

  it('is silent for a terminal event, a consumed one, one nobody publishes, and a command nobody handles', () => {
    const doc = flow().service('Billing').event('Billed').link('Orders', 'Billed', 'Billing').event('Lone').command('Ship').link('Orders', 'Ship').doc;
    expect(fired(doc, 'G007')).toEqual([]);
  });
});

describe('G010 and G011 triggers and reachability', () => {
  it('G011 fires when nothing starts the process', () => {
    const doc = design().service('A').event('APinged').service('B').event('BPinged').link('A', 'APinged', 'B', 'BPinged', 'A').doc;
    expect(fired(doc, 'G011')).toEqual([
      d(
        'G011',
        'error',
        'The design has no trigger: nothing starts the process.',
        'Draw an actor that sends the first command, or an event that comes from outside (one that no node produces) and the service that reacts to it.',
      ),
    ]);
    // and then G010 has nothing to measure from
    expect(fired(doc, 'G010')).toEqual([]);
  });

  it('G011 is silent for an empty design, and for one with a trigger', () => {
    expect(genericRules(analysed(design().doc))).toEqual([]);
    expect(fired(flow().doc, 'G011')).toEqual([]);
  });

  it('G010 fires for every node the triggers do not reach, naming the triggers', () => {
    const doc = flow().event('Ticked').service('Clock').link('Ticked', 'Clock').service('Island').event('Found').service('Shore').link('Island', 'Found', 'Shore').doc;
    expect(fired(doc, 'G010')).toEqual(
      ['Island', 'Found', 'Shore'].map((n) =>
        d('G010', 'warning', `${n} is not reachable from any trigger (Start and Ticked).`, 'Connect it to the flow, or delete it if it belongs to another process.', [n]),
      ),
    );
  });

  it('G010 fires for an unreachable message that is only produced, or only consumed', () => {
    // Island publishes Found, which nobody consumes; Undo compensates Lost (neither sent nor handled) and is handled by Island
    const doc = flow().service('Island').event('Found').link('Island', 'Found').command('Lost').command('Undo').link('Lost', 'Undo', 'Island').doc;
    expect(fired(doc, 'G010').map((x) => x.nodes[0])).toEqual(['Island', 'Found', 'Undo']);
  });

  it('G010 is silent for actors, for what the triggers reach, and for lone messages (G006)', () => {
    const doc = flow().actor('Auditor').event('Lone').command('Alone').doc;
    expect(fired(doc, 'G010')).toEqual([]);
  });

  it('G010 follows the flow from an event that comes from outside', () => {
    const doc = design().event('Ticked').service('Clock').event('Tocked', { terminal: true }).link('Ticked', 'Clock', 'Tocked').doc;
    expect(fired(doc, 'G010')).toEqual([]);
  });
});

describe('G012 a command needs exactly one handler', () => {
  it('fires for a command with no handler', () => {
    expect(fired(flow().command('Ship').link('Orders', 'Ship').doc, 'G012')).toEqual([
      d('G012', 'error', 'The command Ship has no handler.', 'Connect it to the one service or orchestrator that handles it.', ['Ship']),
    ]);
  });

  it('fires for a command with two handlers, pointing at its handled-by connections only', () => {
    const doc = flow().service('Billing').command('Undo').link('Start', 'Billing').link('Start', 'Undo', 'Orders').doc;
    expect(fired(doc, 'G012')).toEqual([
      d(
        'G012',
        'error',
        'The command Start is handled by 2 participants (Orders and Billing); a command has exactly one handler.',
        'Keep one handler. If several services must react, publish an event instead.',
        ['Start', 'Orders', 'Billing'],
        ['e2', 'e4'],
      ),
    ]);
  });

  it('is silent for a command with one handler, and for events however many consume them', () => {
    const doc = flow().service('Billing').event('Billed').link('Orders', 'Billed', 'Billing').link('Billed', 'Orders').doc;
    expect(fired(doc, 'G012')).toEqual([]);
  });
});

describe('G013 an output of a node that consumes several messages has no "on"', () => {
  const twoInputs = () => flow().event('Ticked').link('Ticked', 'Orders').event('Audited', { terminal: true }).link('Orders', 'Audited');

  it('fires for an output without "on"', () => {
    const doc = twoInputs().doc;
    expect(fired(doc, 'G013')).toEqual(
      ['Placed', 'Audited'].map((out) =>
        d(
          'G013',
          'error',
          `Orders consumes several messages (Start, Ticked) but does not say on which it emits ${out}.`,
          `Select the connection Orders → ${out} and tick the inputs it answers ("on").`,
          ['Orders', out],
          [out === 'Placed' ? 'e3' : 'e5'],
        ),
      ),
    );
  });

  it('lists three inputs, and the first three of more', () => {
    const three = twoInputs().event('Rang').link('Rang', 'Orders').doc;
    expect(fired(three, 'G013')[0]!.message).toBe('Orders consumes several messages (Start, Ticked, Rang) but does not say on which it emits Placed.');
    const four = twoInputs().event('Rang').link('Rang', 'Orders').event('Knocked').link('Knocked', 'Orders').doc;
    expect(fired(four, 'G013')[0]!.message).toBe('Orders consumes several messages (Start, Ticked, Rang, …) but does not say on which it emits Placed.');
  });

  it('suggests a compensated-by connection for a command an orchestrator sends', () => {
    const doc = design()
      .actor('User')
      .command('Start')
      .orchestrator('Saga')
      .event('Ticked')
      .command('Undo')
      .service('Stock')
      .event('Done', { terminal: true })
      .link('User', 'Start', 'Saga')
      .link('Ticked', 'Saga')
      .link('Saga', 'Undo', 'Stock')
      .link('Saga', 'Done').doc;
    expect(fired(doc, 'G013').map((x) => x.hint)).toEqual([
      'Select the connection Saga → Undo and tick the inputs it answers ("on"); or, if Undo undoes a step, connect that step to it ("compensated by").',
      'Select the connection Saga → Done and tick the inputs it answers ("on").',
    ]);
  });

  it('does not suggest it for a command a service sends', () => {
    const doc = twoInputs().command('Ship').service('Shipping').link('Orders', 'Ship', 'Shipping').doc;
    expect(fired(doc, 'G013').map((x) => x.hint)).toContain('Select the connection Orders → Ship and tick the inputs it answers ("on").');
  });

  it('is silent for outputs with "on", outputs of a node with one input, and compensations sent without "on"', () => {
    const doc = flow()
      .event('Ticked')
      .link('Ticked', 'Orders')
      .event('Audited', { terminal: true })
      .edge('Orders', 'Audited', { on: ['Ticked'] })
      .command('Undo')
      .link('Start', 'Undo')
      .link('Orders', 'Undo')
      .service('Billing')
      .event('Billed', { terminal: true })
      .link('Undo', 'Billing', 'Billed').doc;
    doc.edges.find((e) => e.source === 'Orders' && e.target === 'Placed')!.on = ['Start'];
    expect(fired(doc, 'G013')).toEqual([]);
  });
});

describe('G014 "on" or "compensates" names a message the node does not consume', () => {
  it('fires for "on" naming a message the node does not consume', () => {
    const doc = flow().event('Ticked').doc;
    doc.edges.find((e) => e.target === 'Placed')!.on = ['Ticked'];
    expect(fired(doc, 'G014')).toEqual([
      d('G014', 'error', 'The connection e3 says "on: Ticked", but Orders does not consume Ticked.', 'Name only messages that Orders consumes, or connect Ticked to Orders first.', ['Orders', 'Ticked'], ['e3']),
    ]);
  });

  it('fires for "on" naming an id the design does not have', () => {
    const doc = flow().doc;
    doc.edges.find((e) => e.target === 'Placed')!.on = ['ghost'];
    // and nothing else: G014 is the only generic diagnostic of the design
    expect(genericRules(analysed(doc))).toEqual([
      d(
        'G014',
        'error',
        'The connection e3 says "on: ghost", but the design has no message with that id.',
        'Name only messages that Orders consumes, or connect that message to Orders first.',
        ['Orders'],
        ['e3'],
      ),
    ]);
  });

  it('fires once for several such messages, pointing at those that exist', () => {
    const doc = flow().event('Ticked').doc;
    doc.edges.find((e) => e.target === 'Placed')!.on = ['Start', 'Ticked', 'ghost'];
    expect(fired(doc, 'G014')).toEqual([
      d('G014', 'error', 'The connection e3 names 2 messages in "on" that Orders does not consume: Ticked and "ghost".', 'Name only messages that Orders consumes in "on".', ['Orders', 'Ticked'], ['e3']),
    ]);
  });

  it('lists the first eight of many, and points at eight at most', () => {
    const b = flow();
    const names = Array.from({ length: 10 }, (_, i) => `Rang${i}`);
    for (const n of names) b.event(n);
    const doc = b.doc;
    doc.edges.find((e) => e.target === 'Placed')!.on = names;
    const [g] = fired(doc, 'G014');
    expect(g!.message).toBe('The connection e3 names 10 messages in "on" that Orders does not consume: Rang0, Rang1, Rang2, Rang3, Rang4, Rang5, Rang6, Rang7 and 2 more.');
    expect(g!.nodes).toEqual(['Orders', ...names.slice(0, 8)]);
  });

  it('fires for "compensates" naming a message the subscriber does not consume', () => {
    const doc = flow().service('Billing').event('Failed', { outcome: 'failure' }).link('Orders', 'Failed').edge('Failed', 'Billing', { compensates: 'Start' }).doc;
    expect(fired(doc, 'G014')).toEqual([
      d('G014', 'error', 'The connection e5 says "compensates: Start", but Billing does not consume Start.', 'Name only messages that Billing consumes, or connect Start to Billing first.', ['Billing', 'Start'], ['e5']),
    ]);
  });

  it('fires for "on" on an actor’s connection: an actor consumes nothing', () => {
    const one = flow().doc;
    one.edges[0]!.on = ['Placed'];
    expect(fired(one, 'G014').map((x) => [x.message, x.hint])).toEqual([
      ['The connection e1 says "on: Placed", but User does not consume Placed.', 'User consumes nothing; remove "on" from the connection.'],
    ]);
    const two = flow().doc;
    two.edges[0]!.on = ['Placed', 'Start', 'Placed'];
    expect(fired(two, 'G014').map((x) => [x.message, x.hint])).toEqual([
      ['The connection e1 names 2 messages in "on" that User does not consume: Placed and Start.', 'User consumes nothing; remove "on" from the connection.'],
    ]);
  });

  it('is silent for "on" and "compensates" naming messages the node consumes, and for an actor’s connection without "on"', () => {
    const doc = flow().service('Billing').event('Failed', { outcome: 'failure' }).link('Orders', 'Failed').edge('Failed', 'Billing', { compensates: 'Failed' }).doc;
    doc.edges.find((e) => e.target === 'Placed')!.on = ['Start', 'Start'];
    doc.edges[0]!.on = [];
    expect(fired(doc, 'G014')).toEqual([]);
  });
});

describe('G010 while the design is edited (incremental validation)', () => {
  /** G010 for `edited` from a validation that saw `start` just before: the same as a full validation's. */
  const afterEdit = (start: SagaDocument, edited: SagaDocument) => {
    const live = new LiveValidation();
    live.validate(start);
    const found = ofRule(live.validate(edited).diagnostics, 'G010');
    expect(found).toEqual(ofRule(validate(edited).diagnostics, 'G010'));
    return found.map((x) => [x.message, x.nodes]);
  };
  /** `doc` with more nodes and connections drawn, the rest left as it was (the editor's edit). */
  const drawn = (doc: SagaDocument, more: DesignBuilder, links: [string, string][]): SagaDocument => ({
    ...doc,
    nodes: [...doc.nodes, ...more.doc.nodes],
    edges: [...doc.edges, ...links.map(([source, target], i) => ({ id: `x${i + 1}`, source, target }))],
  });
  const unreached = (names: string[], triggers: string) => names.map((n) => [`${n} is not reachable from any trigger (${triggers}).`, [n]]);

  it('is silent for what an added connection reaches from the flow', () => {
    const start = flow().service('Billing').event('Billed', { terminal: true }).link('Billing', 'Billed').doc;
    expect(afterEdit(start, start)).toEqual(unreached(['Billing', 'Billed'], 'Start'));
    const joined = drawn(start, design().event('Audited'), [
      ['Orders', 'Audited'],
      ['Audited', 'Billing'],
    ]);
    expect(afterEdit(start, joined)).toEqual([]);
  });

  it('fires for what an added connection reaches from a node the triggers do not reach', () => {
    const start = flow().service('Island').event('Found').link('Island', 'Found').doc;
    expect(afterEdit(start, start)).toEqual(unreached(['Island', 'Found'], 'Start'));
    const extended = drawn(start, design().service('Shore'), [['Found', 'Shore']]);
    expect(afterEdit(start, extended)).toEqual(unreached(['Island', 'Found', 'Shore'], 'Start'));
  });

  it('fires for what a removed connection cuts off', () => {
    const start = flow().doc;
    expect(afterEdit(start, start)).toEqual([]);
    const cut = { ...start, edges: start.edges.filter((e) => !(e.source === 'Start' && e.target === 'Orders')) };
    expect(afterEdit(start, cut)).toEqual(unreached(['Orders', 'Placed'], 'Start'));
  });

  it('fires for what an event reached once it stops being a trigger', () => {
    // Ticked comes from outside until Island publishes it; Island is reached from nowhere
    const start = flow().event('Ticked').service('Clock').link('Ticked', 'Clock').service('Island').doc;
    expect(afterEdit(start, start)).toEqual(unreached(['Island'], 'Start and Ticked'));
    expect(afterEdit(start, drawn(start, design(), [['Island', 'Ticked']]))).toEqual(unreached(['Ticked', 'Clock', 'Island'], 'Start'));
  });

  it('fires for what the only trigger reached once another event takes its place', () => {
    // Ticked starts the process until Island publishes it; Rang, rung from outside, now starts it
    const start = design().event('Ticked').service('Clock').event('Tocked', { terminal: true }).service('Island').link('Ticked', 'Clock', 'Tocked').doc;
    expect(afterEdit(start, start)).toEqual(unreached(['Island'], 'Ticked'));
    const replaced = drawn(start, design().event('Rang').service('Bell').event('Answered', { terminal: true }), [
      ['Island', 'Ticked'],
      ['Rang', 'Bell'],
      ['Bell', 'Answered'],
    ]);
    expect(afterEdit(start, replaced)).toEqual(unreached(['Ticked', 'Clock', 'Tocked', 'Island'], 'Rang'));
  });
});
