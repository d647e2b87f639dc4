/**
 * Notes and groups (spec §1.2a), end to end in Chromium: a note from the palette written in place
 * and still there after a reload; two services grouped with Ctrl+G and named as they are typed;
 * a group's frame following a dragged node, and moving its nodes when dragged by its name; undo
 * and redo of each; the SVG export holding the note and the group; a version 1 file imported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { saveState } from './support/designs.ts';
import { openFixture } from './support/fixtures.ts';

const SHOTS = process.env.SHOTS_DIR ?? join(import.meta.dirname, '..', 'docs', 'images');

const noteNode = (page: Page, text: string): Locator => canvas(page).locator('.react-flow__node-note').filter({ hasText: text });
const frameNamed = (page: Page, name: string): Locator => canvas(page).locator('.react-flow__node-frame').filter({ has: page.locator('.sb-frame__name', { hasText: new RegExp(`^${name}$`) }) });
const labelOf = (frame: Locator): Locator => frame.locator('.sb-frame__label');
/** The frame drawn behind a group's nodes (the group's node on the canvas is its name). */
async function bodyOf(page: Page, frame: Locator): Promise<Locator> {
  const id = await frame.getAttribute('data-id');
  return canvas(page).locator(`.sb-frame[data-group="${id}"]`);
}

async function boxOf(element: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await element.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

/** Drags an element by a point inside it, in small steps, as a hand would. */
async function drag(page: Page, element: Locator, by: { x: number; y: number }, grip: { x: number; y: number } = { x: 0.5, y: 0.5 }): Promise<void> {
  const box = await boxOf(element);
  const from = { x: box.x + box.width * grip.x, y: box.y + box.height * grip.y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 6 });
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 6 });
  await page.mouse.up();
}

/** Where a node is in the design (flow coordinates, from React Flow's transform): the view may pan meanwhile. */
const at = (node: Locator) =>
  node.evaluate((el) => {
    const m = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec((el as HTMLElement).style.transform);
    return m ? { x: Math.round(Number(m[1])), y: Math.round(Number(m[2])) } : null;
  });

/** A frame's width in the design (flow units). */
const widthOf = (body: Locator) => body.evaluate((el) => Math.round(parseFloat((el as HTMLElement).style.width)));

test('a note dragged from the palette is written in place, one undo step, made wider, and is still there after a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?example=order-choreographed');
  await expect(nodeNamed(page, 'PaymentService')).toBeVisible();
  // given a note dropped on an empty part of the canvas
  await page.getByTestId('palette-note').dragTo(canvas(page), { targetPosition: { x: 560, y: 740 } });
  const field = canvas(page).getByRole('textbox', { name: 'Note' });
  await expect(field).toBeFocused();
  // when two lines are typed and the writing ends with a click elsewhere
  await page.keyboard.type('Refunds take up to 3 days');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(ask the payments team)');
  await canvas(page).locator('.react-flow__pane').click({ position: { x: 40, y: 600 } });
  // then the note shows both lines
  const note = noteNode(page, 'Refunds take up to 3 days');
  await expect(note).toBeVisible();
  await expect(note.locator('.sb-sticky__text')).toHaveText('Refunds take up to 3 days\n(ask the payments team)');
  // adding and writing the note was one step: one undo removes it, redo brings it back whole
  await page.keyboard.press('ControlOrMeta+z');
  await expect(canvas(page).locator('.react-flow__node-note')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(note.locator('.sb-sticky__text')).toHaveText('Refunds take up to 3 days\n(ask the payments team)');
  // selected, its right edge makes it wider: one undo step, and the inspector says the width
  await note.click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Note');
  const widthBefore = (await boxOf(note)).width;
  await drag(page, note.locator('.sb-sticky__resize'), { x: 96, y: 0 });
  await expect.poll(async () => (await boxOf(note)).width).toBeGreaterThan(widthBefore + 40);
  await expect(page.getByTestId('inspector').getByLabel('Width')).not.toHaveValue('');
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => Math.round((await boxOf(note)).width)).toBe(Math.round(widthBefore));
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(async () => (await boxOf(note)).width).toBeGreaterThan(widthBefore + 40);
  // double-click writes in it again; Escape ends the writing and keeps the text
  await note.dblclick();
  await expect(field).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('!');
  await page.keyboard.press('Escape');
  await expect(note.locator('.sb-sticky__text')).toHaveText('Refunds take up to 3 days\n(ask the payments team)!');
  // the design was saved with it, and opens with it again
  await expect(saveState(page)).toHaveText('Saved');
  await page.reload();
  await expect(nodeNamed(page, 'PaymentService')).toBeVisible();
  await expect(noteNode(page, 'Refunds take up to 3 days').locator('.sb-sticky__text')).toHaveText('Refunds take up to 3 days\n(ask the payments team)!');
});

