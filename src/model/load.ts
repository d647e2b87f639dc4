/**
 * Reading a design from text or parsed JSON: format and version check, migration, schema
 * check, unique ids. Never throws on bad input: the result says what is wrong and where.
 */
import { z } from 'zod/mini';
import type { Fragment } from './operations.ts';
import { listLimitProblem } from './listLimits.ts';
import { migrate, type RawDocument } from './migrations.ts';
import { quoted, shortened, withoutByteOrderMark } from './quote.ts';
import { CURRENT_VERSION, documentSchema, LIMITS, type SagaDocument } from './schema.ts';
import { compileFastPath } from './schemaFastPath.ts';

/** The largest design file Sagaboard reads, in characters. */
export const MAX_FILE_CHARS = 20 * 1024 * 1024;

export interface LoadError {
  /** One sentence: what is wrong, where, and what was expected. */
  message: string;
  /** Where in the document, as `nodes[3].failureRate`; absent for whole-file problems. */
  path?: string;
}

export type LoadResult = { ok: true; doc: SagaDocument } | { ok: false; error: LoadError };

const fail = (message: string, path?: string): LoadResult => ({
  ok: false,
  error: path === undefined ? { message } : { message, path },
});

/** Parses the text of a `*.sagaboard.json` file into a checked, current-version document. */
export function loadDocument(text: string): LoadResult {
  const json = parseJsonText(text);
  return json.ok ? parseDocument(json.value) : fail(json.message);
}

/** The JSON value in a text, or why there is none: too big, empty, or not JSON (`syntax`). */
export type JsonText = { ok: true; value: unknown } | { ok: false; why: 'size' | 'empty' | 'syntax'; message: string };

/**
 * The JSON in the text of a design file, link or paste: at most MAX_FILE_CHARS, a leading byte
 * order mark ignored (editors on Windows write one), and a parse error quoted with its invisible
 * characters shown. Every way a design comes in reads its text here.
 */
export function parseJsonText(text: string): JsonText {
  if (text.length > MAX_FILE_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, why: 'size', message: `the file is ${mb} MB; Sagaboard opens designs up to ${MAX_FILE_CHARS / 1024 / 1024} MB` };
  }
  const body = withoutByteOrderMark(text);
  if (body.trim() === '') return { ok: false, why: 'empty', message: 'the file is empty; expected a Sagaboard design (JSON)' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return { ok: false, why: 'syntax', message: `not JSON: ${shortened((e as Error).message, 200)}` };
  }
}

/** Checks an already parsed JSON value and brings it to the current version. */
export function parseDocument(raw: unknown): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(`expected a JSON object with "format": "sagaboard", got ${describe(raw)}`);
  }
  const obj = raw as RawDocument;
  if (obj.format !== 'sagaboard') {
    return obj.format === undefined
      ? fail('not a Sagaboard design: the "format" field is missing (expected "sagaboard")', 'format')
      : fail(`not a Sagaboard design: "format" is ${describe(obj.format)}, expected "sagaboard"`, 'format');
  }
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(`"version" must be a whole number from 1, got ${describe(version)}`, 'version');
  }
  if (version > CURRENT_VERSION) {
    return fail(
      `made by a newer Sagaboard: this design is version ${version}, this Sagaboard reads up to version ${CURRENT_VERSION}; update Sagaboard to open it`,
      'version',
    );
  }
  const migrated = migrate(obj, version);
  const tooMany = listLimitProblem(migrated);
  if (tooMany) return fail(tooMany.message, tooMany.path);
  const wellFormed = documentFastPath(migrated);
  if (wellFormed) return checkIds(wellFormed);
  const checked = documentSchema.safeParse(migrated, { reportInput: true });
  if (!checked.success) return schemaError(checked.error);
  return checkIds(checked.data);
}

/** The schema check of a well-formed design, fast (schemaFastPath.ts); undefined when zod must look. */
const documentFastPath = compileFastPath(documentSchema);

/** The lists that share one id space (spec §1.2a), in the order their ids are checked. */
const ID_LISTS = ['nodes', 'edges', 'notes', 'groups'] as const;

/** Where an id is first used, as a list and an index (`nodes[3]` is {list: 0, index: 3}); kept as one number, a string per element would cost as much as the check. */
const placeOf = (list: number, index: number): number => index * ID_LISTS.length + list;
const describePlace = (place: number): string => `${ID_LISTS[place % ID_LISTS.length]}[${Math.floor(place / ID_LISTS.length)}]`;

/**
 * What the schema cannot see: ids unique across nodes, connections, notes and groups (one id
 * space, spec §1.2a), and groups naming only nodes of the design, each node in one group at most.
 */
function checkIds(doc: SagaDocument): LoadResult {
  // A set of ids, not a map to where each is: a duplicate is rare, and its first use is looked for then.
  const seen = new Set<string>();
  for (let k = 0; k < ID_LISTS.length; k++) {
    const list = doc[ID_LISTS[k]!] ?? [];
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!.id;
      if (seen.has(id)) {
        const where = describePlace(placeOf(k, i));
        return fail(`duplicate id ${quoted(id)}: used by ${describePlace(firstPlaceOf(doc, id)!)} and ${where}; every node, connection, note and group needs its own id`, `${where}.id`);
      }
      seen.add(id);
    }
  }
  return doc.groups && doc.groups.length > 0 ? checkGroups(doc, doc.groups) : { ok: true, doc };
}

/** Where `id` is first used (placeOf), or undefined when nothing of the design has it. */
function firstPlaceOf(doc: SagaDocument, id: string): number | undefined {
  for (let k = 0; k < ID_LISTS.length; k++) {
    const i = (doc[ID_LISTS[k]!] ?? []).findIndex((x) => x.id === id);
    if (i >= 0) return placeOf(k, i);
  }
  return undefined;
}

