/** Names: comparison keys and the naming heuristics of rule G005. */

/** Names compare case-insensitively and trimmed (G003). */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** `ProcessPayment`, `process_payment`, `process payment` -> `['process', 'payment']` */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const IRREGULAR_PAST = new Set(
  'sent paid made built done taken given held sold bought won lost begun run set put read found left kept met brought thrown shown known drawn written chosen broken frozen spent split shut cut hit quit dealt sought caught taught told bound hidden ridden forgotten withdrawn undone overdue due'.split(
    ' ',
  ),
);

const looksPast = (word: string): boolean => word.endsWith('ed') || IRREGULAR_PAST.has(word);

/** An event names a fact in the past tense: `PaymentProcessed`, `OrderShipped`, `InvoiceSent`. */
export function looksLikeFact(name: string): boolean {
  return words(name).some(looksPast);
}

/** A command names an intent in the imperative: `ProcessPayment`, `reserveCredit`. */
export function looksLikeIntent(name: string): boolean {
  const w = words(name);
  if (w.length === 0) return false;
  const first = w[0]!;
  return !looksPast(first) && !first.endsWith('ing') && !looksPast(w[w.length - 1]!);
}
