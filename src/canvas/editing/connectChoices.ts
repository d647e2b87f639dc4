/**
 * What the keyboard "Connect to…" list offers for a node: every other node, split into those it may
 * be connected to (with what the connection would mean) and those it may not (with the reason).
 * The answer comes from `problemBetween`, which is also what `connectionProblem` asks when the
 * canvas refuses a drag, so the list and the mouse never disagree.
 */
import { buildGraph, edgeMeaning, EDGE_MEANING_LABEL, isCompensationCommand, type NodeKind, type SagaDocument, type SagaNode } from '../../model/index.ts';
import { problemBetween } from '../../model/operations.ts';
import { KIND_LABEL } from '../adapter.ts';

/** `out`: from the node to the one picked; `in`: from the one picked to the node. */
export type ConnectDirection = 'out' | 'in';

/** How a node is drawn in the list: its kind, with failure events and compensations told apart. */
export type ChoiceLook = NodeKind | 'failure' | 'compensation';

export interface ConnectChoice {
  /** The node offered. */
  id: string;
  name: string;
  look: ChoiceLook;
  /** "Failure event", "Compensation command"… */
  kindLabel: string;
  /** The connection it would make. */
  source: string;
  target: string;
  /** What the connection would mean ("handled by"), when it is allowed. */
  meaning?: string;
  /** The whole connection in words: "PlaceOrder handled by OrderService". */
  sentence: string;
  /** Why it is refused (the canvas's hint), or undefined when it is allowed. */
  problem?: string;
}

export interface ConnectChoices {
  allowed: ConnectChoice[];
  refused: ConnectChoice[];
}

const byName = (a: ConnectChoice, b: ConnectChoice) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

/** Every other node of the design, for connecting `nodeId` in `direction`; allowed first, each list by name. */
export function connectChoices(doc: SagaDocument, nodeId: string, direction: ConnectDirection): ConnectChoices {
  const self = doc.nodes.find((n) => n.id === nodeId);
  if (!self) return { allowed: [], refused: [] };
  const graph = buildGraph(doc);
  // One pass over the connections, not one per node offered (the canvas takes designs of thousands of nodes).
  const connected = new Set(doc.edges.map((e) => `${e.source}\u0000${e.target}`));
  const allowed: ConnectChoice[] = [];
  const refused: ConnectChoice[] = [];
  for (const other of doc.nodes) {
    if (other.id === nodeId) continue;
    const [source, target] = direction === 'out' ? [self, other] : [other, self];
    const problem = problemBetween(source, target, connected.has(`${source.id}\u0000${target.id}`));
    const meaning = edgeMeaning(source.kind, target.kind);
    const look = lookOf(other, isCompensationCommand(graph, other.id));
    const choice: ConnectChoice = {
      id: other.id,
      name: other.name,
      look,
      kindLabel: LOOK_LABEL[look],
      source: source.id,
      target: target.id,
      sentence: meaning ? `${source.name} ${EDGE_MEANING_LABEL[meaning]} ${target.name}` : `${source.name} to ${target.name}`,
    };
    if (meaning) choice.meaning = EDGE_MEANING_LABEL[meaning];
    if (problem === undefined) allowed.push(choice);
    else refused.push({ ...choice, problem });
  }
  return { allowed: allowed.sort(byName), refused: refused.sort(byName) };
}

/** The choices whose name (or kind) contains the query, names that start with it first. */
export function filterChoices(choices: readonly ConnectChoice[], query: string): ConnectChoice[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...choices];
  const starts: ConnectChoice[] = [];
  const contains: ConnectChoice[] = [];
  for (const c of choices) {
    const name = c.name.toLowerCase();
    if (name.startsWith(q)) starts.push(c);
    else if (name.includes(q) || c.kindLabel.toLowerCase().includes(q)) contains.push(c);
  }
  return [...starts, ...contains];
}

function lookOf(node: SagaNode, compensation: boolean): ChoiceLook {
  if (node.kind === 'event' && node.outcome === 'failure') return 'failure';
  if (node.kind === 'command' && compensation) return 'compensation';
  return node.kind;
}

const LOOK_LABEL: Readonly<Record<ChoiceLook, string>> = {
  ...KIND_LABEL,
  failure: 'Failure event',
  compensation: 'Compensation',
};
