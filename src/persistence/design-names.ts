/** Names for designs made in the library: new ones and copies never take a name already in the list. */

/**
 * `base`, or `base 2`, `base 3`… whichever is free. A base that ends in a number already counts on
 * from it (`Untitled design 2` → `Untitled design 3`), never `Untitled design 2 2`.
 */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  const numbered = / (\d{1,6})$/.exec(base);
  const stem = numbered ? base.slice(0, numbered.index) : base;
  for (let i = numbered ? Number(numbered[1]) + 1 : 2; ; i++) {
    const name = `${stem} ${i}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The name of a copy: `Name (copy)`, then `Name (copy 2)`…; copying a copy does not stack. */
export function copyName(name: string, taken: Iterable<string>): string {
  const original = name.replace(/ \(copy(?: \d+)?\)$/, '');
  const used = new Set([...taken].map((n) => n.trim().toLowerCase()));
  for (let i = 1; ; i++) {
    const candidate = `${original} (copy${i === 1 ? '' : ` ${i}`})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
