/** The first screen: the design on the canvas, its verdict and its problems side by side. */
import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas.tsx';
import { useCompareStore } from '../compare/compareStore.ts';
import { DiagnosticsPanel } from '../panels/DiagnosticsPanel.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { VerdictPanel } from '../panels/VerdictPanel.tsx';
import type { Style } from '../model/index.ts';
import { TradeOffsPanel } from '../panels/tradeoffs/TradeOffsPanel.tsx';
import { ConvertButtons } from './converting/ConvertButtons.tsx';
import { ConversionReportDialog } from './converting/ConversionReportDialog.tsx';
import { useSimulationStore } from '../store/simulationStore.ts';
import { CanvasPlaceholder } from './CanvasPlaceholder.tsx';
import { useAutosave } from './designs/saving.ts';
import { ConflictBanner } from './designs/ConflictBanner.tsx';
import { DamagedDesignBanner } from './designs/DamagedDesignBanner.tsx';
import { StorageWarning } from './designs/StorageWarning.tsx';
import { ViewportTracker } from './designs/ViewportTracker.tsx';
import { ImportDialog } from './importing/ImportDialog.tsx';
import { useFileDrop } from './importing/useFileDrop.ts';
import { LoadProblemBanner } from './LoadProblemBanner.tsx';
import { SharedBanner } from './sharing/SharedBanner.tsx';
import { ShareDialog } from './live/ShareDialog.tsx';
import { ViewOnlyBanner } from './live/ViewOnlyBanner.tsx';
import { TopBar } from './TopBar.tsx';
import './app.css';
import '../panels/panels.css';

// Simulation mode's panels load when it is first used.
const SimulationDock = lazy(() => import('../panels/simulation/SimulationDock.tsx'));
const SimulationSidebar = lazy(() => import('../panels/simulation/SimulationSidebar.tsx'));
// So does Compare, when it is first opened.
const CompareView = lazy(() => import('../compare/CompareView.tsx'));

/** Under the trade-offs: convert to the other style, compare. */
const convertButtons = (style: Style | undefined) => <ConvertButtons style={style} />;

export function App() {
  useAutosave();
  const simulating = useSimulationStore((s) => s.active);
  const drop = useFileDrop();
  const comparing = useCompareStore((s) => s.open);
  return (
    <ReactFlowProvider>
      <ViewportTracker />
      {/* Behind Compare, the editor can be neither reached nor changed. */}
      <div className="sb-app" inert={comparing}>
        <TopBar />
        <StorageWarning />
        <ConflictBanner />
        <DamagedDesignBanner />
        <LoadProblemBanner />
        <SharedBanner />
        <ViewOnlyBanner />
        <main className="sb-main">
          <div className={drop.over ? 'sb-workspace sb-workspace--drop' : 'sb-workspace'} {...drop.handlers}>
            <div className="sb-stage">
              <Canvas />
              <CanvasPlaceholder />
              {drop.over && <div className="sb-drop-hint">Drop a design file to import it</div>}
            </div>
            {simulating && (
              <Suspense fallback={<div className="sb-dock sb-dock--loading">Loading the simulator…</div>}>
                <SimulationDock />
              </Suspense>
            )}
          </div>
          {simulating ? (
            <aside className="sb-sidebar" aria-label="Simulation" data-scroller>
              <Suspense fallback={null}>
                <SimulationSidebar />
              </Suspense>
            </aside>
          ) : (
            <aside className="sb-sidebar" aria-label="Inspector and analysis" data-scroller>
              <VerdictPanel />
              <Inspector />
              <TradeOffsPanel actions={convertButtons} />
              <DiagnosticsPanel />
            </aside>
          )}
        </main>
        <ImportDialog />
        <ConversionReportDialog />
        <ShareDialog />
      </div>
      {comparing && (
        <Suspense fallback={null}>
          <CompareView />
        </Suspense>
      )}
    </ReactFlowProvider>
  );
}
