/** Orchestration rules O001–O013 (spec §2.3). */
import { othersIn, shortListing, type Analysis } from '../analysis.ts';
import { isIdempotent } from '../attributes.ts';
import { defined, diagnostic, type Diagnostic } from '../diagnostic.ts';
import { consumersOf, isParticipant, type Link } from '../graph.ts';
import type { CommandNode, ParticipantNode, SagaNode } from '../schema.ts';
import { stepsOf, type Step } from '../steps.ts';

/**
 * `coordinator`: the node the classifier found sending every command, if any. It stands in for
 * the orchestrator when the design has none; with several orchestrators, each one's steps are
 * checked. `part`: `"whole"` for a design checked as an orchestration; `"orchestrated"` for the
 * orchestrated part of a hybrid, whose subscriptions between participants are its choreographed
 * part (checked by the choreography rules, so O005 is not reported).
 */
export function orchestrationRules(a: Analysis, coordinator: string | undefined, part: 'whole' | 'orchestrated' = 'whole'): Diagnostic[] {
  const c = coordinationOf(a, coordinator);
  const out = defined([orchestratorCount(a, c)]);
  const who = c.who;
  if (!who) return out;
  out.push(...defined(a.graph.links.map((l) => participantCommand(who, l))));
  if (part === 'whole') {
    const publishers = new Map<string, SagaNode[]>();
    out.push(...defined(a.graph.links.map((l) => bypass(a, who, l, publishers))));
  }
  for (const orchestrator of c.coordinators) out.push(...stepRules(a, orchestrator, stepsOf(a, orchestrator)));
  return out;
}

/** Who orchestrates: the orchestrators, else the node the classifier found coordinating (the hub). */
export interface Coordination {
  orchestrators: ParticipantNode[];
  hub: SagaNode | undefined;
  /** The orchestrators, or the hub standing in for them; none when there is neither. */
  coordinators: ParticipantNode[];
  who: Coordinators | undefined;
}

/** `coordinator`: the node the classifier found sending every command, if any. */
export function coordinationOf(a: Analysis, coordinator: string | undefined): Coordination {
  const orchestrators = a.doc.nodes.filter((n): n is ParticipantNode => n.kind === 'orchestrator');
  const hub = coordinator === undefined ? undefined : a.graph.node.get(coordinator);
  // The classifier's coordinator is a participant: the node that sends the commands.
  const coordinators = orchestrators.length > 0 ? orchestrators : hub ? [hub as ParticipantNode] : [];
  return { orchestrators, hub, coordinators, who: coordinators.length > 0 ? coordinatorWords(a, coordinators) : undefined };
}

/** O001 when the design has not exactly one orchestrator. */
export function orchestratorCount(a: Analysis, { orchestrators, hub }: Coordination): Diagnostic | undefined {
  if (orchestrators.length === 1) return undefined;
  return diagnostic(
    'O001',
    orchestrators.length === 0
      ? `An orchestrated saga needs one orchestrator, and the design has none${hub ? ` (${hub.name} coordinates the flow but is drawn as a ${hub.kind})` : ''}.`
      : `An orchestrated saga has exactly one orchestrator; this design has ${orchestrators.length}: ${a.names(orchestrators.map((o) => o.id))}.`,
    orchestrators.length === 0
      ? `Draw an orchestrator${hub ? `, or change ${hub.name} into one` : ''}; it sends the commands and receives the replies.`
      : 'Keep one orchestrator per saga; split the design into one document per saga.',
    { nodes: orchestrators.length ? orchestrators.map((o) => o.id) : hub ? [hub.id] : [] },
  );
}

/** The diagnostics of one orchestrator's steps: reply paths, order, compensations, timeouts. */
export function stepRules(a: Analysis, orchestrator: ParticipantNode, steps: Step[]): Diagnostic[] {
  return [...replies(a, orchestrator, steps), ...stepOrder(steps), ...compensations(a, steps), ...timeouts(steps)];
}

/** The coordinators, and how messages speak of them: by name when there is one. */
export interface Coordinators {
  ids: ReadonlySet<string>;
  /** "OrderService", or "an orchestrator (A or B)". */
  only: string;
  /** "OrderService", or "an orchestrator". */
  one: string;
  /** "OrderService", or "the orchestrators". */
  all: string;
}

function coordinatorWords(a: Analysis, coordinators: readonly ParticipantNode[]): Coordinators {
  const ids = new Set(coordinators.map((c) => c.id));
  if (coordinators.length === 1) {
    const name = coordinators[0]!.name;
    return { ids, only: name, one: name, all: name };
  }
  return { ids, only: `an orchestrator (${shortListing([...ids].map(a.name), ids.size, 'or')})`, one: 'an orchestrator', all: 'the orchestrators' };
}

