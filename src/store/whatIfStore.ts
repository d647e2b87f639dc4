/**
 * The canvas's “what if” (issue: choosing a style), for the one message or participant selected
 * in the editor: who changes with a message's schema, and what stops while a participant is
 * down. The answer is worked out by the canvas (src/canvas/whatIf/WhatIfWatcher.tsx) and read by
 * the inspector; in what-if mode the canvas also lights it up. The words are here, so that the
 * inspector and the canvas's banner say the same thing.
 */
import { create } from 'zustand';
import type { MidSagaCrash, WhatIfDown } from '../analysis/whatIf.ts';
import { shortListing, type SagaDocument, type SagaNode } from '../model/index.ts';
import type { HighlightOrigin } from './highlightStore.ts';
import { countText } from '../model/countText.ts';

export type WhatIfAnswer =
  /** A message: the participants its schema change touches (producers, then consumers). */
  | { kind: 'schema'; key: string; touched: string[] }
  /** A participant: what stops while it is down, worked out off the main thread. */
  | { kind: 'down'; key: string; state: 'working' }
  | { kind: 'down'; key: string; state: 'done'; result: WhatIfDown }
  | { kind: 'down'; key: string; state: 'error'; message: string };

interface WhatIfState {
  /** What-if mode: selecting a message or a participant lights up its answer on the canvas. */
  on: boolean;
  answer: WhatIfAnswer | null;
  toggle(): void;
  setAnswer(answer: WhatIfAnswer | null): void;
}

export const useWhatIfStore = create<WhatIfState>()((set) => ({
  on: false,
  answer: null,
  toggle: () => set((s) => ({ on: !s.on })),
  setAnswer: (answer) => set({ answer }),
}));

/** What the what-if asks of this node: a message's schema, a participant down; nothing for an actor. */
export function whatIfKind(node: SagaNode | undefined): WhatIfAnswer['kind'] | null {
  if (!node) return null;
  if (node.kind === 'command' || node.kind === 'event') return 'schema';
  if (node.kind === 'service' || node.kind === 'orchestrator') return 'down';
  return null;
}

/** The highlight's origin for an answer of this kind. */
export const originOf = (kind: WhatIfAnswer['kind']): HighlightOrigin => (kind === 'schema' ? 'schemaChange' : 'down');

/** Names of the nodes of a document by id (an id it lacks is shown as itself). */
export type Names = (id: string) => string;

export function namesIn(doc: SagaDocument | null): Names {
  // Made on the first name asked for: most answers name a few nodes of a design that may be large.
  let byId: Map<string, string> | undefined;
  return (id) => (byId ??= new Map(doc?.nodes.map((n) => [n.id, n.name.trim() || n.id]))).get(id) ?? id;
}

const plural = (n: number, word: string) => `${countText(n)} ${word}${n === 1 ? '' : 's'}`;

/** `Changing the schema of OrderCreated touches 2 participants: OrderService and PaymentService` */
export function schemaSentence(message: string, touched: readonly string[], name: Names): string {
  if (touched.length === 0) return `Changing the schema of ${message} touches no participant: nobody produces or consumes it`;
  const names = shortListing(touched.slice(0, 9).map(name), touched.length);
  return `Changing the schema of ${message} touches ${plural(touched.length, 'participant')}: ${names}`;
}

/** `While PaymentService is down, 6 of 7 handlings of the happy path cannot happen (86%)` */
export function downSentence(participant: string, answer: Extract<WhatIfAnswer, { kind: 'down' }>): string {
  if (answer.state === 'working') return `Working out what stops while ${participant} is down…`;
  if (answer.state === 'error') return `What stops while ${participant} is down could not be worked out: ${answer.message}`;
  const r = answer.result;
  if (r.nodes === null) return `What stops while ${participant} is down cannot be worked out: the design cannot be simulated yet (${r.reason.replace(/\.$/, '')})`;
  if (r.stopped === 0)
    return r.handlings === 0
      ? `While ${participant} is down, nothing stops: the happy path handles no message`
      : `While ${participant} is down, nothing on the happy path stops: it handles none of its ${plural(r.handlings, 'message')}`;
  return `While ${participant} is down, ${r.stopped} of ${plural(r.handlings, 'handling')} of the happy path cannot happen (${Math.round(r.share * 100)}%)`;
}

/** The answer as a canvas highlight: the nodes it lights up and what the banner says. */
export function highlightOf(answer: WhatIfAnswer, name: Names): { ids: string[]; label: string; origin: HighlightOrigin; key: string } {
  const { key, kind } = answer;
  const origin = originOf(kind);
  if (kind === 'schema') return { ids: [key, ...answer.touched], label: schemaSentence(name(key), answer.touched, name), origin, key };
  const ids = answer.state === 'done' && answer.result.nodes !== null ? answer.result.nodes : [key];
  return { ids, label: downSentence(name(key), answer), origin, key };
}

/**
 * When the what-if's crash happens, in words: `PaymentService crashes as ProcessPayment, its first
 * message of the saga, arrives, and restarts 1 s later.`
 */
export function crashSentence(participant: string, crash: MidSagaCrash, name: Names): string {
  const restart = crash.fault.delayMs !== undefined ? `restarts ${crash.fault.delayMs / 1000} s later` : 'never restarts';
  if (crash.at === null) return `${participant} crashes when its first message arrives, and ${restart}.`;
  if (!crash.first) return `${participant} crashes mid-saga, as ${name(crash.at)} (its first reply) arrives, and ${restart}.`;
  return `${participant} crashes as ${name(crash.at)}, its first message of the saga, arrives, and ${restart}.`;
}

/**
 * What an orchestrator's `durable` means for a crash in the middle of its saga (spec §1.1): with
 * it, the saga's state survives and it resumes after the restart; without, the saga is lost.
 */
export function durableSentence(orchestrator: string, durable: boolean): string {
  return durable
    ? `${orchestrator} is durable: it resumes the saga after the restart, where it was.`
    : `${orchestrator} is not durable: the saga it was running is lost in the crash, and nothing moves it on.`;
}

/**
 * True when `b` simulates exactly as `a` does: only positions (or descriptions) changed, as when
 * nodes are dragged. What stops while a participant is down is not worked out again then.
 */
export function sameForSimulation(a: SagaDocument, b: SagaDocument): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.edges.length; i++) if (a.edges[i] !== b.edges[i]) return false;
  for (let i = 0; i < a.nodes.length; i++) if (!sameButPlace(a.nodes[i]!, b.nodes[i]!)) return false;
  return true;
}

const PLACE_ONLY = new Set(['position', 'description']);

function sameButPlace(x: SagaNode, y: SagaNode): boolean {
  if (x === y) return true;
  const xs = x as unknown as Record<string, unknown>;
  const ys = y as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(xs), ...Object.keys(ys)]);
  for (const k of keys) if (!PLACE_ONLY.has(k) && xs[k] !== ys[k]) return false;
  return true;
}
