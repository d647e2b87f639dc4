/**
 * Validation of a design being edited, one document after another: the same result as
 * `validate(doc)`, computed from what the document before left. The graph is updated rather than
 * built (liveGraph.ts); a participant's reactions, and the diagnostics of a node, a participant or
 * a connection, are kept while what they read stays the same object (rulePasses.ts); what depends
 * on the whole design's structure (the flow order, cycles, unheard failures, the hub, what the
 * triggers reach) is kept while edits only rename or move nodes.
 */
import { analysisOf, type KeptStructure, type PartReads, type StructureEdit } from '../analysis.ts';
import { classify } from '../classify.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { isParticipant, isTrigger, triggersOf, type DesignGraph, type NodeLinks } from '../graph.ts';
import { Kept } from '../kept.ts';
import { answeredInputs, ASSUMED_ON_BUDGET, reactionsOf, withAnswers, type ParticipantReactions, type Reaction } from '../reactions.ts';
import type { RuleMemo } from '../rulePasses.ts';
import type { MessageNode, SagaDocument } from '../schema.ts';
import { validate, validateAnalysis, type ValidationResult } from '../validate.ts';
import { LiveGraph, type GraphChange } from './liveGraph.ts';
import { NameCounts } from './nameCounts.ts';

/** A part of a result kept with what it read (KeptStructure.part). */
interface Part {
  family: string;
  value: unknown;
  reads: PartReads;
}

/** Where a kept part is: its key's list, at its index. */
interface PartPlace {
  parts: (Part | undefined)[];
  index: number;
  part: Part;
}

/** The messages whose emitters, and whose consumers, an edit changed (undefined: everything changed). */
interface Changed {
  emitters: Set<string>;
  consumers: Set<string>;
}

/** A participant's reactions with the outputs without `on` read as answering its forward inputs (assumingOn), made once. */
interface Assumed {
  pairs: number;
  answered: ReadonlySet<Reaction>;
  reactions: ParticipantReactions | undefined;
}

/** Adds the messages `r` consumes (their consumers changed) and emits (their emitters changed). */
function messagesOf(r: ParticipantReactions, into: Changed): void {
  for (const x of r.reactions) {
    into.consumers.add(x.input.id);
    for (const l of x.onSuccess) into.emitters.add(l.target.id);
    for (const l of x.onFailure) into.emitters.add(l.target.id);
  }
}

/** The handlings (consumed message, emitted message) of `now` that `before` did not have, and whether `before` had some `now` has not. */
function handlingsChange(before: ParticipantReactions | undefined, now: ParticipantReactions | undefined): { added: Handling[]; lost: boolean } {
  const pairs = (r: ParticipantReactions | undefined) => {
    const out = new Map<string, Set<string>>();
    for (const x of r?.reactions ?? []) {
      // On success or on failure: the flow order follows successes first.
      const targets = out.get(x.input.id) ?? new Set<string>();
      for (const l of x.onSuccess) targets.add(`s${l.target.id}`);
      for (const l of x.onFailure) targets.add(`f${l.target.id}`);
      out.set(x.input.id, targets);
    }
    return out;
  };
  const had = pairs(before);
  const has = pairs(now);
  const added: Handling[] = [];
  for (const [input, outputs] of has) for (const output of outputs) if (!had.get(input)?.has(output)) added.push({ participant: now!.participant.id, input, output: output.slice(1) });
  const lost = [...had].some(([input, outputs]) => [...outputs].some((output) => !has.get(input)?.has(output)));
  return { added, lost };
}

type Handling = StructureEdit['reactionsAdded'][number];

