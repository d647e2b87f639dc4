/** Names: comparison keys and the naming heuristics of rule G005. */

/** Names compare case-insensitively and trimmed (G003). */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** `ProcessPayment`, `process_payment`, `process payment` -> `['process', 'payment']` */
export function words(name: string): string[] {
  const found: string[] = [];
  const count = findWords(name);
  for (let k = 0; k < count; k++) found.push(wordAt(name, k));
  return found;
}

/**
 * The words of a name, as the regular expression `[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+` (global)
 * finds them: a capitalised or lower-case word, a run of capitals (an acronym), or a number. Found
 * by hand into `bounds` (start and end of each word), so that the naming rule, which asks this of
 * every command and event, makes no list and no string for most names. Returns how many.
 */
function findWords(name: string): number {
  bounds.length = 0;
  const n = name.length;
  let i = 0;
  while (i < n) {
    const c = name.charCodeAt(i);
    let end: number;
    if (isLower(c) || (isUpper(c) && i + 1 < n && isLower(name.charCodeAt(i + 1)))) {
      end = i + 1;
      while (end < n && isLower(name.charCodeAt(end))) end++;
    } else if (isUpper(c)) {
      // Capitals up to the one that starts a capitalised word.
      let j = i + 1;
      while (j < n && isUpper(name.charCodeAt(j))) j++;
      end = j < n && isLower(name.charCodeAt(j)) ? j - 1 : j;
    } else if (isDigit(c)) {
      end = i + 1;
      while (end < n && isDigit(name.charCodeAt(end))) end++;
    } else {
      i++;
      continue;
    }
    bounds.push(i, end);
    i = end;
  }
  return bounds.length / 2;
}

/** Start and end of each word findWords found last. */
const bounds: number[] = [];

const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The `k`th word findWords found, in lower case. */
const wordAt = (name: string, k: number): string => name.slice(bounds[2 * k]!, bounds[2 * k + 1]!).toLowerCase();

/** Whether the `k`th word findWords found ends in `ed` but not in `eed` (endsInEd), read without making the word. */
function wordEndsInEd(name: string, k: number): boolean {
  const start = bounds[2 * k]!;
  const end = bounds[2 * k + 1]!;
  // A word is letters or digits: `| 0x20` lowers a letter and leaves a digit a digit.
  return (
    end - start >= 2 &&
    (name.charCodeAt(end - 1) | 0x20) === 0x64 &&
    (name.charCodeAt(end - 2) | 0x20) === 0x65 &&
    !(end - start >= 3 && (name.charCodeAt(end - 3) | 0x20) === 0x65)
  );
}

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
  const count = findWords(name);
  // Most facts end a word in -ed: found without making the words.
  for (let k = 0; k < count; k++) if (wordEndsInEd(name, k)) return true;
  for (let k = 0; k < count; k++) if (IRREGULAR_PAST.has(wordAt(name, k))) return true;
  return false;
}

/** A command names an intent in the imperative: `ProcessPayment`, `reserveCredit`. */
export function looksLikeIntent(name: string): boolean {
  const count = findWords(name);
  if (count === 0) return false;
  const first = wordAt(name, 0);
  return !looksOnlyPast(first) && !first.endsWith('ing') && !looksOnlyPast(count === 1 ? first : wordAt(name, count - 1));
}
