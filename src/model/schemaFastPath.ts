/**
 * A fast path for the schema check of a design: the zod schema compiled into plain closures that
 * accept only what zod certainly accepts, and return what zod would (a copy holding the schema's
 * keys, in the schema's order, unknown keys left out). zod builds a result and an issue list per
 * value; a design of 5,000 nodes spent three times as long in it as in JSON.parse. Anything in
 * doubt (a value out of bounds, an unknown kind, a failed refinement, a schema feature this
 * compiler does not know) answers `undefined`, and zod itself decides and words the error: the
 * limits live in schema.ts only, and the messages cannot change.
 */
import type { z } from 'zod/mini';

/** A compiled check: the value as zod would return it, or MISS when zod must decide. */
type Fast = (value: unknown) => unknown;
type Test = (value: unknown) => boolean;

const MISS: unique symbol = Symbol('miss');

/** The parts of a zod definition this compiler reads (zod/mini keeps them on `_zod.def`). */
interface Def {
  type: string;
  check?: string;
  checks?: readonly z.core.$ZodType[];
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  discriminator?: string;
  catchall?: unknown;
  unionFallback?: boolean;
  coerce?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/**
 * `schema` compiled: `fast(value)` is what `schema.safeParse(value).data` would be when the check
 * certainly succeeds, and `undefined` when zod must look (the value may be wrong). Throws when the
 * schema uses something the compiler does not know, so a new kind of field is noticed by a test.
 */
export function compileFastPath<T>(schema: z.core.$ZodType<T>): (value: unknown) => T | undefined {
  const fast = compile(schema);
  return (value) => {
    const result = fast(value);
    return result === MISS ? undefined : (result as T);
  };
}

function compile(schema: z.core.$ZodType): Fast {
  const def = defOf(schema);
  if (def.coerce) throw unsupported(def);
  // A number format (z.int()) is a schema and its own check.
  const ownCheck = schema._zod.traits.has('$ZodCheck') ? [def] : [];
  const checks = [...ownCheck, ...(def.checks ?? []).map(defOf)].map(compileCheck);
  const base = compileType(schema, def);
  if (checks.length === 0) return base;
  const passes = checks.reduce((all, check) => (v) => all(v) && check(v));
  return (value) => {
    const result = base(value);
    return result !== MISS && passes(value) ? result : MISS;
  };
}

function compileType(schema: z.core.$ZodType, def: Def): Fast {
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : MISS);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : MISS);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : MISS);
    case 'literal':
    case 'enum': {
      const values = schema._zod.values;
      if (!values) throw unsupported(def);
      return (v) => (values.has(v as never) ? v : MISS);
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'array':
      return compileArray(compile(def.element!));
    case 'object':
      return compileObject(def);
    case 'union':
      return compileDiscriminated(def);
    default:
      throw unsupported(def);
  }
}

function compileArray(element: Fast): Fast {
  return (v) => {
    if (!Array.isArray(v)) return MISS;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === MISS) return MISS;
      out[i] = item;
    }
    return out;
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's object: the shape's keys in order; an absent optional key stays absent, unknown keys are dropped. */
function compileObject(def: Def): Fast {
  if (def.catchall !== undefined) throw unsupported(def);
  const keys = Object.keys(def.shape!).filter((k) => k !== '__proto__');
  const fields = keys.map((k) => compile(def.shape![k]!));
  const optional = keys.map((k) => {
    const field = def.shape![k]!._zod;
    return field.optin === 'optional' && field.optout === 'optional';
  });
  return (v) => {
    if (!isObject(v)) return MISS;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const raw = v[key];
      // zod asks `key in value`: a key present with the value undefined is kept, as undefined.
      if (raw === undefined && !(key in v)) {
        if (optional[i]) continue;
        return MISS;
      }
      const value = fields[i]!(raw);
      if (value === MISS) return MISS;
      out[key] = value;
    }
    return out;
  };
}

/** A discriminated union: the option whose literal the discriminator holds. */
function compileDiscriminated(def: Def): Fast {
  const key = def.discriminator;
  if (key === undefined || def.unionFallback) throw unsupported(def);
  const byValue = new Map<unknown, Fast>();
  for (const option of def.options!) {
    const values = defOf(option).shape?.[key]?._zod.values;
    if (!values) throw unsupported(def);
    const fast = compile(option);
    for (const value of values) byValue.set(value, fast);
  }
  return (v) => {
    if (!isObject(v)) return MISS;
    const option = byValue.get(v[key]);
    return option ? option(v) : MISS;
  };
}

function compileCheck(check: Def): Test {
  switch (check.check) {
    case 'min_length': {
      const min = check.minimum!;
      // zod counts a string's code points; a string of at least twice as many units has enough.
      return (v) => {
        const units = (v as { length: number }).length;
        if (typeof v !== 'string' || units >= min * 2) return units >= min;
        return units >= min && codePoints(v) >= min;
      };
    }
    case 'max_length': {
      const max = check.maximum!;
      // Fewer units than the maximum is fewer code points; a longer string is zod's to count.
      return (v) => (v as { length: number }).length <= max;
    }
    case 'greater_than':
      return bound(check, (v, limit) => (check.inclusive ? v >= limit : v > limit));
    case 'less_than':
      return bound(check, (v, limit) => (check.inclusive ? v <= limit : v < limit));
    case 'number_format':
      if (check.format !== 'safeint') throw unsupported(check);
      return (v) => Number.isSafeInteger(v);
    case 'custom': {
      const fn = check.fn!;
      return (v) => {
        const ok = fn(v);
        return !(ok instanceof Promise) && Boolean(ok);
      };
    }
    default:
      throw unsupported(check);
  }
}

function bound(check: Def, within: (value: number, limit: number) => boolean): Test {
  const limit = check.value;
  if (typeof limit !== 'number') throw unsupported(check);
  return (v) => within(v as number, limit);
}

/** Code points, as zod counts them: a surrogate pair is one. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

const unsupported = (def: Def) => new Error(`schemaFastPath: no fast path for zod ${def.type}${def.check ? ` check ${def.check}` : ''}`);
