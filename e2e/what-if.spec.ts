/**
 * “What if” on the canvas (issue: choosing a style): select a message and the participants its
 * schema change touches light up; select a participant and what stops while it is down lights up;
 * one click simulates it crashing mid-saga, an orchestrator's `durable` honoured.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, clickConnection, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';

/** Screenshots go where screenshots.spec.ts puts its own; `SHOTS_DIR=docs/images` remakes the ones checked in. */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

const node = (page: Page, id: string): Locator => canvas(page).locator(`.react-flow__node[data-id="${id}"]`);
/** The lit state of a node: "true" lit, "false" dimmed, null when nothing is highlighted. */
const lit = (page: Page, id: string): Locator => node(page, id).locator('.sb-node');
const banner = (page: Page) => page.getByTestId('highlight-banner');
const answer = (page: Page) => page.getByTestId('what-if-answer');
const whatIfToggle = (page: Page) => canvas(page).getByRole('button', { name: 'What if' });
const inspector = (page: Page) => page.getByTestId('inspector');
const outcome = (page: Page) => page.getByTestId('sim-outcome');

async function open(page: Page, example: string, someNode: string): Promise<void> {
  await page.goto(`/?example=${example}`);
  await expect(nodeNamed(page, someNode)).toBeVisible();
  await waitForViewportToSettle(page);
}

async function expectLit(page: Page, on: readonly string[], off: readonly string[]): Promise<void> {
  for (const id of on) await expect(lit(page, id), `${id} lit`).toHaveAttribute('data-lit', 'true');
  for (const id of off) await expect(lit(page, id), `${id} dimmed`).toHaveAttribute('data-lit', 'false');
}

async function expectNothingLit(page: Page, ids: readonly string[]): Promise<void> {
  await expect(banner(page)).toHaveCount(0);
  for (const id of ids) await expect(lit(page, id)).not.toHaveAttribute('data-lit');
}

/** Plays the run to its end, fast, and returns the outcome card. */
async function runToEnd(page: Page): Promise<Locator> {
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await expect(outcome(page)).not.toHaveAttribute('data-outcome', 'running', { timeout: 15_000 });
  return outcome(page);
}

const PARTICIPANTS = ['orderService', 'paymentService', 'inventoryService', 'shippingService'];

