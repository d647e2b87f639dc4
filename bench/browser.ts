/**
 * What the Chromium benchmarks (bench/canvas, bench/playback) share: building the app and serving
 * the build with `vite preview`, launching the system's Chromium, opening a generated design in
 * the app (served from memory at /fixtures/…) and waiting until it is drawn, recording frame
 * times in the page, and the profilers (Chrome trace breakdown, CPU profile by function).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { loadDocument, type SagaDocument } from '../src/model/index.ts';

export const ROOT = join(import.meta.dirname, '..');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');
export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
export const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

// ---------------------------------------------------------------------------------------------
// Designs

/** A generated design as the page gets it: at `file`, served from memory by newContext. */
export interface Design {
  nodes: number;
  edges: number;
  file: string;
  text: string;
}

/** A design to open in the app at `/fixtures/<name>.sagaboard.json`; it must load and every node needs a position. */
export function designFixture(doc: SagaDocument, name: string): Design {
  const text = JSON.stringify(doc);
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(`generated design ${name} does not load: ${loaded.error.message}`);
  if (doc.nodes.some((n) => !n.position)) throw new Error('every generated node needs a position');
  return { nodes: doc.nodes.length, edges: doc.edges.length, file: `/fixtures/${name}.sagaboard.json`, text };
}

// ---------------------------------------------------------------------------------------------
// Builds and servers

export function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const servers: ChildProcess[] = [];

/** `vite preview` of a folder, in its own process group (npx, node and vite die together). */
export async function serve(args: string[], port: number): Promise<string> {
  const child = spawn('npx', ['vite', 'preview', ...args, '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview on port ${port} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not answer on port ${port} within 30 s:\n${output}`);
}

export async function stopServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: npx and the vite process under it
      } catch {
        return;
      }
      const killed = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }),
  );
}

/** Stops the servers when the benchmark is interrupted (Ctrl-C). */
export function stopServersOnSignal(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopServers().finally(() => process.exit(130));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Browser

/** The system's Chromium, headless (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context that serves `designs` at their /fixtures/ addresses. */
export async function newContext(browser: Browser, designs: Design[], viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  // tsx compiles nested functions to `__name(fn, "name")`; the functions this script sends to the page need it there too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const byPath = new Map(designs.map((d) => [d.file, d.text]));
  // A predicate on the path: `?file=/fixtures/…` in the page's own address must not match.
  await context.route(
    (url) => url.pathname.startsWith('/fixtures/'),
    async (route) => {
      const text = byPath.get(new URL(route.request().url()).pathname);
      await route.fulfill(text === undefined ? { status: 404, body: 'not found' } : { body: text, contentType: 'application/json' });
    },
  );
  return context;
}

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Installed before the page's scripts: notes when the design is drawn, i.e. all nodes and edges
 * are in the DOM, measured (React Flow hides a node until it has measured it) and painted (two
 * frames later). When React Flow draws only what is on screen (`onlyRenderVisibleElements`), not
 * every node ever appears: then the design counts as drawn when the last change to the drawn
 * nodes was painted, once nothing has changed for a second (`__drawnNodes` says how many).
 */
function watchDrawn({ nodes, edges }: { nodes: number; edges: number }): void {
  const w = window as unknown as { __drawn?: number; __drawnNodes?: number; __designArrived?: number };
  let seen = '';
  let painted: { at: number; nodes: number } | undefined;
  let since = 0;
  const check = () => {
    const n = document.querySelectorAll('.react-flow__node').length;
    const e = document.querySelectorAll('.react-flow__edge').length;
    const shown = n > 0 && document.querySelector('.react-flow__node[style*="visibility: hidden"]') === null;
    const state = `${n} ${e} ${shown}`;
    if (state !== seen) {
      seen = state;
      since = performance.now();
      painted = undefined;
      if (shown) requestAnimationFrame(() => requestAnimationFrame(() => state === seen && (painted = { at: performance.now(), nodes: n })));
    }
    if (painted && (n >= nodes && e >= edges ? true : performance.now() - since > 1000)) {
      w.__drawnNodes = painted.nodes;
      w.__drawn = painted.at;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name.includes('/fixtures/')) w.__designArrived = (e as PerformanceResourceTiming).responseEnd;
  }).observe({ type: 'resource', buffered: true });
}

