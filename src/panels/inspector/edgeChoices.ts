/**
 * What the inspector offers for a connection's `on` and `compensates` (spec §1.2): the messages
 * its participant consumes, which of them are ticked, and what happens when one is toggled.
 */
import { edgeMeaning, type EdgeMeaning, type MessageNode, type SagaDocument, type SagaEdge } from '../../model/index.ts';
import { graphOf } from './designGraph.ts';

/** The messages a service or orchestrator consumes (each once, in drawing order). */
export function consumedMessages(doc: SagaDocument, participantId: string): MessageNode[] {
  const seen = new Set<string>();
  const messages: MessageNode[] = [];
  for (const link of graphOf(doc).inputs(participantId)) {
    if (seen.has(link.source.id)) continue;
    seen.add(link.source.id);
    messages.push(link.source as MessageNode);
  }
  return messages;
}

/** The meaning of a connection, or undefined when an end is missing or the kinds may not be joined. */
export function meaningOf(doc: SagaDocument, edge: SagaEdge): EdgeMeaning | undefined {
  const g = graphOf(doc);
  const source = g.node.get(edge.source);
  const target = g.node.get(edge.target);
  return source && target ? edgeMeaning(source.kind, target.kind) : undefined;
}

export interface OnChoice {
  id: string;
  /** The message's name, or its id when `on` names a node that is gone. */
  name: string;
  checked: boolean;
  /** Named in `on` but not consumed by the source (G014): shown so it can be unticked. */
  stray: boolean;
}

export interface OnChecklist {
  choices: OnChoice[];
  /** The source consumes exactly one message and `on` is left out: the output answers that one (not for compensation commands). */
  implicit: MessageNode | undefined;
  /** `on` is left out and the target is a compensation command: sent while compensating. */
  whileCompensating: boolean;
}

/**
 * The `on` checklist of a sends / publishes connection from a service or orchestrator: the
 * messages its source consumes, and stray `on` entries after them.
 */
export function onChecklist(
  edge: SagaEdge,
  consumed: readonly MessageNode[],
  nameOf: (id: string) => string | undefined,
  targetIsCompensation: boolean,
): OnChecklist {
  const on = edge.on ?? [];
  // A compensation command without "on" is sent while compensating, never as the default answer (spec §1.3).
  const implicit = on.length === 0 && consumed.length === 1 && !targetIsCompensation ? consumed[0] : undefined;
  const choices: OnChoice[] = consumed.map((m) => ({ id: m.id, name: m.name, checked: on.includes(m.id) || m === implicit, stray: false }));
  for (const id of new Set(on)) {
    if (!consumed.some((m) => m.id === id)) choices.push({ id, name: nameOf(id) ?? id, checked: true, stray: true });
  }
  return { choices, implicit, whileCompensating: on.length === 0 && targetIsCompensation };
}

/**
 * The `on` list after ticking or unticking one message, in the order the messages are listed;
 * undefined (attribute removed) when nothing is left ticked.
 */
export function toggledOn(list: OnChecklist, messageId: string, checked: boolean): string[] | undefined {
  const next = list.choices.filter((c) => (c.id === messageId ? checked : c.checked)).map((c) => c.id);
  return next.length > 0 ? next : undefined;
}

/**
 * What a subscribed-by connection may compensate: the subscriber's other inputs, and the current
 * value when it names something the subscriber does not consume (G014).
 */
export function compensatesChoices(
  edge: SagaEdge,
  consumedByTarget: readonly MessageNode[],
  nameOf: (id: string) => string | undefined,
): { id: string; name: string; stray: boolean }[] {
  const current = edge.compensates;
  // An event undoing its own handling means nothing: it is not offered (but shown if it is the value).
  const choices = consumedByTarget.filter((m) => m.id !== edge.source || m.id === current).map((m) => ({ id: m.id, name: m.name, stray: false }));
  if (current !== undefined && !choices.some((c) => c.id === current)) choices.push({ id: current, name: nameOf(current) ?? current, stray: true });
  return choices;
}
