/**
 * Repairs a shared design the loader refused, so that it loads. People edit the shared document
 * at once and clients of other versions (or hostile ones) may write anything into it, so the
 * loader's checks are met here one by one: a record is checked against its own schema and its
 * broken fields removed (or, when required, given a plain value); a record still broken, or of an
 * unknown kind, is left out; ids are made unique across the lists; groups keep only nodes that
 * exist, each node in one group; lists are cut to the format's limits. Every repair is said.
 */
import type { z } from 'zod/mini';
import { listLimitProblem } from '../model/listLimits.ts';
import { explainIssue, formatPath } from '../model/load.ts';
import { quoted } from '../model/quote.ts';
import { documentSchema, edgeSchema, groupSchema, LIMITS, nodeSchema, noteSchema, scenarioSchema } from '../model/schema.ts';
import type { DesignRecord } from './diff.ts';
import { COLLECTIONS, type Collection } from './sharedDesign.ts';

/** A design as read from the shared document, before the loader's checks. */
export type RawDesign = Record<string, unknown>;

type Schema = z.ZodMiniType;
type Fallback = (record: DesignRecord) => unknown;

const RECORD_SCHEMA: Record<Collection, Schema> = { nodes: nodeSchema, edges: edgeSchema, notes: noteSchema, groups: groupSchema };
const RECORD_WORD: Record<Collection, string> = { nodes: 'node', edges: 'connection', notes: 'note', groups: 'group' };
const LIST_LIMIT: Record<Collection, number> = { nodes: LIMITS.maxNodes, edges: LIMITS.maxEdges, notes: LIMITS.maxNotes, groups: LIMITS.maxGroups };

/** Plain values for the required fields a record cannot do without; other broken fields are removed. */
const REQUIRED: Record<Collection, Readonly<Record<string, Fallback>>> = {
  nodes: { name: (r) => (r.id.trim() ? r.id.slice(0, LIMITS.maxNameLength) : 'Unnamed') },
  edges: {},
  notes: { text: () => '', position: () => ({ x: 0, y: 0 }) },
  groups: { name: () => 'Group', nodes: () => [] },
};

/** The design with every problem the loader would refuse repaired; `repairs` gets one sentence per repair. */
export function repairDesign(raw: RawDesign, repairs: string[]): RawDesign {
  const out: RawDesign = { format: raw.format, version: raw.version, name: 'Untitled design' };
  repairDesignFields(raw, out, repairs);
  for (const c of COLLECTIONS) {
    const records = (raw[c] as DesignRecord[] | undefined) ?? [];
    const kept: DesignRecord[] = [];
    for (const record of records) {
      const fixed = repairRecord(RECORD_SCHEMA[c], record, REQUIRED[c], `${RECORD_WORD[c]} ${quoted(record.id)}`, repairs);
      if (fixed) kept.push(fixed);
    }
    if (kept.length > LIST_LIMIT[c]) repairs.push(`${c}: ${kept.length} records, at most ${LIST_LIMIT[c]} are read; the rest left out`);
    out[c] = kept.slice(0, LIST_LIMIT[c]);
  }
  uniqueIds(out, repairs);
  repairGroups(out, repairs);
  repairListTotals(out, repairs);
  // As the shared document reads when it holds none (project.ts): no empty notes or groups lists.
  for (const c of ['notes', 'groups'] as const) if ((out[c] as unknown[]).length === 0) delete out[c];
  return out;
}

