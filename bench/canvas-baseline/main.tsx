/**
 * The baseline of bench/canvas: a bare React Flow page drawing a design with plain default nodes
 * and edges (same positions, same connections), so the editor's figures can be read as a ratio
 * to what React Flow itself costs on this machine. Built on its own (never part of the app):
 *   npx vite build bench/canvas-baseline --outDir ../../dist-bench-baseline
 * Opens `?file=<url>` (the same design file the app opens). Options in the address:
 *   `chrome=1` adds what the app shows around the diagram (dot background, controls, minimap);
 *   `fit=<zoom>` is the fit-view minimum zoom (the app's is 0.15);
 *   `w=<px>&h=<px>` sizes the canvas (bench/canvas gives it the app's canvas size).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

interface DesignFile {
  nodes: { id: string; name: string; position?: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}

const params = new URLSearchParams(window.location.search);
const chrome = params.get('chrome') === '1';
const minZoom = Number(params.get('fit') ?? 0.15);
const size = (name: string) => (params.has(name) ? `${Number(params.get(name))}px` : '100%');

function Baseline() {
  const [flow, setFlow] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    const file = params.get('file');
    if (!file) return;
    void fetch(file)
      .then((r) => r.json() as Promise<DesignFile>)
      .then((doc) =>
        setFlow({
          nodes: doc.nodes.map((n) => ({ id: n.id, position: n.position ?? { x: 0, y: 0 }, data: { label: n.name } })),
          edges: doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
        }),
      );
  }, []);
  if (!flow) return null;
  return (
    <ReactFlow defaultNodes={flow.nodes} defaultEdges={flow.edges} fitView minZoom={minZoom} maxZoom={2.5} fitViewOptions={{ maxZoom: 1 }}>
      {chrome && <Background variant={BackgroundVariant.Dots} gap={22} size={1.6} color="#cfd5de" />}
      {chrome && <Controls showInteractive={false} position="bottom-left" />}
      {chrome && <MiniMap pannable zoomable position="bottom-right" />}
    </ReactFlow>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReactFlowProvider>
      <div style={{ width: size('w'), height: size('h') }} data-testid="canvas">
        <Baseline />
      </div>
    </ReactFlowProvider>
  </StrictMode>,
);
