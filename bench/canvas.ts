/**
 * bench/canvas: how fast the editor draws and moves a big design, in headless Chromium on the
 * production build. For generated "system map" designs of 1,000 nodes / ~1,500 edges and
 * 500 / ~750 (bench/designs.ts): time until the design is drawn, and the median and 95th
 * percentile frame time (requestAnimationFrame deltas in the page) while panning (~4 s of mouse
 * drags on the background), zooming (~3 s of wheel steps) and dragging one node (~3 s). Each
 * measurement runs `--runs` times (default 3) on a fresh page; the table shows medians of the
 * per-run figures. The same is measured, in the same browser session, on a bare React Flow page
 * with plain default nodes and edges of the same design (bench/canvas-baseline), on a canvas of
 * the same size: the "bare RF" rows and the ratio ours / bare. Mouse moves are sent like a real
 * mouse's (125 a second, not waiting for each), so every frame has input to handle; "fps" is how
 * many frames a second the view (or the dragged node) actually moved, which the frame times
 * alone do not show when frames without any change come in between.
 *
 * Targets (issue): drawn within 1 s; panning median frame <= 22 ms at 1,000 nodes and <= 16.7 ms
 * at 500, p95 <= 33 ms; dragging one node median frame <= 16.7 ms.
 *
 * Run: npm run bench:canvas [-- options]     (or npx tsx bench/canvas.ts)
 *   --runs N          repetitions of each measurement (default 3)
 *   --sizes 1000,500  design sizes in nodes
 *   --no-baseline     skip the bare React Flow page
 *   --bare-chrome     also measure the bare page with the app's chrome around the diagram (dot
 *                     background, controls, minimap), to tell their cost from the nodes' and edges'
 *   --profile         afterwards, at the largest size, on an unminified build of the same sources
 *                     (so names are readable): React re-render counts during a pan and a drag
 *                     (through the React DevTools hook), and for opening the design, panning,
 *                     zooming and dragging a Chrome trace breakdown (script / hit testing / style /
 *                     layout / paint / layerize / raster) and a CPU profile (hottest functions,
 *                     and the app's own functions by total time)
 *   --css FILE        also measure the app with this stylesheet added (repeatable; each file is
 *                     one more variant, run interleaved with the app as built): to try a style
 *                     fix without touching src/
 *   --dist FOLDER     also measure another build of the app (repeatable; e.g. `npx vite build
 *                     --outDir /tmp/x` in a patched copy of the repository), interleaved likewise
 *   --keep            keep the build folders (dist-bench*), e.g. for --no-build next time
 *   --no-build        reuse the build folders of an earlier --keep run
 *
 * The machine matters: timings on 2 shared cores are noisy, so read the per-run figures too.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  ROOT,
  cpuProfile,
  designFixture,
  fmt,
  launchChromium,
  loadAverage,
  mark,
  newContext,
  openDesign,
  printCpu,
  printTrace,
  run,
  serve,
  settle,
  sleep,
  startCpuProfile,
  startFrames,
  startTrace,
  stopFrames,
  stopServers,
  runBenchmark,
  traceBreakdown,
  type CpuResult,
  type Design,
  type Target,
  type TraceResult,
} from './browser.ts';
import { flag, option, options } from './args.ts';
import { generateDesign } from './designs.ts';
import { median, percentile } from './stats.ts';

// ---------------------------------------------------------------------------------------------
// Options

const RUNS = Number(option('--runs') ?? 3);
const SIZES = (option('--sizes') ?? '1000,500').split(',').map(Number);
const BASELINE = !flag('--no-baseline');
const BARE_CHROME = flag('--bare-chrome');
const PROFILE = flag('--profile');
const KEEP = flag('--keep');
const BUILD = !flag('--no-build');
/** Stylesheets to try (`--css FILE`, repeatable): each is measured as its own variant of the app, interleaved with the app as built. */
const CSS_FILES = options('--css');
/** Other builds of the app (`--dist FOLDER`, repeatable), e.g. of a patched copy: measured as more variants. */
const DIST_DIRS = options('--dist');

