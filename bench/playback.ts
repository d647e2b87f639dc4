/**
 * bench/playback: how smoothly simulation playback draws hundreds of messages in flight, in
 * headless Chromium on the production build. The design is a generated broadcast of ~1,000 nodes
 * (bench/designs.ts: one PriceChanged event subscribed by 505 store services, each publishing its
 * own terminal event; 1,014 nodes / 1,013 connections, laid out in rows). Its run (seed 1, no
 * faults, as the app starts it) has every delivery of PriceChanged on its way at once; the script
 * finds that step in Node (src/simulation/playback.ts), then, in the page: opens the design, presses
 * Simulate, sets the slowest speed (1 step a second, so the tokens stay in flight), moves the
 * timeline to that step and measures requestAnimationFrame deltas for ~4 s in three states:
 *   editor  — the design open in the editor, idle (before Simulate)
 *   paused  — simulation mode at that step, paused: the tokens drawn, not moving
 *   playing — from the same step, playing: the tokens glide along their connections
 * For playing it also reads the tokens in flight at every frame (`data-in-flight` on the
 * `[data-testid=tokens]` group: min / median / max over the measurement), how many frames a second
 * the tokens actually moved (the first token's position changed), how far the cursor advanced, and
 * afterwards how many of the tokens are within the canvas on screen. Each run is a fresh page; the
 * table shows medians of the per-run figures, and the ratio playing / paused and playing / editor.
 * The first run saves a screenshot of the measured moment (still playing) to --shots.
 *
 * Target (issue): with >= 500 tokens in flight on a 1,000-node design, median frame <= 18 ms.
 * The tokens are drawn on one overlay moved by one animation loop (src/canvas/simulation/
 * TokenLayer.tsx, playhead.ts), not through per-frame store updates of nodes or animated edges.
 *
 * Run: npm run bench:playback [-- options]     (or npx tsx bench/playback.ts)
 *   --runs N          repetitions (default 5)
 *   --size N          nodes of the broadcast design (default 1014: 505 subscribers)
 *   --speed N         steps per second while playing (default 1; the Speed menu offers 1-16)
 *   --shots DIR       where the screenshot of the measured moment goes (default /tmp/shots-playback)
 *   --profile         afterwards, on an unminified build of the same sources: a Chrome trace
 *                     breakdown (script / style / layout / paint / raster...) and a CPU profile
 *                     (hottest functions; the app's own by total time) while playing, and the
 *                     trace while paused for comparison
 *   --dist FOLDER     also measure another build of the app (repeatable; e.g. `npx vite build
 *                     --outDir /tmp/x` with a patched TokenLayer), interleaved with the app as built
 *   --keep            keep the build folders (dist-bench-playback*), e.g. for --no-build next time
 *   --no-build        reuse the build folders of an earlier --keep run
 *
 * The machine matters: timings on 2 shared cores are noisy, so read the per-run figures too.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { SagaDocument } from '../src/model/index.ts';
import { compilePlan, simulate } from '../src/simulation/index.ts';
import { tokensInFlight, tokensOf } from '../src/simulation/playback.ts';
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
  startFrames,
  stopFrames,
  stopServers,
  runBenchmark,
  traceBreakdown,
  type Design,
  type Target,
} from './browser.ts';
import { flag, option, options } from './args.ts';
import { generateDesign } from './designs.ts';
import { median, percentile } from './stats.ts';

// ---------------------------------------------------------------------------------------------
// Options

const RUNS = Number(option('--runs') ?? 5);
const SIZE = Number(option('--size') ?? 1014);
const SPEED = Number(option('--speed') ?? 1);
const SHOTS = option('--shots') ?? '/tmp/shots-playback';
const PROFILE = flag('--profile');
const KEEP = flag('--keep');
const BUILD = !flag('--no-build');
/** Other builds of the app (`--dist FOLDER`, repeatable): measured as more variants. */
const DIST_DIRS = options('--dist');