/** O002 for a command one participant sends, other than the coordinators. */
export function participantCommand(who: Coordinators, l: Link): Diagnostic | undefined {
  if (l.meaning !== 'sends' || !isParticipant(l.source) || who.ids.has(l.source.id)) return undefined;
  return diagnostic(
    'O002',
    `${l.source.name} sends ${l.target.name} itself; in an orchestration only ${who.only} sends commands.`,
    `Let ${l.source.name} reply to ${who.one} with an event, and have ${who.one} send ${l.target.name}.`,
    { nodes: [l.source.id, l.target.id], edges: [l.edge.id] },
  );
}

/**
 * O005 for a participant that subscribes to another participant's event. `publishers` keeps the
 * participants that publish each event, found once per event (an event may have thousands of subscribers).
 */
export function bypass(a: Analysis, who: Coordinators, link: Link, publishers: Map<string, SagaNode[]>): Diagnostic | undefined {
  if (link.meaning !== 'subscribedBy' || who.ids.has(link.target.id)) return undefined;
  let all = publishers.get(link.source.id);
  if (!all) {
    all = a.graph.producers(link.source.id).filter((p) => !who.ids.has(p.id));
    publishers.set(link.source.id, all);
  }
  const others = othersIn(all, link.target.id);
  if (others.count === 0) return undefined;
  const ids = others.first.map((p) => p.id);
  return diagnostic(
    'O005',
    `${link.target.name} subscribes to ${link.source.name} from ${shortListing(ids.map(a.name), others.count)}, bypassing ${who.all}.`,
    `Let ${who.one} receive ${link.source.name} and send ${link.target.name} a command, or declare the design a choreography.`,
    { nodes: [link.source.id, link.target.id, ...ids], edges: [link.edge.id] },
  );
}

function replies(a: Analysis, orchestrator: ParticipantNode, steps: Step[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of steps) {
    if (!s.handler || s.handler.id === orchestrator.id) continue;
    const refs = { nodes: [s.command.id, s.handler.id], edges: s.sends.map((l) => l.edge.id) };
    if (s.successReplies.length === 0) {
      out.push(
        diagnostic(
          'O004',
          `${orchestrator.name} sends ${s.command.name} but never hears back: ${s.handler.name} publishes no reply in response that ${orchestrator.name} subscribes to.`,
          `Have ${s.handler.name} publish a reply event on ${s.command.name} (and a failure event if it can fail), and subscribe ${orchestrator.name} to it.`,
          refs,
        ),
      );
    } else if (s.failureReplies.length === 0 && s.canFail) {
      out.push(
        diagnostic(
          'O004',
          `${s.command.name} can fail, but ${s.handler.name} has no failure reply for it, so ${orchestrator.name} would never learn of the failure.`,
          `Add a failure event (outcome "failure") that ${s.handler.name} publishes on ${s.command.name}, and subscribe ${orchestrator.name} to it.`,
          { ...refs, severity: 'warning' },
        ),
      );
    }
  }
  return out;
}