const APP_DIR = 'dist-bench';
const BASELINE_DIR = 'dist-bench-baseline';
const NAMES_DIR = 'dist-bench-names';
const APP_PORT = 4283;
const BASELINE_PORT = 4284;
const NAMES_PORT = 4285;
/** The first port for --dist builds. */
const DIST_PORT = 4286;
const VIEWPORT = { width: 1440, height: 900 };

const PAN_MS = 4000;
const ZOOM_MS = 3000;
const DRAG_MS = 3000;

const TARGET = {
  drawnMs: 1000,
  panMedianMs: (nodes: number) => (nodes >= 1000 ? 22 : 16.7),
  panP95Ms: 33,
  dragMedianMs: 16.7,
};

// ---------------------------------------------------------------------------------------------
// Designs

function makeDesign(size: number): Design {
  return designFixture(generateDesign('system', size), `bench-${size}`);
}

// ---------------------------------------------------------------------------------------------
// Builds and servers

function build(): void {
  const folders = [APP_DIR, BASELINE_DIR, ...(PROFILE ? [NAMES_DIR] : [])];
  if (!BUILD) {
    const missing = folders.filter((f) => !existsSync(join(ROOT, f)));
    if (missing.length === 0) return;
    console.log(`(--no-build, but ${missing.join(', ')} missing: building)`);
  }
  console.log('building the app (dist-bench) and the bare React Flow page (dist-bench-baseline)...');
  run('npx', ['vite', 'build', '--outDir', APP_DIR, '--emptyOutDir', '--logLevel', 'error']);
  run('npx', ['vite', 'build', 'bench/canvas-baseline', '--outDir', `../../${BASELINE_DIR}`, '--emptyOutDir', '--logLevel', 'error']);
  if (PROFILE) run('npx', ['vite', 'build', '--outDir', NAMES_DIR, '--emptyOutDir', '--minify', 'false', '--logLevel', 'error']);
}

function removeBuilds(): void {
  if (KEEP) return;
  for (const folder of [APP_DIR, BASELINE_DIR, NAMES_DIR]) rmSync(join(ROOT, folder), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// In the page

// ---------------------------------------------------------------------------------------------
// Measurements

interface Frames {
  median: number;
  p95: number;
  /** Frames per second in which the view (or the dragged node) actually moved. */
  updatesPerSecond: number;
}

interface Run {
  drawnMs: number;
  /** From the design file's arrival to drawn. */
  afterDataMs: number;
  /** Nodes in the DOM when drawn (fewer than the design's when React Flow draws only what is on screen). */
  drawnNodes: number;
  visibleNodes: number;
  zoom: number;
  pan: Frames;
  zoomFrames: Frames;
  drag: Frames;
}

function frames(result: { deltas: number[]; moved: number; ms: number }): Frames {
  return { median: median(result.deltas), p95: percentile(result.deltas, 95), updatesPerSecond: (result.moved / result.ms) * 1000 };
}

/** A point near (fx, fy) of the pane (fractions of its size) with nothing drawn on it (no node, edge, label or panel). */
async function emptySpot(page: Page, near = { fx: 0.5, fy: 0.5 }): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate(({ fx: cx, fy: cy }) => {
    const r = document.querySelector('.react-flow')!.getBoundingClientRect();
    // Nearest first; hit tests are slow on a big drawing, so stop at the first empty one.
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let fy = cy - 0.2; fy <= cy + 0.2; fy += 0.02) {
      for (let fx = cx - 0.2; fx <= cx + 0.2; fx += 0.02) candidates.push({ x: Math.round(r.left + fx * r.width), y: Math.round(r.top + fy * r.height), d: Math.hypot(fx - cx, fy - cy) });
    }
    candidates.sort((a, b) => a.d - b.d);
    return candidates.find((c) => document.elementFromPoint(c.x, c.y)?.classList.contains('react-flow__pane'));
  }, near);
  if (!spot) throw new Error('no empty spot on the pane');
  return spot;
}

