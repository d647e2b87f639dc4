/**
 * One design open in two tabs of one browser: a save in one tab is never silently written over
 * by the other. A tab with no changes of its own shows the other's save; when both changed, the
 * tab that finds out says so and the user chooses.
 */
import { expect, test, type BrowserContext, type Page } from './support/test.ts';
import { nodeNamed } from './support/canvas.ts';
import { DESIGN_URL, designName, saveState, idIn, renameDesign } from './support/designs.ts';
import { allowDeafness, allowFullDisk, setStorageFull, storedDesign, storedDesigns } from './support/storage.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

const conflict = (page: Page) => page.getByTestId('conflict-banner');

const deaf = (page: Page, on: boolean) => page.evaluate((d) => ((window as { deaf?: boolean }).deaf = d), on);

/** Two tabs, A and B, showing the same saved design, named `name`. */
async function twoTabs(context: BrowserContext, name: string, prepare?: (page: Page) => Promise<void>): Promise<{ a: Page; b: Page; id: string }> {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) await prepare?.(p);
  await a.goto('/?example=order-choreographed');
  await renameDesign(a, name);
  await expect(saveState(a)).toHaveText('Saved');
  const id = idIn(a);
  await b.goto(`/?design=${id}`);
  await expect(designName(b)).toHaveText(name);
  return { a, b, id };
}

test.describe.configure({ timeout: 90_000 });

test('a change saved in one tab shows in the other, when the other has no changes of its own', async ({ context }) => {
  const { a, b, id } = await twoTabs(context, 'Orders, shared');

  await renameDesign(a, 'Renamed in A');
  await expect(saveState(a)).toHaveText('Saved');
  await expect(designName(b)).toHaveText('Renamed in A', { timeout: 10_000 });
  await expect(saveState(b)).toHaveText('Saved');

  // And the other way round, with a change on the canvas.
  await nodeNamed(b, 'ShippingService').click();
  await b.keyboard.press('Delete');
  await expect(nodeNamed(b, 'ShippingService')).toHaveCount(0);
  await expect(saveState(b)).toHaveText('Saved');
  await expect(nodeNamed(a, 'ShippingService')).toHaveCount(0, { timeout: 10_000 });
  await expect(designName(a)).toHaveText('Renamed in A');

  for (const p of [a, b]) await expect(conflict(p)).toHaveCount(0);
  const stored = (await storedDesign(a, id))!;
  expect(stored.doc.name).toBe('Renamed in A');
  expect(stored.doc.nodes.map((n) => n.name)).not.toContain('ShippingService');
  expect(stored.revision).toBe(3);
});

/** Both tabs change the design; B does not hear A's save, and finds out when it saves. */
async function bothChanged(context: BrowserContext) {
  const tabs = await twoTabs(context, 'Orders, contested', allowDeafness);
  const { a, b, id } = tabs;
  await deaf(b, true);
  await renameDesign(a, 'A’s version');
  await expect(saveState(a)).toHaveText('Saved');
  await renameDesign(b, 'B’s version');
  await expect(conflict(b)).toContainText('This design was changed in another tab.');
  await expect(conflict(b)).toContainText('Another tab saved it while you were editing it here. Your changes here are not saved yet');
  await expect(saveState(b)).toHaveText('Not saved');
  // Nothing of B's was written over A's save, even after a while.
  await b.waitForTimeout(1500);
  expect((await storedDesign(a, id))!.doc.name).toBe('A’s version');
  await expect(designName(a)).toHaveText('A’s version');
  await deaf(b, false);
  return tabs;
}

test('both tabs changed: B is told, and reloads theirs', async ({ context }) => {
  const { a, b, id } = await bothChanged(context);
  await b.screenshot({ path: `${SHOTS}/two-tabs-conflict.png` });
  await conflict(b).getByRole('button', { name: 'Reload theirs' }).click();
  await expect(conflict(b)).toHaveCount(0);
  await expect(designName(b)).toHaveText('A’s version');
  await expect(saveState(b)).toHaveText('Saved');
  expect((await storedDesign(b, id))!.doc.name).toBe('A’s version');

  // B goes on from A's version, and A sees it.
  await renameDesign(b, 'Agreed');
  await expect(saveState(b)).toHaveText('Saved');
  await expect(designName(a)).toHaveText('Agreed', { timeout: 10_000 });
});

