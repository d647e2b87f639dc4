/**
 * The editor's acceptance test: from an empty design, an architect builds the orchestrated order
 * process of spec §5.1 with the palette, handle drags and the inspector, sees "Orchestration" with
 * zero errors, undoes everything, redoes it, reloads, and finds it intact.
 */
import { expect, test, type Page } from './support/test.ts';
import { canvas, clickConnection } from './support/canvas.ts';
import { dragConnection, dropNode, edgeCount, nodeCount, type Preset } from './support/editing.ts';
import { openFixture } from './support/fixtures.ts';

const NODES: [Preset, string, number, number][] = [
  ['actor', 'Customer', 70, 380],
  ['command', 'PlaceOrder', 190, 380],
  ['orchestrator', 'OrderService', 320, 380],
  ['command', 'ProcessPayment', 470, 140],
  ['command', 'RefundPayment', 470, 220],
  ['command', 'DeductInventory', 470, 360],
  ['command', 'RestoreInventory', 470, 440],
  ['command', 'InitiateShipping', 470, 580],
  ['service', 'PaymentService', 630, 180],
  ['service', 'InventoryService', 630, 400],
  ['service', 'ShippingService', 630, 580],
  ['event', 'PaymentProcessed', 800, 130],
  ['failureEvent', 'PaymentFailed', 800, 210],
  ['event', 'InventoryDeducted', 800, 350],
  ['failureEvent', 'InventoryFailed', 800, 430],
  ['event', 'ShippingInitiated', 800, 550],
  ['failureEvent', 'ShippingFailed', 800, 620],
];

const CONNECTIONS: [string, string][] = [
  ['Customer', 'PlaceOrder'],
  ['PlaceOrder', 'OrderService'],
  ...(
    [
      ['ProcessPayment', 'PaymentService', 'PaymentProcessed', 'PaymentFailed'],
      ['DeductInventory', 'InventoryService', 'InventoryDeducted', 'InventoryFailed'],
      ['InitiateShipping', 'ShippingService', 'ShippingInitiated', 'ShippingFailed'],
    ] as const
  ).flatMap(([command, service, done, failed]): [string, string][] => [
    ['OrderService', command],
    [command, service],
    [service, done],
    [service, failed],
    [done, 'OrderService'],
    [failed, 'OrderService'],
  ]),
  // compensations: drawn from the step to its undo, sent by the orchestrator, handled by the same service
  ['ProcessPayment', 'RefundPayment'],
  ['OrderService', 'RefundPayment'],
  ['RefundPayment', 'PaymentService'],
  ['DeductInventory', 'RestoreInventory'],
  ['OrderService', 'RestoreInventory'],
  ['RestoreInventory', 'InventoryService'],
];

/** Which input each output answers ("on"), set in the inspector where the source consumes several messages. */
const ON: [string, string, string][] = [
  ['OrderService', 'ProcessPayment', 'PlaceOrder'],
  ['OrderService', 'DeductInventory', 'PaymentProcessed'],
  ['OrderService', 'InitiateShipping', 'InventoryDeducted'],
  ['PaymentService', 'PaymentProcessed', 'ProcessPayment'],
  ['PaymentService', 'PaymentFailed', 'ProcessPayment'],
  ['InventoryService', 'InventoryDeducted', 'DeductInventory'],
  ['InventoryService', 'InventoryFailed', 'DeductInventory'],
];

const MEANING: Record<string, string> = { command: 'sends', event: 'publishes' };

async function expectWellFormedOrchestration(page: Page): Promise<void> {
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  await expect(page.getByText('0 errors')).toBeVisible();
  expect(await nodeCount(page)).toBe(NODES.length);
  expect(await edgeCount(page)).toBe(CONNECTIONS.length);
}

test('an architect builds the orchestrated order process from an empty design', async ({ page }) => {
  test.setTimeout(180_000);
  await openFixture(page, 'empty');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  // room for seventeen nodes
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'zoom out' }).click();

  for (const [preset, name, x, y] of NODES) await dropNode(page, preset, name, { x, y });
  for (const [from, to] of CONNECTIONS) await dragConnection(page, from, to);
  expect(await edgeCount(page)).toBe(CONNECTIONS.length);
  // without "on", OrderService, PaymentService and InventoryService cannot say which input each output answers
  await expect(page.getByTestId('diagnostic').filter({ hasText: 'G013' }).first()).toBeVisible();

  const inspector = page.getByTestId('inspector');
  for (const [source, target, input] of ON) {
    const kind = NODES.find(([, name]) => name === target)![0];
    await clickConnection(page, canvas(page).locator(`[aria-label="${source} ${MEANING[kind === 'failureEvent' ? 'event' : kind]!} ${target}"]`));
    await inspector.getByRole('checkbox', { name: input, exact: true }).check();
    await expect(inspector.getByRole('checkbox', { name: input, exact: true })).toBeChecked();
  }
  await expectWellFormedOrchestration(page);

  // undo everything, back to the empty design
  for (let i = 0; i < 200 && (await nodeCount(page)) > 0; i++) await page.keyboard.press('Control+z');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  // and redo all of it
  for (let i = 0; i < 200 && (await edgeCount(page)) < CONNECTIONS.length; i++) await page.keyboard.press('Control+Shift+z');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+Shift+z');
  await expectWellFormedOrchestration(page);

  // saved automatically: a reload shows the same design
  await page.waitForTimeout(800);
  await page.reload();
  await expectWellFormedOrchestration(page);
});
