/**
 * bench/layout: how long elkjs takes to lay out generated designs, and whether Tidy up keeps
 * the page responsive.
 *
 * 1. In Node: `layoutDesign` (elkjs, layered) on generated system maps of 100, 500 and 1,000
 *    nodes (bench/designs.ts) — median of `--runs` runs after a warm-up. Baseline in the same
 *    process: JSON.parse + JSON.stringify of the same design (the cost of shipping it to a worker).
 * 2. In headless Chromium on the production build: a 500-node design opened, Tidy up clicked,
 *    and the longest main-thread task (PerformanceObserver "longtask", which reports tasks over
 *    50 ms) from the click until the new positions are drawn; also the wall time of the tidy up.
 *
 * Targets (issue): 500 nodes laid out within 0.5 s and 1,000 within 1 s; no main-thread task
 * over 50 ms while a 500-node tidy up runs.
 *
 * Run: npm run bench:layout [-- --runs N] [-- --no-browser] [-- --no-build]
 */
import { performance } from 'node:perf_hooks';
import { layoutDesign } from '../src/layout/elk-layout.ts';
import { designFixture, fmt, launchChromium, loadAverage, mark, newContext, openDesign, run, serve, stopServers, stopServersOnSignal } from './browser.ts';
import { flag, option } from './args.ts';
import { generateDesign } from './designs.ts';
import { median } from './stats.ts';

const RUNS = Number(option('--runs') ?? 5);
const BROWSER = !flag('--no-browser');
const BUILD = !flag('--no-build');
const TARGET_MS: Record<number, number> = { 500: 500, 1000: 1000 };
const OUT_DIR = 'dist-bench-layout';
const PORT = 4288;

async function timeLayouts(): Promise<void> {
  console.log(`\n1. elkjs layout in Node (median of ${RUNS} runs; load ${loadAverage()})`);
  for (const size of [100, 500, 1000]) {
    const doc = generateDesign('system', size);
    await layoutDesign(doc); // warm-up: JIT and elkjs's own start-up
    const times: number[] = [];
    const copies: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await layoutDesign(doc);
      times.push(performance.now() - t0);
      const t1 = performance.now();
      JSON.parse(JSON.stringify(doc));
      copies.push(performance.now() - t1);
    }
    const ms = median(times);
    const target = TARGET_MS[size];
    console.log(
      `   ${String(doc.nodes.length).padStart(5)} nodes, ${String(doc.edges.length).padStart(5)} edges: ${fmt(ms).padStart(6)} ms` +
        `   (copy to a worker ${fmt(median(copies))} ms, ratio ${(ms / median(copies)).toFixed(0)}x)` +
        (target ? `   target <= ${target} ms: ${mark(ms <= target)}` : ''),
    );
  }
}

async function tidyUpInChromium(): Promise<void> {
  if (BUILD) run('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error']);
  const url = await serve(['--outDir', OUT_DIR], PORT);
  const browser = await launchChromium();
  const design = designFixture(generateDesign('system', 500), 'layout-500');
  console.log(`\n2. Tidy up of ${design.nodes} nodes / ${design.edges} edges in Chromium (${RUNS} runs)`);
  const longest: number[] = [];
  const walls: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await newContext(browser, [design], { width: 1440, height: 900 });
      const page = await openDesign(context, { kind: 'app', url }, design, undefined, async (p) => {
        await p.addInitScript(() => {
          const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
        });
      });
      const before = await page.locator('.react-flow__node').first().getAttribute('style');
      const started = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Tidy up', exact: true }).click();
      await page.waitForFunction((s) => document.querySelector('.react-flow__node')?.getAttribute('style') !== s, before, { timeout: 60_000, polling: 'raf' });
      const result = await page.evaluate(
        (from) =>
          new Promise<{ longest: number; wall: number }>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration >= from);
                resolve({ longest: Math.max(0, ...tasks.map((t) => t.duration)), wall: performance.now() - from });
              }),
            ),
          ),
        started,
      );
      longest.push(result.longest);
      walls.push(result.wall);
      await context.close();
    }
  } finally {
    await browser.close();
    await stopServers();
  }
  const worst = median(longest);
  console.log(`   longest main-thread task: ${fmt(worst)} ms median (runs: ${longest.map(fmt).join(', ')}; 0 = none over 50 ms)   target <= 50 ms: ${mark(worst <= 50)}`);
  console.log(`   click to new positions drawn: ${fmt(median(walls))} ms median (runs: ${walls.map(fmt).join(', ')})`);
}

stopServersOnSignal();
await timeLayouts();
if (BROWSER) await tidyUpInChromium();
