/** Diagnostics: what the validator says about a design, with stable rule ids (spec §2). */
import { visible } from './quote.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** What is wrong, naming nodes by their names. */
  message: string;
  /** How to fix it. */
  hint: string;
  nodes: string[];
  edges: string[];
}

/** Every rule: its id, default severity and a one-line title (for docs, help and the UI). */
export const RULES = {
  G001: { severity: 'error', title: 'Connection to a node that does not exist' },
  G002: { severity: 'error', title: 'Connection between kinds that cannot be joined' },
  G003: { severity: 'error', title: 'Two nodes of the same kind share a name' },
  G004: { severity: 'warning', title: 'A command and an event share a name' },
  G005: { severity: 'info', title: 'Naming: commands are imperative, events past tense' },
  G006: { severity: 'warning', title: 'Message with neither producer nor consumer' },
  G007: { severity: 'warning', title: 'Event nobody consumes' },
  G010: { severity: 'warning', title: 'Node not reachable from any trigger' },
  G011: { severity: 'error', title: 'The design has no trigger' },
  G012: { severity: 'error', title: 'A command needs exactly one handler' },
  G013: { severity: 'error', title: 'Output of a node with several inputs has no "on"' },
  G014: { severity: 'error', title: '"on" or "compensates" names a message the node does not consume' },
  M001: { severity: 'warning', title: 'Non-idempotent consumer under at-least-once delivery' },
  M009: { severity: 'error', title: 'Unlimited retries on a non-idempotent handler' },
  O001: { severity: 'error', title: 'Not exactly one orchestrator' },
  O002: { severity: 'error', title: 'Command sent by a participant rather than the orchestrator' },
  O004: { severity: 'error', title: 'Command without a reply path to the orchestrator' },
  O005: { severity: 'warning', title: "Participant subscribes to another participant's event" },
  O006: { severity: 'error', title: 'More than one pivot' },
  O007: { severity: 'error', title: 'Steps out of order around the pivot' },
  O008: { severity: 'error', title: 'Step before the pivot has no compensation' },
  O009: { severity: 'error', title: 'Step after the pivot is not retriable' },
  O010: { severity: 'warning', title: 'Compensation is not retriable or not idempotent' },
  O011: { severity: 'warning', title: 'Compensation handled by another service than its step' },
  O013: { severity: 'info', title: 'Step without a timeout' },
  C001: { severity: 'error', title: 'Event consumed but never published' },
  C002: { severity: 'warning', title: 'Event published but never consumed' },
  C003: { severity: 'warning', title: 'Participant sends a command to another participant' },
  C004: { severity: 'error', title: 'Cycle of reactions (event storm)' },
  C005: { severity: 'error', title: 'Failure not propagated to a participant that must compensate' },
  C006: { severity: 'error', title: 'Failure event nobody subscribes to' },
  C007: { severity: 'warning', title: 'Hidden orchestrator' },
  C008: { severity: 'warning', title: 'Event published by several services' },
  X001: { severity: 'warning', title: 'Declared style differs from the detected style' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleId = keyof typeof RULES;

/**
 * The most diagnostics a validation lists. A design with more (a hostile file, or one generated
 * with a mistake repeated thousands of times) gets the first ones, errors first, and a count of
 * the rest: nobody reads further, and drawing or printing them all would freeze the tab.
 */
export const MAX_DIAGNOSTICS = 1_000;

/** Diagnostics found beyond MAX_DIAGNOSTICS and left out of the list, by severity. */
export type Omitted = Record<Severity, number>;

/** The first MAX_DIAGNOSTICS of a sorted list, and what was left out, if anything. */
export function capDiagnostics(sorted: Diagnostic[]): { diagnostics: Diagnostic[]; omitted?: Omitted } {
  if (sorted.length <= MAX_DIAGNOSTICS) return { diagnostics: sorted };
  return { diagnostics: sorted.slice(0, MAX_DIAGNOSTICS), omitted: countBySeverity(sorted.slice(MAX_DIAGNOSTICS)) };
}

/**
 * The most nodes (and connections) one diagnostic points at: enough to show the problem on the
 * canvas, and a thousand diagnostics about thousands of nodes each cannot fill the memory.
 */
export const MAX_REFS = 100;

/**
 * Builds a diagnostic with the rule's default severity unless one is given. The message and hint
 * quote names and ids from the design: characters that do not show are written out (quote.ts).
 */
export function diagnostic(
  rule: RuleId,
  message: string,
  hint: string,
  refs: { nodes?: readonly string[]; edges?: readonly string[]; severity?: Severity } = {},
): Diagnostic {
  return {
    rule,
    severity: refs.severity ?? RULES[rule].severity,
    message: visible(message),
    hint: visible(hint),
    nodes: (refs.nodes ?? []).slice(0, MAX_REFS),
    edges: (refs.edges ?? []).slice(0, MAX_REFS),
  };
}

/** The diagnostics found, in order, without the places where none was. */
export const defined = (list: readonly (Diagnostic | undefined)[]): Diagnostic[] => list.filter((d): d is Diagnostic => d !== undefined);

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Root causes before their consequences (spec §2): within a severity, diagnostics follow this
 * order of rules, so that the problem other rules had to guess around is named first. The drawing
 * itself (connections, handlers, "on", triggers, names, dead ends), then who coordinates and who
 * commands whom (what makes a design a hybrid), then the orchestrated steps (a missing
 * compensation before the order of the steps), then the choreography's reactions, then delivery,
 * then the declared style.
 */
export const CAUSAL_ORDER: readonly RuleId[] = [
  'G001',
  'G002',
  'G012',
  'G013',
  'G014',
  'G011',
  'G010',
  'G006',
  'G003',
  'G004',
  'G007',
  'G005',
  'O001',
  'O002',
  'C003',
  'C007',
  'O005',
  'O004',
  'O008',
  'O006',
  'O007',
  'O009',
  'O010',
  'O011',
  'O013',
  'C001',
  'C006',
  'C002',
  'C005',
  'C004',
  'C008',
  'M001',
  'M009',
  'X001',
];

const RANK = new Map<string, number>(CAUSAL_ORDER.map((rule, i) => [rule, i]));

/**
 * Errors first, then warnings, then infos; within a severity, root causes first (CAUSAL_ORDER);
 * the diagnostics of one rule in the order they were found.
 */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list
    .map((d, i) => ({ d, i, rank: RANK.get(d.rule)! }))
    .sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.rank - b.rank || a.i - b.i)
    .map(({ d }) => d);
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