test('a note left empty goes away, leaving no undo step behind', async ({ page }) => {
  await page.goto('/?example=order-choreographed');
  await expect(nodeNamed(page, 'PaymentService')).toBeVisible();
  await page.getByTestId('palette-note').click();
  await expect(canvas(page).getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(canvas(page).locator('.react-flow__node-note')).toHaveCount(0);
  // nothing to undo: the design is the example as it was
  await page.keyboard.press('ControlOrMeta+z');
  await expect(nodeNamed(page, 'PaymentService')).toBeVisible();
  await expect(canvas(page).locator('.react-flow__node-note')).toHaveCount(0);
});

test('two services grouped with Ctrl+G and named as typed; the frame follows a dragged node and moves its nodes by its name; undo and redo each', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?example=order-choreographed');
  const payment = nodeNamed(page, 'PaymentService');
  const shipping = nodeNamed(page, 'ShippingService');
  await expect(payment).toBeVisible();
  await waitForViewportToSettle(page);

  // given two services selected with Shift+click
  await payment.click();
  await shipping.click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-summary')).toHaveText('2 nodes selected');
  // when grouped with Ctrl+G and named
  await page.keyboard.press('ControlOrMeta+g');
  const name = canvas(page).getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Group');
  await page.keyboard.type('Payments');
  await page.keyboard.press('Enter');
  // then a frame named Payments surrounds both services, behind them
  const frame = frameNamed(page, 'Payments');
  await expect(frame).toBeVisible();
  const body = await bodyOf(page, frame);
  await expect(page.getByTestId('inspector-title')).toHaveText('Group');
  await expect(page.getByTestId('inspector').getByRole('list')).toContainText('PaymentService');
  await expect(page.getByTestId('inspector').getByRole('list')).toContainText('ShippingService');
  const surrounds = async () => {
    const f = await boxOf(body);
    for (const node of [payment, shipping]) {
      const b = await boxOf(node);
      if (b.x < f.x || b.y < f.y || b.x + b.width > f.x + f.width || b.y + b.height > f.y + f.height) return false;
    }
    return true;
  };
  await expect.poll(surrounds).toBe(true);
  // grouping and naming were one step: undo removes the group, redo brings it back named
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(canvas(page).locator('.react-flow__node-frame')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(frame).toBeVisible();

  // dragging one node: the frame follows it
  const widthBefore = await widthOf(body);
  const paymentBefore = (await at(payment))!;
  await drag(page, payment, { x: 96, y: 144 });
  await expect.poll(async () => (await at(payment))!.x).toBeGreaterThan(paymentBefore.x + 60);
  await expect.poll(surrounds).toBe(true);
  expect(await widthOf(body)).toBeGreaterThan(widthBefore);
  // undo puts the node back, and the frame with it; redo moves it again
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => at(payment)).toEqual(paymentBefore);
  await expect.poll(() => widthOf(body)).toBe(widthBefore);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(async () => (await at(payment))!.x).toBeGreaterThan(paymentBefore.x + 60);

  // dragging the frame by its name moves both services with it, as one step
  const p0 = (await at(payment))!;
  const s0 = (await at(shipping))!;
  const other = nodeNamed(page, 'InventoryService');
  const o0 = await at(other);
  await drag(page, labelOf(frame), { x: 160, y: 64 });
  await expect.poll(async () => (await at(payment))!.x).toBeGreaterThan(p0.x + 100);
  const p1 = (await at(payment))!;
  const s1 = (await at(shipping))!;
  expect(s1.x - s0.x).toBe(p1.x - p0.x);
  expect(s1.y - s0.y).toBe(p1.y - p0.y);
  expect(await at(other)).toEqual(o0);
  await expect.poll(surrounds).toBe(true);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => at(payment)).toEqual(p0);
  await expect.poll(() => at(shipping)).toEqual(s0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => at(payment)).toEqual(p1);
  await expect.poll(() => at(shipping)).toEqual(s1);

  // Ctrl+Shift+G ungroups: the frame goes, the services stay
  await labelOf(frame).click();
  await page.keyboard.press('ControlOrMeta+Shift+g');
  await expect(canvas(page).locator('.react-flow__node-frame')).toHaveCount(0);
  await expect(payment).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(frame).toBeVisible();
});

