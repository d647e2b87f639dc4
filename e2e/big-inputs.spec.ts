/**
 * Big and endless inputs never freeze the tab: a 50,000-node design file and a 20 MB file are
 * refused with a message while the page keeps answering, an event storm stops at its bound and
 * says so, Monte Carlo over an event storm can be cancelled, and share links that would unpack
 * to megabytes or gigabytes are refused with a message in a fresh page.
 */
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { deflateSync } from 'fflate';
import { expect, test, type Page } from './support/test.ts';
import { canvas } from './support/canvas.ts';
import { chainDesign } from './support/designs.ts';
import { forgetLongTasks, longestTask, watchLongTasks } from './support/longTasks.ts';
import { pingPongStorm } from '../src/model/testing/storms.ts';

const ORDER = 'Order fulfilment (orchestrated)';
const designName = (page: Page) => page.getByTestId('design-name');
const problem = (page: Page) => page.getByTestId('load-problem');

/** What the app says, whatever the case of its first letter (sentences start with a capital). */
const says = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/** The page answers a person at once: the Designs menu opens and closes within a few seconds. */
async function stillResponds(page: Page): Promise<void> {
  const started = Date.now();
  await page.getByRole('button', { name: 'Designs', exact: true }).click({ timeout: 3_000 });
  await expect(page.getByRole('dialog', { name: 'Designs' })).toBeVisible({ timeout: 3_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Designs' })).toHaveCount(0, { timeout: 3_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
}

async function openOrder(page: Page): Promise<number> {
  await watchLongTasks(page);
  await page.goto('/?example=order-orchestrated');
  await expect(designName(page)).toHaveText(ORDER);
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
  const count = await canvas(page).locator('.react-flow__node').count();
  await forgetLongTasks(page);
  return count;
}

/** Picks a file from disk through Designs → Open a file…; returns how long until the page said something. */
async function pickFile(page: Page, path: string): Promise<number> {
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const started = Date.now();
  await page.getByTestId('open-file-input').setInputFiles(path);
  await expect(problem(page).or(page.getByTestId('import-dialog'))).toBeVisible({ timeout: 15_000 });
  return Date.now() - started;
}

test('a 50,000-node design file is refused at once with a message; the tab keeps answering and the design stays', async ({ page }, info) => {
  const path = info.outputPath('fifty-thousand.sagaboard.json');
  writeFileSync(path, chainDesign(50_000));
  const nodes = await openOrder(page);
  const took = await pickFile(page, path);
  await expect(problem(page)).toContainText('Could not open the file “fifty-thousand.sagaboard.json”');
  await expect(problem(page)).toContainText(says('this design has 50,000 nodes; the canvas draws designs of up to 2,000 nodes'));
  await expect(problem(page)).toContainText('command line');
  await expect(problem(page)).toContainText(`Still showing “${ORDER}”`);
  await page.screenshot({ path: info.outputPath('big-file-refused.png') });
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/big-file-refused.png` });
  await stillResponds(page);
  await expect(designName(page)).toHaveText(ORDER);
  await expect(canvas(page).locator('.react-flow__node')).toHaveCount(nodes);
  const longest = await longestTask(page);
  info.annotations.push({ type: 'timing', description: `refused after ${took} ms; longest main-thread task ${Math.round(longest)} ms` });
  // Reading and parsing 7 MB of JSON; the schema check, which takes seconds at this size, never runs.
  expect(longest).toBeLessThan(2_500);
});

test('a design at the canvas limit opens in slices: the page answers meanwhile, says how far it got, and every node is drawn', async ({ page }, info) => {
  test.setTimeout(180_000);
  const { MAX_CANVAS_NODES } = await import('../src/persistence/canvasLimits.ts');
  await page.route((url) => url.pathname === '/at-the-limit.sagaboard.json', (route) => route.fulfill({ body: chainDesign(MAX_CANVAS_NODES), contentType: 'application/json' }));
  await watchLongTasks(page);
  // What each frame shows, from the first frame on: while the slices come, the canvas says how far
  // it got and hides the drawing (shown once complete).
  await page.addInitScript(() => {
    const frames: { drawn: number; progress: number | null; hidden: boolean }[] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    const nodes = document.getElementsByClassName('sb-face');
    const tick = () => {
      const progress = document.querySelector<HTMLProgressElement>('[data-testid="canvas-opening"] progress');
      frames.push({ drawn: nodes.length, progress: progress ? progress.value : null, hidden: document.querySelector('.sb-canvas--opening') !== null });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await page.goto('/?file=/at-the-limit.sagaboard.json');
  await expect(designName(page)).toHaveText(`Chain of ${MAX_CANVAS_NODES}`, { timeout: 30_000 });
  // While it is being drawn, a person can use the page.
  // (CSS locators: a role query walks all of a big design's accessibility tree, slowly.)
  const asked = Date.now();
  await page.locator('button.sb-designs__button, button[aria-haspopup="dialog"]').filter({ hasText: 'Designs' }).first().click();
  await expect(page.locator('[role="dialog"]').first()).toBeVisible();
  const answered = Date.now() - asked;
  await page.keyboard.press('Escape');
  // Every node is drawn as its face; React Flow's own node elements are mounted only near the view (Canvas.tsx).
  const faces = canvas(page).getByTestId('node-faces').locator('.sb-face');
  const midway = await faces.count();
  await expect(faces).toHaveCount(MAX_CANVAS_NODES, { timeout: 120_000 });
  // The connections come with the second half of the nodes.
  await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(MAX_CANVAS_NODES - 1, { timeout: 120_000 });
  const drawn = Date.now() - started;
  const longest = await longestTask(page);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
  const frames = await page.evaluate(() => (window as unknown as { __frames: { drawn: number; progress: number | null; hidden: boolean }[] }).__frames);
  const partDrawn = frames.filter((f) => f.drawn > 0 && f.drawn < MAX_CANVAS_NODES);
  const progress = [...new Set(partDrawn.map((f) => f.progress))];
  const figures = `${MAX_CANVAS_NODES} nodes and their connections drawn after ${drawn} ms; the status said ${progress.join(', ')} nodes drawn on the way; the Designs menu opened ${answered} ms after a click with ${midway} nodes drawn; longest main-thread task ${longest} ms; ${tasks} tasks over 50 ms`;
  info.annotations.push({ type: 'timing', description: figures });
  console.log(`canvas limit: ${figures}`);
  // In slices: some frames had part of the design in the page, the canvas hiding it and saying how far it got.
  expect(partDrawn.length).toBeGreaterThan(0);
  for (const f of partDrawn) expect(f).toEqual({ drawn: f.drawn, progress: f.drawn, hidden: true });
  await expect(canvas(page).getByTestId('canvas-opening')).toHaveCount(0);
  await expect(canvas(page)).not.toHaveClass(/sb-canvas--opening/);
  expect(answered).toBeLessThan(5_000);
  // Before drawing in slices this was one task of 8.6 s. On a quiet machine it is about 350 ms
  // (bench/open: two slices open faster than more, shorter ones, docs/decisions.md); this bound
  // leaves room for a machine busy with other tests.
  expect(longest).toBeLessThan(1_000);
});

test('a 20 MB file is refused before it is read; a file just under the limit is checked quickly', async ({ page }, info) => {
  const nodes = await openOrder(page);
  const huge = info.outputPath('huge.sagaboard.json');
  // 21 MB of a design whose description fills the file.
  writeFileSync(huge, `{"format":"sagaboard","version":1,"name":"Huge","description":"${'x'.repeat(21 * 1024 * 1024)}","nodes":[],"edges":[]}`);
  await pickFile(page, huge);
  await expect(problem(page)).toContainText(says('the file is 21.0 MB; Sagaboard opens designs up to 20 MB'));
  await expect(problem(page)).toContainText(`Still showing “${ORDER}”`);
  await stillResponds(page);

  // 19.9 MB: read and parsed, and refused by the schema with the place it is wrong.
  const big = info.outputPath('big.sagaboard.json');
  writeFileSync(big, `{"format":"sagaboard","version":1,"name":"Big","description":"${'x'.repeat(19.9 * 1024 * 1024)}","nodes":[],"edges":[]}`);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problem(page)).toHaveCount(0);
  await pickFile(page, big);
  await expect(problem(page)).toContainText('Could not open the file “big.sagaboard.json”');
  await expect(problem(page)).toContainText(says('description: too long: at most 20000 characters'));
  await stillResponds(page);
  await expect(designName(page)).toHaveText(ORDER);
  await expect(canvas(page).locator('.react-flow__node')).toHaveCount(nodes);
  const longest = await longestTask(page);
  info.annotations.push({ type: 'timing', description: `longest main-thread task ${Math.round(longest)} ms` });
  expect(longest).toBeLessThan(2_500);
});

/** Two services whose events trigger each other forever (spec §4: stopped at 10,000 messages). */
const STORM = JSON.stringify(pingPongStorm());

async function openStorm(page: Page): Promise<void> {
  await openOrder(page);
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: 'ping-pong.sagaboard.json', mimeType: 'application/json', buffer: Buffer.from(STORM) });
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Open as a new design' }).click();
  await expect(designName(page)).toHaveText('Ping pong');
}

test('an event storm stops at its bound of 10,000 messages and the outcome says so', async ({ page }, info) => {
  await openStorm(page);
  await forgetLongTasks(page);
  const started = Date.now();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
  await expect(page.getByTestId('playback-readout')).toContainText(/Step 0\/\d{5}/);
  const simulated = Date.now() - started;
  await canvas(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  const outcome = page.getByTestId('sim-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'stuck');
  await expect(outcome).toContainText('stopped after 10,000 messages: an event storm in the cycle Ponged → Pinged → Ponged');
  await expect(outcome).toContainText(/10,?001 messages/);
  await expect(page.getByTestId('trace-log')).toContainText('Saga stuck');
  const simulating = await longestTask(page);
  // The sequence diagram of 10,001 messages draws the arrows in view, at the end of the run.
  await forgetLongTasks(page);
  const drawing = Date.now();
  await page.getByRole('tab', { name: 'Sequence diagram' }).click();
  const diagram = page.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible();
  await expect(diagram.getByRole('group')).toHaveAttribute('aria-label', 'Sequence diagram: 10000 messages between 3 participants');
  expect(await diagram.getByRole('button').count()).toBeLessThan(100);
  await expect(diagram.getByRole('button').last()).toBeInViewport();
  const drawn = Date.now() - drawing;
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/event-storm.png` });
  const longest = Math.max(simulating, await longestTask(page));
  info.annotations.push({ type: 'timing', description: `simulated in ${simulated} ms, sequence diagram in ${drawn} ms; longest main-thread task ${longest} ms` });
  expect(longest).toBeLessThan(3_000);
  await page.getByRole('button', { name: 'Back to editing' }).click({ timeout: 3_000 });
  await expect(page.getByTestId('simulation-dock')).toHaveCount(0);
});

