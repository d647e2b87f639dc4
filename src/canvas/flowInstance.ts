/**
 * The canvas' React Flow instance, for code that runs outside React: the peer benchmark's page
 * (bench/peer) pans the view with it exactly as a mouse pan does. Set when the canvas mounts.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { CanvasNode, FlowEdge } from './adapter.ts';

type Flow = ReactFlowInstance<CanvasNode, FlowEdge>;

let current: Flow | undefined;

export const rememberFlow = (flow: Flow): void => {
  current = flow;
};

export const flowInstance = (): Flow | undefined => current;
