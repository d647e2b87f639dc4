/** Simulation mode driven like a person: inject a fault, play, step, save a scenario, replay it. */
import { expect, test, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';

const outcome = (page: Page) => page.getByTestId('sim-outcome');
const readout = (page: Page) => page.getByTestId('playback-readout');
const stateOf = (page: Page, name: string) => nodeNamed(page, name).getByTestId('sim-state');

async function openAndSimulate(page: Page): Promise<void> {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
  await waitForViewportToSettle(page);
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
}

/** Waits, frame by frame, for a compensation token carrying this command to be on its way. */
async function tokenTravels(page: Page, messageNode: string): Promise<void> {
  await page.waitForFunction(
    (id) =>
      Array.from(document.querySelectorAll<SVGCircleElement>('[data-testid="tokens"] circle.sb-token--compensation')).some(
        (c) => c.dataset.message === id && c.style.display !== 'none',
      ),
    messageNode,
    { polling: 'raf', timeout: 15_000 },
  );
}

async function injectAlwaysFail(page: Page, name: string): Promise<void> {
  await nodeNamed(page, name).click();
  const form = page.getByRole('form', { name: `Inject a fault on ${name}` });
  await form.getByLabel('Fault').selectOption('businessFailure');
  await form.getByRole('button', { name: 'Inject fault' }).click();
  await expect(nodeNamed(page, name).getByTestId('fault-badge')).toHaveText(/fails always/);
}

test('a failing step is compensated in reverse order, step by step, and replays as a saved scenario', async ({ page }) => {
  test.slow(); // plays the saga twice, with a reload between
  await openAndSimulate(page);
  // The canvas is read-only while simulating.
  await expect(page.getByRole('complementary', { name: 'Simulation' })).toBeVisible();
  await expect(canvas(page).locator('.sb-palette')).toHaveCount(0);

  await injectAlwaysFail(page, 'InitiateShipping');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.getByRole('button', { name: 'Play (Space)' }).click();

  // The compensations travel as tokens, RestoreInventory first: the reverse order of completion.
  await tokenTravels(page, 'restoreInventory');
  await expect(stateOf(page, 'PaymentService')).toHaveAttribute('data-state', 'done');
  await tokenTravels(page, 'refundPayment');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'compensated', { timeout: 15_000 });
  await expect(outcome(page)).toContainText('Compensated');
  await expect(outcome(page)).toContainText('DeductInventory and ProcessPayment');
  await expect(stateOf(page, 'ShippingService')).toHaveAttribute('data-state', 'failed');
  await expect(stateOf(page, 'InventoryService')).toHaveAttribute('data-state', 'compensated');
  await expect(stateOf(page, 'PaymentService')).toHaveAttribute('data-state', 'compensated');

  // Step back three steps and forward again: the same state, exactly.
  const end = await readout(page).textContent();
  const statesAtEnd = await page.getByTestId('sim-state').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  await canvas(page).click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(readout(page)).not.toHaveText(end!);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'running');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward (→)' }).click();
  await expect(readout(page)).toHaveText(end!);
  expect(await page.getByTestId('sim-state').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(statesAtEnd);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'compensated');

  // Save it as a scenario, reload, and run it again.
  const save = page.getByRole('form', { name: 'Save as a scenario' });
  await save.getByLabel('Name').fill('Shipping fails');
  await save.getByRole('button', { name: 'Save as scenario' }).click();
  await expect(page.getByTestId('scenario')).toContainText('Shipping fails');
  await expect(page.getByTestId('scenario')).toContainText('expects compensated');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  await page.reload();
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('fault-badge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.getByTestId('scenario')).toContainText('✓ compensated');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Run scenario Shipping fails' }).click();
  await expect(nodeNamed(page, 'InitiateShipping').getByTestId('fault-badge')).toHaveText(/fails always/);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'compensated', { timeout: 15_000 });

  // Leaving restores the editor untouched.
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await expect(page.getByTestId('simulation-dock')).toHaveCount(0);
  await expect(page.getByTestId('fault-badge')).toHaveCount(0);
  await expect(page.getByTestId('sim-state')).toHaveCount(0);
  await expect(canvas(page).locator('.sb-palette')).toBeVisible();
});

test('tokens travel along the connections while playing', async ({ page }) => {
  await openAndSimulate(page);
  await page.getByRole('button', { name: 'Step forward (→)' }).click();
  await page.getByRole('button', { name: 'Step forward (→)' }).click();
  // PlaceOrder is on its way from Customer to OrderService.
  await expect(page.getByTestId('tokens')).toHaveAttribute('data-in-flight', '1');
  await expect(page.getByTestId('tokens').locator('circle.sb-token--command')).toBeVisible();
  await page.getByRole('tab', { name: 'Sequence diagram' }).click();
  await expect(page.getByTestId('sequence-diagram')).toContainText('PlaceOrder');
});

test('impossible fault settings are refused with a message', async ({ page }) => {
  await openAndSimulate(page);
  await nodeNamed(page, 'PaymentService').click();
  const form = page.getByRole('form', { name: 'Inject a fault on PaymentService' });
  await form.getByLabel('Chance').fill('2000');
  await form.getByRole('button', { name: 'Inject fault' }).click();
  await expect(form.getByRole('alert')).toHaveText('Chance: a percentage from 0 to 100, not 2000.');
  await expect(page.getByTestId('fault-badge')).toHaveCount(0);
});

test('Monte Carlo runs many sagas off the main thread', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const panel = page.getByTestId('monte-carlo');
  await panel.getByLabel('Sagas').fill('5000');
  await panel.getByRole('button', { name: 'Run' }).click();
  const result = page.getByTestId('monte-carlo-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  // CustomerService fails 10% of the time: about 500 of 5,000 sagas are compensated.
  const compensated = Number((await result.locator('.sb-outcome-compensated .sb-montecarlo__count').textContent())!.split(' ')[0]!.replace(/,/g, ''));
  expect(compensated).toBeGreaterThan(350);
  expect(compensated).toBeLessThan(650);
  await expect(result).toContainText('p95');
});
