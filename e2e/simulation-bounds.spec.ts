/**
 * Simulating a design that never ends stays cheap in the app. A fan-out storm (one event, 200
 * subscribers that each publish it again: 2,000,000 deliveries before the run reached its bound
 * of 10,000 messages) stops at the delivery bound; running it (another seed) and going to the end
 * of the run never block the page for 200 ms.
 */
import { fanOutStorm } from '../src/model/testing/storms.ts';
import { canvas } from './support/canvas.ts';
import { forgetLongTasks, longestTask, waitForText, watchLongTasks } from './support/longTasks.ts';
import { expect, test } from './support/test.ts';

// Playwright's own work in the page (a trace's DOM snapshots, role queries over hundreds of
// nodes) runs on the page's main thread too: the measured part uses CSS selectors and records no
// trace, so the long tasks measured are the app's.
test.use({ trace: 'off' });

test('a fan-out storm is simulated without a long task and stops at the delivery bound', async ({ page }, info) => {
  await watchLongTasks(page);
  await page.goto('/?example=order-orchestrated');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: 'fan-out.sagaboard.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fanOutStorm(200))) });
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Open as a new design' }).click();
  await expect(page.getByTestId('design-name')).toHaveText('Fan-out storm ×200');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
  await page.waitForTimeout(300);
  await forgetLongTasks(page);

  // Simulate: simulation mode opens (its panels, the canvas drawn read-only) and the storm runs.
  await page.locator('button.sb-simulate').click();
  await waitForText(page, '[data-testid="playback-readout"]', /Step 0\/\d+/);
  const entering = await longestTask(page);
  await page.waitForTimeout(300);
  await forgetLongTasks(page);

  // Another seed runs the storm again on the main thread; End shows where it stopped.
  const seed = page.locator('.sb-faults__seed input');
  await seed.fill('2');
  await seed.press('Enter');
  await canvas(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await waitForText(page, '[data-testid="sim-outcome"]', /stopped after 10,000 deliveries: an event storm in the cycle Ticked → Ticked/);
  const running = await longestTask(page);
  await expect(page.getByTestId('sim-outcome')).toHaveAttribute('data-outcome', 'stuck');
  info.annotations.push({ type: 'timing', description: `longest main-thread task: entering simulation mode ${entering} ms, running the storm and going to its end ${running} ms` });
  expect(running).toBeLessThan(200);
});