test('a node added to another group leaves its first one; deleting a group’s last node removes the group', async ({ page }) => {
  await openFixture(page, 'order-grouped');
  await expect(frameNamed(page, 'Payments')).toBeVisible();
  await expect(frameNamed(page, 'Fulfilment')).toBeVisible();
  // PaymentService grouped with the Fulfilment group (its name and a node, Shift+click)
  await labelOf(frameNamed(page, 'Fulfilment')).click();
  await nodeNamed(page, 'PaymentService').click({ modifiers: ['Shift'] });
  await page.getByTestId('inspector').getByRole('button', { name: 'Group', exact: true }).click();
  await expect(canvas(page).getByLabel('Name', { exact: true })).toHaveValue('Fulfilment');
  await expect(canvas(page).getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('list')).toContainText('PaymentService');
  await labelOf(frameNamed(page, 'Payments')).click();
  await expect(inspector.getByRole('list')).not.toContainText('PaymentService');
  await expect(inspector.getByText('Nodes (3)')).toBeVisible();
  // the group's nodes deleted one by one: the last one takes the frame with it
  for (const name of ['PaymentProcessed', 'PaymentFailed', 'PaymentRefunded']) {
    await nodeNamed(page, name).click();
    await page.keyboard.press('Delete');
  }
  await expect(frameNamed(page, 'Payments')).toHaveCount(0);
  await expect(frameNamed(page, 'Fulfilment')).toBeVisible();
});

test('the SVG export holds the note’s text and the group’s name; a version 1 file imports and exports as version 2', async ({ page }) => {
  test.setTimeout(60_000);
  await openFixture(page, 'order-grouped');
  await expect(frameNamed(page, 'Payments')).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^SVG image/ }).click();
  const svg = readFileSync((await (await downloading).path())!, 'utf8');
  expect(svg).toContain('>Payments</text>');
  expect(svg).toContain('>Fulfilment</text>');
  expect(svg).toContain('>must trigger a refund.</text>');

  // a version 1 design file, imported, opens with no notes and no groups, and can have them
  const v1 = readFileSync(join(import.meta.dirname, '..', 'public', 'examples', 'credit-reservation.sagaboard.json'), 'utf8');
  expect(JSON.parse(v1).version).toBe(1);
  await page.getByRole('button', { name: 'Designs' }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: 'credit.sagaboard.json', mimeType: 'application/json', buffer: Buffer.from(v1) });
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Open as a new design' }).click();
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  await expect(canvas(page).locator('.react-flow__node-frame, .react-flow__node-note')).toHaveCount(0);
  await nodeNamed(page, 'CustomerService').click();
  await page.keyboard.press('ControlOrMeta+g');
  await expect(canvas(page).getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Customers');
  await page.keyboard.press('Enter');
  await expect(frameNamed(page, 'Customers')).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: /^JSON design file/ }).click();
  const exported = JSON.parse(readFileSync((await (await json).path())!, 'utf8'));
  expect(exported).toMatchObject({ version: 2, notes: [], groups: [{ name: 'Customers', nodes: ['customerService'] }] });
});

test('no serious accessibility problem with groups and notes drawn, a group selected, a note selected', async ({ page }) => {
  test.setTimeout(180_000);
  await openFixture(page, 'order-grouped');
  await expect(frameNamed(page, 'Fulfilment')).toBeVisible();
  await waitForViewportToSettle(page);
  const severe = async () => {
    await page.waitForTimeout(300);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  expect(await severe()).toEqual([]);
  await labelOf(frameNamed(page, 'Fulfilment')).click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Group');
  expect(await severe()).toEqual([]);
  await noteNode(page, 'Payment is taken').click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Note');
  expect(await severe()).toEqual([]);
});

test('screenshot: the choreographed order with a Payments and a Fulfilment group and a note', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFixture(page, 'order-grouped');
  await expect(frameNamed(page, 'Fulfilment')).toBeVisible();
  await expect(noteNode(page, 'Payment is taken')).toBeVisible();
  await waitForViewportToSettle(page);
  // the Fulfilment group selected: its inspector shows its name, colour and nodes
  await labelOf(frameNamed(page, 'Fulfilment')).click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Group');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/notes-groups.png` });
});
