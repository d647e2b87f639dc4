/** The design as a diagram. Read-only for now: nodes can be selected, not moved or connected. */
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import './nodes/nodes.css';
import type { NodeKind } from '../model/index.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import { edgeTypes } from './edges/MessageEdge.tsx';
import { Legend } from './Legend.tsx';
import { FIT_DESIGN } from './viewport.ts';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { useFlowElements } from './useFlowElements.ts';
import { useFrameOpenedDesign } from './useFrameOpenedDesign.ts';

const MINIMAP_COLOUR: Readonly<Record<NodeKind, string>> = {
  actor: '#94a3b8',
  service: '#475569',
  orchestrator: '#1e293b',
  command: '#60a5fa',
  event: '#fb923c',
};

function minimapColour(node: FlowNode): string {
  if (node.data.failure) return '#f87171';
  if (node.data.compensation) return '#a78bfa';
  return MINIMAP_COLOUR[node.type ?? 'service'];
}

export function Canvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements();
  useFrameOpenedDesign();
  return (
    <div className="sb-canvas" data-testid="canvas">
      <EdgeMarkers />
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        fitView
        fitViewOptions={FIT_DESIGN}
        minZoom={0.15}
        maxZoom={2.5}
        aria-label="Design canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.6} color="#cfd5de" />
        <Legend />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap<FlowNode> nodeColor={minimapColour} nodeBorderRadius={6} pannable zoomable position="bottom-right" ariaLabel="Overview of the design" />
      </ReactFlow>
    </div>
  );
}