/** What startFrames watches: an element whose inline transform (or `attribute`) changes when the view moves; optionally a number to read each frame. */
export interface FrameWatch {
  watch: string;
  /** Compare this attribute instead of the inline transform. */
  attribute?: string;
  /** An element attribute holding a number, recorded at every frame (e.g. tokens in flight). */
  sample?: { selector: string; attribute: string };
}

/** Starts recording frames: performance.now() at each animation frame, and whether what is watched changed. */
export function startFrames(spec: string | FrameWatch): void {
  const { watch, attribute, sample } = typeof spec === 'string' ? ({ watch: spec } as FrameWatch) : spec;
  const el = document.querySelector<HTMLElement>(watch);
  const sampled = sample ? document.querySelector(sample.selector) : null;
  const read = () => (attribute ? (el?.getAttribute(attribute) ?? '') : (el?.style.transform ?? ''));
  const rec = { times: [] as number[], samples: [] as number[], moved: 0, running: true, last: read() };
  (window as unknown as { __frames: typeof rec }).__frames = rec;
  const tick = () => {
    rec.times.push(performance.now());
    const now = read();
    if (now !== rec.last) {
      rec.moved++;
      rec.last = now;
    }
    if (sample) rec.samples.push(Number(sampled?.getAttribute(sample.attribute) ?? NaN));
    if (rec.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function stopFrames(): { deltas: number[]; moved: number; ms: number; samples: number[] } {
  const rec = (window as unknown as { __frames: { times: number[]; samples: number[]; moved: number; running: boolean } }).__frames;
  rec.running = false;
  const deltas = rec.times.slice(1).map((t, i) => t - rec.times[i]!);
  return { deltas, moved: rec.moved, ms: rec.times[rec.times.length - 1]! - rec.times[0]!, samples: rec.samples };
}

export interface Target {
  kind: 'app' | 'bare';
  url: string;
  /** A stylesheet added to the page (a variant of the app, see --css). */
  css?: string;
  /** More parameters in the page's address. */
  query?: Record<string, string>;
}

export async function openDesign(
  context: BrowserContext,
  target: Target,
  design: Design,
  canvasSize?: { width: number; height: number },
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await context.newPage();
  if (target.css) {
    await page.addInitScript((css) => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
      });
    }, target.css);
  }
  await page.addInitScript(watchDrawn, { nodes: design.nodes, edges: design.edges });
  const query = new URLSearchParams({ file: design.file, ...target.query });
  if (target.kind === 'bare' && canvasSize) {
    query.set('w', String(Math.round(canvasSize.width)));
    query.set('h', String(Math.round(canvasSize.height)));
  }
  await beforeLoad?.(page);
  await page.goto(`${target.url}/?${query}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, undefined, { timeout: 60_000, polling: 100 });
  return page;
}

/** Waits until the viewport transform stays the same over three reads, each after two frames and 250 ms apart. */
export async function settle(page: Page): Promise<void> {
  let previous = '';
  let same = 0;
  for (let i = 0; i < 60 && same < 2; i++) {
    // Two frames first: input still queued (wheel steps, moves) is handled by then.
    const now = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? ''))),
        ),
    );
    same = now === previous ? same + 1 : 0;
    previous = now;
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// Profiling

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'gpu', 'v8.execute'];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Time per kind of work on the renderer's main thread (and its raster thread) during `action`, from a Chrome trace. */
export async function traceBreakdown(browser: Browser, page: Page, action: () => Promise<unknown>): Promise<TraceResult> {
  const stop = await startTrace(browser, page);
  await action();
  return stop();
}

export interface TraceResult {
  seconds: number;
  frames: number;
  rows: [string, number][];
}

/** Starts a Chrome trace; the function it returns stops it and sums it up. */
export async function startTrace(browser: Browser, page: Page): Promise<() => Promise<TraceResult>> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const t0 = Date.now();
  return async () => {
    const seconds = (Date.now() - t0) / 1000;
    return summariseTrace(seconds, await browser.stopTracing());
  };
}

function summariseTrace(seconds: number, buffer: Buffer): TraceResult {
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // Events that do not contain one another (hit tests happen before an event's listeners run).
  const kinds: Record<string, string> = {
    RunTask: 'main thread busy (all tasks)',
    FunctionCall: '  script (listeners, rAF, timers)',
    HitTest: '  hit testing',
    UpdateLayoutTree: '  style recalc',
    Layout: '  layout',
    PrePaint: '  pre-paint',
    Paint: '  paint',
    Layerize: '  layerize (paint chunks -> layers)',
    MinorGC: '  GC',
    MajorGC: '  GC',
    RasterTask: 'raster (raster thread)',
  };
  const totals = new Map<string, number>();
  let frames = 0;
  let mainPid = -1;
  for (const e of events) if (threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.name === 'ProxyMain::BeginMainFrame') mainPid = e.pid;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.pid !== mainPid) continue;
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.name === 'ProxyMain::BeginMainFrame' && thread === 'CrRendererMain') frames++;
    const label = kinds[e.name];
    if (!label || (e.name === 'RasterTask') === (thread === 'CrRendererMain')) continue;
    totals.set(label, (totals.get(label) ?? 0) + e.dur / 1000);
  }
  const order = Object.values(kinds);
  return { seconds, frames, rows: [...totals].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])) };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time by function during `action` (which may open the page), from the CDP Profiler (sampling). */
export async function cpuProfile(page: Page, action: () => Promise<unknown>, namesDir: string): Promise<CpuResult> {
  const stop = await startCpuProfile(page, namesDir);
  await action();
  return stop();
}

export interface CpuResult {
  totalMs: number;
  /** Top functions by self time. */
  self: [string, number][];
  /** Top functions of the app's own sources (src/) by total time, callees included. */
  app: [string, number][];
}

/**
 * The source file of each line of an unminified bundle: Vite marks where each module starts
 * with a `// src/...` or `// node_modules/...` comment line.
 */
function moduleMap(url: string, namesDir: string): (line: number) => string {
  const file = join(ROOT, namesDir, 'assets', url.replace(/^.*\/assets\//, ''));
  if (!url.includes('/assets/') || !existsSync(file)) return () => '';
  const starts: [number, string][] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
      if (m) starts.push([i, m[1]!]);
    });
  return (line) => {
    let found = '';
    for (const [at, path] of starts) {
      if (at > line) break;
      found = path;
    }
    return found.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, '$1');
  };
}

/** Starts the CDP sampling profiler; the function it returns stops it and sums up time by function. */
export async function startCpuProfile(page: Page, namesDir: string): Promise<() => Promise<CpuResult>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    await cdp.detach();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const modules = new Map<string, (line: number) => string>();
    const keys = new Map<number, string>();
    const keyOf = (n: ProfileNode) => {
      let key = keys.get(n.id);
      if (key === undefined) {
        const { functionName, url, lineNumber } = n.callFrame;
        if (url && !modules.has(url)) modules.set(url, moduleMap(url, namesDir));
        const where = url ? modules.get(url)!(lineNumber) || url.replace(/^.*\//, '') : '';
        key = `${functionName || '(anonymous)'}${where ? ` [${where}]` : ''}`;
        keys.set(n.id, key);
      }
      return key;
    };
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
      self.set(keyOf(n), (self.get(keyOf(n)) ?? 0) + dt);
      total += dt;
      const onStack = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(keyOf(byId.get(at)!));
      for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    });
    const top = (m: Map<string, number>, n: number, keep: (key: string) => boolean = () => true) =>
      [...m].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
    return { totalMs: total, self: top(self, 12), app: top(inclusive, 12, (k) => k.includes('[src/')) };
  };
}

export function printCpu(title: string, cpu: CpuResult): void {
  console.log(`\nCPU profile, ${title}: ${cpu.totalMs.toFixed(0)} ms of script and GC in total`);
  console.log('  self time by function:');
  for (const [fn, ms] of cpu.self) console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${fn}`);
  console.log("  the app's own functions (src/), time including what they call:");
  for (const [fn, ms] of cpu.app) console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${fn}`);
}

export function printTrace(title: string, trace: TraceResult, perSecond = true): void {
  const unit = perSecond ? 'ms/s' : 'ms';
  console.log(`\nChrome trace, ${title}: ${trace.frames} main frames in ${trace.seconds.toFixed(1)} s; time ${perSecond ? 'per second of interaction' : 'in total'}`);
  for (const [name, ms] of trace.rows) console.log(`  ${name.padEnd(40)} ${(perSecond ? ms / trace.seconds : ms).toFixed(0).padStart(5)} ${unit}`);
}

/** Runs a browser benchmark: servers stop on Ctrl-C, and on an error, which sets a failing exit code. */
export function runBenchmark(main: () => Promise<void>): void {
  stopServersOnSignal();
  main().catch(async (error: unknown) => {
    console.error(error);
    await stopServers();
    process.exitCode = 1;
  });
}
