/**
 * What the library reads back is checked, not only the design: a damaged view or revision left
 * in storage (by a bug, an extension, a hand edit) never makes a design look lost or fakes a
 * conflict with another tab.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test.ts';
import { canvas, nodeNamed } from './support/canvas.ts';
import { saveState } from './support/designs.ts';
import { seedLibrary, storedDesign } from './support/storage.ts';

const orderSaga = JSON.parse(readFileSync('public/examples/order-orchestrated.sagaboard.json', 'utf8')) as { name: string };

/** Errors the page did not catch, collected from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

for (const [what, viewport] of [
  ['zoom 0', { x: 0, y: 0, zoom: 0 }],
  ['a pan of 10^300', { x: 1e300, y: 0, zoom: 1 }],
  ['text for numbers', { x: 'left', y: 0, zoom: 1 }],
] as const) {
  test(`a damaged stored view (${what}) shows the design framed, and a wheel turn writes a sound view back`, async ({ page }) => {
    await seedLibrary(page, [{ id: 'badview00001', doc: orderSaga, updatedAt: Date.now(), revision: 1, viewport }], 'badview00001');
    const errors = pageErrors(page);
    await page.goto('/?design=badview00001');
    await expect(nodeNamed(page, 'OrderService')).toBeInViewport();
    await expect(nodeNamed(page, 'PaymentService')).toBeInViewport();

    const box = (await canvas(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    const sound = async () => {
      const v = (await storedDesign(page, 'badview00001'))?.viewport;
      return v !== undefined && [v.x, v.y, v.zoom].every(Number.isFinite) && v.zoom >= 0.15 && Math.abs(v.x) < 1e6;
    };
    await expect.poll(sound).toBe(true);
    await expect(nodeNamed(page, 'OrderService')).toBeVisible();
    expect(errors.filter((e) => /NaN|Error/.test(e))).toEqual([]);
  });
}

test('a damaged stored revision (2^53) fakes no conflict: editing alone in one tab just saves', async ({ page }) => {
  await seedLibrary(page, [{ id: 'badrev000001', doc: orderSaga, updatedAt: Date.now(), revision: 2 ** 53 }], 'badrev000001');
  await page.goto('/?design=badrev000001');
  for (let i = 0; i < 3; i++) {
    await nodeNamed(page, 'OrderService').click();
    await page.keyboard.press('ArrowRight');
    await expect(saveState(page)).toHaveText('Saved');
  }
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
  const stored = (await storedDesign(page, 'badrev000001'))!;
  expect(Number.isSafeInteger(stored.revision)).toBe(true);
  expect(stored.revision).toBeLessThan(2 ** 31);
});
