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
  // The common leaves (a string or a number and its bounds) in one closure each: a design has tens of thousands of them.
  if (def.type === 'string' || def.type === 'number') {
    const isType = def.type === 'string' ? isString : isFiniteNumber;
    const [first, second, third] = checks as [Test, Test | undefined, Test | undefined];
    if (checks.length === 1) return (v) => (isType(v) && first(v) ? v : MISS);
    if (checks.length === 2) return (v) => (isType(v) && first(v) && second!(v) ? v : MISS);
    if (checks.length === 3) return (v) => (isType(v) && first(v) && second!(v) && third!(v) ? v : MISS);
  }
  const passes = (value: unknown) => {
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
  return (value) => {
    const result = base(value);
    return result !== MISS && passes(value) ? result : MISS;
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

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

/** The keys of an object schema, in order, and which are optional. */
function keysOf(def: Def): { keys: string[]; optional: boolean[] } {
  const keys = Object.keys(def.shape!).filter((k) => k !== '__proto__');
  const optional = keys.map((k) => {
    const field = def.shape![k]!._zod;
    return field.optin === 'optional' && field.optout === 'optional';
  });
  return { keys, optional };
}

/** `id,name,position?`: an object schema's keys, in order, the optional ones marked. */
const signatureOf = ({ keys, optional }: { keys: string[]; optional: boolean[] }): string => keys.map((k, i) => (optional[i] ? `${k}?` : k)).join(',');

/** Whether the fast path copies the objects of `schema` key by key (LITERAL_COPIES) rather than in a loop. */
export const copiedKeyByKey = (schema: z.core.$ZodType): boolean => defOf(schema).type === 'object' && LITERAL_COPIES[signatureOf(keysOf(defOf(schema)))] !== undefined;

/** zod's object: the shape's keys in order; an absent optional key stays absent, unknown keys are dropped. */
function compileObject(def: Def): Fast {
  if (def.catchall !== undefined) throw unsupported(def);
  const { keys, optional } = keysOf(def);
  const fields = keys.map((k) => compile(def.shape![k]!));
  const literal = LITERAL_COPIES[signatureOf({ keys, optional })];
  if (literal) {
    const copy = literal(fields);
    return (v) => (isObject(v) ? copy(v) : MISS);
  }
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

type Obj = Record<string, unknown>;
type Out = Record<string, unknown>;

/**
 * Copies of the objects a design holds by the thousand (nodes, their places, connections), written
 * out key by key: V8 reads and writes a named key many times faster than a key held in a variable,
 * and a design of 5,000 nodes spent as long in the loop of compileObject as in JSON.parse. Each is
 * used for the object schema whose keys are exactly these, in this order (`?`: optional), with the
 * checks of its fields compiled from the schema (`f`, in the same order); any other object schema,
 * or one of these once it changes, is copied by the loop. The tests compare every result with zod's.
 * An optional key whose value is undefined is left out when absent; present (not JSON, but an object
 * handed in may hold one), it is zod's to decide (`'key' in v`: a miss).
 */
const LITERAL_COPIES: Readonly<Record<string, (f: readonly Fast[]) => (v: Obj) => unknown>> = {
  'x,y': ([x, y]) => (v) => {
    const out: Out = { x: x!(v.x), y: y!(v.y) };
    return out.x === MISS || out.y === MISS ? MISS : out;
  },
  'id,source,target,on?,compensates?,latencyMs?,failureRate?': ([id, source, target, on, compensates, latencyMs, failureRate]) => (v) => {
    const out: Out = { id: id!(v.id), source: source!(v.source), target: target!(v.target) };
    if (out.id === MISS || out.source === MISS || out.target === MISS) return MISS;
    if (v.on !== undefined ? (out.on = on!(v.on)) === MISS : 'on' in v) return MISS;
    if (v.compensates !== undefined ? (out.compensates = compensates!(v.compensates)) === MISS : 'compensates' in v) return MISS;
    if (v.latencyMs !== undefined ? (out.latencyMs = latencyMs!(v.latencyMs)) === MISS : 'latencyMs' in v) return MISS;
    if (v.failureRate !== undefined ? (out.failureRate = failureRate!(v.failureRate)) === MISS : 'failureRate' in v) return MISS;
    return out;
  },
  'id,name,position?,description?,kind': (f) => nodeBase(f),
  'id,name,position?,description?,kind,idempotent?,latencyMs?,failureRate?': (f) => {
    const base = nodeBase(f);
    const [, , , , , idempotent, latencyMs, failureRate] = f;
    return (v) => {
      const out = base(v);
      if (out === MISS) return MISS;
      if (v.idempotent !== undefined ? (out.idempotent = idempotent!(v.idempotent)) === MISS : 'idempotent' in v) return MISS;
      if (v.latencyMs !== undefined ? (out.latencyMs = latencyMs!(v.latencyMs)) === MISS : 'latencyMs' in v) return MISS;
      if (v.failureRate !== undefined ? (out.failureRate = failureRate!(v.failureRate)) === MISS : 'failureRate' in v) return MISS;
      return out;
    };
  },
  'id,name,position?,description?,kind,durable?,latencyMs?': (f) => {
    const base = nodeBase(f);
    const [, , , , , durable, latencyMs] = f;
    return (v) => {
      const out = base(v);
      if (out === MISS) return MISS;
      if (v.durable !== undefined ? (out.durable = durable!(v.durable)) === MISS : 'durable' in v) return MISS;
      if (v.latencyMs !== undefined ? (out.latencyMs = latencyMs!(v.latencyMs)) === MISS : 'latencyMs' in v) return MISS;
      return out;
    };
  },
  'id,name,position?,description?,kind,stepType?,timeoutMs?,retry?': (f) => {
    const base = nodeBase(f);
    const [, , , , , stepType, timeoutMs, retry] = f;
    return (v) => {
      const out = base(v);
      if (out === MISS) return MISS;
      if (v.stepType !== undefined ? (out.stepType = stepType!(v.stepType)) === MISS : 'stepType' in v) return MISS;
      if (v.timeoutMs !== undefined ? (out.timeoutMs = timeoutMs!(v.timeoutMs)) === MISS : 'timeoutMs' in v) return MISS;
      if (v.retry !== undefined ? (out.retry = retry!(v.retry)) === MISS : 'retry' in v) return MISS;
      return out;
    };
  },
  'id,name,position?,description?,kind,outcome?,terminal?': (f) => {
    const base = nodeBase(f);
    const [, , , , , outcome, terminal] = f;
    return (v) => {
      const out = base(v);
      if (out === MISS) return MISS;
      if (v.outcome !== undefined ? (out.outcome = outcome!(v.outcome)) === MISS : 'outcome' in v) return MISS;
      if (v.terminal !== undefined ? (out.terminal = terminal!(v.terminal)) === MISS : 'terminal' in v) return MISS;
      return out;
    };
  },
  'maxAttempts,initialIntervalMs?,backoffCoefficient?,maxIntervalMs?': ([maxAttempts, initialIntervalMs, backoffCoefficient, maxIntervalMs]) => (v) => {
    const out: Out = { maxAttempts: maxAttempts!(v.maxAttempts) };
    if (out.maxAttempts === MISS) return MISS;
    if (v.initialIntervalMs !== undefined ? (out.initialIntervalMs = initialIntervalMs!(v.initialIntervalMs)) === MISS : 'initialIntervalMs' in v) return MISS;
    if (v.backoffCoefficient !== undefined ? (out.backoffCoefficient = backoffCoefficient!(v.backoffCoefficient)) === MISS : 'backoffCoefficient' in v) return MISS;
    if (v.maxIntervalMs !== undefined ? (out.maxIntervalMs = maxIntervalMs!(v.maxIntervalMs)) === MISS : 'maxIntervalMs' in v) return MISS;
    return out;
  },
};

/** The keys every node has (id, name, position?, description?, kind), copied; the kind's own keys follow. */
function nodeBase([id, name, position, description, kind]: readonly Fast[]): (v: Obj) => Out | typeof MISS {
  return (v) => {
    const out: Out = { id: id!(v.id), name: name!(v.name) };
    if (out.id === MISS || out.name === MISS) return MISS;
    if (v.position !== undefined ? (out.position = position!(v.position)) === MISS : 'position' in v) return MISS;
    if (v.description !== undefined ? (out.description = description!(v.description)) === MISS : 'description' in v) return MISS;
    return (out.kind = kind!(v.kind)) === MISS ? MISS : out;
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
