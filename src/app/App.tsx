/** The first screen: the design on the canvas, its verdict and its problems side by side. */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas.tsx';
import { DiagnosticsPanel } from '../panels/DiagnosticsPanel.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { VerdictPanel } from '../panels/VerdictPanel.tsx';
import { CanvasPlaceholder } from './CanvasPlaceholder.tsx';
import { useAutosave } from './designs/saving.ts';
import { StorageWarning } from './designs/StorageWarning.tsx';
import { ViewportTracker } from './designs/ViewportTracker.tsx';
import { LoadProblemBanner } from './LoadProblemBanner.tsx';
import { TopBar } from './TopBar.tsx';
import { useDesignFromUrl } from './useDesignFromUrl.ts';
import './app.css';
import '../panels/panels.css';

export function App() {
  useDesignFromUrl();
  useAutosave();
  return (
    <ReactFlowProvider>
      <ViewportTracker />
      <div className="sb-app">
        <TopBar />
        <StorageWarning />
        <LoadProblemBanner />
        <main className="sb-main">
          <div className="sb-stage">
            <Canvas />
            <CanvasPlaceholder />
          </div>
          <aside className="sb-sidebar" aria-label="Inspector and analysis">
            <Inspector />
            <VerdictPanel />
            <DiagnosticsPanel />
          </aside>
        </main>
      </div>
    </ReactFlowProvider>
  );
}
