/**
 * A design drawn as on the canvas, to look at only: its own React Flow, fitted to the design;
 * it pans and zooms, nothing moves or connects. The wheel scrolls the page around it (zoom with
 * the buttons, a pinch or Ctrl + wheel).
 */
import { useMemo } from 'react';
import { Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { DotBackground } from '../canvas/DotBackground.tsx';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import '../canvas/nodes/nodes.css';
import type { SagaDocument } from '../model/index.ts';
import { ZOOM_LIMITS } from '../persistence/viewport.ts';
import type { CanvasNode, FlowEdge } from '../canvas/adapter.ts';
import { EdgeMarkers } from '../canvas/edges/EdgeMarkers.tsx';
import { ConnectionLayer } from '../canvas/edges/ConnectionLayer.tsx';
import { nodeTypes } from '../canvas/nodes/nodeTypes.ts';
import { flowElementsOf } from '../canvas/useFlowElements.ts';
import { validationOf } from '../store/validation.ts';

/** The whole design in view, never enlarged past its size, clear of the zoom buttons on the left. */
const FIT = { padding: { top: '18px', right: '18px', bottom: '18px', left: '52px' }, maxZoom: 1 } as const;

const NO_EDGES: FlowEdge[] = [];

/** Above this many nodes only those in view are drawn. */
const DRAW_VISIBLE_ONLY = 300;

const ARIA_LABELS = {
  'node.a11yDescription.default': 'A node of the design, to look at only.',
  'node.a11yDescription.keyboardDisabled': 'A node of the design, to look at only.',
  'edge.a11yDescription.default': 'A connection of the design.',
  'controls.ariaLabel': 'Zoom',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the design in view',
};

export function ReadOnlyDiagram({ id, doc, label, testId }: { id: string; doc: SagaDocument; label: string; testId?: string }) {
  const { nodes, edges } = useMemo(() => flowElementsOf(doc, validationOf(doc)), [doc]);
  return (
    // A provider per diagram: each has its own viewport, apart from the editor's.
    <ReactFlowProvider>
      <div className="sb-canvas sb-canvas--read-only sb-compare-diagram" data-testid={testId}>
        <EdgeMarkers />
        <ReactFlow<CanvasNode, FlowEdge>
          // Its own id: the ids React Flow gives its descriptions differ from the editor's and the other diagram's.
          id={id}
          nodes={nodes}
          // Connections are drawn by ConnectionLayer, not by React Flow.
          edges={NO_EDGES}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomOnScroll={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          onlyRenderVisibleElements={doc.nodes.length > DRAW_VISIBLE_ONLY}
          fitView
          fitViewOptions={FIT}
          minZoom={ZOOM_LIMITS.min}
          maxZoom={ZOOM_LIMITS.max}
          aria-label={label}
          ariaLabelConfig={ARIA_LABELS}
        >
          <ConnectionLayer nodes={nodes} edges={edges} events={null} />
          <DotBackground />
          <Controls showInteractive={false} position="bottom-left" />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
