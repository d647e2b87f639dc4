/**
 * One sentence per criterion of a comparison (spec §6.3), in the terms of the articles Sagaboard
 * comes from: which design couples less, has the smaller single point of failure, keeps its flow
 * and its compensation in fewer places, takes a new reaction or step with fewer changes, sends
 * fewer messages, runs faster, has fewer paths to test — with both designs' figures. A design
 * is named by its style when the two differ ("The choreography couples less: …"), by its name
 * otherwise.
 */
import { shortened, type SagaDocument, type Style } from '../model/index.ts';
import { count, someNames } from '../model/measures/measure.ts';
import { MEASURE_KEYS, MEASURE_TITLE, type MeasureKey, type Measures } from './measureKeys.ts';
import { betterMeasure } from './betterSide.ts';

/** What a sentence needs of each design: how to call it, and its participants' and messages' names. */
export interface VerdictSide {
  /** "the orchestration", "“Order fulfilment”", "design A". */
  subject: string;
  nameOf(id: string): string;
}

/**
 * How to call each design in a sentence: by style when the styles differ, by name when the names
 * differ, else by `places` ("design A", "the left design").
 */
export function verdictSides(docs: readonly [SagaDocument, SagaDocument], styles: readonly [Style, Style], places: readonly [string, string] = ['design A', 'design B']): [VerdictSide, VerdictSide] {
  const named = (styles[0] !== styles[1] && styles.every((s) => s !== 'undetermined')) ? styles.map((s) => `the ${s}`) : docs[0].name !== docs[1].name ? docs.map((d) => `“${shortened(d.name, 40)}”`) : places;
  return [0, 1].map((i) => {
    const names = new Map(docs[i]!.nodes.map((n) => [n.id, n.name]));
    return { subject: named[i]!, nameOf: (id: string) => names.get(id) ?? id };
  }) as [VerdictSide, VerdictSide];
}

/** The verdict on every measure, keyed like the comparison's measures. */
export function measureVerdicts(measures: { [K in MeasureKey]: readonly [Measures[K], Measures[K]] }, sides: readonly [VerdictSide, VerdictSide]): Record<MeasureKey, string> {
  return Object.fromEntries(MEASURE_KEYS.map((key) => [key, measureVerdict(key, measures[key], sides)])) as Record<MeasureKey, string>;
}

/** One sentence: which design is better on `key` and by how much, that they are even, or why it cannot be said. */
export function measureVerdict<K extends MeasureKey>(key: K, pair: readonly [Measures[K], Measures[K]], sides: readonly [VerdictSide, VerdictSide]): string {
  const [ma, mb] = pair;
  if (ma.value === null || mb.value === null) return unmeasuredVerdict(key, pair, sides);
  const side = betterMeasure(pair);
  const words = SENTENCES[key] as Sentences<K>;
  if (side === 'same') return sentence(words.same(view(ma, sides[0]), view(mb, sides[1])));
  const [x, y] = side === 'a' ? [0, 1] : [1, 0];
  return sentence(words.better(view(pair[x]!, sides[x]!), view(pair[y]!, sides[y]!)));
}

/** A measured side as a sentence sees it. */
interface View<M> {
  m: M;
  v: number;
  subject: string;
  /** Names of these ids, a few at most. */
  names(ids: readonly string[]): string;
}

type MeasuredOf<K extends MeasureKey> = Extract<Measures[K], { value: number }>;

interface Sentences<K extends MeasureKey> {
  /** `x` is better than `y`. */
  better(x: View<MeasuredOf<K>>, y: View<MeasuredOf<K>>): string;
  /** Even. */
  same(a: View<MeasuredOf<K>>, b: View<MeasuredOf<K>>): string;
}

function view<K extends MeasureKey>(m: Measures[K], side: VerdictSide): View<MeasuredOf<K>> {
  const measured = m as MeasuredOf<K>;
  return { m: measured, v: measured.value, subject: side.subject, names: (ids) => someNames(ids.map(side.nameOf), 3) };
}

const worstName = (x: View<{ worst: string | null }>): string => (x.m.worst === null ? '' : x.names([x.m.worst]));
const figure = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const places = (n: number): string => (n === 1 ? 'one place' : count(n, 'place'));
const percent = (share: number): string => `${Math.round(share * 100)}%`;
/** Both names when they differ, one when they are the same. */
const eachOrBoth = (a: string, b: string): string => (a === b ? a : `${a} and ${b}`);

/** Who must change for a new reaction to the costliest message, and for the costliest insertion. */
const reactionWho = (x: View<MeasuredOf<'addReaction'>>): string => x.names(x.m.messages.find((r) => r.id === x.m.worst)?.participants ?? []);
const insertionWho = (x: View<MeasuredOf<'insertStep'>>): string => x.names(x.m.positions.find((p) => p.count === x.m.max)?.participants ?? []);

