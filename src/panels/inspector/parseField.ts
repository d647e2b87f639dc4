/**
 * What a person typed into an inspector field, checked by the model's own zod schema (one source
 * of truth for every range): either the value to store, or a sentence saying why it is refused.
 * An empty field means "absent" (back to the default) when the schema allows the attribute to be
 * left out, and is refused when the attribute is required (a name, the number of attempts).
 */
import type { z } from 'zod/mini';
import { countText } from '../../model/countText.ts';

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

/** A number field: `"40"` -> 40, `""` -> undefined when optional, `"abc"` -> refused. */
export function parseNumberField(text: string, schema: z.ZodMiniType, unit?: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return checked(undefined, schema, unit);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a number.' };
  return checked(value, schema, unit);
}

/** A text field: surrounding spaces are dropped; `""` -> undefined when optional. */
export function parseTextField(text: string, schema: z.ZodMiniType): Parsed<string> {
  const trimmed = text.trim();
  return checked(trimmed === '' ? undefined : trimmed, schema);
}

/** A multi-line text (a description): kept as typed, except that blank means absent when optional. */
export function parseLongTextField(text: string, schema: z.ZodMiniType): Parsed<string> {
  return checked(text.trim() === '' ? undefined : text, schema);
}

function checked<T>(value: T | undefined, schema: z.ZodMiniType, unit?: string): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value };
  return { ok: false, message: describeIssue(result.error.issues[0], value, unit) };
}

/** One zod issue in the words of the inspector: short, with the bound and its unit. */
export function describeIssue(issue: z.core.$ZodIssue | undefined, value: unknown, unit?: string): string {
  const withUnit = (n: number | bigint) => `${formatNumber(Number(n))}${unit ? ` ${unit}` : ''}`;
  if (!issue) return 'This value is not allowed.';
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return issue.expected === 'string' ? 'Required.' : 'Required: enter a number.';
      if (issue.expected === 'int') return 'Enter a whole number.';
      return issue.expected === 'number' ? 'Enter a number.' : 'This value is not allowed.';
    case 'too_small':
      if (issue.origin === 'string') return 'Must not be empty.';
      return issue.inclusive ? `Must be at least ${withUnit(issue.minimum)}.` : `Must be more than ${withUnit(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${formatNumber(Number(issue.maximum))} characters.`;
      return issue.inclusive ? `Must be at most ${withUnit(issue.maximum)}.` : `Must be less than ${withUnit(issue.maximum)}.`;
    case 'custom':
      return sentence(issue.message);
    default:
      return sentence(issue.message);
  }
}

/** A number as people read it in the sidebar: 86 400 000 rather than 86400000. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 10_000 ? countText(n).replaceAll(',', '\u202f') : String(n);
}

const sentence = (s: string) => {
  const t = s.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};