const APP_DIR = 'dist-bench-playback';
const NAMES_DIR = 'dist-bench-playback-names';
const APP_PORT = 4380;
const NAMES_PORT = 4381;
/** The first port for --dist builds. */
const DIST_PORT = 4382;
const VIEWPORT = { width: 1440, height: 900 };
const MEASURE_MS = 4000;

const TARGET = { medianMs: 18, inFlight: 500 };

// ---------------------------------------------------------------------------------------------
// The design and its run

interface Peak {
  /** The step (integer cursor) with the most tokens in flight. */
  step: number;
  inFlight: number;
  /** The fewest in flight from there over the steps a measurement plays (with a second to spare). */
  lowest: number;
  traceLength: number;
}

/** The run the app makes when Simulate is pressed (seed 1, no faults), and its busiest step. */
function peakOf(doc: SagaDocument): Peak {
  const result = simulate(compilePlan(doc), { seed: 1, faults: [] });
  const tokens = tokensOf(result.trace, doc);
  let step = 0;
  let inFlight = 0;
  for (let c = 0; c <= result.trace.length; c++) {
    const n = tokensInFlight(tokens, c).length;
    if (n > inFlight) [step, inFlight] = [c, n];
  }
  let lowest = inFlight;
  const played = Math.ceil(((MEASURE_MS + 1000) / 1000) * SPEED);
  for (let c = step; c <= step + played; c += 0.25) lowest = Math.min(lowest, tokensInFlight(tokens, c).length);
  return { step, inFlight, lowest, traceLength: result.trace.length };
}

// ---------------------------------------------------------------------------------------------
// Builds

function build(): void {
  const folders = [APP_DIR, ...(PROFILE ? [NAMES_DIR] : [])];
  if (!BUILD) {
    const missing = folders.filter((f) => !existsSync(join(ROOT, f)));
    if (missing.length === 0) return;
    console.log(`(--no-build, but ${missing.join(', ')} missing: building)`);
  }
  console.log(`building the app (${folders.join(', ')})...`);
  run('npx', ['vite', 'build', '--outDir', APP_DIR, '--emptyOutDir', '--logLevel', 'error']);
  if (PROFILE) run('npx', ['vite', 'build', '--outDir', NAMES_DIR, '--emptyOutDir', '--minify', 'false', '--logLevel', 'error']);
}

