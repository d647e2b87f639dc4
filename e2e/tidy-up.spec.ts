/** Tidy up with elkjs in a worker: one button or L, one undo step; designs without positions are laid out on open. */
import { expect, test, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { openFixture } from './support/fixtures.ts';

async function overlaps(page: Page): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-id')!, ...el.getBoundingClientRect().toJSON() })));
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${a.id}/${b.id}`);
  return found;
}

test('tidy up lays a scrambled design out without overlaps, as one undo step', async ({ page }) => {
  await openFixture(page, 'scrambled-create-order');
  await expect(nodeNamed(page, 'AccountingService')).toBeVisible();
  expect((await overlaps(page)).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: /Tidy up/ }).first().click();
  await expect.poll(() => overlaps(page), { timeout: 15_000 }).toEqual([]);
  await waitForViewportToSettle(page);
  // Triggers on the left, the flow reading to the right.
  const consumer = (await nodeNamed(page, 'Consumer').boundingBox())!;
  const approved = (await nodeNamed(page, 'OrderApproved').boundingBox())!;
  expect(consumer.x).toBeLessThan(approved.x);
  await canvas(page).locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await overlaps(page)).length).toBeGreaterThan(0);
  // L does it from the keyboard; Shift+L lays it out top to bottom.
  await page.keyboard.press('Shift+L');
  await expect.poll(() => overlaps(page), { timeout: 15_000 }).toEqual([]);
  await waitForViewportToSettle(page);
  const top = (await nodeNamed(page, 'Consumer').boundingBox())!;
  const bottom = (await nodeNamed(page, 'OrderApproved').boundingBox())!;
  expect(top.y).toBeLessThan(bottom.y);
});

test('a design without positions is laid out when it opens', async ({ page }) => {
  await openFixture(page, 'without-positions');
  await expect(nodeNamed(page, 'ShippingService')).toBeVisible();
  await waitForViewportToSettle(page);
  expect(await overlaps(page)).toEqual([]);
  const customer = (await nodeNamed(page, 'Customer').boundingBox())!;
  const shipped = (await nodeNamed(page, 'ShippingScheduled').boundingBox())!;
  expect(customer.x).toBeLessThan(shipped.x);
});
