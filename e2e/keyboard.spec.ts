/**
 * Sagaboard without a mouse: a design built from the palette and connected with the "Connect … to…"
 * list, a problem opened with Enter, a simulation played, stepped and restarted, a design opened
 * from the Designs menu. After `page.goto` (and a fixture served), only the keyboard is used.
 */
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, distanceFromCanvasCentre, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { edgeCount, nodeCount } from './support/editing.ts';
import { openFixture } from './support/fixtures.ts';

/** Presses `key` (Tab, Shift+Tab…) until `target` has the focus, as a person going through the page would. */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 }).catch(() => false);
    if (focused) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const picker = (page: Page) => page.getByRole('dialog', { name: /^Connect / });
const option = (page: Page, name: string) => picker(page).getByRole('option', { name: new RegExp(`^${name},`) });
const readout = (page: Page) => page.getByTestId('playback-readout');

/** Adds a node from the palette with Tab and Enter, names it, and leaves the focus on it. */
async function addFromPalette(page: Page, item: string, name: string): Promise<void> {
  const button = page.getByTestId(`palette-${item}`);
  // The palette comes before the diagram: back up to it from a node, or tab to it from the top.
  await pressUntilFocused(page, (await nodeCount(page)) > 0 ? 'Shift+Tab' : 'Tab', button);
  await page.keyboard.press('Enter');
  const field = canvas(page).getByRole('textbox', { name: 'Name', exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(nodeNamed(page, name)).toBeFocused();
}

test('a small design is built and connected with the keyboard alone, each connection one undo step', async ({ page }) => {
  test.slow(); // tabs through the page one key at a time
  await openFixture(page, 'empty');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();

  await addFromPalette(page, 'actor', 'Customer');
  await addFromPalette(page, 'command', 'PlaceOrder');
  expect(await nodeCount(page)).toBe(2);

  // The palette is a toolbar: the arrow keys move along it too.
  await pressUntilFocused(page, 'Shift+Tab', page.getByTestId('palette-command'));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('palette-event')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('palette-actor')).toBeFocused();

  // Back to Customer, select it with Space, and press C.
  const customer = nodeNamed(page, 'Customer');
  await pressUntilFocused(page, 'Tab', customer);
  await page.keyboard.press('Space');
  await expect(customer).toHaveClass(/selected/);
  await page.keyboard.press('c');
  await expect(picker(page)).toBeVisible();
  await expect(picker(page)).toHaveAccessibleName('Connect Customer to…');
  const field = picker(page).getByRole('combobox', { name: 'Find a node' });
  await expect(field).toBeFocused();
  await expect(option(page, 'PlaceOrder')).toHaveAttribute('aria-selected', 'true');
  await expect(option(page, 'PlaceOrder')).toContainText('Customer sends PlaceOrder');
  await expect(page.getByTestId('connect-preview')).toBeVisible();

  // Typing filters; Enter connects; the focus is back on Customer.
  await page.keyboard.type('pla');
  await expect(picker(page).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker(page)).toHaveCount(0);
  await expect(canvas(page).locator('[aria-label="Customer sends PlaceOrder"]')).toHaveCount(1);
  await expect(customer).toBeFocused();
  await expect(page.getByTestId('connect-announcement')).toHaveText('Connected: Customer sends PlaceOrder.');

  // Now it is refused, with the reason, and Enter on it connects nothing.
  await page.keyboard.press('c');
  await expect(option(page, 'PlaceOrder')).toHaveAttribute('aria-disabled', 'true');
  await expect(option(page, 'PlaceOrder')).toContainText('Customer is already connected to PlaceOrder.');
  await page.keyboard.press('Enter');
  await expect(picker(page).getByRole('alert')).toHaveText('Customer is already connected to PlaceOrder.');
  expect(await edgeCount(page)).toBe(1);
  await page.keyboard.press('Escape');
  await expect(picker(page)).toHaveCount(0);
  await expect(customer).toBeFocused();

  // The connection was one step: undo takes it away and nothing else, redo brings it back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => edgeCount(page)).toBe(0);
  expect(await nodeCount(page)).toBe(2);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => edgeCount(page)).toBe(1);

  // The arrow keys move the focused, selected node.
  const before = (await customer.boundingBox())!;
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await customer.boundingBox())!.y).toBeGreaterThan(before.y + 5);

  // Shift+C connects the other way: into the selected node.
  const command = nodeNamed(page, 'PlaceOrder');
  await pressUntilFocused(page, 'Tab', command);
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+C');
  await expect(picker(page)).toHaveAccessibleName('Connect … to PlaceOrder');
  await expect(option(page, 'Customer')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(command).toBeFocused();
});

test('the connect list offers what the spec allows and says why the rest is refused', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  const failed = nodeNamed(page, 'PaymentFailed');
  await expect(failed).toBeVisible();
  await pressUntilFocused(page, 'Tab', failed);
  await page.keyboard.press('Space');
  await page.keyboard.press('c');
  await expect(picker(page)).toHaveAccessibleName('Connect PaymentFailed to…');
  // An event goes to the services and orchestrators that subscribe to it; OrderService already does.
  const allowed = picker(page).getByRole('group', { name: /^Can connect/ }).getByRole('option');
  await expect(allowed).toHaveText([/InventoryService/, /PaymentService/, /ShippingService/]);
  await expect(option(page, 'OrderService')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.type('refund');
  await expect(option(page, 'RefundPayment')).toContainText('An event cannot trigger a command directly');
  await page.keyboard.press('Enter');
  await expect(picker(page).getByRole('alert')).toContainText('An event cannot trigger a command directly');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('zzz');
  await expect(picker(page)).toContainText('No node matches “zzz”.');
  await page.keyboard.press('Escape');
  await expect(failed).toBeFocused();
});