function removeBuilds(): void {
  if (KEEP) return;
  for (const folder of [APP_DIR, NAMES_DIR]) rmSync(join(ROOT, folder), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// In the page

const TOKENS = '[data-testid="tokens"]';

interface Frames {
  median: number;
  p95: number;
  frames: number;
}

interface Playing extends Frames {
  /** Tokens in flight over the frames of the measurement. */
  inFlight: { min: number; median: number; max: number };
  /** Frames a second in which the first token moved. */
  tokenFps: number;
  /** Steps the cursor advanced. */
  steps: number;
  /** Tokens drawn within the canvas on screen, at the end. */
  onScreen: number;
}

interface Run {
  zoom: number;
  editor: Frames;
  paused: Frames;
  playing: Playing;
}

function frames(result: { deltas: number[] }): Frames {
  return { median: median(result.deltas), p95: percentile(result.deltas, 95), frames: result.deltas.length + 1 };
}

async function measureIdle(page: Page): Promise<Frames> {
  await page.evaluate(startFrames, '.react-flow__viewport');
  await sleep(MEASURE_MS);
  return frames(await page.evaluate(stopFrames));
}

const cursorOf = async (page: Page) => Number(/Step (\d+)\//.exec((await page.getByTestId('playback-readout').textContent()) ?? '')?.[1] ?? NaN);

/** Simulation mode at the busiest step, paused, with the playhead there (the tokens drawn). */
async function simulateAt(page: Page, peak: Peak): Promise<void> {
  await page.getByRole('button', { name: 'Simulate' }).click();
  await page.getByTestId('simulation-dock').waitFor();
  await settle(page); // the design is framed again: the dock took room
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(String(SPEED));
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(peak.step));
  if ((await cursorOf(page)) !== peak.step) throw new Error(`the timeline did not move to step ${peak.step} (at ${await cursorOf(page)})`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="tokens"]')?.getAttribute('data-in-flight')) === n, peak.inFlight, { timeout: 10_000 });
  await sleep(300);
}

async function measurePlaying(page: Page, shot?: string): Promise<Playing> {
  const from = await cursorOf(page);
  await page.getByRole('button', { name: 'Play (Space)' }).click();
  await page.evaluate(startFrames, { watch: `${TOKENS} circle`, attribute: 'cx', sample: { selector: TOKENS, attribute: 'data-in-flight' } });
  await sleep(MEASURE_MS);
  const result = await page.evaluate(stopFrames);
  // The measured moment, still playing.
  if (shot) await page.screenshot({ path: shot });
  const onScreen = await page.evaluate((selector) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    let n = 0;
    for (const c of document.querySelectorAll<SVGCircleElement>(`${selector} circle`)) {
      if (c.style.display === 'none') continue;
      const r = c.getBoundingClientRect();
      if (r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom) n++;
    }
    return n;
  }, TOKENS);
  await page.getByRole('button', { name: 'Pause (Space)' }).click();
  const samples = result.samples.filter((n) => Number.isFinite(n));
  return {
    ...frames(result),
    inFlight: { min: Math.min(...samples), median: median(samples), max: Math.max(...samples) },
    tokenFps: (result.moved / result.ms) * 1000,
    steps: (await cursorOf(page)) - from,
    onScreen,
  };
}

async function measureRun(context: BrowserContext, target: Target, design: Design, peak: Peak, shot?: string): Promise<Run> {
  const page = await openDesign(context, target, design);
  try {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } }); // focus the page without selecting anything
    await settle(page);
    const editor = await measureIdle(page);
    await simulateAt(page, peak);
    const zoom = await page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1] ?? NaN));
    const paused = await measureIdle(page);
    const playing = await measurePlaying(page, shot);
    return { zoom, editor, paused, playing };
  } catch (error) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'failure.png') }).catch(() => {});
    console.error(`failed on ${target.url}; the page then: ${join(SHOTS, 'failure.png')}`);
    throw error;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Profiling (--profile)

async function profile(browser: Browser, design: Design, peak: Peak): Promise<void> {
  const url = await serve(['--outDir', NAMES_DIR], NAMES_PORT);
  const context = await newContext(browser, [design], VIEWPORT);
  const target: Target = { kind: 'app', url };
  console.log(`\n=== Profile (unminified build of the same sources; timings here are not the benchmark figures) ===`);
  const page = await openDesign(context, target, design);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await settle(page);
  await simulateAt(page, peak);
  printTrace('paused at the busiest step', await traceBreakdown(browser, page, () => sleep(MEASURE_MS)));
  const play = async () => {
    await page.getByRole('button', { name: 'Play (Space)' }).click();
    await sleep(MEASURE_MS);
    await page.getByRole('button', { name: 'Pause (Space)' }).click();
  };
  printTrace('playing', await traceBreakdown(browser, page, play));
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(peak.step));
  await sleep(500);
  printCpu('playing', await cpuProfile(page, play, NAMES_DIR));
  await page.close();
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Report

