/**
 * Connections that read whatever the layout, and a design legible at every zoom (issue 14, items
 * 3 and 4): connections leave and enter on the sides of their nodes that face each other (a column
 * placed by hand joins bottom to top), tidy up top to bottom reads downward, the view is framed
 * after a tidy up, its undo, and when simulation starts (clear of the palette, above the dock), and
 * framing never shrinks names below 10 px on screen for a design a few screens big.
 */
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { dragConnection, dropNode } from './support/editing.ts';
import { openFixture } from './support/fixtures.ts';

/** Screenshots go where screenshots.spec.ts puts its own; `SHOTS_DIR=docs/images` remakes the ones checked in. */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a connection's line starts and ends on screen. */
async function lineEnds(connection: Locator): Promise<{ start: { x: number; y: number }; end: { x: number; y: number }; d: string }> {
  return connection.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
    const m = path.getScreenCTM()!;
    const at = (length: number) => {
      const p = path.getPointAtLength(length);
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    };
    return { start: at(0), end: at(path.getTotalLength()), d: path.getAttribute('d') ?? '' };
  });
}

const connection = (page: Page, label: string) => canvas(page).locator(`.react-flow__edge[aria-label="${label}"]`);

async function boxOf(locator: Locator): Promise<Box> {
  const b = (await locator.boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function nodeBoxes(page: Page): Promise<(Box & { id: string })[]> {
  return canvas(page)
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-id')!, ...el.getBoundingClientRect().toJSON() })));
}

async function zoom(page: Page): Promise<number> {
  const style = (await canvas(page).locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)![1]);
}

/** The whole design is in view: every node inside the canvas, none under the palette or the tools. */
async function expectFramed(page: Page): Promise<void> {
  const pane = await boxOf(canvas(page));
  const tools = [await boxOf(page.getByRole('toolbar', { name: 'Add to the design' })), await boxOf(page.getByRole('button', { name: /Tidy up/ }).first())];
  for (const n of await nodeBoxes(page)) {
    expect(n.left >= pane.left && n.right <= pane.right && n.top >= pane.top && n.bottom <= pane.bottom, `${n.id} in view`).toBe(true);
    for (const tool of tools) expect(overlap(n, tool), `${n.id} clear of the tools`).toBe(false);
  }
}

/** Waits for a tidy up to finish and the view to settle after it. */
async function tidied(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: /Tidy up/ }).first()).toHaveText(/Tidy up/, { timeout: 20_000 });
  await waitForViewportToSettle(page);
}

/** A line starting on the source's bottom and ending on the target's top (within `slack` px: an outline drawn outside the box). */
async function expectJoinsBottomToTop(page: Page, label: string, source: string, target: string, slack = 3): Promise<void> {
  const { start, end } = await lineEnds(connection(page, label));
  const from = await boxOf(nodeNamed(page, source));
  const to = await boxOf(nodeNamed(page, target));
  expect(Math.abs(start.y - from.bottom), `${label} leaves ${source} by its bottom`).toBeLessThanOrEqual(slack);
  expect(start.x > from.left && start.x < from.right).toBe(true);
  expect(Math.abs(end.y - to.top), `${label} enters ${target} by its top`).toBeLessThanOrEqual(slack);
  expect(end.x > to.left && end.x < to.right).toBe(true);
}

