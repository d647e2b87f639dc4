/** Problems: counted, explained with a fix, marked on their nodes, and shown on the canvas when clicked. */
import { expect, test } from './support/test.ts';
import { canvas, distanceFromCanvasCentre, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { openFixture } from './support/fixtures.ts';

test('a warning is counted, explained, badged on its node, and clicking it selects and centres the node', async ({ page }) => {
  await openFixture(page, 'non-idempotent-payment');

  await expect(page.getByTestId('verdict-style')).toHaveText('Choreography');
  await expect(page.getByTestId('count-error')).toHaveText('0 errors');
  await expect(page.getByTestId('count-warning')).toHaveText('1 warning');
  await expect(page.getByTestId('no-problems')).toHaveCount(0);

  const diagnostic = page.getByTestId('diagnostic');
  await expect(diagnostic).toHaveCount(1);
  await expect(diagnostic).toContainText('Warning');
  await expect(diagnostic).toContainText('M001');
  await expect(diagnostic).toContainText('PaymentService is not idempotent');
  await expect(diagnostic).toContainText('Make PaymentService idempotent');

  const payment = nodeNamed(page, 'PaymentService');
  await expect(payment.getByTestId('problem-badge')).toHaveText('1');
  await expect(payment.getByTestId('problem-badge')).toHaveAttribute('aria-label', '1 warning');
  await expect(nodeNamed(page, 'OrderService').getByTestId('problem-badge')).toHaveCount(0);

  // The whole design is framed first: PaymentService sits near the right end, far from the centre.
  await waitForViewportToSettle(page);
  expect(await distanceFromCanvasCentre(page, payment)).toBeGreaterThan(150);
  await expect(payment).not.toHaveClass(/selected/);

  await diagnostic.click();

  await expect(payment).toHaveClass(/selected/);
  await expect(nodeNamed(page, 'OrderService')).not.toHaveClass(/selected/);
  await expect(diagnostic).toHaveAttribute('aria-pressed', 'true');
  await waitForViewportToSettle(page);
  expect(await distanceFromCanvasCentre(page, payment)).toBeLessThan(40);

  // Clicking the empty canvas clears the selection, and the diagnostic is no longer shown as active.
  const pane = (await canvas(page).boundingBox())!;
  await page.mouse.click(pane.x + pane.width / 2, pane.y + pane.height - 40);
  await expect(payment).not.toHaveClass(/selected/);
  await expect(diagnostic).toHaveAttribute('aria-pressed', 'false');
});

test('errors come first with red badges; a forbidden connection is drawn and labelled', async ({ page }) => {
  await openFixture(page, 'broken-connections');

  await expect(page.getByTestId('count-error')).toHaveText('3 errors');
  // OrderPlaced's only connection is the forbidden one, so nobody consumes it (G007)
  await expect(page.getByTestId('count-warning')).toHaveText('2 warnings');
  await expect(page.getByTestId('count-info')).toHaveText('1 info');
  await expect(page.getByTestId('verdict-health')).toHaveText('Not well-formed yet: 3 errors to fix');
  const rules = await page.getByTestId('diagnostic').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule')));
  expect(rules).toEqual(['G002', 'G012', 'O001', 'G006', 'G007', 'O013']);

  const badge = nodeNamed(page, 'OrderShipped').getByTestId('problem-badge');
  await expect(badge).toHaveText('2');
  await expect(badge).toHaveClass(/sb-badge--error/);
  await expect(badge).toHaveAttribute('aria-label', '1 error, 1 warning');
  await expect(canvas(page).getByText('not allowed')).toBeVisible();

  // A diagnostic about a connection selects the connection and both its ends.
  await page.getByTestId('diagnostic').filter({ hasText: 'G002' }).click();
  await expect(nodeNamed(page, 'OrderPlaced')).toHaveClass(/selected/);
  await expect(nodeNamed(page, 'OrderShipped')).toHaveClass(/selected/);
  await expect(canvas(page).getByTestId('rf__edge-e4')).toHaveClass(/selected/);
});

test('the coordinator named in the verdict can be found on the canvas', async ({ page }) => {
  await page.goto('/?example=create-order-saga');
  // The verdict says why it is an orchestration, folded beneath it, the coordinator first.
  await page.getByTestId('verdict-more').locator('summary').click();
  await page.getByTestId('verdict-more').getByRole('button', { name: 'CreateOrderSaga' }).click();
  await expect(nodeNamed(page, 'CreateOrderSaga')).toHaveClass(/selected/);
  await waitForViewportToSettle(page);
  expect(await distanceFromCanvasCentre(page, nodeNamed(page, 'CreateOrderSaga'))).toBeLessThan(40);
});
