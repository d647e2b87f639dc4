/** The design as a diagram you edit: drag from the palette, connect handles, move, select, type. */
import { lazy, Suspense, useCallback, useState } from 'react';
import { ControlButton, Controls, Panel, ReactFlow, SelectionMode, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import './nodes/nodes.css';
import './shortcuts/shortcuts.css';
import './nodes/annotations.css';
import './nodes/faces.css';
import './farZoom.css';
import './simulation/simulation.css';
import type { NodeKind } from '../model/index.ts';
import { ZOOM_LIMITS } from '../persistence/viewport.ts';
import type { CanvasNode, FlowEdge } from './adapter.ts';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import { ConnectionLayer } from './edges/ConnectionLayer.tsx';
import { FaceLayer, FacesDrawn } from './nodes/FaceLayer.tsx';
import { pointAt } from './nodes/pointedNode.ts';
import { useConnectionEvents } from './edges/useConnectionEvents.ts';
import { Legend } from './Legend.tsx';
import { Overview } from './Overview.tsx';
import { HighlightBanner } from './HighlightBanner.tsx';
import { AnswerPicker } from './answers/AnswerPicker.tsx';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { FrameLayer } from './nodes/FrameNode.tsx';
import { useFlowElements } from './useFlowElements.ts';
import { rememberFlow } from './flowInstance.ts';
import { useFrameOpenedDesign } from './useFrameOpenedDesign.ts';
import { useFrameDesign } from './useFrameDesign.ts';
import { useFrameLayoutSteps } from './layout/layoutSteps.ts';
import { useCanvasEditing } from './editing/useCanvasEditing.ts';
import { ConnectPicker, type ConnectRequest } from './editing/ConnectPicker.tsx';
import type { ConnectDirection } from './editing/connectChoices.ts';
import { DotBackground } from './DotBackground.tsx';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { OpeningStatus } from './OpeningStatus.tsx';
import { HintToast } from './HintToast.tsx';
import { Palette } from './palette/Palette.tsx';
import { ShortcutSheet } from './shortcuts/ShortcutSheet.tsx';

import { TidyUpButton } from './layout/TidyUpButton.tsx';
import { WhatIfButton } from './whatIf/WhatIfButton.tsx';
import { WhatIfWatcher } from './whatIf/WhatIfWatcher.tsx';
import { useFrameOnModeChange } from './simulation/useFrameOnModeChange.ts';
import { isReadOnlySource, useDesignStore } from '../store/designStore.ts';
import { useSimulationStore } from '../store/simulationStore.ts';
import { useShortcuts } from './shortcuts/useShortcuts.ts';
import { useLiveStore } from '../store/liveStore.ts';
import { useHighlightStore } from '../store/highlightStore.ts';
import { PresenceLayer } from './presence/PresenceLayer.tsx';

const NO_EDGES: FlowEdge[] = [];

// The node under the pointer shows its handles (nodes/pointedNode.ts).
const pointAtNode = (_: unknown, node: CanvasNode) => pointAt(node.id);
const pointAtNothing = () => pointAt(null);

/** Nodes snap to this grid when dragged or moved with the arrow keys. */
const GRID: [number, number] = [16, 16];

/** Below this zoom names cannot be read: the design is drawn as shapes and lines only (farZoom.css). */
const FAR_ZOOM = 0.4;
/** Below this zoom the faces drop their kind captions and shadows (farZoom.css). */
const MID_ZOOM = 0.6;

const MINIMAP_COLOUR: Readonly<Record<NodeKind, string>> = {
  actor: '#94a3b8',
  service: '#475569',
  orchestrator: '#1e293b',
  command: '#60a5fa',
  event: '#fb923c',
};

function minimapColour(node: CanvasNode): string {
  if (node.type === 'note') return '#fde68a';
  if (node.type === 'frame') return '#e2e8f0';
  if (node.data.failure) return '#f87171';
  if (node.data.compensation) return '#a78bfa';
  return MINIMAP_COLOUR[node.type ?? 'service'];
}

/** What React Flow says to screen readers, in Sagaboard's words (its keys, and C to connect). */
const NODE_KEYS = 'Space selects the node, Enter renames it (or writes in a note), C connects it to another node, the arrow keys move the selection, Ctrl+G groups the selection, Delete removes it, Escape clears the selection.';
const ARIA_LABELS = {
  // React Flow shows the second one while keyboard support is on (as here), the first when it is off.
  'node.a11yDescription.default': NODE_KEYS,
  'node.a11yDescription.keyboardDisabled': NODE_KEYS,
  'node.a11yDescription.ariaLiveMessage': ({ direction }: { direction: string; x: number; y: number }) => `Moved the selection ${direction}.`,
  'edge.a11yDescription.default': 'Press Space to select the connection, then Delete to remove it.',
  'controls.ariaLabel': 'Zoom',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'minimap.ariaLabel': 'Overview of the design',
  'handle.ariaLabel': 'Connection point: drag to another node, or select the node and press C',
};

/** Simulating, or a shared preview: nodes can be selected (to inject a fault), not changed. */
const READ_ONLY_NODE_KEYS = 'Space selects the node, Escape clears the selection.';
const READ_ONLY_ARIA_LABELS = {
  ...ARIA_LABELS,
  'node.a11yDescription.default': READ_ONLY_NODE_KEYS,
  'node.a11yDescription.keyboardDisabled': READ_ONLY_NODE_KEYS,
  'edge.a11yDescription.default': 'Press Space to select the connection.',
};

// Tokens come with the simulator: loaded when simulation mode starts.
const TokenLayer = lazy(() => import('./simulation/TokenLayer.tsx'));

/**
 * Above this many nodes (notes and group names included), React Flow mounts only the nodes in view
 * (onlyRenderVisibleElements); every node's face is still drawn (FaceLayer.tsx), and a node is
 * mounted as soon as any of it comes into view. Its handles are declared (adapter.ts), so React
 * Flow need not draw it once to learn them. At 2,000 nodes this halves the heap and cuts opening
 * and edits (README, "Drawing big designs"). Smaller designs keep every node in the page, for Tab
 * to reach each one.
 */
export const MOUNT_IN_VIEW_ABOVE = 250;

export function Canvas() {
  const { nodes, edges, opening, onNodesChange } = useFlowElements();
  const connections = useConnectionEvents();
  const editing = useCanvasEditing();
  const [sheetOpen, setSheetOpen] = useState(false);
  const openSheet = useCallback(() => setSheetOpen(true), []);
  const [connecting, setConnecting] = useState<ConnectRequest | null>(null);
  const openConnect = useCallback((direction: ConnectDirection) => {
    const nodeId = useDesignStore.getState().selection.nodes[0];
    if (nodeId) setConnecting({ nodeId, direction });
  }, []);
  const closeConnect = useCallback(() => setConnecting(null), []);
  // A boolean, so the canvas re-renders only when the zoom crosses the line, not on every frame.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  const mid = useStore((s) => s.transform[2] < MID_ZOOM);
  // Faces are drawn in one layer (FaceLayer.tsx), except while a highlight dims part of the design.
  const faces = useHighlightStore((s) => s.highlight === null);
  // While simulating, and for a shared design's preview, the design is read-only: it can be selected (to inject faults), not changed.
  const simulating = useSimulationStore((s) => s.active);
  const readOnly = useDesignStore((s) => isReadOnlySource(s.source)) || simulating;
  // On a live board: the others' pointers, selections and drags, and this person's sent to them.
  const live = useLiveStore((s) => s.board !== null);
  useFrameOnModeChange(simulating);
  useFrameOpenedDesign();
  useFrameLayoutSteps();
  const frame = useFrameDesign();
  useShortcuts(openSheet, openConnect);
  return (
    <div
      className={`sb-canvas${opening ? ' sb-canvas--opening' : ''}${faces ? ' sb-canvas--faces' : ''}${mid ? ' sb-canvas--mid' : ''}${far ? ' sb-canvas--far' : ''}${readOnly ? ' sb-canvas--read-only' : ''}`}
      data-testid="canvas"
      onDragOver={readOnly ? undefined : editing.onDragOver}
      onDrop={readOnly ? undefined : editing.onDrop}
    >
      <EdgeMarkers />
      {/* Before the diagram in the page, so Tab reaches the tools before every node and connection. */}
      {!readOnly && <Palette />}
      <Panel position="top-right">
        {!readOnly && <WhatIfButton />}
        {!readOnly && <TidyUpButton />}
        <button type="button" className="sb-canvas__help" onClick={openSheet} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </Panel>
      <FacesDrawn.Provider value={faces}>
        <ReactFlow<CanvasNode, FlowEdge>
          nodes={nodes}
          // Connections are drawn by ConnectionLayer, not by React Flow.
          edges={NO_EDGES}
          nodeTypes={nodeTypes}
          onlyRenderVisibleElements={nodes.length > MOUNT_IN_VIEW_ABOVE}
          onInit={rememberFlow}
          onNodesChange={onNodesChange}
          onNodeMouseEnter={pointAtNode}
          onNodeMouseLeave={pointAtNothing}
          onPaneClick={connections.onPaneClick}
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
          minZoom={ZOOM_LIMITS.min}
          maxZoom={ZOOM_LIMITS.max}
          aria-label="Design canvas"
          ariaLabelConfig={readOnly ? READ_ONLY_ARIA_LABELS : ARIA_LABELS}
        >
          <DotBackground />
          <FrameLayer nodes={nodes} />
          <ConnectionLayer nodes={nodes} edges={edges} events={connections.events}>
            <FaceLayer nodes={nodes} />
          </ConnectionLayer>
          <Legend />
          <HighlightBanner />
          {live && <PresenceLayer />}
          {simulating && (
            <Suspense fallback={null}>
              <TokenLayer />
            </Suspense>
          )}
          <Controls showInteractive={false} showFitView={false} position="bottom-left">
            <ControlButton onClick={() => void frame({ animate: true, toggle: true })} aria-label="Fit the design in view (F)" title="Fit the design in view (F); again for the whole design">
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" style={{ fill: 'none' }} stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </ControlButton>
          </Controls>
          {!simulating && <Overview nodes={nodes} colourOf={minimapColour} label="Overview of the design" />}
        </ReactFlow>
      </FacesDrawn.Provider>
      <WhatIfWatcher />
      <EmptyCanvasHint />
      <OpeningStatus opening={opening} />
      <HintToast />
      {!readOnly && <ConnectPicker request={connecting} onClose={closeConnect} />}
      {!readOnly && <AnswerPicker />}
      {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
    </div>
  );
}
