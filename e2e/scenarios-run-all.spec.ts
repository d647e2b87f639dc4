/**
 * Run all scenarios runs them in a Web Worker: with 320 scenarios that each simulate an event
 * storm to its bound, the page never blocks (no main-thread task over 200 ms), the panel shows
 * how far it got, Cancel stops it, and each scenario says whether it met its expectation.
 */
import type { SagaDocument, Scenario } from '../src/model/index.ts';
import { pingPongStorm } from '../src/model/testing/storms.ts';
import { canvas } from './support/canvas.ts';
import { forgetLongTasks, longestTask, watchLongTasks } from './support/longTasks.ts';
import { expect, test, type Page } from './support/test.ts';

const COUNT = 320;

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
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('sim-outcome')).toBeVisible();
  await expect(page.getByTestId('scenario')).toHaveCount(COUNT);
}

test('Run all runs 320 scenarios off the main thread, with progress and Cancel, and shows each result', async ({ page }, info) => {
  await openAndSimulate(page);
  const panel = page.getByTestId('scenarios');
  // Waiting uses CSS selectors: Playwright's role queries walk the page on its main thread, and
  // over 320 rows that is a long task of their own.
  const progress = panel.getByTestId('scenarios-progress');
  await forgetLongTasks(page);

  // Started, then cancelled: no result shows, and Run all is back.
  await panel.getByRole('button', { name: 'Run all' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Scenarios run' })).toBeVisible();
  await expect(progress).toHaveText(new RegExp(`^\\d+ of ${COUNT}$`));
  await panel.getByRole('button', { name: 'Cancel' }).click({ timeout: 3_000 });
  await expect(progress).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Run all' })).toBeVisible();
  await expect(panel.locator('.sb-scenarios__check')).toHaveCount(0);

  // Run to the end: the count goes up while the page answers, then every scenario says how it went.
  const started = Date.now();
  await panel.getByRole('button', { name: 'Run all' }).click();
  await expect(progress).toHaveText(new RegExp(`^([1-9]\\d*) of ${COUNT}$`), { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Sequence diagram' }).click({ timeout: 3_000 });
  await expect(progress).toHaveCount(0, { timeout: 60_000 });
  const took = Date.now() - started;
  await expect(panel.locator('.sb-scenarios__check')).toHaveCount(COUNT);
  await expect(panel.locator('.sb-scenarios__check--pass')).toHaveCount(COUNT - COUNT / 10);
  await expect(panel.locator('.sb-scenarios__check--fail')).toHaveCount(COUNT / 10);
  await expect(page.getByTestId('scenario').nth(9)).toContainText('✗ stuck');
  await expect(page.getByTestId('scenario').first()).toContainText('✓ stuck');
  const longest = await longestTask(page);
  info.annotations.push({ type: 'timing', description: `${COUNT} scenarios in ${took} ms; longest main-thread task ${longest} ms` });
  expect(longest).toBeLessThan(200);
});
