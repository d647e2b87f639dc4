/** Names: comparison keys and the naming heuristics of rule G005. */

/** Names compare case-insensitively and trimmed (G003). */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** `ProcessPayment`, `process_payment`, `process payment` -> `['process', 'payment']` */
export function words(name: string): string[] {
  const found = name.match(WORD) ?? [];
  for (let i = 0; i < found.length; i++) found[i] = found[i]!.toLowerCase();
  return found;
}

/** A capitalised or lower-case word, a run of capitals (an acronym), or a number. */
const WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;

const IRREGULAR_PAST = new Set(
  'sent paid made built done taken given held sold bought won lost begun run set put read found left kept met brought thrown shown known drawn written chosen broken frozen spent split shut cut hit quit dealt sought caught taught told bound hidden ridden forgotten withdrawn undone overdue due'.split(
    ' ',
  ),
);

/** Irregular past forms that are also the base form of the verb ("run the job", "job run"). */
const ALSO_IMPERATIVE = new Set('run set put read cut hit quit split shut bid'.split(' '));

const endsInEd = (word: string): boolean => word.endsWith('ed') && !word.endsWith('eed');
const looksPast = (word: string): boolean => endsInEd(word) || IRREGULAR_PAST.has(word);
const looksOnlyPast = (word: string): boolean => looksPast(word) && !ALSO_IMPERATIVE.has(word);

/** An event names a fact in the past tense: `PaymentProcessed`, `OrderShipped`, `InvoiceSent`. */
export function looksLikeFact(name: string): boolean {
  return words(name).some(looksPast);
}

/** A command names an intent in the imperative: `ProcessPayment`, `reserveCredit`. */
export function looksLikeIntent(name: string): boolean {
  const w = words(name);
  if (w.length === 0) return false;
  const first = w[0]!;
  return !looksOnlyPast(first) && !first.endsWith('ing') && !looksOnlyPast(w[w.length - 1]!);
}
