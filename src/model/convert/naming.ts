/**
 * Names for the messages a conversion creates (spec §6.2): commands in the imperative
 * (`ProcessPayment`), events in the past tense (`PaymentProcessed`), each made from the other.
 */
import { looksLikeFact, looksLikeIntent } from '../names.ts';

/** Verbs whose past tense is not the regular `-ed` (or doubles its last letter). */
const IRREGULAR: Record<string, string> = {
  pay: 'paid', send: 'sent', make: 'made', build: 'built', do: 'done', take: 'taken', give: 'given', hold: 'held',
  sell: 'sold', buy: 'bought', run: 'run', set: 'set', put: 'put', read: 'read', find: 'found', keep: 'kept',
  bring: 'brought', write: 'written', choose: 'chosen', split: 'split', cut: 'cut', tell: 'told', undo: 'undone',
  withdraw: 'withdrawn', freeze: 'frozen', begin: 'begun', win: 'won', lose: 'lost', spend: 'spent', shut: 'shut',
  ship: 'shipped', stop: 'stopped', plan: 'planned', cancel: 'cancelled', drop: 'dropped', tag: 'tagged',
  bill: 'billed', fulfil: 'fulfilled', refer: 'referred', transfer: 'transferred', commit: 'committed', submit: 'submitted',
};
const BASE_OF = new Map(Object.entries(IRREGULAR).map(([base, past]) => [past, base]));

/** Common verbs of business processes ending in a silent `e`, so that `Created` gives back `Create`. */
const SILENT_E = new Set(
  'create reserve approve schedule complete authorize authorise issue place update delete release restore charge validate initiate capture allocate receive close prepare compute calculate invoice archive generate produce compensate reverse execute handle rate price score settle store save expire renew subscribe unsubscribe activate deactivate enable disable quote estimate purchase reduce increase decline accept configure provide remove register approve confirm assure secure require acquire dispute resolve retire retrieve revoke serve source stage move ensure evaluate notify'
    .split(' ')
    .filter((v) => v.endsWith('e')),
);

/** `process` -> `processed`, `verify` -> `verified`, `create` -> `created`, `pay` -> `paid`. */
export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return matchCase(verb, irregular);
  if (lower.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** `processed` -> `process`, `verified` -> `verify`, `created` -> `create`, `paid` -> `pay`; undefined when not a past form. */
export function baseForm(past: string): string | undefined {
  const lower = past.toLowerCase();
  const irregular = BASE_OF.get(lower);
  if (irregular) return matchCase(past, irregular);
  if (lower.endsWith('ied') && lower.length > 4) return `${past.slice(0, -3)}y`;
  if (!lower.endsWith('ed') || lower.endsWith('eed') || lower.length < 4) return undefined;
  const stem = past.slice(0, -2);
  if (SILENT_E.has(`${stem.toLowerCase()}e`)) return `${stem}e`;
  // Unknown verbs: the usual spelling rules (`rated` -> `rate`, `resolved` -> `resolve`).
  if (/(at|iz|is|v|c|ur|ir|bl|tl|ul|dl)$/i.test(stem)) return `${stem}e`;
  return stem;
}

/** The words of a name with their case kept: `PaymentProcessed` -> `['Payment', 'Processed']`. */
function wordsOf(name: string): string[] {
  return name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
}

const capital = (w: string): string => (w ? w[0]!.toUpperCase() + w.slice(1) : w);
const matchCase = (model: string, word: string): string => (model[0] && model[0] === model[0].toUpperCase() ? capital(word) : word);

/** The command that asks for what an event reports: `PaymentProcessed` -> `ProcessPayment`, or undefined. */
export function commandForEvent(eventName: string): string | undefined {
  const words = wordsOf(eventName);
  for (let i = words.length - 1; i >= 0; i--) {
    const base = baseForm(words[i]!);
    if (!base) continue;
    const rest = [...words.slice(0, i), ...words.slice(i + 1)].map(capital);
    const name = [capital(base), ...rest].join('');
    if (looksLikeIntent(name)) return name;
  }
  return undefined;
}

/** The event that reports a command done: `ProcessPayment` -> `PaymentProcessed`. */
export function eventForCommand(commandName: string): string {
  const words = wordsOf(commandName);
  if (words.length === 0) return `${commandName.trim()}Done`;
  const [verb, ...rest] = words;
  const name = [...rest.map(capital), capital(pastTense(verb!))].join('');
  return looksLikeFact(name) ? name : `${words.map(capital).join('')}Done`;
}

/** A command name for a reaction with nothing to name it after: `Handle` + the input, without its past tense. */
export function commandForReaction(inputName: string, participantName: string): string {
  const words = wordsOf(inputName).filter((w) => !baseForm(w));
  const subject = words.length ? words.map(capital).join('') : wordsOf(participantName).filter((w) => w.toLowerCase() !== 'service').map(capital).join('');
  return `Handle${subject || 'Step'}`;
}
