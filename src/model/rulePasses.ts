/**
 * Runs the rules of spec §2 over an analysed design in a few passes: one over the nodes, one over
 * the participants' reactions, one over the connections, and the rules that see the whole design.
 * Each diagnostic lands in its rule's list, and the lists are read in CAUSAL_ORDER: the order
 * `sortDiagnostics` gives, without sorting. An incremental validation hands in a RuleMemo, which
 * keeps the diagnostics of every node, participant and connection whose inputs did not change.
 */
import type { Analysis } from './analysis.ts';
import type { Classification } from './classify.ts';
import { CAUSAL_ORDER, type Diagnostic, type RuleId, type Severity } from './diagnostic.ts';
import { appended, isParticipant, NONE, type Link, type NodeLinks } from './graph.ts';
import type { Kept } from './kept.ts';
import type { ParticipantReactions } from './reactions.ts';
import { directCommand, eventStorms, hasActor, hiddenOrchestrator, sharedEvent, unconsumed, unheardFailures, unpublished } from './rules/choreography.ts';
import { actorOn, danglingEdge, forbiddenEdge, handlers, isolatedMessage, naming, reachability, reachedNodes, sharedNames, unboundOutputs, unconsumedEvent } from './rules/generic.ts';
import { nonIdempotent, unlimitedRetries } from './rules/messaging.ts';
import { bypass, coordinationOf, orchestratorCount, participantCommand, stepRules, type Coordinators } from './rules/orchestration.ts';
import type { SagaNode } from './schema.ts';
import { stepsOf } from './steps.ts';

/** What an incremental validation keeps from one document to the next (see incremental/). */
export interface RuleMemo {
  /** A node's diagnostics, kept while its entry in the graph and the rules that run stay the same. */
  nodes: Kept<SagaNode, readonly Diagnostic[]>;
  /** A participant's G013, G014 and M001, kept with its reactions. */
  participants: Kept<ParticipantReactions, readonly Diagnostic[]>;
  /** A connection's O005 and C003, kept while the entry they read and the rules that run stay the same. */
  links: Kept<Link, readonly Diagnostic[]>;
  /** G003 and G004: `find()`, or what it found before when no edit since touched a name that is shared or could be. */
  sharedNames(find: () => Diagnostic[]): Diagnostic[];
  /** The same object as the last time when equal to it, so that what was kept with it stays valid. */
  sameAs<T extends object>(kind: 'links', value: T, equal: (a: T, b: T) => boolean): T;
}

/** Which families of rules check the design (spec §2). */
interface Scope {
  /** The orchestration rules: for the whole design, for the orchestrated part of a hybrid, or not at all. */
  orchestration: 'whole' | 'orchestrated' | undefined;
  /** The choreography rules, leaving out the given orchestrators (a hybrid's); undefined when they do not run. */
  choreography: ReadonlySet<string> | undefined;
}

const NO_ORCHESTRATORS: ReadonlySet<string> = new Set();

function scopeOf(a: Analysis, verdict: Classification): Scope {
  const declared = a.doc.declaredStyle ?? 'auto';
  const orchestration = verdict.style === 'orchestration' || declared === 'orchestration';
  const choreography = verdict.style === 'choreography' || declared === 'choreography';
  if (verdict.style === 'hybrid' && !orchestration && !choreography) {
    const orchestrators = new Set(a.doc.nodes.filter((n) => n.kind === 'orchestrator').map((n) => n.id));
    return { orchestration: orchestrators.size > 0 ? 'orchestrated' : undefined, choreography: orchestrators };
  }
  return { orchestration: orchestration ? 'whole' : undefined, choreography: choreography ? NO_ORCHESTRATORS : undefined };
}

/**
 * Every rule that applies to the design (spec §2), errors first and root causes first
 * (CAUSAL_ORDER); `extra` are diagnostics found elsewhere (X001).
 */
export function runRules(a: Analysis, verdict: Classification, extra: readonly Diagnostic[], memo?: RuleMemo): Diagnostic[] {
  const scope = scopeOf(a, verdict);
  const found = new Found();
  found.add(a.graph.dangling.map((edge) => danglingEdge(a, edge)));
  found.add(a.graph.forbidden.map(forbiddenEdge));
  found.add(memo ? memo.sharedNames(() => sharedNames(a.doc.nodes)) : sharedNames(a.doc.nodes));
  nodePass(a, scope, found, memo);
  found.add(reachability(a, reachedNodes(a)));
  participantPass(a, found, memo);
  const coordination = scope.orchestration ? coordinationOf(a, verdict.coordinator) : undefined;
  linkPass(a, scope, coordination?.who, found, memo);
  if (coordination) {
    found.add([orchestratorCount(a, coordination)]);
    for (const orchestrator of coordination.coordinators) found.add(stepRules(a, orchestrator, stepsOf(a, orchestrator)));
  }
  if (scope.choreography) found.add([...eventStorms(a, scope.choreography), ...unheardFailures(a, scope.choreography), ...hiddenOrchestrator(a)]);
  found.add(extra);
  return found.inCausalOrder();
}

/** The diagnostics of every node, in the order of the document. */
function nodePass(a: Analysis, scope: Scope, found: Found, memo: RuleMemo | undefined): void {
  // 1: the choreography rules' per-node part runs; 2: C001 too (the design has an actor).
  const context = scope.choreography ? (hasActor(a) ? 2 : 1) : 0;
  for (const n of a.doc.nodes) {
    const e = a.graph.at(n.id)!;
    let ds = memo?.nodes.get(n, e, context);
    if (ds === undefined) {
      ds = nodeDiagnostics(a, n, e, context);
      memo?.nodes.set(n, e, context, ds);
    }
    if (ds.length > 0) found.add(ds);
  }
}