export class LiveValidation {
  private doc: SagaDocument | undefined;
  private result: ValidationResult | undefined;
  private live: LiveGraph | undefined;
  /** Results of the structure (KeptStructure), set aside when an edit changes more than names. */
  private structure = new Map<string, unknown>();
  /** The results of the structure before the edit being followed, and what the edit changed in it. */
  private before: { structure: Map<string, unknown>; edit: StructureEdit & { reactionsAdded: Handling[]; reactionsLost: boolean } } | undefined;
  private readonly kept: KeptStructure = {
    get: (key, compute, update) => this.keptStructure(key, compute, update),
    part: (family, key, index, compute) => this.keptPart(family, key, index, compute),
  };
  /** Parts of results (KeptStructure.part), by key and index. */
  private parts = new WeakMap<object, (Part | undefined)[]>();
  /** Who read each message: the parts to forget when its emitters, or its consumers, change. */
  private readonly readers = { emitters: new Map<string, PartPlace[]>(), consumers: new Map<string, PartPlace[]>() };
  /** How many entries the readers index holds, and how many of them are of parts still kept. */
  private readersKept = 0;
  private readsLive = 0;
  /** What the edit being followed changed in structure (undefined: all of it). */
  private changed: Changed | undefined;
  /** Bumped when the set of commands named as compensations changes: reactions read it. */
  private compensations = 0;
  private readonly reactions = new Kept<NodeLinks, ParticipantReactions>();
  private readonly assumed = new Kept<ParticipantReactions, Assumed>();
  private table: { values: ParticipantReactions[]; map: ReadonlyMap<string, ParticipantReactions> } | undefined;
  private triggers: readonly MessageNode[] = [];
  private names: NameCounts | undefined;
  /** G003 and G004 as last found, and whether the edit since may change them. */
  private shared: { found: Diagnostic[]; stale: boolean } = { found: [], stale: true };
  private readonly memo: RuleMemo = {
    nodes: new Kept(),
    participants: new Kept(),
    links: new Kept(),
    sharedNames: (find) => {
      if (this.shared.stale) this.shared = { found: find(), stale: false };
      return this.shared.found;
    },
    sameAs: (_kind, value, equal) => {
      if (this.linkContext === undefined || !equal(this.linkContext as typeof value, value)) this.linkContext = value;
      return this.linkContext as typeof value;
    },
  };
  private linkContext: object | undefined;

  /** `validate(doc)`, from what the documents validated before left. */
  validate(doc: SagaDocument): ValidationResult {
    if (doc === this.doc && this.result) return this.result;
    const change = this.live && this.doc ? this.live.update(doc) : undefined;
    if (change) this.follow(change);
    else this.restart(doc);
    this.doc = doc;
    const live = this.live;
    if (!live) return (this.result = validate(doc));
    const g = live.graph;
    const reactions = this.reactionTable(g);
    this.dropChangedParts();
    const a = analysisOf(g, reactions, this.triggersOf(g, change), this.kept);
    return (this.result = validateAnalysis(a, classify(a), this.memo));
  }

  /** What the edit means for what is kept. */
  private follow(change: GraphChange): void {
    this.changed = { emitters: new Set(change.namesOnly ? [] : change.touched), consumers: new Set(change.namesOnly ? [] : change.touched) };
    if (!change.namesOnly) {
      const edit = { linksAdded: change.linksAdded, linksLost: change.linksLost, triggersBefore: this.triggers.map((t) => t.id), reactionsAdded: [], reactionsLost: false };
      this.before = { structure: this.structure, edit };
      this.structure = new Map();
    } else this.before = undefined;
    if (change.compensations) this.compensations++;
    const { removed, added, replaced, orderKept } = change.nodes;
    const alone = this.names!.apply([...removed, ...replaced.map(([before]) => before)], [...added, ...replaced.map(([, after]) => after)]);
    if (!alone || !orderKept) this.shared.stale = true;
  }

  /** Nothing kept can be trusted: the graph is built again. */
  private restart(doc: SagaDocument): void {
    this.live = LiveGraph.of(doc);
    this.structure.clear();
    this.before = undefined;
    this.parts = new WeakMap();
    this.readers.emitters.clear();
    this.readers.consumers.clear();
    this.readersKept = this.readsLive = 0;
    this.changed = undefined;
    this.compensations++;
    this.names = new NameCounts(doc.nodes);
    this.shared.stale = true;
    this.table = undefined;
  }

  private keptStructure<T>(key: string, compute: () => T, update?: (previous: T, edit: StructureEdit) => T | undefined): T {
    if (this.structure.has(key)) return this.structure.get(key) as T;
    const before = this.before;
    const updated = update && before?.structure.has(key) ? update(before.structure.get(key) as T, before.edit) : undefined;
    const value = updated !== undefined ? updated : compute();
    this.structure.set(key, value);
    return value;
  }

  private keptPart<T>(family: string, key: object, index: number, compute: () => { value: T; reads: PartReads }): T {
    let parts = this.parts.get(key);
    if (!parts) this.parts.set(key, (parts = []));
    let part = parts[index];
    if (part?.family !== family) {
      const found = compute();
      parts[index] = part = { family, value: found.value, reads: found.reads };
      this.reading({ parts, index, part });
      this.readsLive += part.reads.emitters.length + part.reads.consumers.length;
    }
    return part.value as T;
  }

  private reading(place: PartPlace): void {
    for (const side of ['emitters', 'consumers'] as const) {
      for (const id of place.part.reads[side]) {
        const readers = this.readers[side].get(id);
        if (readers) readers.push(place);
        else this.readers[side].set(id, [place]);
        this.readersKept++;
      }
    }
  }

