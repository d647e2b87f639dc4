/**
 * Run all scenarios runs them in a Web Worker: with 1,000 scenarios that each simulate an event
 * storm to its bound, the page never blocks (no main-thread task over 200 ms), the panel shows
 * how far it got, Cancel stops it, and each scenario says whether it met its expectation.
 */
import type { SagaDocument, Scenario } from '../src/model/index.ts';
import { pingPongStorm } from '../src/model/testing/storms.ts';
import { canvas } from './support/canvas.ts';
import { forgetLongTasks, longestTask, waitForText, watchLongTasks } from './support/longTasks.ts';
import { expect, test, type Page } from './support/test.ts';

/** The most scenarios the format allows. */
const COUNT = 1_000;

// A trace's DOM snapshots of 1,000 rows at every action are Playwright's work on the page's main
// thread, measured as the page's long tasks: this test records none.
test.use({ trace: 'off' });

/** The ping-pong storm with COUNT scenarios; every 10th expects `completed` (and fails: it is stuck). */
function withScenarios(): SagaDocument {
  const scenarios: Scenario[] = Array.from({ length: COUNT }, (_, i) => ({
    name: `Storm ${i + 1}`,
    seed: i + 1,
    faults: i % 3 === 0 ? [{ target: 'pinged', kind: 'delay', delayMs: 5, probability: 0.5 }] : [],
    expect: { outcome: i % 10 === 9 ? 'completed' : 'stuck' },
  }));
  return { ...pingPongStorm(), name: 'Ping pong scenarios', scenarios };
}

async function openAndSimulate(page: Page): Promise<void> {
  await watchLongTasks(page);
  await page.goto('/?example=order-orchestrated');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: 'scenarios.sagaboard.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withScenarios())) });
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Open as a new design' }).click();
  await expect(page.getByTestId('design-name')).toHaveText('Ping pong scenarios');
  await page.locator('button.sb-simulate').click();
  await page.waitForSelector('[data-testid="sim-outcome"]', { timeout: 30_000 });
  await expect(page.getByTestId('scenario')).toHaveCount(COUNT);
}

test('Run all runs 1,000 scenarios off the main thread, with progress and Cancel, and shows each result', async ({ page }, info) => {
  test.slow(); // 1,000 sagas that each go to the bound of 10,000 messages
  await openAndSimulate(page);
  const panel = page.getByTestId('scenarios');
  // While running, waiting is done in the page with CSS selectors: Playwright's role queries and
  // retried expectations walk the page on its main thread, over 1,000 rows a long task of their own.
  const progress = panel.getByTestId('scenarios-progress');
  const PROGRESS = '[data-testid="scenarios-progress"]';

  // Started, then cancelled: the results so far stay, the rest never come, and Run all is back.
  await panel.getByRole('button', { name: 'Run all' }).click();
  await waitForText(page, PROGRESS, new RegExp(`^\\d+ of ${COUNT.toLocaleString('en-US')}$`));
  await expect(panel.getByRole('progressbar', { name: 'Scenarios run' })).toBeVisible();
  await panel.locator('.sb-scenarios__head button', { hasText: 'Cancel' }).click({ timeout: 3_000 });
  await expect(progress).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Run all' })).toBeVisible();
  const shown = await panel.locator('.sb-scenarios__check').count();
  await page.waitForTimeout(1_000);
  expect(await panel.locator('.sb-scenarios__check').count()).toBe(shown);
  expect(shown).toBeLessThan(COUNT);

  // Run to the end: the count goes up and results come a few at a time, then every scenario says how it went.
  await forgetLongTasks(page);
  const started = Date.now();
  await panel.locator('.sb-scenarios__head button', { hasText: 'Run all' }).click();
  await waitForText(page, PROGRESS, new RegExp(`^([1-9]\\d*) of ${COUNT.toLocaleString('en-US')}$`));
  await page.waitForSelector(PROGRESS, { state: 'detached', timeout: 60_000 });
  const took = Date.now() - started;
  const longest = await longestTask(page);
  await expect(progress).toHaveCount(0);
  await expect(panel.locator('.sb-scenarios__check')).toHaveCount(COUNT);
  await expect(panel.locator('.sb-scenarios__check--pass')).toHaveCount(COUNT - COUNT / 10);
  await expect(panel.locator('.sb-scenarios__check--fail')).toHaveCount(COUNT / 10);
  await expect(page.getByTestId('scenario').nth(9)).toContainText('✗ stuck');
  await expect(page.getByTestId('scenario').first()).toContainText('✓ stuck');
  info.annotations.push({ type: 'timing', description: `${COUNT} scenarios in ${took} ms; longest main-thread task ${longest} ms` });
  expect(longest).toBeLessThan(200);
});
