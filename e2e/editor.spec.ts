import { expect, test } from './support/test.ts';
import { canvas, nodeNamed } from './support/canvas.ts';
import { dragConnection, dropNode, edgeCount, nodeCount } from './support/editing.ts';
import { openFixture } from './support/fixtures.ts';

test('the palette adds nodes by drag and by click, named as you type', async ({ page }) => {
  await openFixture(page, 'empty');
  await expect(page.getByTestId('empty-canvas')).toContainText('Drag an actor, a service, a command or an event from the palette');
  await dropNode(page, 'service', 'PaymentService', { x: 400, y: 400 });
  await expect(page.getByTestId('empty-canvas')).toHaveCount(0);
  // a click adds in the middle of the view, its name selected for typing
  await page.getByTestId('palette-command').click();
  const field = canvas(page).getByLabel('Name', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('DoSomething');
  await page.keyboard.type('ProcessPayment');
  await page.keyboard.press('Enter');
  await expect(nodeNamed(page, 'ProcessPayment')).toBeVisible();
  // the failure preset makes a failure event
  await dropNode(page, 'failureEvent', 'PaymentFailed', { x: 600, y: 250 });
  await expect(nodeNamed(page, 'PaymentFailed')).toHaveClass(/react-flow__node-event/);
  await expect(nodeNamed(page, 'PaymentFailed').locator('.sb-node--failure')).toHaveCount(1);
  // double-click renames in place; Escape cancels
  await nodeNamed(page, 'PaymentService').dblclick();
  await expect(field).toBeFocused();
  await field.fill('Nope');
  await field.press('Escape');
  await expect(nodeNamed(page, 'PaymentService')).toBeVisible();
});

test('adding a node and typing its name is one undo step: undo removes the node, no “DoSomething” left behind', async ({ page }) => {
  await openFixture(page, 'empty');
  await dropNode(page, 'service', 'PaymentService', { x: 400, y: 400 });
  await page.getByTestId('palette-command').click();
  await expect(canvas(page).getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('ProcessPayment');
  await page.keyboard.press('Enter');
  await expect(nodeNamed(page, 'ProcessPayment')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(nodeNamed(page, 'ProcessPayment')).toHaveCount(0);
  await expect(nodeNamed(page, 'DoSomething')).toHaveCount(0);
  expect(await nodeCount(page)).toBe(1);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(nodeNamed(page, 'ProcessPayment')).toBeVisible();
});

test('connecting handles draws the connection the spec allows', async ({ page }) => {
  await openFixture(page, 'empty');
  await dropNode(page, 'actor', 'Customer', { x: 200, y: 400 });
  await dropNode(page, 'command', 'PlaceOrder', { x: 450, y: 400 });
  await dragConnection(page, 'Customer', 'PlaceOrder');
  await expect(canvas(page).locator('[aria-label="Customer sends PlaceOrder"]')).toHaveCount(1);
  expect(await edgeCount(page)).toBe(1);
});

test('a forbidden connection is refused with a hint that says what to draw instead', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderCompleted')).toBeVisible();
  const before = await edgeCount(page);
  await dragConnection(page, 'OrderCompleted', 'OrderCancelled');
  await expect(page.getByTestId('hint')).toContainText('An event cannot trigger an event directly: connect it to the service that reacts to it');
  expect(await edgeCount(page)).toBe(before);
});

test('deleting a node removes its connections, and undo brings all back', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  const payment = nodeNamed(page, 'PaymentService');
  await expect(payment).toBeVisible();
  const [nodes, edges] = [await nodeCount(page), await edgeCount(page)];
  await payment.click();
  await page.keyboard.press('Delete');
  await expect(payment).toHaveCount(0);
  expect(await nodeCount(page)).toBe(nodes - 1);
  // PaymentService had 5 connections: ProcessPayment and RefundPayment in, three events out
  expect(await edgeCount(page)).toBe(edges - 5);
  await page.keyboard.press('Control+z');
  await expect(payment).toBeVisible();
  expect(await edgeCount(page)).toBe(edges);
  await page.keyboard.press('Control+Shift+z');
  await expect(payment).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(payment).toHaveCount(0);
});

test('a drag is one undo step', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  const node = nodeNamed(page, 'CustomerService');
  const start = (await node.boundingBox())!;
  await page.mouse.move(start.x + 20, start.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 20 + i * 12, start.y + 20 + i * 8);
  await page.mouse.up();
  const moved = (await node.boundingBox())!;
  expect(moved.x - start.x).toBeGreaterThan(80);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(start.x));
});

