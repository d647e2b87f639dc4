/**
 * AsyncAPI 3.0 documents, one per service and orchestrator: the channels of the messages it
 * sends and receives, a send or receive operation for each, and the messages themselves
 * (name, title, summary and description from the design, a placeholder payload: Sagaboard does
 * not model message fields). Operation descriptions come from the reactions table (spec §1.3),
 * so they say what the participant emits in response to what.
 */
import { stringify } from 'yaml';
import {
  buildGraph,
  EDGE_MEANING_LABEL,
  isFailureEvent,
  isMessage,
  isParticipant,
  reactionTable,
  type DesignGraph,
  type Link,
  type MessageNode,
  type ParticipantNode,
  type ParticipantReactions,
  type SagaDocument,
} from '../model/index.ts';
import { listing } from '../model/analysis.ts';
import { fileSlugOf, keyOf, uniquely } from './names.ts';
import { ExportRefused, refuseEmpty } from './refusal.ts';

export const ASYNCAPI_VERSION = '3.0.0';
/** The version of each participant's API: the design carries none, so every export starts at 1.0.0. */
export const API_VERSION = '1.0.0';

export interface AsyncApiFile {
  participant: ParticipantNode;
  /** `payment-service.asyncapi.yaml`: unique within the design, safe on every file system. */
  fileName: string;
  /** The YAML document. */
  text: string;
}

/** Every participant's AsyncAPI document as one YAML stream, documents separated by `---` lines. */
export function toAsyncApi(doc: SagaDocument): string {
  return asyncApiFiles(doc)
    .map((f) => f.text)
    .join('---\n');
}

/** One YAML document per service and orchestrator, in the design's order. */
export function asyncApiFiles(doc: SagaDocument): AsyncApiFile[] {
  const documents = asyncApiDocuments(doc);
  const fileNames = uniquely(
    documents.map((d) => fileSlugOf(d.participant.name)),
    (i) => `participant-${i + 1}`,
  );
  return documents.map(({ participant, document }, i) => ({
    participant,
    fileName: `${fileNames[i]}.asyncapi.yaml`,
    // No anchors and aliases (`&a1` / `*a1`): each document must read on its own.
    text: stringify(document, { aliasDuplicateObjects: false }),
  }));
}

/** The AsyncAPI documents as plain objects, one per service and orchestrator. */
export function asyncApiDocuments(doc: SagaDocument): { participant: ParticipantNode; document: Record<string, unknown> }[] {
  refuseEmpty(doc);
  const participants = doc.nodes.filter(isParticipant);
  if (participants.length === 0)
    throw new ExportRefused('the design has no service or orchestrator: AsyncAPI describes what each of them sends and receives; add one');
  const graph = buildGraph(doc);
  const reactions = reactionTable(graph);
  const keys = messageKeys(doc);
  return participants.map((participant) => ({ participant, document: documentOf(participant, graph, reactions.get(participant.id)!, keys) }));
}

/** One key per message for the whole design, so a message has the same key in every participant's document. */
function messageKeys(doc: SagaDocument): Map<string, string> {
  const messages = doc.nodes.filter(isMessage);
  const keys = uniquely(
    messages.map((m) => keyOf(m.name)),
    (i) => `message-${i + 1}`,
  );
  return new Map(messages.map((m, i) => [m.id, keys[i]!]));
}

function documentOf(p: ParticipantNode, graph: DesignGraph, own: ParticipantReactions, keys: Map<string, string>): Record<string, unknown> {
  const received = own.reactions.map((r) => r.input);
  const sent = unique(graph.outputs(p.id).map((l) => l.target as MessageNode));
  const used = unique([...received, ...sent]);

  const key = (m: MessageNode) => keys.get(m.id)!;
  const channels = used.map((m) => [key(m), channelOf(m, key(m))] as const);
  const operations = [
    ...received.map((m) => [`receive${capitalised(key(m))}`, operationOf('receive', key(m), receiveWords(m, own))] as const),
    ...sent.map((m) => [`send${capitalised(key(m))}`, operationOf('send', key(m), sendWords(m, own))] as const),
  ];
  const messages = used.map((m) => [key(m), messageOf(m, key(m), graph)] as const);
  const role = p.kind === 'orchestrator' ? 'Orchestrator' : 'Service';
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: p.name,
      version: API_VERSION,
      description: [p.description, `${role} in the Sagaboard design "${graph.doc.name}".`].filter(Boolean).join('\n\n'),
    },
    defaultContentType: 'application/json',
    ...(channels.length > 0 ? { channels: Object.fromEntries(channels) } : {}),
    ...(operations.length > 0 ? { operations: Object.fromEntries(operations) } : {}),
    ...(messages.length > 0 ? { components: { messages: Object.fromEntries(messages) } } : {}),
  };
}