function nodeDiagnostics(a: Analysis, n: SagaNode, e: NodeLinks, context: number): readonly Diagnostic[] {
  let ds = also(NONE, naming(n));
  ds = also(ds, isolatedMessage(a, n, e));
  ds = also(ds, unconsumedEvent(a, n, e));
  ds = also(ds, handlers(a, n, e));
  ds = also(ds, unlimitedRetries(a, n, e));
  if (context > 0) {
    if (context === 2) ds = also(ds, unpublished(a, n, e));
    ds = also(ds, unconsumed(a, n, e));
    ds = also(ds, sharedEvent(a, n, e));
  }
  return ds;
}

/** `ds` and `d`, when there is one: most nodes have no diagnostic, and no list is made for them. */
const also = (ds: readonly Diagnostic[], d: Diagnostic | undefined): readonly Diagnostic[] => (d === undefined ? ds : appended(ds, d));

/** G013, G014 and M001 of every participant, in the order of the document. */
function participantPass(a: Analysis, found: Found, memo: RuleMemo | undefined): void {
  for (const r of a.reactions.values()) {
    // G014 names the messages a stray `on` or `compensates` points at, wherever they are: not kept.
    const keep = memo && r.strayOn.length === 0 && r.reactions.every((x) => x.via.edge.compensates === undefined || r.byInput.has(x.via.edge.compensates));
    let ds = keep ? memo.participants.get(r, undefined, undefined) : undefined;
    if (ds === undefined) {
      const m001 = nonIdempotent(r);
      ds = m001 ? [...unboundOutputs(a, r), m001] : unboundOutputs(a, r);
      if (keep) memo.participants.set(r, undefined, undefined, ds);
    }
    if (ds.length > 0) found.add(ds);
  }
}

/** What the rules that run ask of a connection. */
interface LinkContext {
  /** The coordinators, for O002 (and O005 for the whole design). */
  who: Coordinators | undefined;
  bypasses: boolean;
  directCommands: boolean;
}

const sameCoordinators = (x: Coordinators | undefined, y: Coordinators | undefined) =>
  x === y || (x !== undefined && y !== undefined && x.only === y.only && x.one === y.one && x.all === y.all && x.ids.size === y.ids.size && [...x.ids].every((id) => y.ids.has(id)));
const sameLinkContext = (x: LinkContext, y: LinkContext) => x.bypasses === y.bypasses && x.directCommands === y.directCommands && sameCoordinators(x.who, y.who);

/** G014 of actors' connections, O002, O005 and C003, in the order of the connections. */
function linkPass(a: Analysis, scope: Scope, who: Coordinators | undefined, found: Found, memo: RuleMemo | undefined): void {
  let context: LinkContext = { who, bypasses: who !== undefined && scope.orchestration === 'whole', directCommands: scope.choreography?.size === 0 };
  if (memo) context = memo.sameAs('links', context, sameLinkContext);
  const publishers = new Map<string, SagaNode[]>();
  for (const l of a.graph.links) {
    // G014 names the messages `on` points at, wherever they are: not kept.
    if (l.source.kind === 'actor') {
      const d = actorOn(a, l);
      if (d) found.add([d]);
      continue;
    }
    const sends = l.meaning === 'sends' && isParticipant(l.source);
    // O002 reads the connection only, and costs less than keeping it would.
    const o002 = sends && context.who ? participantCommand(context.who, l) : undefined;
    if (o002) found.add([o002]);
    // O005 and C003 read more: the event's publishers, the command's handlers. Most connections need neither.
    const more = sends ? context.directCommands : l.meaning === 'subscribedBy' && context.bypasses && !context.who!.ids.has(l.target.id);
    if (!more) continue;
    const read = a.graph.at(sends ? l.target.id : l.source.id);
    let ds = memo?.links.get(l, read, context);
    if (ds === undefined) {
      ds = linkDiagnostics(a, l, context, publishers);
      memo?.links.set(l, read, context, ds);
    }
    if (ds.length > 0) found.add(ds);
  }
}

/** O005 (a subscription) or C003 (a command sent), for a connection linkPass could not pass over. */
function linkDiagnostics(a: Analysis, l: Link, { who, bypasses, directCommands }: LinkContext, publishers: Map<string, SagaNode[]>): readonly Diagnostic[] {
  const o005 = who && bypasses ? bypass(a, who, l, publishers) : undefined;
  const c003 = directCommands ? directCommand(a, l) : undefined;
  // Most connections have no diagnostic, and no list is made for them.
  return also(also(NONE, o005), c003);
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The diagnostics found so far, by rule, each rule's in the order found. */
class Found {
  private readonly byRule = new Map<RuleId, Diagnostic[]>();

  add(list: readonly (Diagnostic | undefined)[]): void {
    for (const d of list) {
      if (d === undefined) continue;
      const same = this.byRule.get(d.rule);
      if (same) same.push(d);
      else this.byRule.set(d.rule, [d]);
    }
  }

  /** Errors first, then warnings, then infos; within a severity, by CAUSAL_ORDER; one rule's in the order found. */
  inCausalOrder(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const severity of SEVERITIES) {
      for (const rule of CAUSAL_ORDER) {
        for (const d of this.byRule.get(rule) ?? NONE) if (d.severity === severity) out.push(d);
      }
    }
    return out;
  }
}
