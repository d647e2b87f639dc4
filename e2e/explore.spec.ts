/**
 * Explore (spec §7) in the app: on the parallel race (src/simulation/explore/corpus), the search
 * runs in the worker with progress, finds the refund that overtakes the charge, and the
 * counterexample plays on the canvas and steps through to "Inconsistent"; it can be saved as a
 * regression scenario. On a reference process it says it found no problem, and completely.
 * The page stays responsive while the worker searches: no main-thread task over 50 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { forgetLongTasks, longestTask, waitForText, watchLongTasks } from './support/longTasks.ts';
import { expect, test, type Page } from './support/test.ts';

// Playwright's trace snapshots the page at every action, on the page's main thread: measured as
// long tasks of the page, so it is off here.
test.use({ trace: 'off' });

const CORPUS = join(import.meta.dirname, '..', 'src', 'simulation', 'explore', 'corpus');

/** Opens a planted-bug design by URL (served from the corpus folder) and enters simulation mode. */
async function openCorpusDesign(page: Page, id: string, firstNode: string): Promise<void> {
  await page.route((url) => url.pathname.startsWith('/corpus/'), (route) =>
    route.fulfill({ body: readFileSync(join(CORPUS, new URL(route.request().url()).pathname.split('/').pop()!), 'utf8'), contentType: 'application/json' }),
  );
  await page.goto(`/?file=/corpus/${id}.sagaboard.json`);
  await simulate(page, firstNode);
}

/** The number of states in a progress line such as "12,345 states · 98,000 states/s". */
const statesIn = (text: string | null): number => Number((text ?? '').split(' ')[0]!.replace(/,/g, ''));

async function simulate(page: Page, node: string): Promise<void> {
  await expect(nodeNamed(page, node)).toBeVisible();
  await waitForViewportToSettle(page);
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
  await expect(page.getByTestId('explore')).toBeVisible();
}

test('Explore finds the race, plays it on the canvas step by step to Inconsistent, and saves it as a regression scenario', async ({ page }) => {
  await openCorpusDesign(page, 'parallel-race', 'PaymentService');
  const panel = page.getByTestId('explore');
  await expect(panel.getByLabel('Failures')).toHaveValue('1');
  await expect(panel.getByLabel('Duplicates')).toHaveValue('0');
  await panel.getByRole('button', { name: 'Explore', exact: true }).click();

  const result = page.getByTestId('explore-result');
  await expect(result).toHaveAttribute('data-found', '1');
  await expect(result).toContainText('1 counterexample');
  await expect(result).toContainText('complete');
  const found = panel.getByTestId('counterexample');
  await expect(found).toContainText('InventoryFailed reached PaymentService before OrderCreated: the compensation undid nothing and OrderCreated stayed applied');
  await expect(found).toContainText('5 steps');
  await expect(found.getByRole('listitem')).toHaveText([
    'PlaceOrder reaches OrderService',
    'OrderCreated reaches InventoryService, which fails (a business failure)',
    'InventoryFailed reaches OrderService',
    'InventoryFailed reaches PaymentService',
    'OrderCreated reaches PaymentService',
  ]);

  // One click plays it on the canvas; pause at once and step through it by hand.
  await found.getByRole('button', { name: /^Play on the canvas: / }).click();
  await page.getByRole('button', { name: 'Restart (Home)' }).click();
  const outcome = page.getByTestId('sim-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'running');
  const forward = page.getByRole('button', { name: 'Step forward (→)' });
  // PaymentService on the canvas, step by step: the refund (compensated) comes before the charge (done).
  const payment: string[] = [];
  for (let i = 0; i < 60 && (await outcome.getAttribute('data-outcome')) === 'running'; i++) {
    await forward.click();
    const ring = nodeNamed(page, 'PaymentService').getByTestId('sim-state');
    const state = (await ring.count()) ? await ring.getAttribute('data-state') : 'idle';
    if (state && payment.at(-1) !== state) payment.push(state);
  }
  expect(payment.indexOf('compensated')).toBeGreaterThanOrEqual(0);
  expect(payment.indexOf('compensated')).toBeLessThan(payment.lastIndexOf('done'));
  await expect(outcome).toHaveAttribute('data-outcome', 'inconsistent');
  await expect(outcome).toContainText('Inconsistent');
  await expect(outcome).toContainText('InventoryFailed reached PaymentService before OrderCreated');

  // Step back: the outcome is not reached yet; forward again: the same end.
  await page.getByRole('button', { name: 'Step back (←)' }).click();
  await expect(outcome).toHaveAttribute('data-outcome', 'running');
  await forward.click();
  await expect(outcome).toHaveAttribute('data-outcome', 'inconsistent');

  // Saved with the design as a regression scenario that expects what a fixed design gives.
  await found.getByRole('button', { name: 'Save as regression scenario' }).click();
  await expect(found).toContainText('✓ Saved as a regression scenario');
  await expect(found.getByRole('button', { name: 'Save as regression scenario' })).toHaveCount(0);
  const scenario = page.getByTestId('scenario');
  await expect(scenario).toHaveCount(1);
  await expect(scenario).toContainText('forced order of 5 steps');
  await expect(scenario).toContainText('expects compensated');

  await panel.screenshot({ path: process.env.EXPLORE_SHOT ?? test.info().outputPath('explore-panel.png') });
});

test('Explore is silent on a reference process, and the page stays responsive while the worker searches', async ({ page }) => {
  test.slow(); // two searches, the second of up to a million states, on a machine that may be busy
  await watchLongTasks(page);
  await page.goto('/?example=create-order-saga');
  await simulate(page, 'AccountingService');
  const panel = page.getByTestId('explore');
  // Silent with the default bounds, completely.
  await panel.getByRole('button', { name: 'Explore', exact: true }).click();
  await expect(page.getByTestId('explore-result')).toHaveAttribute('data-found', '0');
  await expect(page.getByTestId('explore-result')).toContainText(/No problem found in \d+ states \(complete\)/);

  // A search that goes to the cap of a million states: progress in states and states/s, no long
  // task on the page while it runs, and Cancel.
  await panel.getByLabel('Failures').fill('5');
  await panel.getByLabel('Late replies').fill('5');
  await panel.getByRole('button', { name: 'Explore', exact: true }).click();
  const PROGRESS = '[data-testid="explore-progress"] span';
  await waitForText(page, PROGRESS, /^[1-9][\d,]* states · [\d,]+ states\/s$/);
  await forgetLongTasks(page);
  const before = await page.locator(PROGRESS).textContent();
  await page.waitForTimeout(3_000);
  const longest = await longestTask(page);
  const after = await page.locator(PROGRESS).textContent();
  test.info().annotations.push({ type: 'timing', description: `progress ${before} → ${after}; longest main-thread task while exploring: ${longest} ms` });
  // The search is in the worker: on the page, tasks stay short (0–10 ms on a quiet machine, the
  // figure is in the annotation). A search on the page would hold it for seconds; 200 ms leaves
  // room for a busy machine without letting that through.
  expect(longest).toBeLessThanOrEqual(200);
  expect(statesIn(after)).toBeGreaterThan(statesIn(before));

  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('explore-progress')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Explore', exact: true })).toBeEnabled();
});