function repairDesignFields(raw: RawDesign, out: RawDesign, repairs: string[]): void {
  const shape = documentSchema.shape;
  for (const key of ['name', 'description', 'declaredStyle'] as const) {
    if (raw[key] === undefined) continue;
    const checked = shape[key].safeParse(raw[key], { reportInput: true });
    if (checked.success) out[key] = raw[key];
    else repairs.push(`design ${key}: ${explainIssue(checked.error.issues[0]!)}; ${key === 'name' ? 'named "Untitled design"' : 'removed'}`);
  }
  if (raw.scenarios === undefined) return;
  if (!Array.isArray(raw.scenarios)) {
    repairs.push('design scenarios: not a list; removed');
    return;
  }
  const scenarios = raw.scenarios.filter((s, i) => {
    const checked = scenarioSchema.safeParse(s, { reportInput: true });
    if (!checked.success) repairs.push(`scenario ${i + 1}: ${problem(checked.error.issues[0]!)}; left out`);
    return checked.success;
  });
  if (scenarios.length > LIMITS.maxScenarios) repairs.push(`scenarios: at most ${LIMITS.maxScenarios} are read; the rest left out`);
  if (scenarios.length > 0) out.scenarios = scenarios.slice(0, LIMITS.maxScenarios);
}

/** The record with its broken fields removed or replaced, or undefined when it cannot be kept. */
function repairRecord(schema: Schema, record: DesignRecord, required: Readonly<Record<string, Fallback>>, label: string, repairs: string[]): DesignRecord | undefined {
  const first = schema.safeParse(record, { reportInput: true });
  if (first.success) return record;
  const fixed: DesignRecord = { ...record };
  const said: string[] = [];
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key !== 'string' || key === 'id' || key === 'kind') return leftOut(label, issue, repairs);
    const fallback = Object.hasOwn(required, key) ? required[key] : undefined;
    if (fallback) fixed[key] = fallback(fixed);
    else delete fixed[key];
    said.push(`${label}: ${problem(issue)}; ${fallback ? 'replaced' : 'removed'}`);
  }
  const second = schema.safeParse(fixed, { reportInput: true });
  if (!second.success) return leftOut(label, second.error.issues[0]!, repairs);
  repairs.push(...said);
  return fixed;
}

function leftOut(label: string, issue: z.core.$ZodIssue, repairs: string[]): undefined {
  repairs.push(`${label}: ${problem(issue)}; left out`);
  return undefined;
}

/** `latencyMs: must be at least 0, got -5` */
const problem = (issue: z.core.$ZodIssue): string => (issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '') + explainIssue(issue);

/** Nodes, connections, notes and groups share one id space: a later record with a taken id goes. */
function uniqueIds(design: RawDesign, repairs: string[]): void {
  const seen = new Set<string>();
  for (const c of COLLECTIONS) {
    design[c] = (design[c] as DesignRecord[]).filter((r) => {
      if (!seen.has(r.id)) return seen.add(r.id);
      repairs.push(`${RECORD_WORD[c]} ${quoted(r.id)}: the id is taken by another record; left out`);
      return false;
    });
  }
}

/** Groups keep only nodes of the design, each node in the first group that names it; empty groups go. */
function repairGroups(design: RawDesign, repairs: string[]): void {
  const nodes = new Set((design.nodes as DesignRecord[]).map((n) => n.id));
  const placed = new Set<string>();
  design.groups = (design.groups as DesignRecord[]).flatMap((group) => {
    const members = (group.nodes as string[]).filter((id) => nodes.has(id) && !placed.has(id) && placed.add(id));
    const label = `group ${quoted(group.id)}`;
    if (members.length === 0) {
      repairs.push(`${label}: none of its nodes is in the design; left out`);
      return [];
    }
    if (members.length < (group.nodes as string[]).length) repairs.push(`${label}: nodes that are gone or in another group left out`);
    return [{ ...group, nodes: members }];
  });
}

/** Too many `on` entries in all (spec limits): `on` lists go, then scenarios. */
function repairListTotals(design: RawDesign, repairs: string[]): void {
  if (!listLimitProblem(design)) return;
  repairs.push('connections: too many "on" entries in all; the "on" lists removed');
  design.edges = (design.edges as DesignRecord[]).map(({ on: _on, ...edge }) => edge);
  if (!listLimitProblem(design)) return;
  repairs.push('scenarios: too many faults in all; scenarios removed');
  delete design.scenarios;
}