const SENTENCES: { [K in MeasureKey]: Sentences<K> } = {
  coupling: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} couples less: no participant depends on another, while ${worstName(y)} depends on ${count(y.v, 'other')}`
        : `${x.subject} couples less: ${worstName(x)} depends on ${count(x.v, 'other')}, ${worstName(y)} on ${y.v}`,
    same: (a, b) =>
      a.v === 0
        ? 'Neither couples its participants: none depends on another'
        : worstName(a) === worstName(b)
          ? `Coupled alike: ${worstName(a)} depends on ${count(a.v, 'other')} in both`
          : `Coupled alike: ${worstName(a)} and ${worstName(b)} each depend on ${count(a.v, 'other')}`,
  },
  blastRadius: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} has no single point of failure on the happy path, while in ${y.subject} ${worstName(y)} down stops ${percent(y.v)} of it`
        : `${x.subject} has the smaller single point of failure: ${worstName(x)} down stops ${percent(x.v)} of the happy path, ${worstName(y)} down ${percent(y.v)}`,
    same: (a, b) =>
      a.v === 0
        ? 'Neither has a single point of failure on the happy path'
        : worstName(a) === worstName(b)
          ? `The same single point of failure: while ${worstName(a)} is down, ${percent(a.v)} of the happy path stops in both`
          : `As exposed in both: ${percent(a.v)} of the happy path stops while ${worstName(a)} is down in ${a.subject}, ${worstName(b)} in ${b.subject}`,
  },
  schemaChange: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} is cheaper to evolve: no schema change touches a participant, while changing ${worstName(y)} touches ${count(y.v, 'participant')}`
        : `${x.subject} is cheaper to evolve: changing ${worstName(x)} touches ${count(x.v, 'participant')}, changing ${worstName(y)} ${y.v}`,
    same: (a) => (a.v === 0 ? 'No schema change touches a participant in either' : `Evolving alike: a schema change touches at most ${count(a.v, 'participant')} in both`),
  },
  addReaction: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} takes a new reaction without touching anyone: the newcomer subscribes to an event, while in ${y.subject} ${reactionWho(y)} must change to command it`
        : `${x.subject} takes a new reaction with fewer changes: ${count(x.v, 'participant')} (${reactionWho(x)}), against ${y.v} (${reactionWho(y)})`,
    same: (a, b) =>
      a.v === 0
        ? 'Both take a new reaction by subscription: no other participant changes'
        : `In both, a new reaction needs another participant to command it: ${eachOrBoth(reactionWho(a), reactionWho(b))} must change`,
  },
  insertStep: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} takes a new step without touching anyone, while in ${y.subject} ${count(y.v, 'participant')} change (${insertionWho(y)})`
        : `${x.subject} takes a new step with fewer changes: at most ${count(x.v, 'participant')} (${insertionWho(x)}), against ${y.v} (${insertionWho(y)})`,
    same: (a) => (a.v === 0 ? 'Inserting a step changes no other participant in either' : `Inserting a step changes at most ${count(a.v, 'participant')} in both`),
  },
  flowVisibility: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} holds no flow logic to read, while ${y.subject} spreads it over ${count(y.v, 'participant')}`
        : x.v === 1
          ? `${x.subject} keeps the whole flow in one place (${x.names(x.m.participants)}), while ${y.subject} spreads it over ${count(y.v, 'participant')}`
          : `${x.subject} spreads its flow over fewer places: ${x.v} to read (${x.names(x.m.participants)}), against ${y.v}`,
    same: (a, b) =>
      a.v === 0
        ? 'Neither holds flow logic: there is no flow to follow'
        : a.v === 1
          ? `Both keep the whole flow in one place (${eachOrBoth(a.names(a.m.participants), b.names(b.m.participants))})`
          : `The flow is spread over ${count(a.v, 'participant')} in both`,
  },
  failureHandling: {
    better: (x, y) =>
      x.v === 0
        ? `${x.subject} has no compensation to coordinate, while ${y.subject} decides it in ${places(y.v)} (${y.names(y.m.participants)})`
        : x.v === 1
          ? `${x.subject} centralises compensation in one place (${x.names(x.m.participants)}), while ${y.subject} distributes it over ${places(y.v)} (${y.names(y.m.participants)})`
          : `${x.subject} decides compensation in fewer places: ${x.v} (${x.names(x.m.participants)}), against ${y.v} (${y.names(y.m.participants)})`,
    same: (a, b) =>
      a.v === 0
        ? 'Neither design decides on compensation'
        : a.v === 1
          ? `Both centralise compensation in one place (${eachOrBoth(a.names(a.m.participants), b.names(b.m.participants))})`
          : `Compensation is decided in ${count(a.v, 'place')} in both`,
  },
  messages: {
    better: (x, y) => `${x.subject} is less chatty: ${count(x.v, 'message')} per saga without failure, against ${figure(y.v)}`,
    same: (a) => `Both send ${count(a.v, 'message')} per saga without failure`,
  },
  latency: {
    better: (x, y) => `${x.subject} is faster on the happy path: ${figure(x.v)} ms, against ${figure(y.v)} ms`,
    same: (a) => `Both take ${figure(a.v)} ms on the happy path`,
  },
  testPaths: {
    better: (x, y) => `${x.subject} has fewer end-to-end paths to test: ${figure(x.v)}, against ${figure(y.v)}`,
    same: (a) => `Both have ${count(a.v, 'end-to-end path')} to test`,
  },
};

function unmeasuredVerdict<K extends MeasureKey>(key: K, [ma, mb]: readonly [Measures[K], Measures[K]], [a, b]: readonly [VerdictSide, VerdictSide]): string {
  const why = (m: Measures[MeasureKey]) => ('reason' in m ? m.reason : '').replace(/\.$/, '');
  const title = MEASURE_TITLE[key];
  if (ma.value === null && mb.value === null) {
    return why(ma) === why(mb)
      ? sentence(`${title} is not measured in either design: ${why(ma)}`)
      : sentence(`${title} is not measured: in ${a.subject}, ${why(ma)}; in ${b.subject}, ${why(mb)}`);
  }
  const [side, m]: [VerdictSide, Measures[MeasureKey]] = ma.value === null ? [a, ma] : [b, mb];
  return sentence(`${title} is not measured in ${side.subject}, so no side wins: ${why(m)}`);
}

/** A capital first and a full stop. */
function sentence(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}
