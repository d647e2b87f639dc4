/**
 * The inspector: select something on the canvas, see every attribute of it in the sidebar, change
 * it, and see the design (and its diagnostics) change with it. Invalid input is refused in place.
 */
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, clickConnection, waitForViewportToSettle } from './support/canvas.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

const inspector = (page: Page): Locator => page.getByTestId('inspector');
const title = (page: Page): Locator => inspector(page).getByTestId('inspector-title');
const diagnosticsPanel = (page: Page, rule: string): Locator => page.getByTestId('diagnostic').filter({ hasText: rule });

async function openOrderSaga(page: Page): Promise<void> {
  await page.goto('/?example=order-orchestrated');
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  await expect(title(page)).toHaveText('Design');
}

const selectNode = (page: Page, id: string) => page.getByTestId(`rf__node-${id}`).click();

const selectEdge = (page: Page, id: string) => clickConnection(page, page.getByTestId(`rf__edge-${id}`));

/** Clicks an empty spot of the canvas: nothing is selected afterwards. */
async function selectNothing(page: Page): Promise<void> {
  const pane = (await canvas(page).boundingBox())!;
  await page.mouse.click(pane.x + pane.width / 2, pane.y + pane.height - 60);
  await expect(title(page)).toHaveText('Design');
}

test('a command: its timeout changes, a negative one is refused, Escape reverts, empty goes back to the default', async ({ page }) => {
  await openOrderSaga(page);
  await selectNode(page, 'processPayment');

  await expect(title(page)).toHaveText('Command');
  await expect(inspector(page).getByLabel('Name')).toHaveValue('ProcessPayment');
  await expect(inspector(page).getByLabel('Step type')).toHaveValue('auto');
  const timeout = inspector(page).getByLabel('Timeout');
  await expect(timeout).toHaveValue('5000');

  // A new timeout, committed with Enter, is what the design holds: it survives selecting elsewhere and back.
  await timeout.fill('8000');
  await timeout.press('Enter');
  await selectNode(page, 'deductInventory');
  await expect(inspector(page).getByLabel('Name')).toHaveValue('DeductInventory');
  await selectNode(page, 'processPayment');
  await expect(timeout).toHaveValue('8000');

  // A negative timeout is refused as it is typed, next to the field, and never saved.
  await timeout.fill('-5');
  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByRole('alert')).toHaveText('Must be more than 0 ms. The design keeps “8000”.');
  await expect(timeout).toHaveAccessibleDescription('Must be more than 0 ms. The design keeps “8000”.');
  await timeout.press('Enter');
  await selectNode(page, 'deductInventory');
  await selectNode(page, 'processPayment');
  await expect(timeout).toHaveValue('8000');
  await expect(timeout).not.toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);

  // Not a number: refused; Escape brings back the stored value.
  await timeout.fill('abc');
  await expect(inspector(page).getByRole('alert')).toHaveText('Enter a number. The design keeps “8000”.');
  await timeout.press('Escape');
  await expect(timeout).toHaveValue('8000');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);

  // Cleared: the attribute is gone, the default shows as placeholder, and the validator notices (O013).
  await expect(diagnosticsPanel(page, 'O013')).toHaveCount(0);
  await timeout.fill('');
  await timeout.press('Enter');
  await expect(timeout).toHaveAttribute('placeholder', 'No timeout (default)');
  await expect(diagnosticsPanel(page, 'O013')).toContainText('ProcessPayment has no timeout');
  await expect(inspector(page).getByTestId('inspector-problems')).toContainText('O013');

  // Each committed change is one undo step (Ctrl+Z belongs to the canvas once focus leaves the field).
  await timeout.blur();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(timeout).toHaveValue('8000');
  await expect(diagnosticsPanel(page, 'O013')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(timeout).toHaveValue('5000');
});