test('a column placed by hand is joined bottom to top, and replies go back up round its side', async ({ page }) => {
  test.slow();
  await openFixture(page, 'empty');
  const column = 380;
  await dropNode(page, 'actor', 'Customer', { x: column, y: 150 });
  await dropNode(page, 'command', 'PlaceOrder', { x: column, y: 250 });
  await dropNode(page, 'orchestrator', 'OrderService', { x: column, y: 350 });
  await dropNode(page, 'command', 'ProcessPayment', { x: column, y: 450 });
  await dropNode(page, 'service', 'PaymentService', { x: column, y: 550 });
  await dropNode(page, 'event', 'PaymentProcessed', { x: column - 130, y: 680 });
  await dropNode(page, 'failureEvent', 'PaymentFailed', { x: column + 130, y: 680 });
  // Connected by hand as always, from the handle on the right to the one on the left.
  await dragConnection(page, 'Customer', 'PlaceOrder');
  await dragConnection(page, 'PlaceOrder', 'OrderService');
  await dragConnection(page, 'OrderService', 'ProcessPayment');
  await dragConnection(page, 'ProcessPayment', 'PaymentService');
  await dragConnection(page, 'PaymentService', 'PaymentProcessed');
  await dragConnection(page, 'PaymentService', 'PaymentFailed');
  await dragConnection(page, 'PaymentProcessed', 'OrderService');
  await dragConnection(page, 'PaymentFailed', 'OrderService');
  await page.keyboard.press('Escape');

  await expectJoinsBottomToTop(page, 'Customer sends PlaceOrder', 'Customer', 'PlaceOrder');
  // The orchestrator's outline is a ring drawn 5.5 px outside its box.
  await expectJoinsBottomToTop(page, 'PlaceOrder handled by OrderService', 'PlaceOrder', 'OrderService', 6);
  await expectJoinsBottomToTop(page, 'OrderService sends ProcessPayment', 'OrderService', 'ProcessPayment', 6);
  await expectJoinsBottomToTop(page, 'ProcessPayment handled by PaymentService', 'ProcessPayment', 'PaymentService');
  await expectJoinsBottomToTop(page, 'PaymentService publishes PaymentProcessed', 'PaymentService', 'PaymentProcessed');

  // A reply goes back up beside the column, not through it, into the orchestrator's side.
  const orchestrator = await boxOf(nodeNamed(page, 'OrderService'));
  const reply = await lineEnds(connection(page, 'PaymentProcessed subscribed by OrderService'));
  expect(reply.d).toContain('Q');
  expect(reply.end.y > orchestrator.top && reply.end.y < orchestrator.bottom).toBe(true);
  expect(Math.min(Math.abs(reply.end.x - orchestrator.left), Math.abs(reply.end.x - orchestrator.right))).toBeLessThanOrEqual(6);
  const middle = await boxOf(nodeNamed(page, 'ProcessPayment'));
  const path = connection(page, 'PaymentProcessed subscribed by OrderService').locator('path.react-flow__edge-path');
  const throughColumn = await path.evaluate((p: SVGPathElement, box) => {
    const m = p.getScreenCTM()!;
    for (let l = 0; l <= p.getTotalLength(); l += 4) {
      const q = p.getPointAtLength(l);
      const x = q.x * m.a + q.y * m.c + m.e;
      const y = q.x * m.b + q.y * m.d + m.f;
      if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true;
    }
    return false;
  }, middle);
  expect(throughColumn).toBe(false);

  await page.mouse.move(5, 300);
  await page.keyboard.press('f');
  await waitForViewportToSettle(page);
  await expectFramed(page);
  await page.screenshot({ path: `${SHOTS}/hand-placed.png` });
});

test('a connection follows a dragged node round to the sides that now face each other', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  const customer = nodeNamed(page, 'Customer');
  await expect(customer).toBeVisible();
  await waitForViewportToSettle(page);
  const line = connection(page, 'Customer sends CreateOrder');
  const order = await boxOf(nodeNamed(page, 'CreateOrder'));
  // Side by side: from the right of Customer into the left of CreateOrder.
  const before = await lineEnds(line);
  expect(Math.abs(before.end.x - order.left)).toBeLessThanOrEqual(3);
  // Customer dragged under CreateOrder: now it joins CreateOrder from below, into its bottom.
  const from = await boxOf(customer);
  await page.mouse.move(from.left + 20, from.top + 20);
  await page.mouse.down();
  await page.mouse.move(order.left + 20, order.bottom + 180, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => Math.abs((await lineEnds(line)).end.y - (await boxOf(nodeNamed(page, 'CreateOrder'))).bottom)).toBeLessThanOrEqual(3);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.abs((await lineEnds(line)).end.x - (await boxOf(nodeNamed(page, 'CreateOrder'))).left)).toBeLessThanOrEqual(3);
});

test('tidy up top to bottom reads downward and is framed, as is its undo; left to right frames again', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  await waitForViewportToSettle(page);
  await page.keyboard.press('Shift+L');
  await expect.poll(async () => (await boxOf(nodeNamed(page, 'Customer'))).bottom < (await boxOf(nodeNamed(page, 'CreateOrder'))).top, { timeout: 20_000 }).toBe(true);
  await tidied(page);
  await expectFramed(page);
  // Every connection that does not ride a lane round the design runs downward, out of a bottom into a top.
  const lines = canvas(page).locator('.react-flow__edge');
  let downward = 0;
  for (const line of await lines.all()) {
    const { start, end, d } = await lineEnds(line);
    if (d.includes('Q')) continue;
    expect(end.y, `${await line.getAttribute('aria-label')} runs down`).toBeGreaterThan(start.y);
    downward++;
  }
  expect(downward).toBeGreaterThanOrEqual(8);
  await expectJoinsBottomToTop(page, 'Customer sends CreateOrder', 'Customer', 'CreateOrder');

  // Undo puts the design back where it was, and frames it there.
  await canvas(page).locator('.react-flow__pane').click({ position: { x: 8, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await boxOf(nodeNamed(page, 'Customer'))).right < (await boxOf(nodeNamed(page, 'CreateOrder'))).left).toBe(true);
  await waitForViewportToSettle(page);
  await expectFramed(page);
  // Redo, then left to right: framed each time.
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await boxOf(nodeNamed(page, 'Customer'))).bottom < (await boxOf(nodeNamed(page, 'CreateOrder'))).top).toBe(true);
  await waitForViewportToSettle(page);
  await expectFramed(page);
  await page.keyboard.press('l');
  await expect.poll(async () => (await boxOf(nodeNamed(page, 'Customer'))).right < (await boxOf(nodeNamed(page, 'CreateOrder'))).left, { timeout: 20_000 }).toBe(true);
  await tidied(page);
  await expectFramed(page);
});