/** The node nearest the middle of the pane, and a point on it. */
async function nodeSpot(page: Page): Promise<{ id: string; x: number; y: number }> {
  const node = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return { el, id: el.dataset.id!, x, y, d: Math.hypot(x - cx, y - cy) };
    });
    nodes.sort((a, b) => a.d - b.d);
    const hit = nodes.slice(0, 20).find((n) => document.elementFromPoint(n.x, n.y)?.closest('.react-flow__node') === n.el);
    return hit && { id: hit.id, x: hit.x, y: hit.y };
  });
  if (!node) throw new Error('no node to drag');
  return node;
}

/**
 * Input like a real mouse: `send(i)` every `intervalMs` without waiting for the page to take each
 * event (Playwright's mouse calls wait for the renderer's acknowledgement, which on a busy machine
 * takes several frames, so awaiting each would leave most frames with nothing to do). The browser
 * coalesces what queues up, as it does for a physical mouse; so every frame has input to handle.
 */
async function stream(count: number, intervalMs: number, send: (i: number) => Promise<void>): Promise<void> {
  const sent: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const due = t0 + i * intervalMs - performance.now();
    if (due > 0) await sleep(due);
    sent.push(send(i));
  }
  await Promise.all(sent);
}

/** Where pans start (fractions of the pane): room for the 400 x 300 px rectangle they move along. */
const PAN_FROM = { fx: 0.3, fy: 0.35 };

/** A mouse reporting 125 times a second. */
const MOUSE_INTERVAL_MS = 8;

async function measurePan(page: Page, start: { x: number; y: number }): Promise<Frames> {
  // Drags of 100 moves (0.8 s each) in a rectangle: 400 px right, 300 down, 400 left, 300 up; the view ends where it began.
  await page.mouse.move(start.x, start.y);
  const legs = [
    [4, 0],
    [0, 3],
    [-4, 0],
    [0, -3],
  ] as const;
  await page.evaluate(startFrames, '.react-flow__viewport');
  const t0 = Date.now();
  // Each leg starts where the last ended: the drawing moved with the mouse, so the spot under it is the same empty one.
  let at = start;
  for (let leg = 0; Date.now() - t0 < PAN_MS || leg % legs.length !== 0; leg++) {
    const [dx, dy] = legs[leg % legs.length]!;
    const from = at;
    await page.mouse.down();
    await stream(100, MOUSE_INTERVAL_MS, (i) => page.mouse.move(from.x + dx * (i + 1), from.y + dy * (i + 1)));
    await page.mouse.up();
    at = { x: from.x + dx * 100, y: from.y + dy * 100 };
  }
  return frames(await page.evaluate(stopFrames));
}

async function measureZoom(page: Page, at: { x: number; y: number }): Promise<Frames> {
  await page.mouse.move(at.x, at.y);
  await page.evaluate(startFrames, '.react-flow__viewport');
  const t0 = Date.now();
  // Wheel steps about one per frame: twenty in, twenty out, so the view ends at the zoom it started with.
  while (Date.now() - t0 < ZOOM_MS) await stream(40, 16, (i) => page.mouse.wheel(0, i < 20 ? -50 : 50));
  return frames(await page.evaluate(stopFrames));
}

/** Drags a node around a circle and back to where it was. */
async function measureDrag(page: Page, node: { id: string; x: number; y: number }): Promise<Frames> {
  await page.mouse.move(node.x, node.y);
  await page.mouse.down();
  await page.evaluate(startFrames, `.react-flow__node[data-id="${node.id}"]`);
  const t0 = Date.now();
  // Round a circle (about 0.75 s) and back to the start, until the time is up.
  while (Date.now() - t0 < DRAG_MS) {
    await stream(96, MOUSE_INTERVAL_MS, (i) => {
      const a = ((i + 1) / 96) * 2 * Math.PI;
      return page.mouse.move(node.x + 50 * Math.sin(a), node.y + 30 * (1 - Math.cos(a)));
    });
  }
  const result = frames(await page.evaluate(stopFrames));
  await page.mouse.up();
  return result;
}

