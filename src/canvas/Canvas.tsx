/** The design as a diagram you edit: drag from the palette, connect handles, move, select, type. */
import { lazy, Suspense, useCallback, useState } from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, SelectionMode, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import './nodes/nodes.css';
import './shortcuts/shortcuts.css';
import './farZoom.css';
import './simulation/simulation.css';
import type { NodeKind } from '../model/index.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import { edgeTypes } from './edges/MessageEdge.tsx';
import { Legend } from './Legend.tsx';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { useFlowElements } from './useFlowElements.ts';
import { useFrameOpenedDesign } from './useFrameOpenedDesign.ts';
import { useCanvasEditing } from './editing/useCanvasEditing.ts';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { HintToast } from './HintToast.tsx';
import { Palette } from './palette/Palette.tsx';
import { ShortcutSheet } from './shortcuts/ShortcutSheet.tsx';

import { TidyUpButton } from './layout/TidyUpButton.tsx';
import { useFrameOnModeChange } from './simulation/useFrameOnModeChange.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useSimulationStore } from '../store/simulationStore.ts';
import { useShortcuts } from './shortcuts/useShortcuts.ts';

/** Nodes snap to this grid when dragged or moved with the arrow keys. */
const GRID: [number, number] = [16, 16];

/** Below this zoom names cannot be read: the design is drawn as shapes and lines only (farZoom.css). */
const FAR_ZOOM = 0.4;

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

// Tokens come with the simulator: loaded when simulation mode starts.
const TokenLayer = lazy(() => import('./simulation/TokenLayer.tsx'));

export function Canvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements();
  const editing = useCanvasEditing();
  const [sheetOpen, setSheetOpen] = useState(false);
  const openSheet = useCallback(() => setSheetOpen(true), []);
  // A boolean, so the canvas re-renders only when the zoom crosses the line, not on every frame.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  // While simulating, and for a shared design's preview, the design is read-only: it can be selected (to inject faults), not changed.
  const simulating = useSimulationStore((s) => s.active);
  const readOnly = useDesignStore((s) => s.source?.kind === 'shared') || simulating;
  useFrameOnModeChange(simulating);
  useFrameOpenedDesign();
  useShortcuts(openSheet);
  return (
    <div
      className={`sb-canvas${far ? ' sb-canvas--far' : ''}${readOnly ? ' sb-canvas--read-only' : ''}`}
      data-testid="canvas"
      onDragOver={readOnly ? undefined : editing.onDragOver}
      onDrop={readOnly ? undefined : editing.onDrop}
    >
      <EdgeMarkers />
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={editing.onConnect}
        onConnectEnd={editing.onConnectEnd}
        isValidConnection={editing.isValidConnection}
        onNodeDoubleClick={readOnly ? undefined : editing.onNodeDoubleClick}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        snapToGrid
        snapGrid={GRID}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionMode={SelectionMode.Partial}
        zoomOnDoubleClick={false}
        minZoom={0.15}
        maxZoom={2.5}
        aria-label="Design canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.6} color="#cfd5de" />
        <Legend />
        {simulating && (
          <Suspense fallback={null}>
            <TokenLayer />
          </Suspense>
        )}
        {!readOnly && <Palette />}
        <Panel position="top-right">
          {!readOnly && <TidyUpButton />}
          <button type="button" className="sb-canvas__help" onClick={openSheet} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </button>
        </Panel>
        <Controls showInteractive={false} position="bottom-left" />
        {!simulating && <MiniMap<FlowNode> nodeColor={minimapColour} nodeBorderRadius={6} pannable zoomable position="bottom-right" ariaLabel="Overview of the design" />}
      </ReactFlow>
      <EmptyCanvasHint />
      <HintToast />
      {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
    </div>
  );
}