function report(label: string, runs: Run[], design: Design, peak: Peak): void {
  const m = (f: (r: Run) => number) => median(runs.map(f));
  const playing = { median: m((r) => r.playing.median), p95: m((r) => r.playing.p95) };
  const paused = { median: m((r) => r.paused.median), p95: m((r) => r.paused.p95) };
  const editor = { median: m((r) => r.editor.median), p95: m((r) => r.editor.p95) };
  const lowest = Math.min(...runs.map((r) => r.playing.inFlight.min));
  console.log(`\n${label}: medians of ${runs.length} runs (frame times in ms, median / p95):`);
  console.log(`  editor, idle (not simulating)           ${fmt(editor.median)} / ${fmt(editor.p95)}`);
  console.log(`  simulating, paused at step ${String(peak.step).padEnd(13)}${fmt(paused.median)} / ${fmt(paused.p95)}`);
  console.log(
    `  simulating, playing at ${SPEED} step/s          ${fmt(playing.median)} / ${fmt(playing.p95)}   ` +
      `(${m((r) => r.playing.inFlight.median)} tokens in flight, fewest ${lowest}; ${m((r) => r.playing.onScreen)} on screen; token fps ${m((r) => r.playing.tokenFps).toFixed(0)})`,
  );
  console.log(`  playing / paused ${(playing.median / paused.median).toFixed(2)}x, playing / editor ${(playing.median / editor.median).toFixed(2)}x (medians)`);
  console.log(
    `  Target: ${design.nodes} nodes, >= ${TARGET.inFlight} tokens in flight (fewest seen ${lowest}) ${mark(lowest >= TARGET.inFlight)} | ` +
      `playing median frame ${fmt(playing.median)} <= ${TARGET.medianMs} ms ${mark(playing.median <= TARGET.medianMs)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const doc = generateDesign('broadcast', SIZE);
  const design = designFixture(doc, `playback-${SIZE}`);
  const peak = peakOf(doc);
  console.log(
    `design: broadcast, ${design.nodes} nodes / ${design.edges} connections; its run: ${peak.traceLength} trace entries, ` +
      `${peak.inFlight} tokens in flight at step ${peak.step} (at least ${peak.lowest} over the next ${Math.ceil(((MEASURE_MS + 1000) / 1000) * SPEED)} steps)`,
  );
  build();
  const variants: { label: string; target: Target }[] = [
    { label: 'app', target: { kind: 'app', url: await serve(['--outDir', APP_DIR], APP_PORT) } },
    ...(await Promise.all(
      DIST_DIRS.map(async (dir, i) => ({ label: `build ${basename(dir)}`, target: { kind: 'app', url: await serve(['--outDir', resolve(dir)], DIST_PORT + i) } as Target })),
    )),
  ];
  const browser = await launchChromium();
  try {
    console.log(`Chromium ${browser.version()}, headless, no GPU; viewport ${VIEWPORT.width}x${VIEWPORT.height}; speed ${SPEED} step/s; ${RUNS} runs; load average ${loadAverage()}`);
    const context = await newContext(browser, [design], VIEWPORT);
    // Warm-up: the first page of a browser pays for compiling and caching; not counted.
    for (const v of variants) await (await openDesign(context, v.target, design)).close();
    mkdirSync(SHOTS, { recursive: true });
    const shot = join(SHOTS, `playback-${design.nodes}.png`);
    const runs = variants.map(() => [] as Run[]);
    // Runs interleave the variants, so slow spells of the shared machine hit them all alike.
    for (let i = 0; i < RUNS; i++) {
      for (const [v, variant] of variants.entries()) runs[v]!.push(await measureRun(context, variant.target, design, peak, i === 0 && v === 0 ? shot : undefined));
      console.log(`run ${i + 1}/${RUNS} done (load average ${loadAverage()})`);
    }
    await context.close();

    console.log('\nPer run: frame median/p95 in ms (frames); tokens in flight min/median/max while playing; token fps = frames a second the tokens moved.');
    for (const [v, variant] of variants.entries()) {
      for (const [i, r] of runs[v]!.entries()) {
        const p = r.playing;
        console.log(
          `  ${variant.label} run ${i + 1}: zoom ${r.zoom.toFixed(2)}; editor ${fmt(r.editor.median)}/${fmt(r.editor.p95)} (${r.editor.frames}); paused ${fmt(r.paused.median)}/${fmt(r.paused.p95)} (${r.paused.frames}); ` +
            `playing ${fmt(p.median)}/${fmt(p.p95)} (${p.frames}), in flight ${p.inFlight.min}/${p.inFlight.median}/${p.inFlight.max}, ${p.onScreen} on screen, ` +
            `token fps ${p.tokenFps.toFixed(0)}, ${p.steps} steps played`,
        );
      }
    }
    for (const [v, variant] of variants.entries()) report(variant.label, runs[v]!, design, peak);
    console.log(`\nscreenshot of the measured moment (first run of the app, still playing): ${shot}`);

    if (PROFILE) await profile(browser, design, peak);
  } finally {
    await browser.close();
    await stopServers();
    removeBuilds();
  }
}

runBenchmark(main);
