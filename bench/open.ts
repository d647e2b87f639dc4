/**
 * bench/open: what opening a big design costs the main thread, in headless Chromium on the
 * production build. For generated "system map" designs (bench/designs.ts, ~1.5 connections per
 * node) of several sizes: the longest main-thread task from the address being entered until the
 * design is drawn and settled, how many tasks took over 50 ms and over 200 ms, and the time until
 * every node was drawn. Medians of `--runs` fresh pages (default 3).
 *
 * Run: npm run bench:open [-- --sizes 500,1000,2000 --runs 3 --no-build] (the canvas opens up to 2,000 nodes)
 *   --tasks     also print every long task of each run, in order
 *   --profile   afterwards, at the largest size, on an unminified build: where the time of
 *               opening goes (Chrome trace breakdown and CPU profile by function)
 */
import { designFixture, fmt, printCpu, printTrace, startCpuProfile, startTrace, launchChromium, loadAverage, newContext, openDesign, run, serve, settle, stopServers, stopServersOnSignal } from './browser.ts';
import { flag, option } from './args.ts';
import { generateDesign } from './designs.ts';
import { median } from './stats.ts';

const sizes = (option('--sizes') ?? '500,1000,2000').split(',').map(Number);
const runs = Number(option('--runs') ?? 3);
const DIST = 'dist-bench-open';
const NAMES_DIR = 'dist-bench-open-names';
const PROFILE = flag('--profile');
const TASKS = flag('--tasks');

stopServersOnSignal();
if (!flag('--no-build')) run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir']);
if (PROFILE && !flag('--no-build')) run('npx', ['vite', 'build', '--outDir', NAMES_DIR, '--emptyOutDir', '--minify', 'false', '--logLevel', 'error']);
const url = await serve(['--outDir', DIST], 4390);
const designs = sizes.map((n) => designFixture(generateDesign('system', n), `system-${n}`));
const browser = await launchChromium();
const context = await newContext(browser, designs, { width: 1440, height: 900 });

console.log(`load average before: ${loadAverage()}`);
console.log('nodes  edges   longest task  tasks>50ms  tasks>200ms  drawn');
try {
  for (const design of designs) {
    const longest: number[] = [];
    const over50: number[] = [];
    const over200: number[] = [];
    const drawn: number[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await openDesign(context, { kind: 'app', url }, design, undefined, async (p) => {
        await p.addInitScript(() => {
          const w = window as unknown as { __tasks: number[] };
          w.__tasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__tasks.push(e.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
      });
      await settle(page);
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
      if (TASKS) console.log(`  ${design.nodes} nodes, run ${r + 1}: tasks over 50 ms in order: ${tasks.map((t) => fmt(t)).join(', ')}`);
      longest.push(Math.max(0, ...tasks));
      over50.push(tasks.length);
      over200.push(tasks.filter((t) => t > 200).length);
      drawn.push(await page.evaluate(() => (window as unknown as { __drawn: number }).__drawn));
      await page.close();
    }
    console.log(
      `${String(design.nodes).padStart(5)}  ${String(design.edges).padStart(5)}   ${fmt(median(longest)).padStart(8)} ms  ${String(median(over50)).padStart(10)}  ${String(median(over200)).padStart(11)}  ${fmt(median(drawn)).padStart(6)} ms   (longest per run: ${longest.map((t) => fmt(t)).join(', ')})`,
    );
  }
  if (PROFILE) {
    const names = await serve(['--outDir', NAMES_DIR], 4391);
    const design = designs[designs.length - 1]!;
    let stopTrace!: Awaited<ReturnType<typeof startTrace>>;
    let page = await openDesign(context, { kind: 'app', url: names }, design, undefined, async (p) => void (stopTrace = await startTrace(browser, p)));
    await settle(page);
    printTrace(`opening ${design.nodes} nodes (until settled)`, await stopTrace(), false);
    await page.close();
    let stopCpu!: Awaited<ReturnType<typeof startCpuProfile>>;
    page = await openDesign(context, { kind: 'app', url: names }, design, undefined, async (p) => void (stopCpu = await startCpuProfile(p, NAMES_DIR)));
    await settle(page);
    printCpu(`opening ${design.nodes} nodes (until settled)`, await stopCpu());
    await page.close();
  }
} finally {
  console.log(`load average after: ${loadAverage()}`);
  await browser.close();
  await stopServers();
}