async function measureRun(context: BrowserContext, target: Target, design: Design, canvasSize?: { width: number; height: number }): Promise<Run> {
  const page = await openDesign(context, target, design, canvasSize);
  try {
    const timing = await page.evaluate(() => {
      const w = window as unknown as { __drawn: number; __drawnNodes: number; __designArrived?: number };
      return { drawn: w.__drawn, drawnNodes: w.__drawnNodes, arrived: w.__designArrived ?? 0 };
    });
    if (target.kind === 'app') {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } }); // focus the page without selecting anything
      await page.keyboard.press('f');
    }
    await settle(page);
    await sleep(300);
    const view = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      let visible = 0;
      for (const el of document.querySelectorAll('.react-flow__node')) {
        const r = el.getBoundingClientRect();
        if (r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom) visible++;
      }
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
      return { visible, zoom: Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN) };
    });
    const pan = await measurePan(page, await emptySpot(page, PAN_FROM));
    await settle(page);
    const zoomFrames = await measureZoom(page, await emptySpot(page));
    await settle(page);
    await sleep(300);
    const drag = await measureDrag(page, await nodeSpot(page));
    return { drawnMs: timing.drawn, drawnNodes: timing.drawnNodes, afterDataMs: timing.drawn - timing.arrived, visibleNodes: view.visible, zoom: view.zoom, pan, zoomFrames, drag };
  } finally {
    await page.close();
  }
}

/** The app's canvas size, so the bare page can use the same. */
async function appCanvasSize(context: BrowserContext, app: Target, design: Design): Promise<{ width: number; height: number }> {
  const page = await openDesign(context, app, design);
  const box = await page.locator('.react-flow').boundingBox();
  await page.close();
  return { width: box!.width, height: box!.height };
}

// ---------------------------------------------------------------------------------------------
// Profiling (--profile)

/** Installed before React loads: counts renders of node and edge components per commit (React DevTools hook). */
function installRenderCounter(): void {
  interface Fiber {
    tag: number;
    flags: number;
    type: unknown;
    memoizedProps: Record<string, unknown> | null;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
  }
  const counts = { commits: 0, nodes: 0, edges: 0, byName: {} as Record<string, number>, on: false };
  (window as unknown as { __renders: typeof counts }).__renders = counts;
  const PERFORMED_WORK = 1;
  const nameOf = (type: unknown): string => {
    const t = type as { displayName?: string; name?: string; type?: { name?: string; displayName?: string }; render?: { name?: string } } | null;
    return t?.displayName ?? t?.name ?? t?.type?.displayName ?? t?.type?.name ?? t?.render?.name ?? '?';
  };
  const visit = (fiber: Fiber | null, mounting: boolean) => {
    for (let f = fiber; f; f = f.sibling) {
      // Function, forwardRef, memo and simple memo components.
      const component = f.tag === 0 || f.tag === 11 || f.tag === 14 || f.tag === 15;
      const rendered = mounting || f.alternate === null || (f.flags & PERFORMED_WORK) !== 0;
      if (component && rendered) {
        const name = nameOf(f.type);
        counts.byName[name] = (counts.byName[name] ?? 0) + 1;
        const props = f.memoizedProps ?? {};
        if ('positionAbsoluteX' in props && 'data' in props && f.tag !== 14) counts.nodes++;
        if ('sourceX' in props && 'targetPosition' in props && f.tag !== 14) counts.edges++;
      }
      // A subtree React did not enter keeps its old fibers (and their old flags): skip it.
      const entered = f.alternate === null || f.child !== f.alternate.child;
      if (f.child && (mounting || entered)) visit(f.child, mounting || f.alternate === null);
    }
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      if (!counts.on) return;
      counts.commits++;
      visit(root.current.child, false);
    },
  };
}