test('what-if mode: a message lights up who changes with its schema, a participant what stops while it is down', async ({ page }) => {
  await open(page, 'order-choreographed', 'OrderCreated');
  await expect(whatIfToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('w');
  await expect(whatIfToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('hint')).toContainText('select a message');
  await expectNothingLit(page, PARTICIPANTS);

  // The schema of OrderCreated: OrderService publishes it, PaymentService subscribes.
  await nodeNamed(page, 'OrderCreated').click();
  await expect(banner(page)).toContainText('Changing the schema of OrderCreated touches 2 participants: OrderService and PaymentService');
  await expectLit(page, ['orderCreated', 'orderService', 'paymentService'], ['inventoryService', 'shippingService', 'paymentProcessed', 'customer']);
  await expect(answer(page)).toHaveText('Changing the schema of OrderCreated touches 2 participants: OrderService and PaymentService.');
  await expect(inspector(page).getByRole('button', { name: 'Show on canvas' })).toHaveAttribute('aria-pressed', 'true');

  // PaymentService down: its handling of OrderCreated, and everything after it — Inventory, Shipping.
  await nodeNamed(page, 'PaymentService').click();
  await expect(banner(page)).toContainText(/^While PaymentService is down, 3 of 4 handlings of the happy path cannot happen \(75%\)/);
  await expectLit(page, ['paymentService', 'orderCreated', 'inventoryService', 'paymentProcessed', 'shippingService', 'inventoryDeducted'], ['orderService', 'placeOrder', 'customer', 'paymentFailed']);
  await expect(answer(page)).toHaveText('While PaymentService is down, 3 of 4 handlings of the happy path cannot happen (75%).');
  await expect(inspector(page).getByRole('button', { name: 'Simulate a crash' })).toBeEnabled();

  // An actor has no what-if: the highlight goes.
  await nodeNamed(page, 'Customer').click();
  await expectNothingLit(page, PARTICIPANTS);

  // Escape clears the highlight (and the selection); Clear clears it and it stays cleared.
  await nodeNamed(page, 'PaymentService').click();
  await expect(lit(page, 'shippingService')).toHaveAttribute('data-lit', 'true');
  await page.keyboard.press('Escape');
  await expectNothingLit(page, PARTICIPANTS);
  await nodeNamed(page, 'InventoryService').click();
  await expect(banner(page)).toContainText('While InventoryService is down, 2 of 4 handlings');
  await banner(page).getByRole('button', { name: 'Clear' }).click();
  await expectNothingLit(page, PARTICIPANTS);
  await expect(whatIfToggle(page)).toHaveAttribute('aria-pressed', 'true');

  // Another selection lights up again; clicking the background empties the selection and the highlight.
  await nodeNamed(page, 'OrderCreated').click();
  await expect(lit(page, 'paymentService')).toHaveAttribute('data-lit', 'true');
  await canvas(page).locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await expectNothingLit(page, PARTICIPANTS);

  // Turning the mode off clears it; selecting then lights nothing up.
  await nodeNamed(page, 'PaymentService').click();
  await expect(banner(page)).toBeVisible();
  await whatIfToggle(page).click();
  await expect(whatIfToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expectNothingLit(page, PARTICIPANTS);
  await nodeNamed(page, 'OrderCreated').click();
  await expect(answer(page)).toContainText('touches 2 participants');
  await expectNothingLit(page, PARTICIPANTS);

  // The inspector's “Show on canvas” does it for one selection, mode off.
  const show = inspector(page).getByRole('button', { name: 'Show on canvas' });
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expectLit(page, ['orderService', 'paymentService'], ['inventoryService']);
  await show.click();
  await expectNothingLit(page, PARTICIPANTS);
});

test('the highlight follows the design as it changes: what stops is worked out again after an edit', async ({ page }) => {
  await open(page, 'order-choreographed', 'ShippingService');
  // Without InventoryDeducted → ShippingService, Shipping never runs: PaymentService down stops 2 of 3.
  await clickConnection(page, canvas(page).locator('.react-flow__edge[data-id="e10"]'));
  await page.keyboard.press('Delete');
  await expect(canvas(page).locator('.react-flow__edge[data-id="e10"]')).toHaveCount(0);
  await whatIfToggle(page).click();
  await nodeNamed(page, 'PaymentService').click();
  await expect(banner(page)).toContainText('While PaymentService is down, 2 of 3 handlings');
  await expectLit(page, ['paymentService', 'inventoryService'], ['shippingService']);

  // Undo brings the connection back: the answer is worked out again, in the worker.
  await page.keyboard.press('Control+z');
  await expect(canvas(page).locator('.react-flow__edge[data-id="e10"]')).toHaveCount(1);
  await expect(banner(page)).toContainText('While PaymentService is down, 3 of 4 handlings');
  await expectLit(page, ['paymentService', 'inventoryService', 'shippingService'], ['orderService']);

  // A new name shows at once in the banner and the inspector.
  const name = inspector(page).getByLabel('Name');
  await name.fill('Payments');
  await name.press('Enter');
  await expect(banner(page)).toContainText('While Payments is down, 3 of 4 handlings');
  await expect(answer(page)).toContainText('While Payments is down');
});

test('a message with many subscribers: its schema change touches every one of them', async ({ page }) => {
  await open(page, 'checkout-fanout', 'OrderCreated');
  await nodeNamed(page, 'OrderCreated').click();
  await expect(answer(page)).toHaveText(
    'Changing the schema of OrderCreated touches 5 participants: CheckoutService, EmailService, WarehouseService, RewardsService and AnalyticsService.',
  );
  await inspector(page).getByRole('button', { name: 'Show on canvas' }).click();
  await expectLit(page, ['orderCreated', 'checkoutService', 'emailService', 'warehouseService', 'rewardsService', 'analyticsService'], ['shopper', 'completeCheckout', 'pointsAwarded']);
  // Closer, for the screenshot: the design is small.
  await canvas(page).getByRole('button', { name: 'Zoom in' }).click();
  await waitForViewportToSettle(page);
  await page.screenshot({ path: `${SHOTS}/what-if-schema.png` });
});

test('simulate a crash of a service mid-saga: it crashes on its first message, messages wait, the saga goes on after the restart', async ({ page }) => {
  await open(page, 'order-choreographed', 'PaymentService');
  await nodeNamed(page, 'PaymentService').click();
  await expect(answer(page)).toContainText('3 of 4 handlings');
  await expect(inspector(page)).toContainText('PaymentService crashes as OrderCreated, its first message of the saga, arrives, and restarts 1 s later.');
  await inspector(page).getByRole('button', { name: 'Simulate a crash' }).click();
  await expect(nodeNamed(page, 'PaymentService').getByTestId('fault-badge')).toHaveText(/crash, restart 1000 ms/);
  const card = await runToEnd(page);
  await expect(card).toHaveAttribute('data-outcome', 'completed');
  await expect(page.getByTestId('fault-editor')).toContainText('crash, restart 1000 ms');
});

test('simulate a crash of the orchestrator mid-saga: durable, it resumes; not durable, the saga is lost', async ({ page }) => {
  await open(page, 'order-orchestrated', 'OrderService');
  await nodeNamed(page, 'OrderService').click();
  await expect(answer(page)).toHaveText('While OrderService is down, 7 of 7 handlings of the happy path cannot happen (100%).');
  await expect(page.getByTestId('what-if-durable')).toHaveText('OrderService is durable: it resumes the saga after the restart, where it was.');
  await expect(inspector(page)).toContainText('OrderService crashes mid-saga, as PaymentProcessed (its first reply) arrives, and restarts 1 s later.');
  await inspector(page).getByRole('button', { name: 'Show on canvas' }).click();
  await expectLit(page, PARTICIPANTS, ['customer']);
  await page.screenshot({ path: `${SHOTS}/what-if-orchestrator.png` });

  await inspector(page).getByRole('button', { name: 'Simulate a crash' }).click();
  // The fault is on the connection PaymentProcessed → OrderService: the orchestrator's first reply.
  await expect(canvas(page).locator('[data-testid="fault-badge"][data-edge="e7"]')).toHaveText(/crash, restart 1000 ms/);
  const durable = await runToEnd(page);
  await expect(durable).toHaveAttribute('data-outcome', 'completed');
  await expect(page.getByTestId('sim-state').first()).toBeVisible();

  // Not durable: the same crash loses the saga.
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await nodeNamed(page, 'OrderService').click();
  await inspector(page).getByRole('checkbox', { name: 'Durable' }).uncheck();
  await expect(page.getByTestId('what-if-durable')).toHaveText('OrderService is not durable: the saga it was running is lost in the crash, and nothing moves it on.');
  await inspector(page).getByRole('button', { name: 'Simulate a crash' }).click();
  const lost = await runToEnd(page);
  await expect(lost).toHaveAttribute('data-outcome', 'stuck');
  await expect(lost).toContainText("OrderService is not durable: it lost the saga's state when it crashed");
});

test('screenshot: what stops while PaymentService is down, with the inspector', async ({ page }) => {
  await open(page, 'order-choreographed', 'PaymentService');
  // Selected first, then W: the mode lights up the selection at once (and has no hint to give).
  await nodeNamed(page, 'PaymentService').click();
  await page.keyboard.press('w');
  await expect(banner(page)).toContainText('3 of 4 handlings');
  await expect(page.getByTestId('hint')).toHaveCount(0);
  await expect(lit(page, 'shippingService')).toHaveAttribute('data-lit', 'true');
  await page.screenshot({ path: `${SHOTS}/what-if-down.png` });

  // What it adds reads well to everyone: the banner, the switch, the inspector's section (WCAG A/AA).
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="highlight-banner"]')
    .include('.sb-whatif-toggle')
    .include('[data-testid="inspector"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
