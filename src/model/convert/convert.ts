/**
 * `convert(doc, to)` (spec §6.2): a new design in the other style from the same participants,
 * with a report of every decision and every place where behaviour may differ; or a refusal with
 * the reason, when the design cannot be converted (nothing is created then). Pure; the result has
 * no positions (the caller lays it out: see src/layout/converted.ts).
 */
import { analyse, listing } from '../analysis.ts';
import { classify } from '../classify.ts';
import { isParticipant } from '../graph.ts';
import type { OrchestratorNode, SagaDocument } from '../schema.ts';
import { validate } from '../validate.ts';
import { within } from './draft.ts';
import type { Converted } from './outputs.ts';
import type { ConversionResult, ConversionTarget } from './report.ts';
import { toChoreography } from './to-choreography.ts';
import { toOrchestration } from './to-orchestration.ts';

const STYLE_NAME = { orchestration: 'an orchestration', choreography: 'a choreography', hybrid: 'a hybrid', undetermined: 'undetermined' } as const;
const ADJECTIVE = { orchestration: 'orchestrated', choreography: 'choreographed' } as const;

export interface ConvertOptions {
  /** To an orchestration: fire-and-forget reactions stay subscribers (the result is then a hybrid). */
  keepFireAndForget?: boolean;
}

export function convert(doc: SagaDocument, to: ConversionTarget, options: ConvertOptions = {}): ConversionResult {
  if (doc.nodes.length === 0) return refuse('the design is empty: there is nothing to convert');
  if (!doc.nodes.some(isParticipant)) return refuse('the design has no services or orchestrators: there is nothing to convert');
  const a = analyse(doc);
  if (a.triggers.length === 0) return refuse('the design has no trigger (G011): nothing starts the process, so there is no flow to convert');
  const verdict = classify(a);
  if (verdict.style === 'undetermined') return refuse(`the design shows no style yet: ${verdict.reasons[0] ?? ''}`.trim());
  if (verdict.style === to) return refuse(`the design already is ${STYLE_NAME[to]}`);
  const from = to === 'orchestration' ? 'choreography' : 'orchestration';
  if (verdict.style !== from) return refuse(`the design is ${STYLE_NAME[verdict.style]}: Sagaboard converts ${STYLE_NAME[from]} to ${STYLE_NAME[to]}`);
  const errors = validate(doc).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    return refuse(`the design has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first: ${errors.slice(0, 2).map((d) => `${d.message} (${d.rule})`).join(' ')}${errors.length > 2 ? ' …' : ''}`);
  if (a.triggers.length > 1) return refuse(`the design has ${a.triggers.length} triggers (${a.names(a.triggers.map((t) => t.id))}): Sagaboard converts designs that start one way`);

  let converted: Converted | string = to === 'choreography' ? toChoreography(a, orchestratorOf(doc), { endSubscriptions: true }) : toOrchestration(a, { keepFireAndForget: options.keepFireAndForget === true });
  if (typeof converted === 'string') return refuse(converted);
  let result = finish(doc, converted, to);
  let check = validate(result);
  // The former orchestrator must not become a hidden orchestrator (C007): it then leaves the end events alone.
  if (to === 'choreography' && check.style === 'hybrid' && check.coordinator === orchestratorOf(doc).id) {
    converted = toChoreography(a, orchestratorOf(doc), { endSubscriptions: false });
    result = finish(doc, converted, to);
    check = validate(result);
  }
  const wrong = check.diagnostics.filter((d) => d.severity === 'error');
  if (wrong.length > 0 && to === 'orchestration' && wrong.some((d) => d.rule === 'O006' || d.rule === 'O007' || d.rule === 'O009'))
    return refuse(
      `the reactions cannot be put in the order of one saga (steps that are undone, then one pivot, then steps retried until they succeed): parallel branches each have a step that can fail and is never undone. ${wrong[0]!.message} (${wrong[0]!.rule})`,
    );
  if (wrong.length > 0)
    return refuse(`the converted design would have ${wrong.length} error${wrong.length === 1 ? '' : 's'}: ${wrong.slice(0, 2).map((d) => `${d.message} (${d.rule})`).join(' ')}${wrong.length > 2 ? ' …' : ''}`);
  if (check.style !== to && !(options.keepFireAndForget && check.style === 'hybrid')) return refuse(`the converted design would read as ${STYLE_NAME[check.style]}: ${check.reasons.join(' ')}`);
  const decisions = unique(converted.decisions);
  const differences = unique(converted.differences);
  if (doc.scenarios?.length)
    decisions.push({ message: `The scenarios (${listing(doc.scenarios.map((s) => s.name))}) are not carried over: their faults name nodes of the original.`, nodes: [] });
  return { ok: true, doc: result, report: { from, to, style: check.style, decisions, differences } };
}

const unique = <T extends { message: string }>(notes: readonly T[]): T[] => [...new Map(notes.map((n) => [n.message, n])).values()];

const orchestratorOf = (doc: SagaDocument): OrchestratorNode => doc.nodes.find((n): n is OrchestratorNode => n.kind === 'orchestrator')!;

function refuse(reason: string): ConversionResult {
  return { ok: false, reason: `Cannot convert: ${reason}.`.replace(/\.\.$/, '.') };
}

/** The converted document: the original's name with the new style, declared. */
function finish(doc: SagaDocument, converted: Converted, to: ConversionTarget): SagaDocument {
  const other = ADJECTIVE[to === 'orchestration' ? 'choreography' : 'orchestration'];
  const suffix = ` (${ADJECTIVE[to]})`;
  const name = doc.name.includes(`(${other})`) ? within(doc.name.replace(`(${other})`, `(${ADJECTIVE[to]})`)) : `${within(doc.name.trim(), suffix.length)}${suffix}`;
  const { scenarios: _s, ...rest } = converted.draft.document({ name, declaredStyle: to, description: `Converted by Sagaboard from ${doc.name.trim()}, ${STYLE_NAME[to === 'orchestration' ? 'choreography' : 'orchestration']}.` });
  return rest;
}
