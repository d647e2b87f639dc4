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
  // A word is one character at least: a name has at most as many words as characters.
  if (bounds.length < 2 * name.length) bounds = new Int32Array(2 * name.length);
  let found = 0;
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
    bounds[found++] = i;
    bounds[found++] = end;
    i = end;
  }
  return found / 2;
}

/** Start and end of each word findWords found last (reused: a list emptied and filled again for every name was most of what the naming rule allocated). */
let bounds = new Int32Array(128);

const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The `k`th word findWords found, in lower case. */
const wordAt = (name: string, k: number): string => name.slice(bounds[2 * k]!, bounds[2 * k + 1]!).toLowerCase();

/** Whether the `k`th word findWords found ends in `suffix` (lower case), read without making the word. */
function wordEndsWith(name: string, k: number, suffix: string): boolean {
  const start = bounds[2 * k]!;
  const end = bounds[2 * k + 1]!;
  if (end - start < suffix.length) return false;
  // A word is letters or digits: `| 0x20` lowers a letter and leaves a digit a digit.
  for (let i = 1; i <= suffix.length; i++) if ((name.charCodeAt(end - i) | 0x20) !== suffix.charCodeAt(suffix.length - i)) return false;
  return true;
}

/** Whether the `k`th word findWords found ends in `ed` but not in `eed` (a past tense, not "need" or "proceed"). */
const wordEndsInEd = (name: string, k: number): boolean => wordEndsWith(name, k, 'ed') && !wordEndsWith(name, k, 'eed');

const IRREGULAR_PAST = new Set(
  'sent paid made built done taken given held sold bought won lost begun run set put read found left kept met brought thrown shown known drawn written chosen broken frozen spent split shut cut hit quit dealt sought caught taught told bound hidden ridden forgotten withdrawn undone overdue due'.split(
    ' ',
  ),
);

/** Irregular past forms that are also the base form of the verb ("run the job", "job run"). */
const ALSO_IMPERATIVE = new Set('run set put read cut hit quit split shut bid'.split(' '));

/** A word's first letter (lower case) and its length, as one number. */
const signature = (first: number, length: number): number => first * 64 + length;

/** The signatures of the irregular past forms: a word whose signature is not here is none of them, and no string is made to ask. */
const IRREGULAR_SIGNATURES = new Set([...IRREGULAR_PAST].map((w) => signature(w.charCodeAt(0), w.length)));

/** Whether the `k`th word findWords found is an irregular past form (IRREGULAR_PAST). */
function irregularPastAt(name: string, k: number): boolean {
  const start = bounds[2 * k]!;
  const length = bounds[2 * k + 1]! - start;
  // `| 0x20` lowers a letter and leaves a digit a digit.
  return length < 64 && IRREGULAR_SIGNATURES.has(signature(name.charCodeAt(start) | 0x20, length)) && IRREGULAR_PAST.has(wordAt(name, k));
}

/** Whether the `k`th word findWords found names only a past: it ends in -ed, or is an irregular past form that is no imperative too. */
const onlyPastAt = (name: string, k: number): boolean => wordEndsInEd(name, k) || (irregularPastAt(name, k) && !ALSO_IMPERATIVE.has(wordAt(name, k)));

/** An event names a fact in the past tense: `PaymentProcessed`, `OrderShipped`, `InvoiceSent`. */
export function looksLikeFact(name: string): boolean {
  const count = findWords(name);
  for (let k = 0; k < count; k++) if (wordEndsInEd(name, k) || irregularPastAt(name, k)) return true;
  return false;
}

/** A command names an intent in the imperative: `ProcessPayment`, `reserveCredit`. */
export function looksLikeIntent(name: string): boolean {
  const count = findWords(name);
  return count > 0 && !onlyPastAt(name, 0) && !wordEndsWith(name, 0, 'ing') && !onlyPastAt(name, count - 1);
}
