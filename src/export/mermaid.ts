/**
 * The design as a Mermaid `flowchart LR`: one shape per node kind, one labelled arrow per
 * connection, coloured like the canvas; groups as `subgraph`s around their nodes, notes as
 * free-standing sticky-note boxes. Plain diagram text only: no `click` directives, no HTML.
 */
import { buildGraph, EDGE_MEANING_LABEL, edgeMeaning, type NodeKind, type SagaDocument } from '../model/index.ts';
import { groupColours } from '../layout/annotations.ts';
import { familyOf, flagsOf, edgeLabelOf, FAMILY_COLOUR, nodeLook, SWATCH, TERMINAL_STROKE_WIDTH, type EdgeFamily, type EdgeLook, type NodeLook, type Swatch } from './look.ts';
import { mermaidId, mermaidText, mermaidTitle } from './mermaidText.ts';
import { refuseEmpty } from './refusal.ts';

/** Shapes by kind: actor a stadium, service a box, orchestrator a double-sided box, command a flag, event rounded. */
const SHAPE: Readonly<Record<NodeKind, [string, string]>> = {
  actor: ['(["', '"])'],
  service: ['["', '"]'],
  orchestrator: ['[["', '"]]'],
  command: ['>"', '"]'],
  event: ['("', '")'],
};

/** The Mermaid flowchart of a design. */
export function toMermaid(doc: SagaDocument): string {
  refuseEmpty(doc);
  const graph = buildGraph(doc);
  const ids = new Map(doc.nodes.map((n, i) => [n.id, mermaidId('n', i, n.id)]));
  const lines = ['---', `title: ${mermaidTitle(doc.name)}`, '---', 'flowchart LR'];

  const classes = new Map<NodeLook, string[]>();
  const terminals: string[] = [];
  for (const node of doc.nodes) {
    const id = ids.get(node.id)!;
    const [open, close] = SHAPE[node.kind];
    lines.push(`  ${id}${open}${mermaidText(node.name)}${close}`);
    const flags = flagsOf(node, graph);
    listIn(classes, nodeLook(node.kind, flags)).push(id);
    if (flags.terminal) terminals.push(id);
  }

  // Groups (spec §1.2a) as subgraphs: a node declared above is moved into the subgraph that lists it.
  const groupStyles: string[] = [];
  (doc.groups ?? []).forEach((group, i) => {
    const members = group.nodes.map((id) => ids.get(id)).filter((id) => id !== undefined);
    if (members.length === 0) return;
    const id = mermaidId('g', i, group.id);
    lines.push(`  subgraph ${id}["${mermaidText(group.name)}"]`, ...members.map((m) => `    ${m}`), '  end');
    const c = groupColours(group.color);
    groupStyles.push(`  style ${id} fill:${c.fill},stroke:${c.stroke},color:${c.ink}`);
  });
  // Notes: boxes of their own, tied to nothing.
  const notes = (doc.notes ?? []).filter((n) => n.text.trim() !== '').map((n, i) => {
    const id = mermaidId('note', i, n.id);
    lines.push(`  ${id}["${mermaidText(n.text)}"]`);
    return id;
  });

  const linksByFamily = new Map<EdgeFamily, number[]>();
  let linkIndex = 0;
  for (const edge of doc.edges) {
    const source = graph.node.get(edge.source);
    const target = graph.node.get(edge.target);
    // A connection to a missing node (G001) has nothing to point at; Mermaid would invent a node.
    if (!source || !target) continue;
    const meaning: EdgeLook = edgeMeaning(source.kind, target.kind) ?? 'invalid';
    const family = familyOf(meaning, source, target, graph, edge.compensates);
    const label = labelOf(meaning, edgeLabelOf(meaning, graph, edge.compensates));
    // Dotted for a compensation (compensated by, or a subscription that undoes), crossed for a forbidden pair.
    const undoes = meaning === 'compensatedBy' || (meaning === 'subscribedBy' && family === 'compensation');
    const arrow = meaning === 'invalid' ? '--x' : undoes ? '-.->' : '-->';
    lines.push(`  ${ids.get(source.id)} ${arrow}|"${mermaidText(label)}"| ${ids.get(target.id)}`);
    listIn(linksByFamily, family).push(linkIndex++);
  }

  for (const [name, members] of classes) lines.push(`  classDef ${name} ${classStyle(SWATCH[name])}`, `  class ${members.join(',')} ${name}`);
  // After the kinds' classes, so that its outline wins over theirs.
  if (terminals.length > 0) lines.push(`  classDef terminal stroke-width:${TERMINAL_STROKE_WIDTH}px`, `  class ${terminals.join(',')} terminal`);
  for (const [family, indexes] of linksByFamily) lines.push(`  linkStyle ${indexes.join(',')} stroke:${FAMILY_COLOUR[family]},color:${FAMILY_COLOUR[family]}`);
  lines.push(...groupStyles);
  if (notes.length > 0) lines.push(`  classDef note ${NOTE_STYLE}`, `  class ${notes.join(',')} note`);
  return `${lines.join('\n')}\n`;
}

/** The meaning's words, plus the canvas's label when it says more (`subscribed by, compensates OrderCreated`). */
function labelOf(meaning: EdgeLook, canvasLabel: string | undefined): string {
  if (meaning === 'invalid') return canvasLabel ?? 'not allowed';
  const words = EDGE_MEANING_LABEL[meaning];
  return canvasLabel === undefined || canvasLabel === words ? words : `${words}, ${canvasLabel}`;
}

/** A sticky note, as on the canvas. */
const NOTE_STYLE = 'fill:#fef6c3,stroke:#e8d27a,stroke-width:1px,color:#3f3a1d';

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function classStyle(s: Swatch): string {
  return [`fill:${s.fill}`, `stroke:${s.stroke}`, `stroke-width:${s.strokeWidth}px`, `color:${s.ink}`, ...(s.dash ? [`stroke-dasharray:${s.dash}`] : [])].join(',');
}