type RenderCounts = { commits: number; nodes: number; edges: number; byName: Record<string, number> };

async function countRenders(page: Page, action: () => Promise<unknown>): Promise<RenderCounts> {
  await page.evaluate(() => {
    const r = (window as unknown as { __renders: RenderCounts & { on: boolean } }).__renders;
    Object.assign(r, { commits: 0, nodes: 0, edges: 0, byName: {}, on: true });
  });
  await action();
  return page.evaluate(() => {
    const r = (window as unknown as { __renders: RenderCounts & { on: boolean } }).__renders;
    r.on = false;
    return { commits: r.commits, nodes: r.nodes, edges: r.edges, byName: r.byName };
  });
}

async function profile(browser: Browser, design: Design, canvasSize: { width: number; height: number }, bare?: Target): Promise<void> {
  const url = await serve(['--outDir', NAMES_DIR], NAMES_PORT);
  const context = await newContext(browser, [design], VIEWPORT);
  const target: Target = { kind: 'app', url };
  console.log(`\n=== Profile at ${design.nodes} nodes (unminified build of the same sources; timings here are not the benchmark figures) ===`);

  // React re-renders during a pan and during a drag.
  await context.addInitScript(installRenderCounter);
  let page = await openDesign(context, target, design);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await settle(page);
  const top = (r: RenderCounts) =>
    Object.entries(r.byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
  let spot = await emptySpot(page, PAN_FROM);
  const panRenders = await countRenders(page, () => measurePan(page, spot));
  console.log(`React renders while panning: ${panRenders.commits} commits; node components ${panRenders.nodes}, edge components ${panRenders.edges}`);
  console.log(`  most rendered components: ${top(panRenders)}`);
  await settle(page);
  const node = await nodeSpot(page);
  const dragRenders = await countRenders(page, () => measureDrag(page, node));
  console.log(
    `React renders while dragging one node: ${dragRenders.commits} commits; node components ${dragRenders.nodes} (${(dragRenders.nodes / Math.max(1, dragRenders.commits)).toFixed(1)} per commit), edge components ${dragRenders.edges} (${(dragRenders.edges / Math.max(1, dragRenders.commits)).toFixed(1)} per commit)`,
  );
  console.log(`  most rendered components: ${top(dragRenders)}`);
  await page.close();
  await context.close();

  // Where the time goes: Chrome trace and CPU profile, without the render counter.
  const plain = await newContext(browser, [design], VIEWPORT);
  const pages: [string, Target, { width: number; height: number } | undefined][] = [['app', target, undefined]];
  if (bare) pages.push(['bare React Flow', bare, canvasSize]);
  for (const [label, t, size] of pages) {
    // Opening the design: trace, then (app only) CPU profile, each on a fresh page.
    let stopTrace!: () => Promise<TraceResult>;
    page = await openDesign(plain, t, design, size, async (p) => void (stopTrace = await startTrace(browser, p)));
    printTrace(`${label}, opening the design (until drawn)`, await stopTrace(), false);
    await page.close();
    if (t.kind === 'app') {
      let stopCpu!: () => Promise<CpuResult>;
      page = await openDesign(plain, t, design, size, async (p) => void (stopCpu = await startCpuProfile(p, NAMES_DIR)));
      printCpu(`${label}, opening the design (until drawn)`, await stopCpu());
      await page.close();
    }

    page = await openDesign(plain, t, design, size);
    if (t.kind === 'app') {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('f');
    }
    await settle(page);
    spot = await emptySpot(page, PAN_FROM);
    const dragged = await nodeSpot(page);
    for (const [what, action] of [
      ['panning', () => measurePan(page, spot)],
      ['zooming', () => measureZoom(page, spot)],
      ['dragging one node', () => measureDrag(page, dragged)],
    ] as const) {
      printTrace(`${label}, ${what}`, await traceBreakdown(browser, page, action));
      await settle(page);
      if (t.kind === 'app') {
        printCpu(`${label}, ${what}`, await cpuProfile(page, action, NAMES_DIR));
        await settle(page);
      }
    }
    await page.close();
  }
  await plain.close();
}

// ---------------------------------------------------------------------------------------------
// Report

function summarise(runs: Run[]) {
  const m = (f: (r: Run) => number) => median(runs.map(f));
  return {
    drawnMs: m((r) => r.drawnMs),
    afterDataMs: m((r) => r.afterDataMs),
    visible: m((r) => r.visibleNodes),
    drawnNodes: m((r) => r.drawnNodes),
    zoom: m((r) => r.zoom),
    pan: { median: m((r) => r.pan.median), p95: m((r) => r.pan.p95), ups: m((r) => r.pan.updatesPerSecond) },
    zoomFrames: { median: m((r) => r.zoomFrames.median), p95: m((r) => r.zoomFrames.p95), ups: m((r) => r.zoomFrames.updatesPerSecond) },
    drag: { median: m((r) => r.drag.median), p95: m((r) => r.drag.p95), ups: m((r) => r.drag.updatesPerSecond) },
  };
}

function printRuns(label: string, runs: Run[]): void {
  for (const [i, r] of runs.entries()) {
    console.log(
      `  ${label.padEnd(24)} run ${i + 1}: drawn ${fmt(r.drawnMs)} ms (${fmt(r.afterDataMs)} after the file arrived; ${r.drawnNodes} nodes in the DOM), ${r.visibleNodes} on screen at zoom ${r.zoom.toFixed(2)}; ` +
        `pan ${fmt(r.pan.median)}/${fmt(r.pan.p95)} (${r.pan.updatesPerSecond.toFixed(0)} fps), ` +
        `zoom ${fmt(r.zoomFrames.median)}/${fmt(r.zoomFrames.p95)} (${r.zoomFrames.updatesPerSecond.toFixed(0)} fps), ` +
        `drag ${fmt(r.drag.median)}/${fmt(r.drag.p95)} (${r.drag.updatesPerSecond.toFixed(0)} fps)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const designs = SIZES.map(makeDesign);
  build();
  const app: Target = { kind: 'app', url: await serve(['--outDir', APP_DIR], APP_PORT) };
  const bare: Target | undefined = BASELINE ? { kind: 'bare', url: await serve(['bench/canvas-baseline', '--outDir', `../../${BASELINE_DIR}`], BASELINE_PORT) } : undefined;
  const variants: { label: string; target: Target }[] = [
    { label: 'ours', target: app },
    ...CSS_FILES.map((file) => ({ label: `ours + ${basename(file)}`, target: { ...app, css: readFileSync(file, 'utf8') } })),
    ...(await Promise.all(
      DIST_DIRS.map(async (dir, i) => ({ label: `build ${basename(dir)}`, target: { kind: 'app', url: await serve(['--outDir', resolve(dir)], DIST_PORT + i) } as Target })),
    )),
    ...(bare && BARE_CHROME ? [{ label: 'bare RF + chrome', target: { ...bare, query: { chrome: '1' } } }] : []),
    ...(bare ? [{ label: 'bare RF', target: bare }] : []),
  ];
  const browser = await launchChromium();
  try {
    console.log(`Chromium ${browser.version()}, headless, no GPU; viewport ${VIEWPORT.width}x${VIEWPORT.height}; ${RUNS} runs of each measurement; load average ${loadAverage()}`);
    const context = await newContext(browser, designs, VIEWPORT);
    // Warm-up: the first page of a browser pays for compiling and caching; not counted.
    await (await openDesign(context, app, designs[designs.length - 1]!)).close();
    if (bare) await (await openDesign(context, bare, designs[designs.length - 1]!, { width: 1000, height: 800 })).close();
    const canvasSize = await appCanvasSize(context, app, designs[0]!);
    console.log(`app canvas ${canvasSize.width.toFixed(0)}x${canvasSize.height.toFixed(0)} px (the bare page gets the same size)\n`);

    const results = designs.map((design) => ({ design, runs: variants.map(() => [] as Run[]) }));
    // Runs interleave the variants, so slow spells of the shared machine hit them all alike.
    for (let i = 0; i < RUNS; i++) {
      for (const r of results) {
        for (const [v, variant] of variants.entries()) {
          r.runs[v]!.push(await measureRun(context, variant.target, r.design, variant.target.kind === 'bare' ? canvasSize : undefined));
        }
        console.log(`run ${i + 1}/${RUNS}, ${r.design.nodes} nodes: done (load average ${loadAverage()})`);
      }
    }
    await context.close();

    console.log('\nPer run: frame median/p95 in ms; fps = frames per second in which the view (or the dragged node) moved.');
    for (const r of results) {
      console.log(`${r.design.nodes} nodes / ${r.design.edges} edges`);
      for (const [v, variant] of variants.entries()) printRuns(variant.label, r.runs[v]!);
    }

    console.log(`\nMedians of ${RUNS} runs. drawn: ms from navigation start; frame times: ms, median / p95; fps: view updates per second.`);
    const header = ['design', 'page', 'drawn', 'pan med/p95', 'pan fps', 'zoom med/p95', 'zoom fps', 'drag med/p95', 'drag fps', 'pan med vs bare'];
    const rows: string[][] = [];
    const verdicts: string[] = [];
    for (const r of results) {
      const b = bare ? summarise(r.runs[variants.length - 1]!) : undefined;
      for (const [v, variant] of variants.entries()) {
        const o = summarise(r.runs[v]!);
        rows.push([
          `${r.design.nodes} n / ${r.design.edges} e`,
          variant.label,
          fmt(o.drawnMs),
          `${fmt(o.pan.median)} / ${fmt(o.pan.p95)}`,
          o.pan.ups.toFixed(0),
          `${fmt(o.zoomFrames.median)} / ${fmt(o.zoomFrames.p95)}`,
          o.zoomFrames.ups.toFixed(0),
          `${fmt(o.drag.median)} / ${fmt(o.drag.p95)}`,
          o.drag.ups.toFixed(0),
          b ? `${(o.pan.median / b.pan.median).toFixed(2)}x` : '-',
        ]);
        if (variant.target.kind === 'bare') continue;
        const panTarget = TARGET.panMedianMs(r.design.nodes);
        verdicts.push(
          `${`${r.design.nodes} nodes, ${variant.label}:`.padEnd(28)} drawn ${fmt(o.drawnMs)} <= ${TARGET.drawnMs} ${mark(o.drawnMs <= TARGET.drawnMs)} | ` +
            `pan median ${fmt(o.pan.median)} <= ${panTarget} ${mark(o.pan.median <= panTarget)} | ` +
            `pan p95 ${fmt(o.pan.p95)} <= ${TARGET.panP95Ms} ${mark(o.pan.p95 <= TARGET.panP95Ms)} | ` +
            `drag median ${fmt(o.drag.median)} <= ${TARGET.dragMedianMs} ${mark(o.drag.median <= TARGET.dragMedianMs)}` +
            `   (${o.visible} nodes on screen at zoom ${o.zoom.toFixed(2)}${o.drawnNodes < r.design.nodes ? `, ${o.drawnNodes} in the DOM` : ''}; drawn ${fmt(o.afterDataMs)} ms after the file arrived)`,
        );
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log('\nTargets:');
    for (const v of verdicts) console.log(`  ${v}`);

    if (PROFILE) await profile(browser, designs[0]!, canvasSize, bare);
  } finally {
    await browser.close();
    await stopServers();
    removeBuilds();
  }
}

runBenchmark(main);