test('a service: switching idempotent off makes the validator warn about duplicates (M001)', async ({ page }) => {
  await openOrderSaga(page);
  await expect(diagnosticsPanel(page, 'M001')).toHaveCount(0);
  await selectNode(page, 'paymentService');

  await expect(title(page)).toHaveText('Service');
  await expect(inspector(page).getByLabel('Latency')).toHaveValue('40');
  await expect(inspector(page).getByLabel('Failure rate')).toHaveAttribute('placeholder', '0 (default)');
  await expect(inspector(page).getByTestId('inspector-problems')).toHaveText('No problems with this service');

  const idempotent = inspector(page).getByRole('checkbox', { name: 'Idempotent' });
  await expect(idempotent).toBeChecked();
  await idempotent.uncheck();
  await expect(idempotent).not.toBeChecked();
  await expect(diagnosticsPanel(page, 'M001')).toHaveCount(1);
  await expect(diagnosticsPanel(page, 'M001')).toContainText('PaymentService is not idempotent');
  await expect(inspector(page).getByTestId('inspector-problems').locator('[data-rule="M001"]')).toHaveCount(1);

  // A value typed and left by clicking elsewhere on the canvas is kept, for the node it was typed for.
  const latency = inspector(page).getByLabel('Latency');
  await latency.fill('55');
  await selectNode(page, 'inventoryService');
  await expect(inspector(page).getByLabel('Name')).toHaveValue('InventoryService');
  await expect(inspector(page).getByLabel('Latency')).toHaveValue('40');
  await selectNode(page, 'paymentService');
  await expect(latency).toHaveValue('55');

  // A failure rate of 2 is not a probability: refused, nothing saved.
  const failureRate = inspector(page).getByLabel('Failure rate');
  await failureRate.fill('2');
  await expect(failureRate).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByRole('alert')).toHaveText('Must be at most 1. The design keeps the default.');
  await failureRate.press('Escape');
  await expect(failureRate).toHaveValue('');
});

test('a connection: what it means, and which messages it answers; unticking one is undone with Ctrl+Z', async ({ page }) => {
  await openOrderSaga(page);
  await waitForViewportToSettle(page);
  await selectEdge(page, 'e32');

  await expect(title(page)).toHaveText('Connection');
  await expect(inspector(page).getByTestId('edge-meaning')).toContainText('Publishes');
  await expect(inspector(page).getByTestId('edge-meaning')).toContainText('from OrderService to OrderCancelled');

  const answers = inspector(page).getByRole('list', { name: 'In response to' }).getByRole('checkbox');
  await expect(answers).toHaveCount(9);
  const shippingFailed = inspector(page).getByRole('checkbox', { name: 'ShippingFailed' });
  await expect(shippingFailed).toBeChecked();
  await expect(inspector(page).getByRole('checkbox', { name: 'PlaceOrder' })).not.toBeChecked();

  await shippingFailed.uncheck();
  await expect(shippingFailed).not.toBeChecked();
  await expect(inspector(page).getByRole('checkbox', { name: 'PaymentFailed' })).toBeChecked();

  // Undo is the canvas's shortcut; it waits until focus has left the checkbox.
  await shippingFailed.blur();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(shippingFailed).toBeChecked();
});

test('an output of a participant with a single input says that "on" defaults to it', async ({ page }) => {
  await openOrderSaga(page);
  await waitForViewportToSettle(page);
  await selectEdge(page, 'e27');
  await expect(inspector(page).getByTestId('edge-meaning')).toContainText('from ShippingService to ShippingInitiated');
  await expect(inspector(page).getByTestId('on-default-note')).toHaveText('ShippingService consumes only InitiateShipping, so this output answers it by default.');
  const only = inspector(page).getByRole('checkbox', { name: 'InitiateShipping' });
  await expect(only).toBeChecked();
  await expect(only).toBeDisabled();
});

test('a compensation command: switching retries off is noticed (O010), switching them on again restores the policy', async ({ page }) => {
  await openOrderSaga(page);
  await selectNode(page, 'refundPayment');
  await expect(title(page)).toHaveText('Compensation');

  const retry = inspector(page).getByRole('checkbox', { name: 'Retry on failure' });
  await expect(retry).toBeChecked();
  await expect(inspector(page).getByLabel('Max attempts')).toHaveValue('0');
  await expect(inspector(page).getByLabel('First interval')).toHaveValue('200');
  await expect(inspector(page).getByLabel('Max attempts')).toHaveAccessibleDescription('Unlimited.');

  await retry.uncheck();
  await expect(inspector(page).getByTestId('retry-policy')).toHaveCount(0);
  await expect(diagnosticsPanel(page, 'O010')).toContainText('RefundPayment must eventually succeed, but it has no retry policy');

  await retry.check();
  await expect(inspector(page).getByLabel('Max attempts')).toHaveValue('0');
  await expect(inspector(page).getByLabel('First interval')).toHaveValue('200');
  await expect(diagnosticsPanel(page, 'O010')).toHaveCount(0);

  // The number of attempts is required and whole.
  const attempts = inspector(page).getByLabel('Max attempts');
  await attempts.fill('2.5');
  await expect(inspector(page).getByRole('alert')).toHaveText('Enter a whole number. The design keeps “0”.');
  await attempts.fill('');
  await expect(inspector(page).getByRole('alert')).toHaveText('Required: enter a number. The design keeps “0”.');
});