test('framing keeps names readable: 10 px or more on the 21-node example, its start in view; F shows it whole, and F again readable', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await waitForViewportToSettle(page);
  const fontSize = Number.parseFloat(await canvas(page).locator('.sb-node__name').first().evaluate((el) => getComputedStyle(el).fontSize));
  expect(fontSize * (await zoom(page))).toBeGreaterThanOrEqual(10);
  // From where the flow starts: the trigger is in view, below the palette.
  const pane = await boxOf(canvas(page));
  const customer = await boxOf(nodeNamed(page, 'Customer'));
  expect(customer.left).toBeGreaterThanOrEqual(pane.left);
  expect(overlap(customer, await boxOf(page.getByRole('toolbar', { name: 'Add to the design' })))).toBe(false);
  // Already framed, F shows the whole design (smaller); F again, back to readable.
  await page.keyboard.press('f');
  await waitForViewportToSettle(page);
  expect(await zoom(page)).toBeLessThan(0.72);
  await expectFramed(page);
  await page.keyboard.press('f');
  await waitForViewportToSettle(page);
  expect(fontSize * (await zoom(page))).toBeGreaterThanOrEqual(10);
});

test('both tidy ups of the 21-node example read cleanly (screenshots)', async ({ page }) => {
  test.slow();
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await waitForViewportToSettle(page);
  await page.keyboard.press('l');
  await tidied(page);
  await page.mouse.move(5, 300);
  await page.screenshot({ path: `${SHOTS}/tidy-right.png` });
  await page.keyboard.press('Shift+L');
  await expect.poll(async () => (await boxOf(nodeNamed(page, 'Customer'))).bottom < (await boxOf(nodeNamed(page, 'PlaceOrder'))).top, { timeout: 20_000 }).toBe(true);
  await tidied(page);
  // Replies to the orchestrator come in as one bus per look, each at its own place: no knot of arrowheads.
  const replies = canvas(page).locator('.react-flow__edge[aria-label$="subscribed by OrderService"]');
  const ends = new Set<string>();
  for (const reply of await replies.all()) {
    const { end } = await lineEnds(reply);
    ends.add(`${Math.round(end.x)},${Math.round(end.y)}`);
  }
  expect(ends.size).toBe(2);
  await page.screenshot({ path: `${SHOTS}/tidy-down.png` });
});

test('simulation is framed above the dock, its badges and trace labels readable', async ({ page }) => {
  test.slow();
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const dock = page.getByTestId('simulation-dock');
  await expect(dock).toBeVisible();
  const shipping = nodeNamed(page, 'InitiateShipping');
  await shipping.click();
  await page.getByRole('form', { name: 'Inject a fault on InitiateShipping' }).getByRole('button', { name: 'Inject fault' }).click();
  await page.getByRole('slider', { name: 'Timeline' }).fill('31');
  await waitForViewportToSettle(page);
  const docked = await boxOf(dock);
  for (const n of await nodeBoxes(page)) expect(overlap(n, docked), `${n.id} clear of the dock`).toBe(false);
  const scale = await zoom(page);
  const badge = page.getByTestId('sim-state').first().locator('.sb-sim-ring__label');
  await expect(badge).toBeVisible();
  const badgeFont = Number.parseFloat(await badge.evaluate((el) => getComputedStyle(el).fontSize));
  expect(badgeFont * scale).toBeGreaterThanOrEqual(9);
  const cut = await page.locator('.sb-trace__type').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(cut).toEqual([]);
  await page.mouse.move(5, 300);
  await page.screenshot({ path: `${SHOTS}/simulation-fit.png` });
});