test('a problem is shown on the canvas with Enter, and Enter never renames the selected node instead', async ({ page }) => {
  await openFixture(page, 'non-idempotent-payment');
  const payment = nodeNamed(page, 'PaymentService');
  await expect(payment).toBeVisible();
  await waitForViewportToSettle(page);
  // One node is selected: Enter on a button must still press the button.
  const other = nodeNamed(page, 'Customer');
  await pressUntilFocused(page, 'Tab', other);
  await page.keyboard.press('Space');
  await expect(other).toHaveClass(/selected/);

  const diagnostic = page.getByTestId('diagnostic');
  await pressUntilFocused(page, 'Tab', diagnostic);
  await page.keyboard.press('Enter');
  await expect(diagnostic).toHaveAttribute('aria-pressed', 'true');
  await expect(payment).toHaveClass(/selected/);
  await expect(canvas(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(0);
  await waitForViewportToSettle(page);
  expect(await distanceFromCanvasCentre(page, payment)).toBeLessThan(40);
  await expect(diagnostic).toBeFocused();
});

test('simulation is played, stepped, scrubbed and restarted from the keyboard', async ({ page }) => {
  test.slow(); // many steps, one key at a time
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  const simulate = page.getByRole('button', { name: 'Simulate', exact: true });
  await pressUntilFocused(page, 'Tab', simulate);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
  await expect(readout(page)).toContainText('Step 0/');

  // → steps forward wherever the focus is (here: the top bar's button).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(readout(page)).toContainText('Step 2/');
  await page.keyboard.press('ArrowLeft');
  await expect(readout(page)).toContainText('Step 1/');

  // The buttons are named, and Enter and Space press them.
  const forward = page.getByRole('button', { name: 'Step forward (→)' });
  await pressUntilFocused(page, 'Tab', forward);
  await page.keyboard.press('Enter');
  await expect(readout(page)).toContainText('Step 2/');
  const play = page.getByRole('button', { name: 'Play (Space)' });
  await pressUntilFocused(page, 'Shift+Tab', play);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause (Space)' })).toBeFocused();
  await expect(readout(page)).not.toContainText('Step 2/');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play (Space)' })).toBeFocused();

  // The speed is a select, the timeline a slider: both take the arrow keys.
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await pressUntilFocused(page, 'Tab', speed);
  const speedBefore = await speed.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(speed).not.toHaveValue(speedBefore);
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await pressUntilFocused(page, 'Tab', timeline);
  await page.keyboard.press('End');
  await expect(page.getByTestId('sim-outcome')).toHaveAttribute('data-outcome', 'completed');
  const last = Number((await timeline.getAttribute('aria-valuetext'))!.match(/of (\d+)/)![1]);
  await expect(timeline).toHaveAttribute('aria-valuetext', `Step ${last} of ${last}`);
  await page.keyboard.press('ArrowLeft');
  await expect(timeline).toHaveAttribute('aria-valuetext', `Step ${last - 1} of ${last}`);
  await page.keyboard.press('Home');
  await expect(readout(page)).toContainText('Step 0/');

  // The views of the run are tabs: ← → switch them; an arrow of the sequence diagram is a button.
  const traceTab = page.getByRole('tab', { name: 'Trace' });
  await pressUntilFocused(page, 'Tab', traceTab);
  await page.keyboard.press('ArrowRight');
  const sequenceTab = page.getByRole('tab', { name: 'Sequence diagram' });
  await expect(sequenceTab).toBeFocused();
  await expect(sequenceTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Sequence diagram' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^PlaceOrder from Customer/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(readout(page)).not.toContainText('Step 0/');

  // Escape goes back to editing.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('simulation-dock')).toHaveCount(0);
  await expect(canvas(page).locator('.sb-palette')).toBeVisible();
});

test('a design is opened from the Designs menu with the keyboard, and the focus comes back to the menu button', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await expect(page.getByTestId('design-name')).toHaveText(/Credit reservation/);
  const menuButton = page.getByRole('button', { name: 'Designs', exact: true });
  const menu = page.getByRole('dialog', { name: 'Designs' });

  // Two new designs, made from the menu.
  for (const expected of ['Untitled design', 'Untitled design 2']) {
    await pressUntilFocused(page, 'Tab', menuButton);
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await pressUntilFocused(page, 'Shift+Tab', menu.getByRole('button', { name: 'New design' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('design-name')).toHaveText(expected);
    await expect(menuButton).toBeFocused();
  }

  // The list opens on the design on screen; ↓ goes to the one before; Enter opens it.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('button', { name: 'Untitled design 2', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('button', { name: 'Untitled design', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('design-name')).toHaveText('Untitled design');
  await expect(menuButton).toBeFocused();

  // Escape closes it, and the focus is back on the button.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
});
