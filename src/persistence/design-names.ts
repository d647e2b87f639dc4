/** Names for designs made in the library: new ones and copies never take a name already in the list. */

/** `base`, or `base 2`, `base 3`… whichever is free. */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} ${i}`;
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
