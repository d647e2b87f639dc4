/**
 * The Trade-offs panel's rows (spec §6.1): each measure with its headline figure, who it points
 * at, and a bar that reads at a glance. Every measure counts something where less is better; the
 * bar is that count as a share of what it could be at most (the participants, or the happy path),
 * so a full bar means "as bad as this design could make it". Messages, latency and test paths have
 * no such ceiling: they show their figure alone.
 */
import { MEASURE_KEYS, type MeasureKey, type Measures, type TradeOffs } from '../../analysis/measureKeys.ts';
import { headline, MEASURE_LABEL, worstName } from '../../analysis/measureWords.ts';

export interface ScoreRow {
  key: MeasureKey;
  /** “Coupling” */
  label: string;
  /** What the figure counts: “most dependencies” */
  counts: string;
  /** “3”, “86%”, “154 ms”, “–” when it could not be measured */
  value: string;
  /** 0..1, or undefined when the measure has no ceiling (or was not measured). */
  bar: number | undefined;
  /** Who it points at, in a few words. */
  worst: string | undefined;
  /** What it counts and who it points at: “most dependencies: OrderService”, “happy path (12 if Shipping fails)”. */
  about: string;
  /** The measure's sentence (or why it could not be measured). */
  message: string;
  nodes: string[];
  measured: boolean;
}

export function scorecard(t: TradeOffs, name: (id: string) => string): ScoreRow[] {
  const participants = t.measures.coupling.value === null ? 0 : t.measures.coupling.participants.length;
  return MEASURE_KEYS.map((key) => {
    const m = t.measures[key];
    const parts = labelParts(MEASURE_LABEL[key]);
    const worst = worstName(key, m, name);
    return {
      key,
      ...parts,
      about: aboutOf(parts.counts, worst),
      value: headline(key, m),
      bar: barOf(key, m, participants),
      worst,
      message: m.message,
      nodes: m.nodes,
      measured: m.value !== null,
    };
  });
}

/** The headline as a share of its ceiling; undefined when it has none. */
export function barOf(key: MeasureKey, m: Measures[MeasureKey], participants: number): number | undefined {
  if (m.value === null) return undefined;
  const share = (n: number, of: number) => (of <= 0 ? 0 : Math.min(1, n / of));
  switch (key) {
    case 'blastRadius':
      return share(m.value, 1);
    // Others than the one measured, or than the newcomer: at most every other participant.
    case 'coupling':
    case 'addReaction':
    case 'insertStep':
      return share(m.value, participants - 1);
    case 'schemaChange':
    case 'flowVisibility':
    case 'failureHandling':
      return share(m.value, participants);
    case 'messages':
    case 'latency':
    case 'testPaths':
      return undefined;
  }
}

/** “Coupling (most dependencies)” → the measure, and what its figure counts. */
function labelParts(label: string): { label: string; counts: string } {
  const open = label.indexOf(' (');
  return open < 0 ? { label, counts: '' } : { label: label.slice(0, open), counts: label.slice(open + 2, -1) };
}

function aboutOf(counts: string, worst: string | undefined): string {
  if (!worst) return counts;
  if (!counts) return worst;
  return worst.startsWith('(') ? `${counts} ${worst}` : `${counts}: ${worst}`;
}
