/** What a conversion did (spec §6.2): every decision, and every place where behaviour may differ. */
import type { Style } from '../classify.ts';
import type { SagaDocument } from '../schema.ts';

export type ConversionTarget = 'orchestration' | 'choreography';

export interface ConversionNote {
  /** A sentence naming nodes by their names. */
  message: string;
  /** Ids of the nodes it is about, in the converted design. */
  nodes: string[];
}

export interface BehaviourDifference extends ConversionNote {
  /** Participants (ids, the same in both designs) whose business failure may end differently. */
  participants: string[];
  /**
   * Participants that, in the conversion, also undo a handling that changed nothing (a query
   * step turned into a reaction): their undo is a no-op the original did not need.
   */
  noOpUndo?: string[];
}

export interface ConversionReport {
  from: Style;
  to: ConversionTarget;
  /** The style the converted design reads as (a hybrid when fire-and-forget reactions stay subscribers). */
  style: Style;
  decisions: ConversionNote[];
  differences: BehaviourDifference[];
}

export type ConversionResult = { ok: true; doc: SagaDocument; report: ConversionReport } | { ok: false; reason: string };

/** The report as text, for the command line: one line per decision and difference. */
export function reportText(report: ConversionReport, sourceName: string, resultName: string): string {
  const style = (s: string) => (s === 'orchestration' ? 'an orchestration' : s === 'choreography' ? 'a choreography' : `a ${s}`);
  const lines = [`Converted ${sourceName}, ${style(report.from)}, to ${resultName}, ${style(report.style)}.`, '', 'Decisions:'];
  for (const d of report.decisions) lines.push(`  - ${d.message}`);
  lines.push('', report.differences.length ? 'Where behaviour may differ:' : 'Behaviour: the same outcome for no fault and for a business failure of each participant.');
  for (const d of report.differences) lines.push(`  - ${d.message}`);
  return lines.join('\n');
}
