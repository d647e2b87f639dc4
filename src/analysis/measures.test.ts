/**
 * Small designs that isolate each trade-off measure (spec §6.1): each test fails when its
 * measure's formula is broken (the comment says which mistake it catches). Node ids are names.
 * Timings are the simulator's nominal ones: transport 2 ms, services 20 ms unless drawn otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { SagaDocument } from '../model/index.ts';
import { design } from '../model/testing/builder.ts';
import { compilePlan } from '../simulation/index.ts';
import { analyse, type TradeOffs } from './analyse.ts';
import { happyRun } from './happyRun.ts';

type Measures = TradeOffs['measures'];
function measure<K extends keyof Measures>(doc: SagaDocument, key: K) {
  const m = analyse(doc).measures[key];
  if (m.value === null) throw new Error(`${key} was not measured: ${m.message}`);
  return m as Exclude<Measures[K], { value: null }>;
}

describe('coupling', () => {
  // P is started by an actor, commands Q, hears Q's reply and R's event, and hears its own event.
  const doc = design()
    .actor('U')
    .command('Start')
    .service('P')
    .command('DoIt')
    .service('Q')
    .event('Done')
    .actor('U2')
    .command('Go')
    .service('R')
    .event('Ready', { terminal: true })
    .event('Noted', { terminal: true })
    .link('U', 'Start', 'P')
    .edge('P', 'DoIt', { on: ['Start'] })
    .link('DoIt', 'Q', 'Done', 'P')
    .link('U2', 'Go', 'R', 'Ready', 'P')
    .edge('P', 'Noted', { on: ['Start'] })
    .link('Noted', 'P').doc;

  it('counts each participant depended on once, never itself, and not the senders of commands it handles', () => {
    const m = measure(doc, 'coupling');
    // P: handler of DoIt (Q) ∪ publishers of Done (Q), Ready (R), Noted (P itself, left out) = {Q, R}.
    // Q handles P's command: it does not depend on P.
    expect(m.participants.map((p) => [p.id, p.dependsOn, p.efferent, p.afferent])).toEqual([
      ['P', ['Q', 'R'], 2, 0],
      ['Q', [], 0, 1],
      ['R', [], 0, 1],
    ]);
    expect(m).toMatchObject({ value: 2, maxEfferent: 2, meanEfferent: 0.667, worst: 'P', nodes: ['P', 'Q', 'R'] });
    expect(m.message).toBe('P depends on the most participants: 2 others (Q and R), so a change in any of them may change it. On average a participant depends on 0.67.');
  });
});

describe('blast radius', () => {
  // A -> AEvt -> B and C; B -> BEvt -> D. E is drawn but never handles anything.
  const doc = design()
    .actor('U')
    .command('Go')
    .service('A')
    .event('AEvt')
    .service('B')
    .service('C')
    .event('BEvt')
    .service('D')
    .service('E')
    .link('U', 'Go', 'A', 'AEvt', 'B', 'BEvt', 'D')
    .link('AEvt', 'C').doc;

  it('counts a participant’s own handlings and everything causally after them', () => {
    // 4 handlings: A, B, C, D. A stops all; B stops B and D; C and D only themselves; E nothing.
    const m = measure(doc, 'blastRadius');
    expect(m.participants.map((p) => [p.id, p.stopped, p.share])).toEqual([
      ['A', 4, 1],
      ['B', 2, 0.5],
      ['C', 1, 0.25],
      ['D', 1, 0.25],
      ['E', 0, 0],
    ]);
    expect(m).toMatchObject({ value: 1, max: 1, mean: 0.4, handlings: 4, worst: 'A', nodes: ['A'] });
    expect(m.message).toMatch(/^A is the single point of failure: while it is down, 100% of the happy path \(4 of 4 handlings\) cannot happen\./);
  });
});

describe('schema change', () => {
  // A publishes Evt and hears it too; B and C subscribe. Place comes from an actor. Lonely is drawn alone.
  const doc = design()
    .actor('U')
    .command('Place')
    .service('A')
    .event('Evt')
    .service('B')
    .service('C')
    .event('Lonely')
    .link('U', 'Place', 'A')
    .edge('A', 'Evt', { on: ['Place'] })
    .link('Evt', 'A')
    .link('Evt', 'B')
    .link('Evt', 'C').doc;

  it('counts producers and consumers once each, actors not at all, and averages over every message', () => {
    const m = measure(doc, 'schemaChange');
    expect(m.messages.map((r) => [r.id, r.participants, r.count])).toEqual([
      ['Place', ['A'], 1],
      ['Evt', ['A', 'B', 'C'], 3],
      ['Lonely', [], 0],
    ]);
    // mean (1 + 3 + 0) / 3
    expect(m).toMatchObject({ value: 3, max: 3, mean: 1.333, worst: 'Evt', nodes: ['Evt', 'A', 'B', 'C'] });
  });
});

describe('adding a reaction', () => {
  it('in an orchestration, the orchestrator must command the newcomer, except for its own events', () => {
    const doc = design()
      .actor('U')
      .command('Start')
      .orchestrator('O')
      .command('Cmd')
      .service('S')
      .event('Done')
      .event('Finished', { terminal: true })
      .link('U', 'Start', 'O')
      .edge('O', 'Cmd', { on: ['Start'] })
      .link('Cmd', 'S', 'Done', 'O')
      .edge('O', 'Finished', { on: ['Done'] }).doc;
    const m = measure(doc, 'addReaction');
    expect(m.messages.map((r) => [r.id, r.participants])).toEqual([
      ['Start', ['O']],
      ['Cmd', ['O']],
      ['Done', ['O']],
      ['Finished', []],
    ]);
    expect(m).toMatchObject({ value: 1, worst: 'Start', nodes: ['Start', 'O'] });
  });

  it('elsewhere, events are subscribed to and a command between participants costs its sender', () => {
    // A -> Evt -> B (choreographed); B commands C; C -> CDone -> D. A hybrid.
    const doc = design()
      .actor('U')
      .command('Go')
      .service('A')
      .event('Evt')
      .service('B')
      .command('Cmd')
      .service('C')
      .event('CDone')
      .service('D')
      .link('U', 'Go', 'A', 'Evt', 'B', 'Cmd', 'C', 'CDone', 'D').doc;
    const t = analyse(doc);
    expect(t.style).toBe('hybrid');
    const m = measure(doc, 'addReaction');
    expect(m.messages.map((r) => [r.id, r.count])).toEqual([
      ['Go', 0],
      ['Evt', 0],
      ['Cmd', 1],
      ['CDone', 0],
    ]);
    expect(m).toMatchObject({ value: 1, worst: 'Cmd', nodes: ['Cmd', 'B'] });
    expect(m.message).toBe('For a new participant to also react to the command Cmd, B must change to send it a command as well; events of the happy path can simply be subscribed to.');
  });
});

describe('inserting a step', () => {
  it('a direct command changes its sender', () => {
    const doc = design().actor('U').command('Go').service('A').command('Cmd').service('B').event('BDone', { terminal: true }).link('U', 'Go', 'A', 'Cmd', 'B', 'BDone').doc;
    const m = measure(doc, 'insertStep');
    expect(m.positions.map((p) => [p.after.participant, p.before.participant, p.participants])).toEqual([['A', 'B', ['A']]]);
    expect(m).toMatchObject({ value: 1, mean: 1, max: 1 });
  });

  it('a subscription changes the subscriber, and whoever hears its failure', () => {
    // A -> Evt -> B; B's failure BFailed is heard by A (compensating) and by C.
    const doc = design()
      .actor('U')
      .command('Go')
      .service('A')
      .event('Evt')
      .service('B')
      .event('BDone', { terminal: true })
      .event('BFailed', { outcome: 'failure' })
      .service('C')
      .event('CNoted', { terminal: true })
      .link('U', 'Go', 'A')
      .edge('A', 'Evt', { on: ['Go'] })
      .link('Evt', 'B', 'BDone')
      .link('B', 'BFailed')
      .edge('BFailed', 'A', { compensates: 'Go' })
      .link('BFailed', 'C', 'CNoted').doc;
    const m = measure(doc, 'insertStep');
    expect(m.positions.map((p) => [p.after.participant, p.before.participant, p.participants])).toEqual([['A', 'B', ['B', 'A', 'C']]]);
    expect(m).toMatchObject({ value: 3, mean: 3, nodes: ['A', 'B', 'C'] });
    expect(m.message).toBe('Inserting a step between A on Go and B on Evt changes 3 participants (B, A and C), the most of any place; on average 3 participants change.');
  });

  it('needs two consecutive steps', () => {
    const doc = design().actor('U').command('Go').service('A').event('Done', { terminal: true }).link('U', 'Go', 'A', 'Done').doc;
    expect(measure(doc, 'insertStep')).toMatchObject({ value: 0, positions: [], message: 'The happy path has fewer than two consecutive steps, so there is nowhere to insert one.' });
  });
});

describe('flow visibility', () => {
  // A asks B (B replies to A: not flow logic), then on the answer tells C; C hands on to D (flow
  // logic: it carries the flow to someone other than its sender); D ends it.
  const doc = design()
    .actor('U')
    .command('Go')
    .service('A')
    .command('Ask')
    .service('B')
    .event('Answered')
    .command('Tell')
    .service('C')
    .command('Next')
    .service('D')
    .event('Finished', { terminal: true })
    .link('U', 'Go', 'A')
    .edge('A', 'Ask', { on: ['Go'] })
    .link('Ask', 'B', 'Answered', 'A')
    .edge('A', 'Tell', { on: ['Answered'] })
    .link('Tell', 'C', 'Next', 'D', 'Finished').doc;

  it('counts subscribers of others’ events and handlers that carry the flow on, not repliers', () => {
    expect(measure(doc, 'flowVisibility')).toMatchObject({ value: 2, participants: ['A', 'C'], message: 'To know the whole flow, read 2 places: A and C each hold part of it.' });
  });
});

describe('failure handling', () => {
  const orchestration = (withFailure: boolean) => {
    const b = design().actor('U').command('Start').orchestrator('O').command('Cmd').service('S').event('Done').link('U', 'Start', 'O').edge('O', 'Cmd', { on: ['Start'] }).link('Cmd', 'S', 'Done', 'O');
    if (withFailure) b.event('Failed', { outcome: 'failure' }).link('S', 'Failed', 'O');
    return b.doc;
  };

  it('counts an orchestrator that runs backward recovery, not one that never hears of a failure', () => {
    expect(measure(orchestration(false), 'failureHandling')).toMatchObject({ value: 0, participants: [] });
    expect(measure(orchestration(true), 'failureHandling')).toMatchObject({ value: 1, participants: ['O'], message: 'Compensation is decided in one place: O.' });
  });

  it('counts a subscriber whose subscription compensates, not a mere subscriber of a failure event', () => {
    // B's failure is heard by A (compensates Go) and by C (just notes it).
    const doc = design()
      .actor('U')
      .command('Go')
      .service('A')
      .event('Evt')
      .service('B')
      .event('BFailed', { outcome: 'failure' })
      .service('C')
      .link('U', 'Go', 'A')
      .edge('A', 'Evt', { on: ['Go'] })
      .link('Evt', 'B', 'BFailed', 'C')
      .edge('BFailed', 'A', { compensates: 'Go' }).doc;
    expect(measure(doc, 'failureHandling')).toMatchObject({ value: 1, participants: ['A'] });
  });
});

describe('messages', () => {
  // O commands Kitchen to CreateTicket (compensated by RejectTicket) and then to ApproveTicket;
  // both can fail with a failure reply.
  const doc = design()
    .actor('U')
    .command('Start')
    .orchestrator('O')
    .command('CreateTicket')
    .command('RejectTicket', { retry: { maxAttempts: 0 } })
    .command('ApproveTicket')
    .service('Kitchen')
    .event('TicketCreated')
    .event('CreateFailed', { outcome: 'failure' })
    .event('TicketRejected')
    .event('TicketApproved')
    .event('ApproveFailed', { outcome: 'failure' })
    .link('U', 'Start', 'O')
    .edge('O', 'CreateTicket', { on: ['Start'] })
    .edge('O', 'ApproveTicket', { on: ['TicketCreated'] })
    .link('O', 'RejectTicket')
    .link('CreateTicket', 'RejectTicket')
    .link('CreateTicket', 'Kitchen')
    .link('RejectTicket', 'Kitchen')
    .link('ApproveTicket', 'Kitchen')
    .edge('Kitchen', 'TicketCreated', { on: ['CreateTicket'] })
    .edge('Kitchen', 'CreateFailed', { on: ['CreateTicket'] })
    .edge('Kitchen', 'TicketRejected', { on: ['RejectTicket'] })
    .edge('Kitchen', 'TicketApproved', { on: ['ApproveTicket'] })
    .edge('Kitchen', 'ApproveFailed', { on: ['ApproveTicket'] })
    .link('TicketCreated', 'O')
    .link('CreateFailed', 'O')
    .link('TicketRejected', 'O')
    .link('TicketApproved', 'O')
    .link('ApproveFailed', 'O').doc;

  it('fails each step alone: the same service still compensates', () => {
    // Happy: Start, CreateTicket, TicketCreated, ApproveTicket, TicketApproved = 5.
    // CreateTicket fails: Start, CreateTicket, CreateFailed = 3.
    // ApproveTicket fails: Start, CreateTicket, TicketCreated, ApproveTicket, ApproveFailed, RejectTicket, TicketRejected = 7
    // (failing Kitchen as a whole would fail RejectTicket too, and retry it without end).
    const m = measure(doc, 'messages');
    expect(m.failures.map((f) => [f.message, f.messages])).toEqual([
      ['CreateTicket', 3],
      ['ApproveTicket', 7],
    ]);
    expect(m).toMatchObject({ value: 5, happy: 5, worstFailure: 7, meanFailure: 5, nodes: ['Kitchen', 'ApproveTicket'] });
    expect(m.message).toBe('With no failure one saga sends 5 messages; a failure of Kitchen on ApproveTicket sends the most, 7, and a failure sends 5 on average.');
  });
});

describe('latency', () => {
  // A (100 ms) -> Evt -> B (7 ms on that subscription) and C (100 ms); B -> BDone -> D (50 ms).
  const doc = design()
    .actor('U')
    .command('Go')
    .service('A', { latencyMs: 100 })
    .event('Evt')
    .service('B')
    .service('C', { latencyMs: 100 })
    .event('BDone')
    .service('D', { latencyMs: 50 })
    .link('U', 'Go', 'A', 'Evt')
    .edge('Evt', 'B', { latencyMs: 7 })
    .link('Evt', 'C')
    .link('B', 'BDone', 'D').doc;

  it('is the duration with mean latencies, along the chain that ends last (not the one that starts last)', () => {
    // A ends at 2 + 100 = 102; B at 104 + 7 = 111; D starts last, at 113, and ends at 163; C ends at 104 + 100 = 204.
    expect(measure(doc, 'latency')).toMatchObject({ value: 204, happyMs: 204, steps: 2, hops: 2, path: ['A', 'C'], nodes: ['A', 'C'] });
    expect(happyRun(compilePlan(doc)).handlings.map((h) => [h.participant, h.start, h.end])).toEqual([
      ['A', 2, 102],
      ['B', 104, 111],
      ['D', 113, 163],
      ['C', 104, 204],
    ]);
  });
});

describe('test paths', () => {
  // A can fail by its failure rate (no failure output); B has a failure output; C is reached only
  // through B's failure, so it is not on the happy path even though it can fail.
  const doc = design()
    .actor('U')
    .command('Go')
    .service('A', { failureRate: 0.5 })
    .event('Evt')
    .service('B')
    .event('BDone', { terminal: true })
    .event('BFailed', { outcome: 'failure' })
    .service('C', { failureRate: 0.3 })
    .event('CDone', { terminal: true })
    .link('U', 'Go', 'A', 'Evt', 'B', 'BDone')
    .link('B', 'BFailed', 'C', 'CDone').doc;

  it('are the happy path and one per step of it that can fail', () => {
    const m = measure(doc, 'testPaths');
    expect(m).toMatchObject({ value: 3, happy: 1 });
    expect(m.failing.map((s) => [s.participant, s.message])).toEqual([
      ['A', 'Go'],
      ['B', 'Evt'],
    ]);
    expect(m.message).toBe('3 end-to-end paths to test: the happy path, and a failure of A on Go and B on Evt.');
  });

  it('the happy path ignores failure rates: it completes', () => {
    expect(measure(doc, 'messages')).toMatchObject({ happy: 3, failures: [{ participant: 'A', messages: 1 }, { participant: 'B', messages: 4 }] });
  });
});

describe('advice', () => {
  it('tells an orchestration to let a commanded step nothing waits for subscribe instead', () => {
    const doc = design()
      .actor('U')
      .command('Start')
      .orchestrator('O')
      .command('Pay')
      .service('Payments')
      .event('Paid')
      .command('Notify')
      .service('Mailer')
      .link('U', 'Start', 'O')
      .edge('O', 'Pay', { on: ['Start'] })
      .link('Pay', 'Payments', 'Paid', 'O')
      .edge('O', 'Notify', { on: ['Paid'] })
      .link('Notify', 'Mailer').doc;
    const t = analyse(doc);
    expect(t.advice).toEqual([
      { message: 'Workflow steps (something later waits for their result or undoes them): Payments on Pay.', nodes: ['Payments', 'Pay'] },
      { message: 'Fire-and-forget reactions (nothing depends on their outcome): Mailer on Notify.', nodes: ['Mailer', 'Notify'] },
      {
        message:
          'Mailer is commanded by O, but nothing waits for its result: let it subscribe to an event O publishes instead. That is the hybrid the articles recommend: orchestrate the workflow, let fire-and-forget reactions subscribe to events.',
        nodes: ['O', 'Mailer'],
      },
    ]);
  });

  it('counts a step that is undone as a workflow step, even when nothing waits for its reply', () => {
    // O sends Reserve (undone by Release) and nobody hears back; in the choreography, B's change is undone when C fails.
    const orchestrated = design()
      .actor('U')
      .command('Start')
      .orchestrator('O')
      .command('Reserve')
      .command('Release')
      .service('S')
      .link('U', 'Start', 'O', 'Reserve', 'S')
      .link('Reserve', 'Release')
      .link('O', 'Release', 'S').doc;
    expect(analyse(orchestrated).advice[0]!.message).toBe('Workflow steps (something later waits for their result or undoes them): S on Reserve.');
    const choreographed = design()
      .actor('U')
      .command('Go')
      .service('B')
      .event('Done', { terminal: true })
      .event('Undo', { outcome: 'failure', terminal: true })
      .link('U', 'Go', 'B')
      .edge('B', 'Done', { on: ['Go'] })
      .edge('Undo', 'B', { compensates: 'Go' }).doc;
    expect(analyse(choreographed).advice[0]!.message).toBe('Workflow steps (something later waits for their result or undoes them): B on Go.');
  });

  it('keeps a short choreography as it is', () => {
    const doc = design().actor('U').command('Go').service('A').event('Evt').service('B').event('Done', { terminal: true }).link('U', 'Go', 'A', 'Evt', 'B', 'Done').doc;
    expect(analyse(doc).advice.at(-1)!.message).toBe(
      'The workflow is short (1 step), so reacting to events keeps it simple; the fire-and-forget reaction of B subscribes to events, as the articles recommend.',
    );
  });
});
