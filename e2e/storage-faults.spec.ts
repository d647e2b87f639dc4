/**
 * Work is never lost when storage fails: a full disk (a real quota, set through Chromium's
 * DevTools protocol, and a simulated one), no storage at all (private mode), damaged saved
 * designs at start-up, and a tab killed in the middle of editing.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from './support/test.ts';
import { canvas, nodeNamed } from './support/canvas.ts';
import { DESIGN_URL, designName, saveState, idIn, renameDesign } from './support/designs.ts';
import { allowFullDisk, seedLibrary, setStorageFull, storedDesign, storedDesigns } from './support/storage.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

const warning = (page: Page) => page.getByTestId('storage-warning');
const menu = (page: Page) => page.getByRole('dialog', { name: 'Designs' });


/** The page's uncaught errors, collected from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function downloaded(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

test.describe.configure({ timeout: 90_000 });

test('a full disk (a real quota): the design stays on screen and editable, the warning says what to do, and saving resumes by itself', async ({ page, context }) => {
  const errors = pageErrors(page);
  await page.goto('/?example=order-orchestrated');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');

  // Chromium's own quota for this site, cut to one byte: every write is refused by the browser.
  // (Before the first write: Chromium remembers the space it found for a while after a write.)
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });

  await renameDesign(page, 'Orders, second thoughts');
  await expect(warning(page)).toContainText('Your changes are not being saved: the browser has no space left for this site (storage quota exceeded).');
  await expect(warning(page)).toContainText('“Orders, second thoughts” is still here and you can keep editing.');
  await expect(warning(page)).toContainText('export it as a file or delete designs you no longer need (Designs). Saving resumes by itself as soon as there is room.');
  await expect(saveState(page)).toHaveText('Not saved');
  const id = idIn(page);

  // Editing goes on: a node is deleted, and the warning stays.
  await nodeNamed(page, 'RefundPayment').click();
  await page.keyboard.press('Delete');
  await expect(nodeNamed(page, 'RefundPayment')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(warning(page)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/storage-quota-warning.png` });
  expect(await storedDesign(page, id)).toBeUndefined();

  // The warning's own button exports the design on screen, as it is now.
  const [file] = await Promise.all([page.waitForEvent('download'), warning(page).getByRole('button', { name: 'Export as a file' }).click()]);
  expect(file.suggestedFilename()).toBe('orders-second-thoughts.sagaboard.json');
  const exported = JSON.parse(await downloaded(file)) as { name: string; nodes: { name: string }[] };
  expect(exported.name).toBe('Orders, second thoughts');
  expect(exported.nodes.map((n) => n.name)).not.toContain('RefundPayment');

  // Space comes back: with no further edit, Sagaboard saves by itself and the warning goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect(warning(page)).toBeHidden({ timeout: 30_000 });
  await expect(saveState(page)).toHaveText('Saved');
  await page.reload();
  await expect(designName(page)).toHaveText('Orders, second thoughts');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await expect(nodeNamed(page, 'RefundPayment')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a full disk, freed by deleting another design: saving resumes at once', async ({ page }) => {
  await allowFullDisk(page);
  await page.goto('/?example=checkout-fanout');
  await renameDesign(page, 'Old checkout, can go');
  await expect(saveState(page)).toHaveText('Saved');
  await page.goto('/?example=credit-reservation');
  await renameDesign(page, 'Credit, in progress');
  await expect(saveState(page)).toHaveText('Saved');

  await setStorageFull(page, true);
  await page.evaluate(() => ((window as { freeSpaceOnDelete?: boolean }).freeSpaceOnDelete = true));
  await renameDesign(page, 'Credit, in progress (more)');
  await expect(warning(page)).toContainText('the browser has no space left for this site');
  await expect(saveState(page)).toHaveText('Not saved');
  // What is stored meanwhile is the last version saved, whole.
  expect((await storedDesign(page, idIn(page)))?.doc.name).toBe('Credit, in progress');

  // Deleting a design frees room: the waiting change is saved at once, not at the next retry.
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await menu(page).getByRole('button', { name: 'Delete “Old checkout, can go”' }).click();
  await page.getByRole('dialog', { name: 'Delete “Old checkout, can go”?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(warning(page)).toBeHidden({ timeout: 1500 });
  await expect(saveState(page)).toHaveText('Saved');
  expect((await storedDesigns(page)).map((d) => d.doc.name)).toEqual(['Credit, in progress (more)']);
});

test('no IndexedDB at all (some private windows): the app opens, works, and says nothing is saved', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  const errors = pageErrors(page);
  await page.goto('/');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');
  await expect(warning(page)).toContainText('Your changes are not being saved: this browser offers no storage (IndexedDB is unavailable, as in some private windows).');
  await expect(warning(page)).toContainText('nothing is kept when this tab closes: export the design as a file to keep it');
  // Trying again cannot help here, so it is not offered; exporting is.
  await expect(warning(page).getByRole('button', { name: 'Try again now' })).toHaveCount(0);
  await expect(warning(page).getByRole('button', { name: 'Export as a file' })).toBeVisible();

  await renameDesign(page, 'Kept in memory');
  await expect(saveState(page)).toHaveText('Not saved');
  const nodes = canvas(page).locator('.react-flow__node');
  const before = await nodes.count();
  await page.getByTestId('palette-service').click();
  await expect(nodes).toHaveCount(before + 1);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SHOTS}/storage-unavailable-warning.png` });

  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await menu(page).getByRole('button', { name: 'New design' }).click();
  await expect(designName(page)).toHaveText('Untitled design');
  await expect(warning(page)).toBeVisible();
  expect(errors).toEqual([]);
});

test('IndexedDB refuses to open: the app opens, works, and says nothing is saved', async ({ page }) => {
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    // A real request that fails, as a browser that blocks storage fails it: asking for a version
    // lower than the database has is refused with a VersionError.
    IDBFactory.prototype.open = function (this: IDBFactory, name: string) {
      const request = open.call(this, `refused-${name}`, 2);
      request.onsuccess = () => {
        request.result.close();
      };
      return open.call(this, `refused-${name}`, 1);
    };
  });
  const errors = pageErrors(page);
  await page.goto('/?example=create-order-saga');
  await expect(designName(page)).toHaveText('Create Order saga (orchestrated)');
  await expect(warning(page)).toContainText('Your changes are not being saved: the browser refused to open storage');
  await expect(warning(page)).toContainText('export the design as a file to keep it');
  await renameDesign(page, 'Still editable');
  await expect(saveState(page)).toHaveText('Not saved');
  await nodeNamed(page, 'VerifyConsumer').click();
  await page.keyboard.press('Delete');
  await expect(nodeNamed(page, 'VerifyConsumer')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('damaged saved designs at start-up: named, explained, downloadable as they are, and never written over', async ({ page }) => {
  const now = Date.now();
  const brokenText = '{"format": "sagaboard", "version": 1, "name": "Broken text", "nodes": [{"id": "a", "ki';
  const damaged = [
    { id: 'brokentext01', doc: brokenText, updatedAt: now - 1000 },
    { id: 'badschema001', doc: { format: 'sagaboard', version: 1, name: 'Half written', nodes: 'oops', edges: [] }, updatedAt: now - 2000 },
    { id: 'future000001', doc: { format: 'sagaboard', version: 99, name: 'From the future', nodes: [], edges: [], hologram: true }, updatedAt: now - 3000 },
  ];
  // The design opened last is the broken one: Sagaboard tries it first.
  await seedLibrary(page, damaged, 'brokentext01');
  const errors = pageErrors(page);

  await page.goto('/');
  const banner = page.getByTestId('damaged-design');
  await expect(banner).toContainText('Could not open the saved design “Broken text”.');
  await expect(banner).toContainText('It is damaged and was left untouched: the saved design is not valid JSON');
  await expect(banner).toContainText('Sagaboard will not write over it: download it as it is to keep it, or delete it from Designs.');
  await expect(banner).toContainText('Showing “Order fulfilment (orchestrated)” instead.');
  await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');
  await expect(page.getByTestId('load-problem')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/storage-damaged-design.png` });

  // Downloaded byte for byte as stored.
  const [raw] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download it as it is' }).click()]);
  expect(raw.suggestedFilename()).toBe('broken-text.damaged.sagaboard.json');
  expect(await downloaded(raw)).toBe(brokenText);

  // Each damaged design says why when opened by its address.
  await page.goto('/?design=badschema001');
  await expect(banner).toContainText('Could not open the saved design “Half written”.');
  await expect(banner).toContainText('nodes');
  await page.goto('/?design=future000001');
  await expect(banner).toContainText('Could not open the saved design “From the future”.');
  await expect(banner).toContainText('It is damaged and was left untouched: made by a newer Sagaboard');
  const [future] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download it as it is' }).click()]);
  expect(JSON.parse(await downloaded(future))).toEqual(damaged[2]!.doc);
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);

  // Work goes on meanwhile: the example is edited (and saved as a new design), a new design is made.
  await renameDesign(page, 'Fresh start');
  await expect(saveState(page)).toHaveText('Saved');
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await expect(menu(page).getByRole('listitem').locator('.sb-designs__name')).toHaveText(['Fresh start', 'Broken text', 'Half written', 'From the future']);
  await menu(page).getByRole('button', { name: 'New design' }).click();
  await expect(designName(page)).toHaveText('Untitled design');
  await page.reload();
  await expect(designName(page)).toHaveText('Untitled design');

  // The damaged records are exactly as they were seeded: no revision, no view, nothing.
  const stored = await storedDesigns(page);
  for (const record of damaged) expect(stored.find((d) => d.id === record.id)).toEqual(record);
  expect(stored).toHaveLength(5);
  expect(errors).toEqual([]);
});

/**
 * Moves a node with the arrow key every `everyMs` for `forMs` (the key presses come from inside
 * the page, so they keep their pace on a busy machine), then kills the tab with `kill`; reopens
 * the design and says how much of that work was kept.
 */