test('nothing selected: the design is renamed; an empty name is refused', async ({ page }) => {
  await openOrderSaga(page);
  const name = inspector(page).getByLabel('Name');
  await expect(name).toHaveValue('Order fulfilment (orchestrated)');
  await expect(inspector(page).getByLabel('Declared style')).toHaveValue('orchestration');

  await name.fill('Order fulfilment v2');
  await name.press('Enter');
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment v2');

  await name.fill('   ');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByRole('alert')).toHaveText('Required. The design keeps “Order fulfilment v2”.');
  await name.blur();
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment v2');

  // Selecting a node and coming back shows what the design holds.
  await selectNode(page, 'customer');
  await expect(title(page)).toHaveText('Actor');
  await selectNothing(page);
  await expect(name).toHaveValue('Order fulfilment v2');
});

test('several selected: a count and one Delete for all of them', async ({ page }) => {
  await openOrderSaga(page);
  // Two nodes in view at the first framing (it keeps names readable, so the far right starts out of view).
  await selectNode(page, 'orderCompleted');
  await page.getByTestId('rf__node-orderCancelled').click({ modifiers: ['Shift'] });

  await expect(title(page)).toHaveText('Selection');
  await expect(inspector(page).getByTestId('selection-summary')).toHaveText('2 nodes selected');
  await inspector(page).getByRole('button', { name: 'Delete' }).click();

  await expect(page.getByTestId('rf__node-orderCompleted')).toHaveCount(0);
  await expect(page.getByTestId('rf__node-orderCancelled')).toHaveCount(0);
  await expect(title(page)).toHaveText('Design');
});

test.describe('screenshots', () => {
  test('of the inspector for a command, a service, a connection and the design', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openOrderSaga(page);
    await waitForViewportToSettle(page);
    const sidebar = page.locator('.sb-sidebar');
    const shoot = async (name: string) => {
      await page.screenshot({ path: `${SHOTS}/inspector-${name}.png` });
      await inspector(page).screenshot({ path: `${SHOTS}/inspector-${name}-panel.png` });
    };

    await shoot('design');
    await selectNode(page, 'processPayment');
    await expect(title(page)).toHaveText('Command');
    await inspector(page).getByLabel('Timeout').fill('-5');
    await shoot('command');
    await inspector(page).getByLabel('Timeout').press('Escape');
    await selectNode(page, 'refundPayment');
    await expect(title(page)).toHaveText('Compensation');
    await shoot('compensation');
    await selectNode(page, 'paymentService');
    await expect(title(page)).toHaveText('Service');
    await shoot('service');
    await selectEdge(page, 'e32');
    await expect(title(page)).toHaveText('Connection');
    await shoot('edge');
    await selectEdge(page, 'e27');
    await shoot('edge-default');
    await selectNode(page, 'orderCompleted');
    await page.getByTestId('rf__node-orderCancelled').click({ modifiers: ['Shift'] });
    await expect(title(page)).toHaveText('Selection');
    await shoot('several');
    await expect(sidebar).toBeVisible();
  });

  test('of a choreography: a subscription that compensates, and a failure event', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/?example=order-choreographed');
    await expect(page.getByTestId('verdict-style')).toHaveText('Choreography');
    await waitForViewportToSettle(page);
    await selectEdge(page, 'e12');
    await expect(title(page)).toHaveText('Connection');
    await expect(inspector(page).getByLabel('Compensates')).toHaveValue('orderCreated');
    await page.screenshot({ path: `${SHOTS}/inspector-subscription.png` });
    await inspector(page).screenshot({ path: `${SHOTS}/inspector-subscription-panel.png` });
    await selectNode(page, 'inventoryFailed');
    await expect(title(page)).toHaveText('Failure event');
    await inspector(page).screenshot({ path: `${SHOTS}/inspector-event-panel.png` });
  });
});
