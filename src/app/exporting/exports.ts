/**
 * What the Export menu offers. The exporters load on first use; each item returns a sentence
 * when it cannot be done (an empty design, a picture too big), and changes nothing.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { CanvasNode, FlowEdge } from '../../canvas/adapter.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { sceneOfCanvas } from './canvasScene.ts';
import { download, svgToPng } from './download.ts';

export interface ExportItem {
  label: string;
  note: string;
  run(): Promise<string | undefined>;
}

type Exports = typeof import('../../export/index.ts');
type Flow = ReactFlowInstance<CanvasNode, FlowEdge>;

/** Runs `make` with the exporters and the design on screen; a refusal becomes the item's sentence. */
async function withDesign(make: (ex: Exports, doc: NonNullable<ReturnType<typeof useDesignStore.getState>['doc']>, slug: string) => Promise<void> | void): Promise<string | undefined> {
  const doc = useDesignStore.getState().doc;
  if (!doc) return 'There is no design to export.';
  const ex = await import('../../export/index.ts');
  try {
    await make(ex, doc, ex.fileSlugOf(doc.name) || 'design');
    return undefined;
  } catch (e) {
    if (e instanceof ex.ExportRefused) return `Nothing exported: ${e.message}.`;
    throw e;
  }
}

const svgOf = (ex: Exports, doc: Parameters<typeof sceneOfCanvas>[1], flow: Flow, background: 'white' | 'transparent') =>
  ex.toSvg(sceneOfCanvas(ex, doc, flow), { background, title: doc.name });

export function exportItems(flow: Flow): ExportItem[] {
  const items: ExportItem[] = [
    {
      label: 'PNG image',
      note: 'Twice the screen size, on white',
      run: () => withDesign(async (ex, doc, slug) => download(`${slug}.png`, await svgToPng(svgOf(ex, doc, flow, 'white'), 'white'))),
    },
    {
      label: 'PNG image, transparent',
      note: 'For slides and documents with their own background',
      run: () => withDesign(async (ex, doc, slug) => download(`${slug}.png`, await svgToPng(svgOf(ex, doc, flow, 'transparent'), 'transparent'))),
    },
    {
      label: 'SVG image',
      note: 'Self-contained: opens in any browser, scales without blur',
      run: () => withDesign((ex, doc, slug) => download(`${slug}.svg`, svgOf(ex, doc, flow, 'white'), 'image/svg+xml')),
    },
    {
      label: 'JSON design file',
      note: 'The design itself (.sagaboard.json), to import again or keep in git',
      run: () => withDesign((ex, doc, slug) => download(`${slug}.sagaboard.json`, ex.toJson(doc), 'application/json')),
    },
    {
      label: 'Mermaid flowchart',
      note: 'For Markdown: GitHub, GitLab, Notion and wikis draw it',
      run: () => withDesign((ex, doc, slug) => download(`${slug}.mmd`, ex.toMermaid(doc))),
    },
    {
      label: 'AsyncAPI 3.0',
      note: 'One document per service and orchestrator, in one YAML file',
      run: () => withDesign((ex, doc, slug) => download(`${slug}.asyncapi.yaml`, ex.toAsyncApi(doc), 'application/yaml')),
    },
  ];
  const sim = useSimulationStore.getState();
  if (sim.active && sim.run && sim.doc) {
    const { run, doc } = sim;
    items.push({
      label: 'Mermaid sequence diagram of this run',
      note: 'The messages of the simulated saga, in order',
      run: () => withDesign((ex, _doc, slug) => download(`${slug}-run.mmd`, ex.traceToMermaid(run.result.trace, doc))),
    });
  }
  return items;
}