async function editThenKill(page: Page, kill: (page: Page) => Promise<void>, everyMs = 50, forMs = 4000) {
  await page.goto('/?example=order-orchestrated');
  await nodeNamed(page, 'OrderService').click();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(DESIGN_URL);
  await expect(saveState(page)).toHaveText('Saved');
  const id = idIn(page);
  const xOf = async (p: Page) => (await storedDesign(p, id))!.doc.nodes.find((n) => n.name === 'OrderService')!.position!.x;
  const x0 = await xOf(page);
  await page.keyboard.press('ArrowRight');
  await expect(saveState(page)).toHaveText('Saved');
  await expect.poll(() => xOf(page)).not.toBe(x0);
  const step = (await xOf(page)) - x0;
  const start = await xOf(page);

  // Edits that never pause; the page says when each one happened.
  const times: number[] = [];
  page.on('console', (m) => {
    const edit = /^edit (\d+) at (\d+)$/.exec(m.text());
    if (edit) times[Number(edit[1])] = Number(edit[2]);
  });
  await page.evaluate((everyMs) => {
    const node = document.activeElement!;
    let i = 0;
    setInterval(() => {
      node.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      console.log(`edit ${i++} at ${Date.now()}`);
    }, everyMs);
  }, everyMs);
  await page.waitForTimeout(forMs);
  const killedAt = Date.now();
  await kill(page);

  const again = await page.context().newPage();
  await again.goto(`/?design=${id}`);
  await expect(nodeNamed(again, 'OrderService')).toBeVisible();
  const kept = Math.round(((await xOf(again)) - start) / step);
  const edits = times.filter((t) => t <= killedAt).length;
  // Work lost: everything after the last edit that was kept, up to the moment the tab died.
  const lostMs = kept >= edits ? 0 : killedAt - (kept === 0 ? times[0]! : times[kept - 1]!);
  return { edits, kept, lostEdits: Math.max(0, edits - kept), lostMs };
}

test('a tab that crashes mid-edit loses at most the last second of work', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  const result = await editThenKill(page, async (p) => {
    const crashed = p.waitForEvent('crash');
    // The renderer dies at once: no pagehide, no visibilitychange, no unload.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  });
  test.info().annotations.push({ type: 'crash', description: `${result.edits} edits 50 ms apart; ${result.kept} kept, ${result.lostEdits} lost (${result.lostMs} ms of work)` });
  console.log(`crash: ${JSON.stringify(result)}`);
  expect(result.kept).toBeGreaterThan(0);
  expect(result.lostMs).toBeLessThanOrEqual(1300);
});

test('a tab closed without unloading cleanly keeps its last edit', async ({ page }) => {
  const result = await editThenKill(page, (p) => p.close({ runBeforeUnload: false }));
  test.info().annotations.push({ type: 'close', description: `${result.edits} edits 50 ms apart; ${result.kept} kept, ${result.lostEdits} lost (${result.lostMs} ms of work)` });
  console.log(`close: ${JSON.stringify(result)}`);
  expect(result.lostMs).toBeLessThanOrEqual(1300);
});
