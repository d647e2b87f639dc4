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
 * Run: npm run bench:layout [-- --runs N] [-- --no-browser] [-- --no-build] [-- --profile]
 *   --profile   afterwards, on an unminified build: a CPU profile of one tidy up and its long tasks
 */
import { performance } from 'node:perf_hooks';
import { layoutDesign } from '../src/layout/elk-layout.ts';
import type { Browser, Page } from '@playwright/test';
import {
  cpuProfile,
  designFixture,
  fmt,
  launchChromium,
  loadAverage,
  mark,
  newContext,
  openDesign,
  printCpu,
  run,
  serve,
  settle,
  sleep,
  stopServers,
  stopServersOnSignal,
  type Design,
} from './browser.ts';
import { flag, option } from './args.ts';
import { generateDesign } from './designs.ts';
import { median } from './stats.ts';

const RUNS = Number(option('--runs') ?? 5);
const BROWSER = !flag('--no-browser');
const BUILD = !flag('--no-build');
const TARGET_MS: Record<number, number> = { 500: 500, 1000: 1000 };
const OUT_DIR = 'dist-bench-layout';
const PORT = 4288;
const PROFILE = flag('--profile');
const NAMES_DIR = 'dist-bench-layout-names';
const NAMES_PORT = 4289;
/** Tidy up frames the design afterwards with an animation of this length at most. */
const FIT_MS = 450;

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

/** Records long tasks (PerformanceObserver reports tasks over 50 ms) from the start of the page. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Clicks Tidy up and waits until the new positions are drawn and the view is framed; the longest task and the wall time. */
async function tidyUp(page: Page): Promise<{ longest: number; wall: number; tasks: number }> {
  const before = await page.locator('.react-flow__node').first().getAttribute('style');
  const started = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Tidy up', exact: true }).click();
  await page.waitForFunction((s) => document.querySelector('.react-flow__node')?.getAttribute('style') !== s, before, { timeout: 60_000, polling: 'raf' });
  // Until every node is drawn where the layout put it: the button is busy until then.
  await page.waitForFunction(() => document.querySelector('.sb-tidy__button')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000, polling: 'raf' });
  await sleep(FIT_MS);
  return page.evaluate(
    (from) =>
      new Promise<{ longest: number; wall: number; tasks: number }>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration >= from);
            resolve({ longest: Math.max(0, ...tasks.map((t) => t.duration)), wall: performance.now() - from, tasks: tasks.length });
          }),
        ),
      ),
    started,
  );
}

async function tidyUpInChromium(): Promise<void> {
  if (BUILD) run('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error']);
  if (PROFILE) run('npx', ['vite', 'build', '--outDir', NAMES_DIR, '--emptyOutDir', '--minify', 'false', '--logLevel', 'error']);
  const url = await serve(['--outDir', OUT_DIR], PORT);
  const browser = await launchChromium();
  const design = designFixture(generateDesign('system', 500), 'layout-500');
  console.log(`\n2. Tidy up of ${design.nodes} nodes / ${design.edges} edges in Chromium (${RUNS} runs; load ${loadAverage()})`);
  const results: { longest: number; wall: number; tasks: number }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await newContext(browser, [design], { width: 1440, height: 900 });
      const page = await openDesign(context, { kind: 'app', url }, design, undefined, watchLongTasks);
      await settle(page);
      results.push(await tidyUp(page));
      await context.close();
    }
    if (PROFILE) await profile(browser, design);
  } finally {
    await browser.close();
    await stopServers();
  }
  const longest = median(results.map((r) => r.longest));
  const list = (f: (r: (typeof results)[number]) => number) => results.map((r) => fmt(f(r))).join(', ');
  console.log(`   longest main-thread task: ${fmt(longest)} ms median (runs: ${list((r) => r.longest)}; 0 = none over 50 ms)   target <= 50 ms: ${mark(longest <= 50)}`);
  console.log(`   tasks over 50 ms: ${list((r) => r.tasks)}`);
  console.log(`   click to laid out and framed: ${fmt(median(results.map((r) => r.wall)))} ms median (runs: ${list((r) => r.wall)}; includes ${FIT_MS} ms of framing)`);
}

/** Where the time of a tidy up goes, on an unminified build of the same sources: CPU profile and the long tasks. */
async function profile(browser: Browser, design: Design): Promise<void> {
  const url = await serve(['--outDir', NAMES_DIR], NAMES_PORT);
  console.log('\n=== Profile (unminified build; timings here are not the benchmark figures) ===');
  const context = await newContext(browser, [design], { width: 1440, height: 900 });
  const page = await openDesign(context, { kind: 'app', url }, design, undefined, watchLongTasks);
  await settle(page);
  const from = await page.evaluate(() => performance.now());
  printCpu('tidy up', await cpuProfile(page, () => tidyUp(page), NAMES_DIR));
  const tasks = await page.evaluate(
    (f) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration >= f).map((t) => `${Math.round(t.start - f)}+${Math.round(t.duration)}`),
    from,
  );
  console.log(`  tasks over 50 ms (start after the click + duration, ms): ${tasks.join(' ')}`);
  await context.close();
}

stopServersOnSignal();
await timeLayouts();
if (BROWSER) await tidyUpInChromium();
