/**
 * The peer benchmark's page: the app as shipped (src/main.tsx) plus the adapter the shared,
 * tool-neutral harness drives (peer-bench/bpmn-bench/src/bench-core.js, `startBench`). The app
 * loads the generated design through its own `?file=` path (peer-url.ts). The adapter's hooks:
 *   load    -> resolves when the app has the design, every node's face and every connection is in
 *              the DOM, and every node React Flow mounted is measured (React Flow hides a node
 *              until it has measured it; above 250 nodes it mounts only the nodes in view:
 *              src/canvas/Canvas.tsx);
 *   counts  -> the nodes drawn are their faces (src/canvas/nodes/FaceLayer.tsx), every one of them;
 *   setView -> React Flow's setViewport on the canvas' instance (d3-zoom, the path a mouse pan
 *              takes) minus the canvas' offset in the window (bench-core's view is in window px);
 *   moveBy  -> commitMoves(), what a finished node drag or an arrow-key move calls (one undo step);
 *   domPos  -> the node's translate() in the DOM.
 * Run it with `npm run bench:peer` (bench/peer/run.sh).
 */
import './peer-url.ts';
import '../../src/main.tsx';
import { startBench } from 'peer-bench-core';
import { useDesignStore } from '../../src/store/designStore.ts';
import { commitMoves } from '../../src/canvas/editing/useCanvasEditing.ts';
import { flowInstance } from '../../src/canvas/flowInstance.ts';

const store = () => useDesignStore.getState();
const flow = () => flowInstance()!;
const marks: Record<string, unknown> = {};
let offset = { x: 0, y: 0 };
const elements = new Map<string, HTMLElement>();

function nodeElement(id: string): HTMLElement | null {
  let el = elements.get(id);
  if (!el || !el.isConnected) {
    el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? undefined;
    if (el) elements.set(id, el);
  }
  return el ?? null;
}

const TRANSLATE = /translate\(\s*(-?[\d.e+-]+)px\s*,\s*(-?[\d.e+-]+)px\s*\)/;

/**
 * The nodes and connections drawn: every face (in one SVG per bucket, FaceLayer.tsx) and every
 * connection (ConnectionLayer.tsx), counted from the layers' children, without a walk of the page:
 * this runs after every change while the design opens.
 */
function drawn(): { nodes: number; edges: number } {
  let nodes = 0;
  let edges = 0;
  for (const layer of document.querySelector('.sb-canvas .react-flow__edges')?.children ?? []) {
    if (layer.classList.contains('sb-faces')) for (const bucket of layer.children) nodes += bucket.childElementCount;
    else if (layer.classList.contains('sb-connections')) for (const line of layer.children) if (line.classList.contains('react-flow__edge')) edges++;
  }
  return { nodes, edges };
}

void startBench({
  name: 'sagaboard',
  load({ n }) {
    return new Promise<void>((resolve, reject) => {
      // Cheap checks only (the layers' children, inline style reads): this runs inside the load,
      // after every change. Reading layout here would have the browser lay the page out at once,
      // and again for the next frame: the canvas' place in the window is read when a resize
      // observer says the canvas was laid out (free then: the browser has just done it).
      let canvasBox: DOMRect | undefined;
      let canvas: Element | null = null;
      const placed = new ResizeObserver(() => (canvasBox = canvas!.getBoundingClientRect()));
      const check = () => {
        if (!canvas && (canvas = document.querySelector('.react-flow'))) placed.observe(canvas);
        const { doc, loadProblem } = store();
        if (loadProblem) return reject(new Error(`app refused the design: ${loadProblem.what}: ${loadProblem.message}`)), true;
        if (!doc || doc.nodes.length !== n || !flowInstance()) return false;
        marks.docMs ??= performance.now();
        const mounted = document.querySelector('.sb-canvas .react-flow__nodes')?.children;
        if (!mounted || mounted.length === 0) return false;
        const { nodes, edges } = drawn();
        if (nodes !== doc.nodes.length || edges !== doc.edges.length) return false;
        for (const node of mounted) if ((node as HTMLElement).style.visibility === 'hidden') return false;
        return canvasBox !== undefined;
      };
      const finish = () => {
        observer.disconnect();
        placed.disconnect();
        clearInterval(poll);
        clearTimeout(timeout);
        const r = canvasBox!;
        offset = { x: r.left, y: r.top };
        marks.canvas = { left: r.left, top: r.top, width: r.width, height: r.height };
        resolve();
      };
      const observer = new MutationObserver(() => check() && finish());
      observer.observe(document.getElementById('root')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
      const poll = setInterval(() => check() && finish(), 250);
      const timeout = setTimeout(() => {
        observer.disconnect();
        clearInterval(poll);
        reject(new Error(`load timeout: ${JSON.stringify(drawn())}`));
      }, 240_000);
    });
  },
  setView({ x, y, zoom }) {
    void flow().setViewport({ x: x - offset.x, y: y - offset.y, zoom });
  },
  counts: drawn,
  listNodes() {
    return store().doc!.nodes.map((d) => {
      const m = flow().getInternalNode(d.id)?.measured;
      return { id: d.id, type: d.id.startsWith('Task_') ? 'task' : d.kind, x: d.position!.x, y: d.position!.y, width: m?.width ?? 140, height: m?.height ?? 56 };
    });
  },
  moveBy(id, dx, dy) {
    const p = store().doc!.nodes.find((d) => d.id === id)!.position!;
    commitMoves(new Map([[id, { x: p.x + dx, y: p.y + dy }]]));
  },
  domPos(id) {
    const m = TRANSLATE.exec(nodeElement(id)?.style.transform ?? '');
    return m ? { x: Number(m[1]), y: Number(m[2]) } : { x: NaN, y: NaN };
  },
  info() {
    const c = marks.canvas as { width: number; height: number };
    const v = flow().getViewport();
    // Nodes whose box meets the canvas at the benchmark's starting view.
    let visible = 0;
    for (const d of this.listNodes()) {
      const sx = d.x * v.zoom + v.x;
      const sy = d.y * v.zoom + v.y;
      if (sx + d.width * v.zoom > 0 && sx < c.width && sy + d.height * v.zoom > 0 && sy < c.height) visible++;
    }
    const doc = store().doc!;
    return { ...marks, visibleNodes: visible, docNodes: doc.nodes.length, docEdges: doc.edges.length };
  },
});
