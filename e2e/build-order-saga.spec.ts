/**
 * The editor's acceptance test: from an empty design, an architect builds the orchestrated order
 * process of spec §5.1 with the palette and handle drags alone — never the inspector: which input
 * each output answers ("on") is guessed as the connection is drawn, and offered right there — sees
 * "Orchestration" with zero errors, undoes everything, redoes it, reloads, and finds it intact.
 * It prints how many actions the build took.
 */
import { expect, test, type Page } from './support/test.ts';
import { dragConnection, dropNode, edgeCount, nodeCount, type Preset } from './support/editing.ts';
import { openFixture } from './support/fixtures.ts';

const NODES: [Preset, string, number, number][] = [
  ['actor', 'Customer', 70, 380],
  ['command', 'PlaceOrder', 190, 380],
  ['orchestrator', 'OrderService', 320, 380],
  ['event', 'OrderCompleted', 320, 200],
  ['event', 'OrderCancelled', 320, 580],
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
  ['event', 'PaymentRefunded', 800, 280],
  ['event', 'InventoryDeducted', 800, 360],
  ['failureEvent', 'InventoryFailed', 800, 430],
  ['event', 'InventoryRestored', 800, 490],
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
  ['PaymentService', 'PaymentRefunded'],
  ['PaymentRefunded', 'OrderService'],
  ['DeductInventory', 'RestoreInventory'],
  ['OrderService', 'RestoreInventory'],
  ['RestoreInventory', 'InventoryService'],
  ['InventoryService', 'InventoryRestored'],
  ['InventoryRestored', 'OrderService'],
  // the saga's ends
  ['OrderService', 'OrderCompleted'],
  ['OrderService', 'OrderCancelled'],
];

/**
 * The outputs drawn from a participant that already consumed several messages, in drawing order,
 * and the answer guessed for each: the ones §5.1 draws. (Outputs drawn before a participant heard
 * a second message answer its first, without asking: OrderService → ProcessPayment answers PlaceOrder.)
 */
const ANSWERS: [string, string, string][] = [
  ['OrderService', 'DeductInventory', 'PaymentProcessed'],
  ['OrderService', 'InitiateShipping', 'InventoryDeducted'],
  ['PaymentService', 'PaymentRefunded', 'RefundPayment'],
  ['InventoryService', 'InventoryRestored', 'RestoreInventory'],
  ['OrderService', 'OrderCompleted', 'ShippingInitiated'],
  ['OrderService', 'OrderCancelled', 'PaymentFailed, InventoryFailed, ShippingFailed'],
];

async function expectWellFormedOrchestration(page: Page): Promise<void> {
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  await expect(page.getByText('0 errors')).toBeVisible();
  expect(await nodeCount(page)).toBe(NODES.length);
  expect(await edgeCount(page)).toBe(CONNECTIONS.length);
}

test('an architect builds the orchestrated order process from an empty design', async ({ page }) => {
  test.setTimeout(360_000);
  await openFixture(page, 'empty');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  // room for seventeen nodes
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'zoom out' }).click();

  // An action is one drop, one name typed, one connection drawn, or one answer choice closed.
  let actions = 0;
  for (const [preset, name, x, y] of NODES) {
    await dropNode(page, preset, name, { x, y });
    actions += 2;
  }
  const asked: string[] = [];
  const picker = page.getByTestId('answer-picker');
  for (const [from, to] of CONNECTIONS) {
    await dragConnection(page, from, to);
    actions++;
    if (await picker.isVisible()) {
      // The likeliest input is ticked already; the architect checks it and closes the choice.
      const ticked = await picker.locator('input:checked').evaluateAll((els) => els.map((e) => e.closest('label')!.textContent!.trim()));
      asked.push(`${from} → ${to}: ${ticked.join(', ')}`);
      await page.keyboard.press('Enter');
      await expect(picker).toBeHidden();
      actions++;
    }
  }
  expect(await edgeCount(page)).toBe(CONNECTIONS.length);
  expect(asked).toEqual(ANSWERS.map(([from, to, input]) => `${from} → ${to}: ${input}`));
  await expect(page.getByTestId('diagnostic').filter({ hasText: 'G013' })).toHaveCount(0);
  console.log(`Built spec §5.1 (${NODES.length} nodes, ${CONNECTIONS.length} connections) in ${actions} actions: ${NODES.length} drops, ${NODES.length} names, ${CONNECTIONS.length} connections, ${asked.length} answer choices confirmed; no inspector`);
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
