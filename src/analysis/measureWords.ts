/** The trade-off measures in words, for the command line and the app: a label per measure, its headline value, who it points at. */
import type { MeasureKey, Measures } from './analyse.ts';
import { countText } from '../model/countText.ts';

/** The measure and what its headline figure counts. */
export const MEASURE_LABEL: Readonly<Record<MeasureKey, string>> = {
  coupling: 'Coupling (most dependencies)',
  blastRadius: 'Blast radius (single point of failure)',
  schemaChange: 'Schema change (participants touched)',
  addReaction: 'Adding a reaction (others changed)',
  insertStep: 'Inserting a step (others changed)',
  flowVisibility: 'Flow visibility (places to read)',
  failureHandling: 'Failure handling (places deciding)',
  messages: 'Messages (happy path)',
  latency: 'Latency (happy path)',
  testPaths: 'Test paths',
};

/** The headline value: `100%` for a share, `154 ms` for a duration, `–` when it could not be measured. */
export function headline(key: MeasureKey, m: Measures[MeasureKey]): string {
  if (m.value === null) return '–';
  if (key === 'blastRadius') return `${Math.round(m.value * 100)}%`;
  if (key === 'latency') return `${formatNumber(m.value)} ms`;
  return formatNumber(m.value);
}

/** Who the measure points at, in a few words: the worst participant or message, the places, the worst failure. */
export function worstName(key: MeasureKey, m: Measures[MeasureKey], name: (id: string) => string): string | undefined {
  if (m.value === null) return undefined;
  const names = (ids: readonly string[]) => (ids.length === 0 ? undefined : ids.map(name).join(', '));
  switch (key) {
    case 'coupling':
    case 'blastRadius':
    case 'schemaChange': {
      const worst = (m as { worst: string | null }).worst;
      return worst === null ? undefined : name(worst);
    }
    case 'addReaction': {
      const r = m as Extract<Measures['addReaction'], { messages: unknown }>;
      return names(r.messages.find((x) => x.id === r.worst)?.participants ?? []);
    }
    case 'insertStep': {
      const r = m as Extract<Measures['insertStep'], { positions: unknown }>;
      return names(r.positions.find((p) => p.count === r.max)?.participants ?? []);
    }
    case 'flowVisibility':
    case 'failureHandling':
      return names((m as { participants: string[] }).participants);
    case 'messages': {
      const failures = (m as Extract<Measures['messages'], { failures: unknown }>).failures;
      let worst = failures[0];
      for (const f of failures) if (f.messages > worst!.messages) worst = f;
      return worst && `(${worst.messages} if ${name(worst.participant)} fails)`;
    }
    case 'latency': {
      const steps = (m as Extract<Measures['latency'], { steps: unknown }>).steps;
      return `(${steps} step${steps === 1 ? '' : 's'} in a row)`;
    }
    case 'testPaths':
      return undefined;
  }
}

let oneDecimal: Intl.NumberFormat | undefined;
/**
 * A figure: a whole number grouped (countText), else one decimal. The decimal formatter is made
 * once, when first needed (toLocaleString builds one per call, and the first one made in a page
 * costs 15–30 ms).
 */
export const formatNumber = (n: number): string => (Number.isInteger(n) ? countText(n) : (oneDecimal ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })).format(n));
