/**
 * Which input an output answers ("on") without the inspector: chosen right at the drop, and fixed
 * in one click from the problems list.
 */
import { expect, test } from './support/test.ts';
import { openFixture } from './support/fixtures.ts';
import { dragConnection, edgeCount } from './support/editing.ts';

test('a G013 is fixed in one click from the problems list, the likeliest answer first', async ({ page }) => {
  await openFixture(page, 'unbound-output');
  const g013 = page.locator('li').filter({ has: page.locator('[data-rule="G013"]') });
  await expect(g013).toHaveCount(1);
  const fixes = g013.getByRole('group', { name: 'Fixes' }).getByRole('button');
  await expect(fixes).toHaveText(['InventoryReserved answers ReserveInventory', 'InventoryReserved answers ReleaseInventory']);
  await fixes.first().click();
  await expect(page.locator('[data-rule="G013"]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-rule="G013"]')).toHaveCount(1);
});

test('drawing an output from a participant with several inputs asks which it answers, right there', async ({ page }) => {
  await openFixture(page, 'unbound-output');
  await page.locator('li').filter({ has: page.locator('[data-rule="G013"]') }).getByRole('button', { name: 'InventoryReserved answers ReserveInventory' }).click();
  const before = await edgeCount(page);

  await dragConnection(page, 'InventoryService', 'InventoryReleased');
  const picker = page.getByTestId('answer-picker');
  await expect(picker).toBeVisible();
  await expect(picker).toContainText('InventoryService emits InventoryReleased when it handles');
  // Guessed from the names, and focused: the keyboard can change it at once.
  await expect(picker.getByRole('checkbox', { name: 'ReleaseInventory' })).toBeChecked();
  await expect(picker.getByRole('checkbox', { name: 'ReserveInventory' })).not.toBeChecked();
  await expect(picker.getByRole('checkbox', { name: 'ReleaseInventory' })).toBeFocused();
  // The last ticked answer cannot be unticked: an output answers something.
  await page.keyboard.press('Space');
  await expect(picker.getByRole('checkbox', { name: 'ReleaseInventory' })).toBeChecked();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(picker.getByRole('checkbox', { name: 'ReserveInventory' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.getByTestId('count-error')).toHaveText('0 errors');

  // The connection and its answers are one undo step.
  await page.keyboard.press('Control+z');
  expect(await edgeCount(page)).toBe(before);
  await page.keyboard.press('Control+Shift+z');
  expect(await edgeCount(page)).toBe(before + 1);
});
