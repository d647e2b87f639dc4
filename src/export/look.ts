/**
 * How an exported design looks: node colours by kind and connection colours by the message that
 * travels on them, the same as the canvas (canvas/nodes/nodes.css, canvas/edges/edgeLook.ts),
 * so a picture or a diagram reads like the app. Shared by the SVG and the Mermaid exports.
 */
import { EDGE_MEANING_LABEL, isCompensationCommand, type DesignGraph, type EdgeMeaning, type NodeKind, type SagaNode } from '../model/index.ts';

/** What a node is drawn as: its kind, or the failure / compensation variant of an event / command. */
export type NodeLook = NodeKind | 'compensation' | 'failure';

/** The variants of a node that change how it is drawn. */
export interface NodeFlags {
  /** An event with outcome "failure". */
  failure?: boolean;
  /** A command that undoes another one (target of a compensated-by connection). */
  compensation?: boolean;
  /** An event that ends the process. */
  terminal?: boolean;
  /** A service found coordinating the flow (a hub): drawn with a heavier outline. */
  orchestrator?: boolean;
}

export interface Swatch {
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** The colour of the name. */
  ink: string;
  /** The colour of the small kind caption above the name. */
  caption: string;
  dash?: string;
}

const INK = '#0f172a';

export const SWATCH: Readonly<Record<NodeLook, Swatch>> = {
  actor: { fill: '#f1f4f8', stroke: '#7b8798', strokeWidth: 1.5, ink: INK, caption: '#5b6675' },
  service: { fill: '#ffffff', stroke: '#334155', strokeWidth: 2, ink: INK, caption: '#5b6675' },
  orchestrator: { fill: '#1e293b', stroke: '#1e293b', strokeWidth: 2, ink: '#ffffff', caption: '#cbd5e1' },
  command: { fill: '#eef4ff', stroke: '#2563eb', strokeWidth: 2, ink: INK, caption: '#1d4ed8' },
  compensation: { fill: '#f6f3ff', stroke: '#7c3aed', strokeWidth: 2, ink: INK, caption: '#6d28d9', dash: '6 4' },
  event: { fill: '#fff6ec', stroke: '#ea7a12', strokeWidth: 2, ink: INK, caption: '#c2410c' },
  failure: { fill: '#fef2f2', stroke: '#dc2626', strokeWidth: 2, ink: INK, caption: '#b91c1c' },
};

/** The outline of an event that ends the process (a BPMN end event's thick border). */
export const TERMINAL_STROKE_WIDTH = 3.5;
/** The outline of a service that coordinates the flow. */
export const HUB_STROKE_WIDTH = 3;

export function nodeLook(kind: NodeKind, flags: NodeFlags): NodeLook {
  if (kind === 'command' && flags.compensation) return 'compensation';
  if (kind === 'event' && flags.failure) return 'failure';
  return kind;
}

/** The node's colours and outline, terminal and hub variants included. */
export function swatchOf(kind: NodeKind, flags: NodeFlags): Swatch {
  const swatch = SWATCH[nodeLook(kind, flags)];
  if (kind === 'event' && flags.terminal) return { ...swatch, strokeWidth: TERMINAL_STROKE_WIDTH };
  if (kind === 'service' && flags.orchestrator) return { ...swatch, strokeWidth: HUB_STROKE_WIDTH };
  return swatch;
}

/** The small caption above a node's name, as on the canvas. */
export function captionOf(kind: NodeKind, flags: NodeFlags): string {
  switch (kind) {
    case 'actor':
      return 'Actor';
    case 'service':
      return flags.orchestrator ? 'Service · hub' : 'Service';
    case 'orchestrator':
      return 'Orchestrator';
    case 'command':
      return flags.compensation ? 'Compensation' : 'Command';
    case 'event':
      if (flags.failure) return flags.terminal ? 'Failure · end' : 'Failure event';
      return flags.terminal ? 'End event' : 'Event';
  }
}

/** The flags of a node of the document. */
export function flagsOf(node: SagaNode, graph: DesignGraph): NodeFlags {
  return {
    failure: node.kind === 'event' && node.outcome === 'failure',
    compensation: node.kind === 'command' && isCompensationCommand(graph, node.id),
    terminal: node.kind === 'event' && node.terminal === true,
  };
}

/** Which kind of message travels on a connection: its colour. */
export type EdgeFamily = 'command' | 'event' | 'failure' | 'compensation' | 'invalid';

export const FAMILY_COLOUR: Readonly<Record<EdgeFamily, string>> = {
  command: '#2563eb',
  event: '#ea7a12',
  failure: '#dc2626',
  compensation: '#7c3aed',
  invalid: '#64748b',
};

/** What a connection means, or `invalid` for a pair of kinds the spec forbids (G002). */
export type EdgeLook = EdgeMeaning | 'invalid';

/**
 * The family of a connection of the document: the colour of the message on it; a subscription
 * that compensates (choreography) counts as compensation.
 */
export function familyOf(meaning: EdgeLook, source: SagaNode, target: SagaNode, graph: DesignGraph, compensates: string | undefined): EdgeFamily {
  switch (meaning) {
    case 'invalid':
      return 'invalid';
    case 'compensatedBy':
      return 'compensation';
    case 'sends':
    case 'handledBy':
      return isCompensationCommand(graph, (meaning === 'sends' ? target : source).id) ? 'compensation' : 'command';
    case 'publishes':
    case 'subscribedBy': {
      if (meaning === 'subscribedBy' && compensates !== undefined) return 'compensation';
      const event = meaning === 'publishes' ? target : source;
      return event.kind === 'event' && event.outcome === 'failure' ? 'failure' : 'event';
    }
  }
}

/** The family a connection has when only its meaning is known (a scene without families). */
export function defaultFamily(meaning: EdgeLook): EdgeFamily {
  switch (meaning) {
    case 'sends':
    case 'handledBy':
      return 'command';
    case 'publishes':
    case 'subscribedBy':
      return 'event';
    case 'compensatedBy':
      return 'compensation';
    case 'invalid':
      return 'invalid';
  }
}

/** The dash pattern of a connection line: solid into a message, dotted out of it, dashed for a compensation. */
export function dashOf(meaning: EdgeLook, family: EdgeFamily, dashed: boolean): string | undefined {
  if (dashed || meaning === 'compensatedBy' || (family === 'compensation' && meaning === 'subscribedBy')) return '7 5';
  if (meaning === 'handledBy' || meaning === 'subscribedBy') return '0.5 5';
  if (meaning === 'invalid') return '3 4';
  return undefined;
}

/** The label drawn on a connection, when it has one: the same words as the canvas. */
export function edgeLabelOf(meaning: EdgeLook, graph: DesignGraph, compensates: string | undefined): string | undefined {
  if (meaning === 'invalid') return 'not allowed';
  if (meaning === 'compensatedBy') return EDGE_MEANING_LABEL.compensatedBy;
  if (meaning === 'subscribedBy' && compensates !== undefined) return `compensates ${graph.node.get(compensates)?.name ?? compensates}`;
  return undefined;
}