  /** Forgets the kept parts that read what the edit changed. */
  private dropChangedParts(): void {
    const changed = this.changed;
    if (!changed) return;
    for (const side of ['emitters', 'consumers'] as const) {
      const readers = this.readers[side];
      for (const id of changed[side]) {
        for (const { parts, index, part } of readers.get(id) ?? []) {
          this.readersKept--;
          if (parts[index] !== part) continue;
          parts[index] = undefined;
          this.readsLive -= part.reads.emitters.length + part.reads.consumers.length;
        }
        readers.delete(id);
      }
    }
    // Parts found again leave their old readers behind: when they are most of the index, it is made again.
    if (this.readersKept > 2 * this.readsLive + 1_000) {
      const live = [...this.readers.emitters.values(), ...this.readers.consumers.values()].flat().filter((p) => p.parts[p.index] === p.part);
      this.readers.emitters.clear();
      this.readers.consumers.clear();
      this.readersKept = 0;
      for (const place of new Set(live)) this.reading(place);
    }
  }

  /** reactionTable(g, { assumeOn: true }), each participant's kept while its entry and the compensations stay the same. */
  private reactionTable(g: DesignGraph): ReadonlyMap<string, ParticipantReactions> {
    const budget = { left: ASSUMED_ON_BUDGET };
    const values: ParticipantReactions[] = [];
    for (const n of g.doc.nodes) {
      if (!isParticipant(n)) continue;
      const e = g.at(n.id)!;
      const base = this.reactions.get(e, this.compensations, undefined) ?? this.reactions.set(e, this.compensations, undefined, reactionsOf(g, n));
      values.push(this.assumingOn(g, base, budget));
    }
    const before = this.table;
    if (before && before.values.length === values.length && values.every((r, i) => r === before.values[i])) return before.map;
    this.table = { values, map: new Map(values.map((r) => [r.participant.id, r])) };
    // What a participant's reactions join changed in structure: its inputs and what it emits, before and after.
    // (Names only: what was kept is ids, and stays true.)
    if (before && this.changed && this.before) {
      for (const r of values) {
        const was = before.map.get(r.participant.id);
        if (was === r) continue;
        messagesOf(r, this.changed);
        if (was) messagesOf(was, this.changed);
        const { added, lost } = handlingsChange(was, r);
        this.before.edit.reactionsAdded.push(...added);
        if (lost) this.before.edit.reactionsLost = true;
      }
      for (const was of before.values) {
        if (this.table.map.has(was.participant.id)) continue;
        messagesOf(was, this.changed);
        if (handlingsChange(was, undefined).lost) this.before.edit.reactionsLost = true;
      }
    }
    return this.table.map;
  }

  /** assumingOn, with the copy kept for the same reactions. */
  private assumingOn(g: DesignGraph, r: ParticipantReactions, budget: { left: number }): ParticipantReactions {
    if (r.unbound.length === 0) return r;
    let assumed = this.assumed.get(r, this.compensations, undefined);
    if (!assumed) {
      const answered = answeredInputs(g, r);
      assumed = this.assumed.set(r, this.compensations, undefined, { pairs: r.unbound.length * answered.size, answered, reactions: undefined });
    }
    if (assumed.pairs > budget.left) return r;
    budget.left -= assumed.pairs;
    return (assumed.reactions ??= withAnswers(r, assumed.answered));
  }

  /**
   * The triggers: only nodes whose entries changed can start or stop being one; found again when
   * one starts being one other than a node added at the end (its place in the list is unknown).
   */
  private triggersOf(g: DesignGraph, change: GraphChange | undefined): readonly MessageNode[] {
    if (!change || !change.nodes.orderKept) return (this.triggers = triggersOf(g));
    const was = new Set(this.triggers.map((t) => t.id));
    const lost = new Set<string>();
    const gained = new Set<string>();
    for (const id of change.touched) {
      const n = g.node.get(id);
      const now = n !== undefined && isTrigger(n, g.at(id)!);
      if (was.has(id) && !now) lost.add(id);
      else if (!was.has(id) && now) gained.add(id);
    }
    const appended = change.nodes.appended ? change.nodes.added.filter((n) => gained.has(n.id)) : [];
    if (appended.length < gained.size) return (this.triggers = triggersOf(g));
    const now = [...this.triggers.filter((t) => !lost.has(t.id)).map((t) => g.node.get(t.id) as MessageNode), ...(appended as MessageNode[])];
    if (now.length !== this.triggers.length || now.some((t, i) => t !== this.triggers[i])) this.triggers = now;
    return this.triggers;
  }
}