test('Monte Carlo over an event storm runs off the main thread and can be cancelled', async ({ page }) => {
  await openStorm(page);
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const panel = page.getByTestId('monte-carlo');
  await panel.getByLabel('Sagas').fill('100000');
  await panel.getByRole('button', { name: 'Run' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Sagas simulated' })).toBeVisible();
  // A billion messages to go: the page still answers, and Cancel stops it.
  await page.getByRole('tab', { name: 'Sequence diagram' }).click({ timeout: 3_000 });
  await expect(page.getByTestId('sequence-diagram')).toBeVisible({ timeout: 3_000 });
  await panel.getByRole('button', { name: 'Cancel' }).click({ timeout: 3_000 });
  await expect(panel.getByRole('button', { name: 'Run' })).toBeVisible({ timeout: 3_000 });
});

const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

test('share links that would unpack to megabytes or gigabytes are refused with a message, in a fresh page', async ({ browser }) => {
  test.slow(); // deflates a gigabyte
  // 10 MB of zeros: a link short enough to be read (13.6 KB), which would unpack past the 4 MB cap.
  const bomb = base64Url(deflateSync(new Uint8Array(10 * 1024 * 1024), { level: 9 }));
  expect(bomb.length).toBeLessThan(16 * 1024);
  // 1 GiB of zeros (1 MB deflated; Node's zlib makes the same raw deflate as fflate, 4 times faster).
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  const gigabyte = base64Url(deflateRawSync(Buffer.concat(Array.from({ length: 16 }, () => zeros))));
  for (const [link, message] of [
    [bomb, 'this share link unpacks to more than 4 MB; Sagaboard refuses it'],
    [gigabyte, 'this share link is far longer than Sagaboard makes them; it is not a design'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchLongTasks(page);
    await page.goto(`/#share=v1.${link}`);
    await expect(problem(page)).toContainText('Could not open the shared link');
    await expect(problem(page)).toContainText(says(message));
    // The app opens as usual, with the default example.
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Shared design' })).toHaveCount(0);
    await stillResponds(page);
    expect(await longestTask(page)).toBeLessThan(2_500);
    await context.close();
  }
});
