/**
 * What the canvas shows at a point of a run: the state of every node and the messages in
 * flight, folded from the trace up to a cursor. Stepping back is this fold to an earlier
 * cursor, so it is exact (spec §4.1).
 */
import type { SagaDocument, SagaEdge } from '../model/index.ts';
import type { TraceEntry } from './trace.ts';

export type NodeSimState = 'idle' | 'working' | 'done' | 'failed' | 'compensating' | 'compensated' | 'crashed';

/** How a token is coloured: by the kind of message it carries. */
export type TokenKind = 'command' | 'event' | 'failure' | 'compensation';

/** One message on its way from a sender, through its command or event node, to one consumer. */
export interface Token {
  /** Index of the MESSAGE_SENT entry. */
  sent: number;
  /** Index of the delivery entry, or `sent + 1` when nobody consumes it (a terminal event). */
  arrives: number;
  message: string;
  messageNode: string;
  from: string;
  /** The consumer, or undefined when the message ends at its node. */
  to: string | undefined;
  kind: TokenKind;
  /** The sends/publishes connection and the handled-by/subscribed-by connection it travels. */
  edges: [SagaEdge | undefined, SagaEdge | undefined];
}

/** Every token of a run, in the order they were sent. */
export function tokensOf(trace: readonly TraceEntry[], doc: SagaDocument): Token[] {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const edgeBetween = new Map<string, SagaEdge>();
  for (const e of doc.edges) edgeBetween.set(`${e.source}\u0000${e.target}`, e);
  const compensations = new Set(doc.edges.filter((e) => nodes.get(e.source)?.kind === 'command' && nodes.get(e.target)?.kind === 'command').map((e) => e.target));
  const kindOf = (id: string): TokenKind => {
    const n = nodes.get(id);
    if (n?.kind === 'event') return n.outcome === 'failure' ? 'failure' : 'event';
    return compensations.has(id) ? 'compensation' : 'command';
  };
  const tokens: Token[] = [];
  /** Sent messages, by `message/attempt`, with the consumers they reached. */
  const open = new Map<string, { index: number; entry: TraceEntry; reached: Set<string> }>();
  trace.forEach((entry, index) => {
    if (!entry.message || !entry.node) return;
    const key = `${entry.message}/${entry.attempt}`;
    if (entry.type === 'MESSAGE_SENT') open.set(key, { index, entry, reached: new Set() });
    const sent = open.get(key);
    if (!sent) return;
    // A delivery after a restart is the same message arriving again: it already travelled.
    const duplicate = entry.type === 'DUPLICATE_DELIVERED';
    if (entry.type !== 'MESSAGE_DELIVERED' && !duplicate) return;
    if (!duplicate && sent.reached.has(entry.node)) return;
    sent.reached.add(entry.node);
    tokens.push(token(sent.index, index, sent.entry, entry.node));
  });
  // A message nobody consumes (a terminal event) travels to its node and stops there.
  for (const { index, entry, reached } of open.values()) if (reached.size === 0) tokens.push(token(index, index + 1, entry, undefined));
  return tokens.sort((a, b) => a.sent - b.sent || a.arrives - b.arrives);

  function token(sent: number, arrives: number, entry: TraceEntry, to: string | undefined): Token {
    const from = entry.node!;
    const messageNode = entry.messageNode!;
    return {
      sent,
      arrives,
      message: entry.message!,
      messageNode,
      from,
      to,
      kind: kindOf(messageNode),
      edges: [edgeBetween.get(`${from}\u0000${messageNode}`), to ? edgeBetween.get(`${messageNode}\u0000${to}`) : undefined],
    };
  }
}

/** The state of each participant after the first `cursor` entries; nodes not in the map are idle. */
export function nodeStatesAt(trace: readonly TraceEntry[], cursor: number): Map<string, NodeSimState> {
  const states = new Map<string, NodeSimState>();
  const end = Math.min(cursor, trace.length);
  for (let i = 0; i < end; i++) {
    const e = trace[i]!;
    if (!e.node) continue;
    const next = STATE_AFTER[e.type];
    if (next) states.set(e.node, next);
  }
  return states;
}

const STATE_AFTER: Partial<Record<TraceEntry['type'], NodeSimState>> = {
  HANDLER_STARTED: 'working',
  HANDLER_SUCCEEDED: 'done',
  HANDLER_FAILED: 'failed',
  COMPENSATION_STARTED: 'compensating',
  COMPENSATION_COMPLETED: 'compensated',
  SERVICE_CRASHED: 'crashed',
  SERVICE_RESTARTED: 'idle',
};

/** Messages nodes that carried something by `cursor`, with the kind of the last one (to light up the path). */
export function messagesSeenAt(tokens: readonly Token[], cursor: number): Map<string, TokenKind> {
  const seen = new Map<string, TokenKind>();
  for (const t of tokens) if (t.sent < cursor) seen.set(t.messageNode, t.kind);
  return seen;
}

/**
 * Tokens travelling at a (fractional) cursor, with how far along they are (0..1). Pass the same
 * `into` at every frame: its entries are reused, so a frame of hundreds of tokens allocates nothing.
 */
export function tokensInFlight(tokens: readonly Token[], cursor: number, into: { token: Token; progress: number }[] = []): { token: Token; progress: number }[] {
  let n = 0;
  for (const t of tokens) {
    if (t.sent >= cursor) break;
    if (t.arrives < cursor - 1) continue;
    const progress = Math.min(1, Math.max(0, (cursor - 1 - t.sent) / Math.max(1, t.arrives - t.sent)));
    if (cursor - 1 < t.arrives) {
      const slot = into[n++];
      if (slot) {
        slot.token = t;
        slot.progress = progress;
      } else into.push({ token: t, progress });
    }
  }
  into.length = n;
  return into;
}
