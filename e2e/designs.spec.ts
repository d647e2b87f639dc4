/**
 * Designs are never lost: every change is saved in the browser, a reload shows exactly what was
 * there (view included), examples open as copies, the design list manages saved designs, and
 * storage that fails says so while editing goes on.
 */
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { storedDesigns } from './support/storage.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';
const DESIGN_URL = /\?design=[0-9a-f]{12}$/;

const designName = (page: Page) => page.getByTestId('design-name');
const saveState = (page: Page) => page.getByTestId('save-state');
const menu = (page: Page) => page.getByRole('dialog', { name: 'Designs' });
const menuButton = (page: Page) => page.getByRole('button', { name: 'Designs', exact: true });
/** The line of the design list for the design with exactly this name. */
const row = (page: Page, name: string): Locator =>
  menu(page).getByRole('listitem').filter({ has: page.getByRole('button', { name, exact: true }) });
const rowNames = (page: Page) => menu(page).getByRole('listitem').locator('.sb-designs__name');

async function openMenu(page: Page): Promise<void> {
  if (!(await menu(page).isVisible())) await menuButton(page).click();
  await expect(menu(page)).toBeVisible();
}

/** Renames a design through the design list, as a person would. */
async function rename(page: Page, from: string, to: string): Promise<void> {
  await openMenu(page);
  await menu(page).getByRole('button', { name: `Rename “${from}”` }).click();
  const field = menu(page).getByRole('textbox', { name: `New name for “${from}”` });
  await expect(field).toBeFocused();
  await field.fill(to);
  await field.press('Enter');
}

const viewportTransform = (page: Page) => canvas(page).locator('.react-flow__viewport').getAttribute('style');

test('an edited example is saved as a copy: a reload shows the copy, the example stays as it was', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');
  // An example that nobody touched is not saved anywhere.
  await expect(saveState(page)).toHaveCount(0);
  await openMenu(page);
  await expect(row(page, 'Order fulfilment (orchestrated)')).toContainText('Example · your first edit saves a copy');

  await rename(page, 'Order fulfilment (orchestrated)', 'Order fulfilment, with gift wrap');

  await expect(designName(page)).toHaveText('Order fulfilment, with gift wrap');
  await expect(page).toHaveURL(DESIGN_URL);
  await expect(saveState(page)).toHaveText('Saved');
  const copyUrl = page.url();

  await page.reload();
  await expect(designName(page)).toHaveText('Order fulfilment, with gift wrap');
  await expect(page).toHaveURL(copyUrl);
  await expect(nodeNamed(page, 'RefundPayment')).toBeVisible();
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');

  // The example itself is unchanged.
  await page.goto('/?example=order-orchestrated');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');

  // With nothing in the address, the design opened last comes back.
  await page.goto('/');
  await expect(designName(page)).toHaveText('Order fulfilment, with gift wrap');
  await expect(page).toHaveURL(copyUrl);
  expect((await storedDesigns(page)).map((d) => d.doc.name)).toEqual(['Order fulfilment, with gift wrap']);
});

test('the copy of an example keeps its name until it is renamed', async ({ page }) => {
  await page.goto('/?example=checkout-fanout');
  await expect(designName(page)).toHaveText('Checkout fan-out (choreographed)');
  // An edit that is not a rename: select a node and delete it with the keyboard.
  await nodeNamed(page, 'AnalyticsService').click();
  await page.keyboard.press('Delete');
  await expect(nodeNamed(page, 'AnalyticsService')).toHaveCount(0);
  await expect(page).toHaveURL(DESIGN_URL);
  await expect(saveState(page)).toHaveText('Saved');

  await page.reload();
  await expect(designName(page)).toHaveText('Checkout fan-out (choreographed)');
  await expect(nodeNamed(page, 'EmailService')).toBeVisible();
  await expect(nodeNamed(page, 'AnalyticsService')).toHaveCount(0);
});

test('a change is kept even when the tab is reloaded at once, before the pause that saves it', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await rename(page, 'Credit reservation (choreographed)', 'Credit check');
  await expect(designName(page)).toHaveText('Credit check');
  // No waiting for “Saved”: leaving the page saves what is waiting.
  await page.reload();
  await expect(designName(page)).toHaveText('Credit check');
});

