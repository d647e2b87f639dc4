/**
 * Names made safe for places with a strict alphabet: file names, AsyncAPI keys, diagram ids.
 * Design names are free text (quotes, brackets, newlines, any script), so each export derives
 * such names here, deterministically and without collisions.
 */

/** Accents off (`Zahlungsdienst Ü` -> `Zahlungsdienst U`): the ASCII alphabets below keep more of the name. */
const withoutAccents = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '');

/** Lower-case words joined by dashes, for file names: `OrderService` -> `order-service`; '' when nothing is left. */
export function fileSlugOf(name: string): string {
  return withoutAccents(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** A key of the alphabet `[A-Za-z0-9._-]` (AsyncAPI component keys), case kept: `Ship it!` -> `Ship-it`; '' when nothing is left. */
export function keyOf(name: string): string {
  return withoutAccents(name)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 80)
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * Makes each name unique by a numeric suffix (`a`, `a-2`, ...), in order; an empty name becomes
 * `fallback(i)`. Names that are properties of every object (`constructor`, `__proto__`) get a
 * suffix too, so that they stay ordinary keys wherever the result is used as one.
 */
export function uniquely(names: readonly string[], fallback: (index: number) => string): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    const base = name === '' ? fallback(i) : name;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()) || candidate in Object.prototype; n++) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