/** Every id in a group names a node, and no node is in two groups (or twice in one). */
function checkGroups(doc: SagaDocument, groups: NonNullable<SagaDocument['groups']>): LoadResult {
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  /** Node id -> where it was listed first. */
  const member = new Map<string, { group: number; path: string }>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    for (let k = 0; k < group.nodes.length; k++) {
      const id = group.nodes[k]!;
      const path = `groups[${g}].nodes[${k}]`;
      if (!nodeIds.has(id)) {
        const place = firstPlaceOf(doc, id);
        const what = place === undefined ? 'no node of the design has this id' : `that is the id of ${describePlace(place)}, not of a node`;
        return fail(`${path}: group ${quoted(group.name)} names ${quoted(id)}, but ${what}; a group holds nodes only`, path);
      }
      const first = member.get(id);
      if (first !== undefined) {
        const where = first.group === g ? `twice in group ${quoted(group.name)}` : `in two groups, ${quoted(groups[first.group]!.name)} and ${quoted(group.name)}`;
        return fail(`${path}: node ${quoted(id)} is ${where} (${first.path} and ${path}); a node belongs to one group at most`, path);
      }
      member.set(id, { group: g, path });
    }
  }
  return { ok: true, doc };
}

function schemaError(error: z.core.$ZodError): LoadResult {
  const issues = withoutEchoes(error.issues);
  const issue = issues[0]!;
  const path = formatPath(issue.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return fail(`${path || 'document'}: ${explainIssue(issue)}${more}`, path);
}

/**
 * Drops the range issues that only echo another issue at the same place: zod measures a value of
 * the wrong type against the bounds of the right one (a 100,000-character string where the node
 * list belongs is also "too long"), and a whole number beyond ±2^53 against the safe-integer
 * range as well as the field's own bounds (which are what the user must keep to).
 */
function withoutEchoes(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  type RangeIssue = z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall;
  const isRange = (i: z.core.$ZodIssue): i is RangeIssue => i.code === 'too_big' || i.code === 'too_small';
  const samePath = (a: z.core.$ZodIssue, b: z.core.$ZodIssue) => a.path.length === b.path.length && a.path.every((p, k) => p === b.path[k]);
  const echoes = (i: RangeIssue, o: z.core.$ZodIssue) =>
    o !== i && samePath(o, i) && (o.code === 'invalid_type' || (i.origin === 'int' && isRange(o) && o.origin !== 'int'));
  return issues.filter((i) => !isRange(i) || !issues.some((o) => echoes(i, o)));
}

/** `['nodes', 3, 'name']` -> `nodes[3].name` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** One schema issue in words, e.g. `must be at most 1, got 2` (without its path). */
export function explainIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === Infinity || issue.input === -Infinity) return 'must be a finite number, got a number too large to represent';
      return `expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, got ${issue.input === undefined ? 'nothing (the field is missing)' : describe(issue.input)}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        const input = issue.input as Record<string, unknown> | undefined;
        const key = 'discriminator' in issue ? String(issue.discriminator) : '';
        const got = input && typeof input === 'object' && key ? input[key] : input;
        return `expected one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}, got ${describe(got)}`;
      }
      return issue.message;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${describe(issue.input)}`;
      return issue.message.replace(/^Too small: /, '');
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return `must be at most ${String(issue.maximum)}, got ${describe(issue.input)}`;
      if (issue.origin === 'array') return `too many entries: at most ${String(issue.maximum)} are allowed`;
      return `too long: at most ${String(issue.maximum)} characters`;
    case 'not_multiple_of':
      return `must be a whole number, got ${describe(issue.input)}`;
    default:
      return issue.message;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return String(value);
  }
}

export { LIMITS };

const fragmentSchema = z.object({
  format: z.literal('sagaboard-fragment'),
  nodes: documentSchema.shape.nodes,
  edges: documentSchema.shape.edges,
  notes: documentSchema.shape.notes,
  groups: documentSchema.shape.groups,
});

export type FragmentResult = { ok: true; fragment: Fragment } | { ok: false; error: LoadError };

/**
 * Reads clipboard text as a piece of a design: a copied fragment, or a whole design (whose
 * nodes and connections are pasted). Anything else is refused with a message.
 */
export function loadFragment(text: string): FragmentResult {
  const json = parseJsonText(text);
  if (!json.ok && json.why === 'size') return { ok: false, error: { message: json.message.replace('the file', 'the pasted text') } };
  if (!json.ok) return { ok: false, error: { message: 'the clipboard does not hold a Sagaboard design or selection (not JSON)' } };
  const raw = json.value;
  if (typeof raw === 'object' && raw !== null && (raw as RawDocument).format === 'sagaboard') {
    const whole = parseDocument(raw);
    if (!whole.ok) return whole;
    const { nodes, edges, notes, groups } = whole.doc;
    return { ok: true, fragment: { format: 'sagaboard-fragment', nodes, edges, ...(notes && { notes }), ...(groups && { groups }) } };
  }
  const tooMany = listLimitProblem(raw);
  if (tooMany) return { ok: false, error: tooMany };
  const checked = fragmentSchema.safeParse(raw, { reportInput: true });
  if (!checked.success) {
    const isFragment = typeof raw === 'object' && raw !== null && (raw as RawDocument).format === 'sagaboard-fragment';
    if (!isFragment) return { ok: false, error: { message: 'the clipboard does not hold a Sagaboard design or selection' } };
    const e = schemaError(checked.error);
    return e.ok ? { ok: false, error: { message: 'unreadable selection' } } : e;
  }
  return { ok: true, fragment: checked.data };
}
