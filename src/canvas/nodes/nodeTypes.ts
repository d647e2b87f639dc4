/** React Flow node types by document node kind, plus notes and group frames (module level, so React Flow never re-creates them). */
import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../model/index.ts';
import { CommandNode, EventNode } from './MessageNodes.tsx';
import { ActorNode, OrchestratorNode, ServiceNode } from './ParticipantNodes.tsx';
import { FrameNode } from './FrameNode.tsx';
import { NoteNode } from './NoteNode.tsx';

export const nodeTypes = {
  actor: ActorNode,
  service: ServiceNode,
  orchestrator: OrchestratorNode,
  command: CommandNode,
  event: EventNode,
  note: NoteNode,
  frame: FrameNode,
} satisfies Record<NodeKind | 'note' | 'frame', NodeTypes[string]>;