function channelOf(m: MessageNode, key: string) {
  return {
    // The key's alphabet has no `{`, which an address would read as a parameter.
    address: key,
    title: m.name,
    messages: { [key]: { $ref: `#/components/messages/${key}` } },
  };
}

function operationOf(action: 'send' | 'receive', key: string, words: { summary: string; description?: string }) {
  return {
    action,
    channel: { $ref: `#/channels/${key}` },
    messages: [{ $ref: `#/channels/${key}/messages/${key}` }],
    summary: words.summary,
    ...(words.description ? { description: words.description } : {}),
  };
}

function messageOf(m: MessageNode, key: string, graph: DesignGraph) {
  const what = m.kind === 'command' ? 'command' : 'event';
  const tags = [what, isFailureEvent(m) && 'failure', m.kind === 'event' && m.terminal && 'terminal', m.kind === 'command' && graph.isCompensation(m.id) && 'compensation'];
  return {
    name: key,
    title: m.name,
    summary: firstSentence(m.description) ?? `The ${what} ${m.name}.`,
    ...(m.description ? { description: m.description } : {}),
    tags: tags.filter((t): t is string => typeof t === 'string').map((name) => ({ name })),
    payload: {
      type: 'object',
      description: `Placeholder: Sagaboard does not model the fields of ${m.name}.`,
    },
  };
}

/** What handling a consumed message does, from the reactions table. */
function receiveWords(m: MessageNode, own: ParticipantReactions): { summary: string; description?: string } {
  const reaction = own.byInput.get(m.id)!;
  const summary = m.kind === 'command' ? `Handles the command ${m.name}.` : `Subscribes to the event ${m.name}.`;
  const emits = (l: Link) => `${EDGE_MEANING_LABEL[l.meaning]} ${l.target.name}`;
  const onSuccess = reaction.onSuccess.map(emits);
  const onFailure = reaction.onFailure.map(emits);
  const undone = reaction.via.edge.compensates;
  const lines = [
    undone !== undefined && `Undoes its earlier handling of ${own.reactions.find((r) => r.input.id === undone)?.input.name ?? undone}.`,
    onSuccess.length > 0 && `On success it ${listing(onSuccess)}.`,
    onFailure.length > 0 && `On a business failure it ${listing(onFailure)}.`,
  ].filter((s): s is string => typeof s === 'string');
  return lines.length > 0 ? { summary, description: lines.join(' ') } : { summary };
}

/** When a message is emitted, from the reactions table. */
function sendWords(m: MessageNode, own: ParticipantReactions): { summary: string; description?: string } {
  const summary = m.kind === 'command' ? `Sends the command ${m.name}.` : `Publishes the event ${m.name}.`;
  const after = own.reactions.filter((r) => r.onSuccess.some((l) => l.target.id === m.id)).map((r) => r.input.name);
  const failing = own.reactions.filter((r) => r.onFailure.some((l) => l.target.id === m.id)).map((r) => r.input.name);
  const lines = [
    after.length > 0 && `After handling ${listing(after)}.`,
    failing.length > 0 && `When handling ${listing(failing, 'or')} fails.`,
    own.compensationOutputs.some((l) => l.target.id === m.id) && 'While compensating (backward recovery).',
  ].filter((s): s is string => typeof s === 'string');
  return lines.length > 0 ? { summary, description: lines.join(' ') } : { summary };
}

const capitalised = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** The first sentence (or line) of a description, for a summary. */
function firstSentence(text: string | undefined): string | undefined {
  const first = text?.trim().split(/\n|(?<=[.!?])\s/)[0]?.trim();
  return first ? first : undefined;
}