function stepOrder(steps: Step[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pivots = steps.filter((s) => s.type === 'pivot');
  if (pivots.length > 1) {
    out.push(
      diagnostic(
        'O006',
        `The saga has ${pivots.length} pivots (${shortListing(pivots.map((s) => s.command.name))}); there is one go/no-go step.`,
        'Keep one pivot: make the earlier steps compensatable and the later ones retriable.',
        { nodes: pivots.map((s) => s.command.id) },
      ),
    );
  }
  const pivotAt = steps.findIndex((s) => s.type === 'pivot');
  let retriableSeen: Step | undefined;
  steps.forEach((s, i) => {
    if (retriableSeen && (s.type === 'pivot' || s.type === 'compensatable')) {
      out.push(
        diagnostic(
          'O007',
          `${s.command.name} is ${s.type === 'pivot' ? 'a pivot' : 'compensatable'} but comes after the retriable step ${retriableSeen.command.name}.`,
          'Order the saga as compensatable steps, then the pivot, then retriable steps.',
          { nodes: [s.command.id, retriableSeen.command.id] },
        ),
      );
    } else if (pivotAt >= 0 && i > pivotAt && s.type === 'compensatable') {
      out.push(
        diagnostic(
          'O007',
          `${s.command.name} is compensatable but comes after the pivot ${steps[pivotAt]!.command.name}: once the pivot succeeds the saga must complete.`,
          `Move ${s.command.name} before the pivot, or make it retriable.`,
          { nodes: [s.command.id, steps[pivotAt]!.command.id] },
        ),
      );
    }
    if (s.type === 'retriable') retriableSeen ??= s;
    if (s.type === 'compensatable' && !s.compensation && (pivotAt < 0 || i < pivotAt)) out.push(lostCompensation(steps, i, pivotAt));
    if (s.type === 'retriable' && (pivotAt >= 0 || s.declared === 'retriable')) {
      const problem = s.failureReplies.length > 0 ? `it has a failure reply (${shortListing(s.failureReplies.map((e) => e.name))})` : !s.command.retry ? 'it has no retry policy' : undefined;
      if (problem) {
        out.push(
          diagnostic(
            'O009',
            `${s.command.name} comes after the pivot, so it must eventually succeed, but ${problem}.`,
            s.failureReplies.length > 0
              ? `Remove the failure reply and make ${s.handler!.name} retry until it succeeds, or move the step before the pivot with a compensation.`
              : `Give ${s.command.name} a retry policy in the inspector.`,
            { nodes: [s.command.id, ...s.failureReplies.map((e) => e.id)] },
          ),
        );
      }
    }
  });
  return out;
}

/**
 * O008 on a step before the pivot that has no compensation. When it may instead be the go/no-go
 * step (left on auto, it can fail, no pivot is declared), and steps after it can still be undone,
 * the message says so: the pivot belongs after them (spec §2: the step that lost its compensation
 * is named, not the steps around it).
 */
function lostCompensation(steps: Step[], i: number, pivotAt: number): Diagnostic {
  const s = steps[i]!;
  const name = s.command.name;
  const unlinked = s.unlinkedCompensation?.name;
  const undo = unlinked
    ? `Connect ${name} to ${unlinked} ("compensated by") if ${unlinked} undoes it`
    : `Draw a compensating command (e.g. Undo${name.trim()}) handled by ${s.handler?.name ?? 'the same service'}, and connect ${name} to it`;
  const lastUndoable = steps.findLast((t, j) => j > i && t.compensation !== undefined);
  if (lastUndoable && s.declared === 'auto' && s.canFail && !steps.some((t) => t.declared === 'pivot')) {
    const after = lastUndoable.command.name;
    return diagnostic(
      'O008',
      `${name} has no compensation; or, if it is the go/no-go step, move it after ${after}.`,
      `${undo}, so that it is undone when a later step fails; or, if ${name} is the pivot, move it after ${after}, the last step that can still be undone.`,
      { nodes: [s.command.id, lastUndoable.command.id] },
    );
  }
  const pivot = steps[pivotAt];
  return diagnostic(
    'O008',
    `${name} ${pivot ? `comes before the pivot ${pivot.command.name} but has` : 'has'} no compensation: if a later step fails, its effect can never be undone.`,
    `${undo}; or mark the step as a query if it changes nothing.`,
    { nodes: [s.command.id] },
  );
}

function compensations(a: Analysis, steps: Step[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of steps) {
    // A compensated-by connection joins two commands: a compensation is a command.
    const c = s.compensation as CommandNode | undefined;
    if (!c) continue;
    const handlers = consumersOf(a.graph, c.id);
    // Lists are made only for a compensation that has a problem: most have none.
    const anyUnsafe = handlers.some((h) => !isIdempotent(h));
    if (!c.retry || anyUnsafe) {
      const unsafe = anyUnsafe ? handlers.filter((h) => !isIdempotent(h)).map((h) => h.id) : [];
      const problems: string[] = [];
      const fixes: string[] = [];
      if (!c.retry) {
        problems.push('it has no retry policy');
        fixes.push(`give ${c.name} a retry policy`);
      }
      if (unsafe.length > 0) {
        problems.push(`${a.names(unsafe)} ${unsafe.length === 1 ? 'is' : 'are'} not idempotent`);
        fixes.push(`make ${a.names(unsafe)} idempotent`);
      }
      out.push(
        diagnostic(
          'O010',
          `The compensation ${c.name} must eventually succeed, but ${problems.join(' and ')}.`,
          `${capitalise(fixes.join(' and '))}: compensations are retried until they succeed.`,
          { nodes: [c.id, ...unsafe] },
        ),
      );
    }
    if (!s.handler) continue;
    const own = s.handler;
    if (handlers.some((h) => h.id !== own.id)) {
      const other = handlers.filter((h) => h.id !== own.id);
      out.push(
        diagnostic(
          'O011',
          `${c.name} undoes ${s.command.name}, but it is handled by ${a.names(other.map((h) => h.id))} while ${s.command.name} is handled by ${s.handler.name}.`,
          `Let ${s.handler.name}, which made the change, also undo it.`,
          { nodes: [c.id, s.command.id, ...other.map((h) => h.id), s.handler.id] },
        ),
      );
    }
  }
  return out;
}

function timeouts(steps: Step[]): Diagnostic[] {
  return steps
    .filter((s) => s.command.timeoutMs === undefined && s.type !== 'query')
    .map((s) =>
      diagnostic('O013', `${s.command.name} has no timeout: if its reply is lost, the saga waits forever.`, `Set a timeout on ${s.command.name} in the inspector.`, {
        nodes: [s.command.id],
      }),
    );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
