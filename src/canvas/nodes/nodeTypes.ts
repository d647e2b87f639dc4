/** React Flow node types by document node kind (module level, so React Flow never re-creates them). */
import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../model/index.ts';
import { CommandNode, EventNode } from './MessageNodes.tsx';
import { ActorNode, OrchestratorNode, ServiceNode } from './ParticipantNodes.tsx';

export const nodeTypes = {
  actor: ActorNode,
  service: ServiceNode,
  orchestrator: OrchestratorNode,
  command: CommandNode,
  event: EventNode,
} satisfies Record<NodeKind, NodeTypes[string]>;