test('select all, duplicate, copy and paste', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  const nodes = await nodeCount(page);
  await nodeNamed(page, 'CustomerService').click();
  await page.keyboard.press('Control+d');
  await expect(nodeNamed(page, 'CustomerService2')).toBeVisible();
  await nodeNamed(page, 'OrderService').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodeNamed(page, 'OrderService2')).toBeVisible();
  expect(await nodeCount(page)).toBe(nodes + 2);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  expect(await nodeCount(page)).toBe(0);
  await page.keyboard.press('Control+z');
  expect(await nodeCount(page)).toBe(nodes + 2);
});

test('pasting text that is not a design changes nothing and says so', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  const nodes = await nodeCount(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'hello, not a design');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByTestId('hint')).toContainText('Nothing pasted: the clipboard does not hold a Sagaboard design or selection');
  expect(await nodeCount(page)).toBe(nodes);
});

test('shortcuts never fire while typing, and ? opens the shortcut sheet', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  const node = nodeNamed(page, 'CustomerService');
  await node.click();
  await page.keyboard.press('Enter');
  const field = canvas(page).getByLabel('Name', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('CreditService');
  await page.keyboard.press('Enter');
  await expect(nodeNamed(page, 'CreditService')).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Duplicate the selection')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('arrow keys move the selected node on the grid, each press one undo step', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  const node = nodeNamed(page, 'CustomerService');
  await node.click();
  const start = (await node.boundingBox())!;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(start.x + 10);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(start.x));
});

test('shift-drag selects with a box, and shift-click adds to the selection', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  const customer = nodeNamed(page, 'Customer');
  const order = nodeNamed(page, 'CreateOrder');
  await expect(customer).toBeVisible();
  const a = (await customer.boundingBox())!;
  const b = (await order.boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, Math.min(a.y, b.y) - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 10, Math.max(a.y + a.height, b.y + b.height) + 20, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(customer).toHaveClass(/selected/);
  await expect(order).toHaveClass(/selected/);
  await nodeNamed(page, 'CustomerService').click({ modifiers: ['Shift'] });
  await expect(nodeNamed(page, 'CustomerService')).toHaveClass(/selected/);
  await expect(customer).toHaveClass(/selected/);
});

test('a connection follows its node wherever it is dragged, ending on the side that faces its source', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  const payment = nodeNamed(page, 'PaymentService');
  await expect(payment).toBeVisible();
  const line = canvas(page).locator('[aria-label="ProcessPayment handled by PaymentService"] path.react-flow__edge-path');
  /** How far the line's end is from the nearest side of PaymentService, on screen. */
  const offBorder = async () => {
    const box = (await payment.boundingBox())!;
    const end = await line.evaluate((path: SVGPathElement) => {
      const p = path.getPointAtLength(path.getTotalLength());
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    const inside = end.x >= box.x - 1 && end.x <= box.x + box.width + 1 && end.y >= box.y - 1 && end.y <= box.y + box.height + 1;
    const d = Math.min(Math.abs(end.x - box.x), Math.abs(end.x - box.x - box.width), Math.abs(end.y - box.y), Math.abs(end.y - box.y - box.height));
    return inside ? d : Infinity;
  };
  expect(await offBorder()).toBeLessThanOrEqual(2);
  const start = (await payment.boundingBox())!;
  await page.mouse.move(start.x + 30, start.y + 20);
  await page.mouse.down();
  await page.mouse.move(start.x + 30 - 500, start.y + 140, { steps: 20 });
  await page.mouse.up();
  // Now left of ProcessPayment: the line still ends on PaymentService's outline.
  await expect.poll(offBorder).toBeLessThanOrEqual(2);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await payment.boundingBox())!.x)).toBe(Math.round(start.x));
  expect(await offBorder()).toBeLessThanOrEqual(2);
});