test('both tabs changed: B keeps its version and overwrites A’s, knowingly; A shows it', async ({ context }) => {
  const { a, b, id } = await bothChanged(context);
  await conflict(b).getByRole('button', { name: 'Keep mine and overwrite' }).click();
  await expect(conflict(b)).toHaveCount(0);
  await expect(saveState(b)).toHaveText('Saved');
  expect((await storedDesign(b, id))!.doc.name).toBe('B’s version');
  await expect(designName(a)).toHaveText('B’s version', { timeout: 10_000 });
  await expect(conflict(a)).toHaveCount(0);
});

test('both tabs changed: B saves its version as a copy; A’s stays as it is', async ({ context }) => {
  const { a, b, id } = await bothChanged(context);
  await conflict(b).getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(conflict(b)).toHaveCount(0);
  await expect(designName(b)).toHaveText('B’s version (copy)');
  await expect(b).toHaveURL(DESIGN_URL);
  const copy = idIn(b);
  expect(copy).not.toBe(id);
  await expect(saveState(b)).toHaveText('Saved');
  const stored = await storedDesigns(b);
  expect(stored.find((d) => d.id === id)!.doc.name).toBe('A’s version');
  expect(stored.find((d) => d.id === copy)!.doc.name).toBe('B’s version (copy)');
  await expect(designName(a)).toHaveText('A’s version');
  await expect(conflict(a)).toHaveCount(0);
});

test('B could not save its change (a full disk) when A saved: B is told at once, and never writes over A’s save', async ({ context }) => {
  const { a, b, id } = await twoTabs(context, 'Orders, crowded', allowFullDisk);
  await setStorageFull(b, true);
  await renameDesign(b, 'B, waiting for room');
  await expect(b.getByTestId('storage-warning')).toBeVisible();

  // A saves; B hears of it while its own change is still waiting.
  await renameDesign(a, 'A, saved first');
  await expect(saveState(a)).toHaveText('Saved');
  await expect(conflict(b)).toContainText('This design was changed in another tab.', { timeout: 10_000 });

  // Room comes back: B's retries still do not write over A's save while B has not chosen.
  await setStorageFull(b, false);
  await b.waitForTimeout(5000);
  expect((await storedDesign(a, id))!.doc.name).toBe('A, saved first');
  await b.screenshot({ path: `${SHOTS}/two-tabs-conflict-and-full-disk.png` });

  await conflict(b).getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(designName(b)).toHaveText('B, waiting for room (copy)');
  await expect(saveState(b)).toHaveText('Saved');
  expect((await storedDesign(a, id))!.doc.name).toBe('A, saved first');
  await expect(designName(a)).toHaveText('A, saved first');
});

test('both tabs typing into a field: the tab that finds out is told, and nothing typed is lost', async ({ context }) => {
  const { a, b, id } = await twoTabs(context, 'Orders, typed twice', allowDeafness);
  const description = (p: Page) => p.getByTestId('inspector').getByLabel('Description');
  await deaf(b, true);
  // Both type without leaving the field; neither presses Enter. B does not hear A's save.
  await description(a).selectText();
  await description(a).pressSequentially('Typed in A');
  await expect.poll(async () => (await storedDesign(a, id))!.doc.description).toBe('Typed in A');
  await description(b).selectText();
  await description(b).pressSequentially('Typed in B');
  await expect(conflict(b)).toContainText('This design was changed in another tab.');
  await expect(description(b)).toBeFocused();
  await expect(description(b)).toHaveValue('Typed in B');
  await b.waitForTimeout(1000);
  expect((await storedDesign(a, id))!.doc.description).toBe('Typed in A');
  await deaf(b, false);
  await conflict(b).getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(conflict(b)).toHaveCount(0);
  await expect.poll(async () => (await storedDesign(b, idIn(b)))?.doc.description).toBe('Typed in B');
  expect(idIn(b)).not.toBe(id);
});
