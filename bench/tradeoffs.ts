/**
 * bench/tradeoffs: what the Trade-offs panel adds to the main thread while a big design is edited,
 * in headless Chromium on the production build. The same edits — drag a node, let go, wait for
 * the measures to come back — are made with the panel open and with it folded (which measures
 * nothing). The panel starts measuring 400 ms after the last edit, in a worker; the main-thread
 * tasks over 50 ms that start in that window (from 400 ms after the edit until the new measures
 * are shown) are the panel's, and the goal is none. The same window with the panel folded is the
 * baseline (what the edit itself still does then). The longest task of the whole session is
 * printed too: it is the editing's own cost. Medians of `--runs` fresh pages (default 3), interleaved.
 *
 * Run: npm run bench:tradeoffs [-- --nodes 500 --edits 8 --runs 3 --no-build]
 */
import type { Page } from '@playwright/test';
import { designFixture, fmt, launchChromium, loadAverage, mark, newContext, openDesign, run, serve, settle, sleep, stopServers, stopServersOnSignal } from './browser.ts';
import { flag, option } from './args.ts';
import { generateDesign } from './designs.ts';
import { median } from './stats.ts';

const NODES = Number(option('--nodes') ?? 500);
const EDITS = Number(option('--edits') ?? 8);
const RUNS = Number(option('--runs') ?? 3);
const DIST = 'dist-bench-tradeoffs';
const GOAL_MS = 50;

stopServersOnSignal();
if (!flag('--no-build')) run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir']);
const url = await serve(['--outDir', DIST], 4393);
const design = designFixture(generateDesign('orchestrated', NODES), `orchestrated-${NODES}`);
const browser = await launchChromium();
const context = await newContext(browser, [design], { width: 1440, height: 900 });

const measuring = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="trade-offs-measuring"]') !== null);

/** Waits until the panel shows measures for the design as it is now. */
async function measured(page: Page): Promise<number> {
  const t0 = performance.now();
  await sleep(450); // the panel waits 400 ms after an edit before measuring
  while (await measuring(page)) await sleep(25);
  return performance.now() - t0;
}

/** Drags node `index` (in document order) by a few grid steps and lets go: one edit. */
async function dragNode(page: Page, index: number, dx: number): Promise<void> {
  const box = await page.locator('.react-flow__node').nth(index).boundingBox();
  if (!box) throw new Error(`node ${index} is not drawn`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let s = 1; s <= 5; s++) await page.mouse.move(x + (dx * s) / 5, y + (s % 2) * 4);
  await page.mouse.up();
}

interface Sample {
  /** The longest task of the whole session, and how many took over 50 ms. */
  longest: number;
  over50: number;
  /** The longest task that started in a measuring window (0 when none). */
  inWindow: number;
  back: number[];
}

type Task = [start: number, duration: number];
const now = (page: Page) => page.evaluate(() => performance.now());

async function editSession(panelOpen: boolean): Promise<Sample> {
  const page = await openDesign(context, { kind: 'app', url }, design, undefined, async (p) => {
    await p.addInitScript(() => {
      const w = window as unknown as { __tasks: [number, number][] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
  });
  await settle(page);
  await page.waitForSelector('[data-testid="measure-coupling"]', { timeout: 120_000 });
  await measured(page);
  if (!panelOpen) await page.click('.sb-tradeoffs__fold');
  await sleep(300);
  await page.evaluate(() => void ((window as unknown as { __tasks: Task[] }).__tasks = []));
  const back: number[] = [];
  const windows: [number, number][] = [];
  for (let i = 0; i < EDITS; i++) {
    await dragNode(page, 3 + i, i % 2 ? -44 : 44);
    const edited = await now(page);
    if (panelOpen) back.push(await measured(page));
    else await sleep(900);
    windows.push([edited + 400, await now(page)]);
  }
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: Task[] }).__tasks);
  await page.close();
  const inWindow = tasks.filter(([start]) => windows.some(([from, to]) => start >= from && start <= to)).map(([, d]) => d);
  return { longest: Math.max(0, ...tasks.map(([, d]) => d)), over50: tasks.length, inWindow: Math.max(0, ...inWindow), back };
}

console.log(`load average before: ${loadAverage()}`);
console.log(`Editing a ${design.nodes}-node design (${design.edges} connections): ${EDITS} node drags a page, ${RUNS} pages each way, interleaved`);
try {
  const open: Sample[] = [];
  const folded: Sample[] = [];
  for (let r = 0; r < RUNS; r++) {
    folded.push(await editSession(false));
    open.push(await editSession(true));
  }
  const med = (s: Sample[], f: (x: Sample) => number) => median(s.map(f));
  const row = (label: string, s: Sample[]) =>
    console.log(
      `${label.padEnd(13)} longest task in the measuring window ${fmt(med(s, (x) => x.inWindow)).padStart(5)} ms (runs ${s.map((x) => fmt(x.inWindow)).join(', ')});` +
        ` whole session: longest ${fmt(med(s, (x) => x.longest))} ms, ${med(s, (x) => x.over50)} tasks over 50 ms`,
    );
  row('panel folded', folded);
  row('panel open', open);
  console.log(`measures back after an edit: median ${fmt(median(open.flatMap((x) => x.back)))} ms (includes the 400 ms pause after the edit)`);
  const panel = med(open, (x) => x.inWindow);
  console.log(`the panel's longest main-thread task: ${fmt(panel)} ms — ${mark(panel <= GOAL_MS)} (goal: none over ${GOAL_MS} ms)`);
} finally {
  console.log(`load average after: ${loadAverage()}`);
  await browser.close();
  await stopServers();
}
