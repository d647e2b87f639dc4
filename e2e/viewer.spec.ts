/**
 * The first screen as an architect uses it: open a reference design by its link, read the
 * verdict and the problems, see every node (F shows the whole design), switch designs with the picker and the back button.
 */
import { expect, test } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { EXAMPLES } from './support/examples.ts';
import { exampleFile } from './support/fixtures.ts';

for (const example of EXAMPLES) {
  test(`${example.id}: shows the verdict ${example.verdict}, no errors, and every node`, async ({ page }) => {
    const file = exampleFile(example.id);
    await page.goto(`/?example=${example.id}`);

    await expect(page.getByTestId('design-name')).toHaveText(file.name);
    await expect(page.getByTestId('verdict-style')).toHaveText(example.verdict);
    await expect(page.getByTestId('verdict-confidence')).toHaveText(/^\d+% confidence$/);
    await page.getByTestId('verdict-more').locator('summary').click();
    await expect(page.getByTestId('verdict-reasons').getByRole('listitem').first()).toBeVisible();
    await expect(page.getByTestId('verdict-health')).toHaveText('Well-formed: no errors');
    await expect(page.getByTestId('count-error')).toHaveText('0 errors');
    await expect(page.getByTestId('no-problems')).toHaveText('No problems found');
    await expect(page.getByLabel('Example')).toHaveValue(example.id);

    await expect(canvas(page).locator('.react-flow__node')).toHaveCount(file.nodes.length);
    // Framed with names readable, from where the flow starts; F shows every node.
    await expect(nodeNamed(page, example.names[0])).toBeInViewport();
    await waitForViewportToSettle(page);
    await page.keyboard.press('f');
    for (const name of example.names) await expect(nodeNamed(page, name)).toBeInViewport();
  });
}

test('without an example in the address, the orchestrated order process opens', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment (orchestrated)');
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
});

test('the picker switches designs, the address follows, and Back returns', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  await expect(nodeNamed(page, 'RefundPayment')).toBeVisible();

  await page.getByLabel('Example').selectOption({ label: 'Checkout fan-out (choreographed)' });

  await expect(page.getByTestId('verdict-style')).toHaveText('Choreography');
  await expect(page.getByTestId('design-name')).toHaveText('Checkout fan-out (choreographed)');
  await expect(nodeNamed(page, 'AnalyticsService')).toBeInViewport();
  await expect(nodeNamed(page, 'RefundPayment')).toHaveCount(0);
  await expect(page).toHaveURL(/\?example=checkout-fanout$/);

  await page.goBack();
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  await expect(page.getByLabel('Example')).toHaveValue('order-orchestrated');
  await expect(page).toHaveURL(/\?example=order-orchestrated$/);
});

test('kinds are drawn differently: orchestrator, compensation, failure and end events', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService').locator('.sb-node')).toHaveClass(/sb-node--orchestrator/);
  await expect(nodeNamed(page, 'OrderService')).toHaveAttribute('aria-label', 'Orchestrator OrderService');
  await expect(nodeNamed(page, 'RefundPayment').locator('.sb-node')).toHaveClass(/sb-node--compensation/);
  // Its face, drawn in the canvas' face layer, says so; so does its name for screen readers.
  await expect(canvas(page).locator('[data-testid="node-faces"] g[data-node="refundPayment"] .sb-face__caption')).toHaveText('COMPENSATION');
  await expect(nodeNamed(page, 'RefundPayment')).toHaveAttribute('aria-label', /^Compensation command RefundPayment/);
  await expect(nodeNamed(page, 'PaymentFailed').locator('.sb-node')).toHaveClass(/sb-node--failure/);
  await expect(nodeNamed(page, 'OrderCompleted').locator('.sb-node')).toHaveClass(/sb-node--terminal/);
  await expect(nodeNamed(page, 'ProcessPayment').locator('.sb-node')).not.toHaveClass(/sb-node--compensation/);
  // Every connection of the document is drawn.
  await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(32);
});

test('the legend explains the shapes and lines and folds away', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  const toggle = page.getByRole('button', { name: 'Legend' });
  const legend = page.getByLabel('Legend', { exact: true });
  // folded at first, so it never hides part of the design
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.getByText('subscribed by', { exact: true })).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  for (const entry of ['Orchestrator', 'Compensation', 'Failure event', 'End event', 'sends', 'handled by', 'publishes', 'subscribed by', 'compensated by']) {
    await expect(legend.getByText(entry, { exact: true })).toBeVisible();
  }
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.getByText('subscribed by', { exact: true })).toHaveCount(0);
  // Escape folds it too, wherever the focus is.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 600, y: 700 } });
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('the verdict is in view at 1440×900 whatever is selected', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  const inView = async () => {
    const box = (await page.getByTestId('verdict-health').boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 900;
  };
  expect(await inView()).toBe(true);
  for (const id of ['processPayment', 'orderService', 'paymentService']) {
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    await expect(page.getByTestId('inspector')).toBeVisible();
    expect(await inView(), `with ${id} selected`).toBe(true);
  }
});
