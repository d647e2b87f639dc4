/**
 * What is typed is saved as it is typed, not when the field is left: in the inspector's fields
 * and in a node's name on the canvas. A reload, a closed tab or a crashed tab keeps the text; text
 * the format refuses keeps the last accepted value saved and says what is wrong in place.
 */
import { expect, test, type Page } from './support/test.ts';
import { DESIGN_URL, idIn, inspector, saveState } from './support/designs.ts';
import { nodeNamed } from './support/canvas.ts';
import { storedDesign } from './support/storage.ts';

/** The order example, saved as a design of its own by a first edit; returns its id. */
async function savedOrderSaga(page: Page): Promise<string> {
  await page.goto('/?example=order-orchestrated');
  await nodeNamed(page, 'OrderService').click();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(DESIGN_URL);
  await expect(saveState(page)).toHaveText('Saved');
  return idIn(page);
}

const storedNode = async (page: Page, id: string, nodeId: string) => (await storedDesign(page, id))!.doc.nodes.find((n) => n.id === nodeId) as { name: string; description?: string } | undefined;

test('a description typed in the inspector is saved while the field still has the focus, and survives a reload', async ({ page }) => {
  const id = await savedOrderSaga(page);
  await page.getByTestId('rf__node-processPayment').click();
  const description = inspector(page).getByLabel('Description');
  await description.click();
  await page.keyboard.type('Charges the card; refunds on failure.');
  await expect(description).toBeFocused();
  await expect(saveState(page)).toHaveText('Saved');
  await expect.poll(async () => (await storedNode(page, id, 'processPayment'))?.description).toBe('Charges the card; refunds on failure.');

  await page.reload();
  await page.getByTestId('rf__node-processPayment').click();
  await expect(inspector(page).getByLabel('Description')).toHaveValue('Charges the card; refunds on failure.');
});

test('a name typed in the inspector survives closing the tab at once', async ({ page, context }) => {
  const id = await savedOrderSaga(page);
  await page.getByTestId('rf__node-paymentService').click();
  const name = inspector(page).getByLabel('Name');
  await name.selectText();
  await page.keyboard.type('Payments');
  // Closed mid-edit, before the pause after the last key.
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto(`/?design=${id}`);
  await expect(nodeNamed(again, 'Payments')).toBeVisible();
  expect((await storedNode(again, id, 'paymentService'))?.name).toBe('Payments');
});

test('a name typed in the inspector survives a crash of the tab a second later', async ({ page, context }) => {
  const id = await savedOrderSaga(page);
  await page.getByTestId('rf__node-inventoryService').click();
  const name = inspector(page).getByLabel('Name');
  await name.selectText();
  await page.keyboard.type('Stock');
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const again = await context.newPage();
  await again.goto(`/?design=${id}`);
  await expect(nodeNamed(again, 'Stock')).toBeVisible();
});

test('text the format refuses keeps the last accepted value saved and says why in place; one field edit is one undo step', async ({ page }) => {
  const id = await savedOrderSaga(page);
  await page.getByTestId('rf__node-processPayment').click();
  const name = inspector(page).getByLabel('Name');
  await name.selectText();
  await page.keyboard.type('Charge');
  await expect.poll(async () => (await storedNode(page, id, 'processPayment'))?.name).toBe('Charge');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByRole('alert')).toHaveText('Required. The design keeps “Charge”.');
  await page.waitForTimeout(600);
  await expect(saveState(page)).toHaveText('Saved');
  expect((await storedNode(page, id, 'processPayment'))?.name).toBe('Charge');
  await expect(nodeNamed(page, 'Charge')).toBeVisible();

  // Typing again, then leaving the field: the whole edit is one undo step.
  await page.keyboard.type('ChargeCard');
  await name.press('Enter');
  await expect(nodeNamed(page, 'ChargeCard')).toBeVisible();
  await name.blur();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(name).toHaveValue('ProcessPayment');
  await expect(nodeNamed(page, 'ProcessPayment')).toBeVisible();
});

test('Escape in a field brings back the value from before the edit, in the design too', async ({ page }) => {
  const id = await savedOrderSaga(page);
  await page.getByTestId('rf__node-processPayment').click();
  const timeout = inspector(page).getByLabel('Timeout');
  await timeout.selectText();
  await page.keyboard.type('9000');
  await expect.poll(async () => (await storedDesign(page, id))!.doc.nodes.find((n) => n.id === 'processPayment')).toMatchObject({ timeoutMs: 9000 });
  await timeout.press('Escape');
  await expect(timeout).toHaveValue('5000');
  await expect.poll(async () => (await storedDesign(page, id))!.doc.nodes.find((n) => n.id === 'processPayment')).toMatchObject({ timeoutMs: 5000 });
});

test('a name typed on the canvas is saved before Enter, and survives a reload', async ({ page }) => {
  const id = await savedOrderSaga(page);
  await nodeNamed(page, 'ShippingService').dblclick();
  const field = page.getByRole('textbox', { name: 'Name' }).first();
  await expect(field).toBeFocused();
  await page.keyboard.type('Delivery');
  await expect.poll(async () => (await storedNode(page, id, 'shippingService'))?.name).toBe('Delivery');
  await page.reload();
  await expect(nodeNamed(page, 'Delivery')).toBeVisible();
});
