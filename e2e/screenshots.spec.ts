/**
 * Screenshots of every example at 1440x900, written to /tmp/shots/ for a person to look at.
 * Also checks that no two nodes overlap and that no name or caption is cut off.
 */
import { expect, test, type Page } from './support/test.ts';
import { waitForViewportToSettle } from './support/canvas.ts';
import { EXAMPLES } from './support/examples.ts';
import { openFixture } from './support/fixtures.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

for (const example of EXAMPLES) {
  test(`screenshot of ${example.id}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?example=${example.id}`);
    await expect(page.getByTestId('verdict-style')).toHaveText(example.verdict);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await waitForViewportToSettle(page);
    await page.screenshot({ path: `${SHOTS}/${example.id}.png` });
    await expectTidyCanvas(page);
  });
}

test('screenshot of a design with problems, one of them shown on the canvas', async ({ page }) => {
  await openFixture(page, 'broken-connections');
  await expect(page.getByTestId('count-error')).toHaveText('3 errors');
  await page.getByTestId('diagnostic').filter({ hasText: 'G012' }).click();
  await waitForViewportToSettle(page);
  await page.screenshot({ path: `${SHOTS}/fixture-broken-connections.png` });
  await expectTidyCanvas(page);
});

test('screenshot of a design laid out by the fallback layout, with a warning', async ({ page }) => {
  await openFixture(page, 'non-idempotent-payment');
  await expect(page.getByTestId('count-warning')).toHaveText('1 warning');
  await waitForViewportToSettle(page);
  await page.screenshot({ path: `${SHOTS}/fixture-non-idempotent-payment.png` });
  await expectTidyCanvas(page);
});

/** No two nodes overlap; no name or caption is cut off. */
async function expectTidyCanvas(page: Page): Promise<void> {
  const boxes = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-id'), ...el.getBoundingClientRect().toJSON() })));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  const cutOff = await page
    .locator('.sb-node__name, .sb-node__caption')
    .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(cutOff).toEqual([]);
}

test('screenshots of simulation mode: mid-run, compensated, sequence diagram, duplicate to a non-idempotent handler', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?example=order-orchestrated');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const shipping = page.locator('.react-flow__node').filter({ hasText: 'InitiateShipping' });
  await shipping.click();
  await page.getByRole('form', { name: 'Inject a fault on InitiateShipping' }).getByRole('button', { name: 'Inject fault' }).click();
  await waitForViewportToSettle(page);
  await page.getByRole('slider', { name: 'Timeline' }).fill('31');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/simulation-mid-run.png` });
  await page.keyboard.press('End');
  await expect(page.getByTestId('sim-outcome')).toHaveAttribute('data-outcome', 'compensated');
  await page.screenshot({ path: `${SHOTS}/simulation-compensated.png` });
  await page.getByRole('tab', { name: 'Sequence diagram' }).click();
  await page.getByRole('slider', { name: 'Timeline' }).fill('36');
  await page.screenshot({ path: `${SHOTS}/simulation-sequence.png` });
});
