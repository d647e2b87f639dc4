/**
 * The design as a `*.sagaboard.json` file, normalised: the current version, keys in one stable
 * order (two exports of the same design are byte-identical, and diffs stay small), 2-space
 * indent, a final newline. Key orders come from the schema, so a new field needs no change here.
 */
import {
  actorSchema,
  commandSchema,
  CURRENT_VERSION,
  documentSchema,
  edgeSchema,
  eventSchema,
  faultSchema,
  orchestratorSchema,
  retryPolicySchema,
  scenarioSchema,
  scheduleStepSchema,
  serviceSchema,
  type NodeKind,
  type SagaDocument,
  type SagaNode,
} from '../model/index.ts';
import { refuseEmpty } from './refusal.ts';

type Plain = Record<string, unknown>;

/** The normalised text of a design; `loadDocument(toJson(doc))` gives the design back. */
export function toJson(doc: SagaDocument): string {
  refuseEmpty(doc);
  return `${JSON.stringify(normalised(doc), null, 2)}\n`;
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);

/** Identity first, then what the kind adds, and the position last: the order a person reads a node in. */
const NODE_HEAD = ['id', 'kind', 'name', 'description'];
const nodeOrder = (schema: { shape: object }) => [...NODE_HEAD, ...keysOf(schema).filter((k) => !NODE_HEAD.includes(k) && k !== 'position'), 'position'];
const NODE_KEYS: Readonly<Record<NodeKind, string[]>> = {
  actor: nodeOrder(actorSchema),
  service: nodeOrder(serviceSchema),
  orchestrator: nodeOrder(orchestratorSchema),
  command: nodeOrder(commandSchema),
  event: nodeOrder(eventSchema),
};

/** Like a node: what it is first, where it is last; a group's list of nodes after its name and colour. */
const NOTE_KEYS = ['id', 'text', 'width', 'position'];
const GROUP_KEYS = ['id', 'name', 'color', 'nodes'];

function normalised(doc: SagaDocument): Plain {
  return ordered(
    {
      ...doc,
      version: CURRENT_VERSION,
      nodes: doc.nodes.map(normalisedNode),
      edges: doc.edges.map((e) => ordered(e, keysOf(edgeSchema))),
      scenarios: doc.scenarios?.map((s) =>
        ordered(
          { ...s, faults: s.faults.map((f) => ordered(f, keysOf(faultSchema))), schedule: s.schedule?.map((step) => ordered(step, keysOf(scheduleStepSchema))) },
          keysOf(scenarioSchema),
        ),
      ),
      notes: doc.notes?.map((n) => ordered({ ...n, position: ordered(n.position, ['x', 'y']) }, NOTE_KEYS)),
      groups: doc.groups?.map((g) => ordered(g, GROUP_KEYS)),
    },
    keysOf(documentSchema),
  );
}

function normalisedNode(node: SagaNode): Plain {
  const plain: Plain = { ...node };
  if (node.position) plain.position = ordered(node.position, ['x', 'y']);
  if (node.kind === 'command' && node.retry) plain.retry = ordered(node.retry, keysOf(retryPolicySchema));
  return ordered(plain, NODE_KEYS[node.kind]);
}

/** A copy with `keys` first in that order, then any other keys alphabetically; undefined values are dropped. */
function ordered(value: object, keys: readonly string[]): Plain {
  const source = value as Plain;
  const out: Plain = {};
  const rest = Object.keys(source).filter((k) => !keys.includes(k)).sort();
  for (const key of [...keys, ...rest]) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}