test('designs are created, renamed, duplicated, switched and deleted in the design list', async ({ page }) => {
  await page.goto('/?example=credit-reservation');

  await test.step('new designs are empty and numbered', async () => {
    await openMenu(page);
    await menu(page).getByRole('button', { name: 'New design' }).click();
    await expect(designName(page)).toHaveText('Untitled design');
    await expect(page).toHaveURL(DESIGN_URL);
    await expect(canvas(page).locator('.react-flow__node')).toHaveCount(0);
    await expect(menu(page)).toBeHidden();

    await openMenu(page);
    await menu(page).getByRole('button', { name: 'New design' }).click();
    await expect(designName(page)).toHaveText('Untitled design 2');
    await openMenu(page);
    await expect(rowNames(page)).toHaveText(['Untitled design 2', 'Untitled design']);
    await expect(menu(page).getByRole('button', { name: 'Untitled design 2', exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(row(page, 'Untitled design 2')).toContainText('Open now');
    await expect(row(page, 'Untitled design')).toContainText('Edited just now');
  });

  await test.step('another design is renamed in place; the one on screen stays', async () => {
    await rename(page, 'Untitled design', 'Payments');
    await expect(rowNames(page)).toHaveText(['Payments', 'Untitled design 2']);
    await expect(designName(page)).toHaveText('Untitled design 2');
  });

  await test.step('a duplicate is added next to the original', async () => {
    await row(page, 'Payments').getByRole('button', { name: 'Duplicate “Payments”' }).click();
    await expect(rowNames(page)).toHaveText(['Payments (copy)', 'Payments', 'Untitled design 2']);
    await expect(designName(page)).toHaveText('Untitled design 2');
  });

  await test.step('clicking a design opens it; Back returns', async () => {
    await menu(page).getByRole('button', { name: 'Payments', exact: true }).click();
    await expect(designName(page)).toHaveText('Payments');
    await expect(menu(page)).toBeHidden();
    const paymentsUrl = page.url();
    await page.goBack();
    await expect(designName(page)).toHaveText('Untitled design 2');
    await page.goForward();
    await expect(designName(page)).toHaveText('Payments');
    expect(page.url()).toBe(paymentsUrl);
  });

  await test.step('deleting asks first; Cancel keeps the design', async () => {
    await openMenu(page);
    await menu(page).getByRole('button', { name: 'Delete “Payments (copy)”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Payments (copy)”?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(rowNames(page)).toHaveText(['Payments (copy)', 'Payments', 'Untitled design 2']);

    await menu(page).getByRole('button', { name: 'Delete “Payments (copy)”' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(rowNames(page)).toHaveText(['Payments', 'Untitled design 2']);
    await expect(designName(page)).toHaveText('Payments');
  });

  await test.step('deleting the design on screen opens the most recent other one', async () => {
    await menu(page).getByRole('button', { name: 'Delete “Payments”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Payments”?' });
    await expect(confirm).toContainText('Your most recent other design opens instead.');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(designName(page)).toHaveText('Untitled design 2');
    await expect(rowNames(page)).toHaveText(['Untitled design 2']);
  });

  await test.step('deleting the last design starts a new one', async () => {
    await menu(page).getByRole('button', { name: 'Delete “Untitled design 2”' }).click();
    await page.getByRole('dialog', { name: 'Delete “Untitled design 2”?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(designName(page)).toHaveText('Untitled design');
    await expect(rowNames(page)).toHaveText(['Untitled design']);
  });

  await test.step('all of it is still there after a reload', async () => {
    await page.reload();
    await expect(designName(page)).toHaveText('Untitled design');
    await openMenu(page);
    await expect(rowNames(page)).toHaveText(['Untitled design']);
    expect((await storedDesigns(page)).map((d) => d.doc.name)).toEqual(['Untitled design']);
  });
});

test('the design list works from the keyboard', async ({ page }) => {
  await page.goto('/?example=order-choreographed');
  await rename(page, 'Order fulfilment (choreographed)', 'Orders');
  await expect(saveState(page)).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await menu(page).getByRole('button', { name: 'New design' }).press('Enter');
  await expect(designName(page)).toHaveText('Untitled design');
  await expect(menuButton(page)).toBeFocused();

  // Opening the list puts the focus on the design on screen; the arrows move between designs.
  await page.keyboard.press('Enter');
  await expect(menu(page).getByRole('button', { name: 'Untitled design', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const orders = menu(page).getByRole('button', { name: 'Orders', exact: true });
  await expect(orders).toBeFocused();
  await expect(orders).toHaveAccessibleDescription(/^Edited /);
  // Tab reaches the row's actions, each with a name.
  await page.keyboard.press('Tab');
  await expect(menu(page).getByRole('button', { name: 'Rename “Orders”' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(designName(page)).toHaveText('Orders');
  await expect(menu(page)).toBeHidden();

  // Escape while renaming cancels the rename only.
  await page.keyboard.press('Enter');
  await menu(page).getByRole('button', { name: 'Rename “Orders”' }).click();
  await page.keyboard.type('Something else');
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeVisible();
  await expect(menu(page).getByRole('button', { name: 'Orders', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(designName(page)).toHaveText('Orders');
});

test('the view is restored exactly after a reload', async ({ page }) => {
  await page.goto('/?example=create-order-saga');
  await rename(page, 'Create Order saga (orchestrated)', 'Saga, zoomed');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(DESIGN_URL);
  await waitForViewportToSettle(page);
  const framed = await viewportTransform(page);

  // Pan by dragging the empty canvas, then zoom with the wheel.
  const pane = (await canvas(page).boundingBox())!;
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 170, start.y + 90, { steps: 10 });
  await page.mouse.up();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(0, -240);
  await waitForViewportToSettle(page);
  const moved = await viewportTransform(page);
  expect(moved).not.toBe(framed);

  // Wait for the view to be written (the style rounds it), then reload.
  const shown = parseTransform(moved);
  await expect
    .poll(async () => {
      const v = (await storedDesigns(page))[0]?.viewport;
      return v !== undefined && Math.abs(v.x - shown.x) < 0.01 && Math.abs(v.y - shown.y) < 0.01 && Math.abs(v.zoom - shown.zoom) < 0.0001;
    })
    .toBe(true);
  await page.reload();
  await expect(designName(page)).toHaveText('Saga, zoomed');
  await expect(nodeNamed(page, 'CreateOrderSaga')).toBeAttached();
  await waitForViewportToSettle(page);
  expect(await viewportTransform(page)).toBe(moved);
});

test('storage the browser refuses: a lasting warning, and editing goes on in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new Error('denied');
      },
    });
  });
  await page.goto('/?example=order-orchestrated');
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('Your changes are not being saved: this browser offers no storage');

  await rename(page, 'Order fulfilment (orchestrated)', 'Kept in memory');
  await expect(designName(page)).toHaveText('Kept in memory');
  await expect(saveState(page)).toHaveText('Not saved');
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/designs-storage-warning.png` });

  await openMenu(page);
  await expect(menu(page)).toContainText('Saved designs are not available');
  await menu(page).getByRole('button', { name: 'New design' }).click();
  await expect(designName(page)).toHaveText('Untitled design');
  // Still there a while later: it is not dismissed by a timer.
  await page.waitForTimeout(2500);
  await expect(warning).toBeVisible();
});

test('a full disk: the warning says so, and the next change after space is freed saves everything', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as { storageFull?: boolean }).storageFull) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto('/?example=checkout-fanout');
  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = true));

  await rename(page, 'Checkout fan-out (choreographed)', 'Checkout, first try');
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('the browser has no space left for this site (storage quota exceeded)');
  await expect(designName(page)).toHaveText('Checkout, first try');
  await expect(saveState(page)).toHaveText('Not saved');

  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = false));
  await rename(page, 'Checkout, first try', 'Checkout, second try');
  await expect(warning).toBeHidden();
  await expect(saveState(page)).toHaveText('Saved');
  await page.reload();
  await expect(designName(page)).toHaveText('Checkout, second try');
});

test('a damaged saved design is reported, left untouched, and the app still opens', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');
  const damaged = { id: 'damaged00001', doc: { format: 'sagaboard', version: 99, name: 'From the future', nodes: [], edges: [] }, updatedAt: Date.now() };
  await expect.poll(() => page.evaluate(() => indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'sagaboard')))).toBe(true);
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('sagaboard');
        request.onsuccess = () => {
          const tx = request.result.transaction(['designs', 'settings'], 'readwrite');
          tx.objectStore('designs').put(record);
          tx.objectStore('settings').put(record.id, 'lastOpened');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    damaged,
  );

  // It was the design opened last: opening Sagaboard with no address tries it, and says why not.
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not open the saved design “From the future”.');
  await expect(alert).toContainText('It is damaged and was left untouched: made by a newer Sagaboard');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');

  // Its own address says the same.
  await page.goto('/?design=damaged00001');
  await expect(page.getByRole('alert')).toContainText('Could not open the saved design “From the future”.');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');

  // Editing what is on screen makes a new design; the damaged one is never written over.
  await rename(page, 'Order fulfilment (orchestrated)', 'Fresh start');
  await expect(saveState(page)).toHaveText('Saved');
  await expect(rowNames(page)).toHaveText(['Fresh start', 'From the future']);
  const stored = await storedDesigns(page);
  expect(stored.find((d) => d.id === damaged.id)).toEqual(damaged);
});

test('screenshot of the design list', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?example=order-choreographed');
  await rename(page, 'Order fulfilment (choreographed)', 'Order fulfilment, events only');
  await expect(saveState(page)).toHaveText('Saved');
  await page.goto('/?example=create-order-saga');
  await rename(page, 'Create Order saga (orchestrated)', 'Create Order saga with a very long name that does not fit on one line of the list');
  await expect(saveState(page)).toHaveText('Saved');
  await page.goto('/?example=order-orchestrated');
  await openMenu(page);
  await expect(rowNames(page)).toHaveCount(3);
  await menu(page).getByRole('button', { name: 'Order fulfilment, events only', exact: true }).hover();
  await page.screenshot({ path: `${SHOTS}/designs-menu.png` });
  await menu(page).getByRole('button', { name: 'Delete “Order fulfilment, events only”' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete “Order fulfilment, events only”?' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/designs-confirm-delete.png` });
});

function parseTransform(style: string | null): { x: number; y: number; zoom: number } {
  const m = /translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\) scale\(([\d.e-]+)\)/.exec(style ?? '');
  expect(m, `a viewport transform in “${style}”`).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]), zoom: Number(m![3]) };
}

/** A point on the canvas where nothing is drawn, so a drag there pans the view. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await canvas(page).boundingBox())!;
  const point = await page.evaluate((b) => {
    for (let y = b.y + b.height * 0.35; y < b.y + b.height * 0.9; y += 24) {
      for (let x = b.x + b.width * 0.3; x < b.x + b.width * 0.9; x += 24) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  }, box);
  expect(point, 'an empty spot on the canvas').not.toBeNull();
  return point!;
}
