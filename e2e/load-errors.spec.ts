/** A design that cannot be opened says why, and never replaces the design on screen. */
import { expect, test } from './support/test.ts';
import { nodeNamed } from './support/canvas.ts';
import { fixtureText, openFixture, serveFixtures } from './support/fixtures.ts';

test('a broken example file shows a clear message and keeps the current design', async ({ page }) => {
  await page.route((url) => url.pathname === '/examples/checkout-fanout.sagaboard.json', (route) =>
    route.fulfill({ body: fixtureText('not-json'), contentType: 'application/json' }),
  );
  await page.goto('/?example=order-orchestrated');
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');

  await page.getByLabel('Example').selectOption('checkout-fanout');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not open the example “Checkout fan-out (choreographed)”.');
  await expect(alert).toContainText('Not JSON');
  await expect(alert).toContainText('Still showing “Order fulfilment (orchestrated)”.');
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment (orchestrated)');
  await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await expect(page.getByLabel('Example')).toHaveValue('order-orchestrated');
  await expect(page).toHaveURL(/\?example=order-orchestrated$/);

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A good design opened afterwards replaces the current one as usual.
  await page.getByLabel('Example').selectOption('credit-reservation');
  await expect(page.getByTestId('verdict-style')).toHaveText('Choreography');
});

test('an unknown example in the address says so and opens the default design', async ({ page }) => {
  await page.goto('/?example=no-such-design');
  await expect(page.getByRole('alert')).toContainText('Could not open the example “no-such-design”. There is no example with this name.');
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment (orchestrated)');
  await expect(page).toHaveURL(/\?example=order-orchestrated$/);
});

test('a design from a newer Sagaboard is refused with the reason, and nothing is shown', async ({ page }) => {
  await openFixture(page, 'from-the-future');
  await expect(page.getByRole('alert')).toContainText('Made by a newer Sagaboard: this design is version 99');
  await expect(page.getByRole('status').filter({ hasText: 'No design open' })).toHaveText('No design open. Pick an example above.');
  await expect(page.getByTestId('verdict-style')).toHaveCount(0);

  await page.getByLabel('Example').selectOption('order-choreographed');
  await expect(page.getByTestId('verdict-style')).toHaveText('Choreography');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a file that is not there is reported as such, not as bad JSON', async ({ page }) => {
  await serveFixtures(page);
  await page.goto('/?file=/fixtures/missing.sagaboard.json');
  await expect(page.getByRole('alert')).toContainText('The server answered 404');
});

test('a design file from another site is not fetched', async ({ page }) => {
  let fetched = false;
  await page.route('https://elsewhere.example/**', (route) => {
    fetched = true;
    return route.abort();
  });
  await page.goto('/?file=https://elsewhere.example/design.sagaboard.json');
  await expect(page.getByRole('alert')).toContainText('Sagaboard opens design files from this site only');
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment (orchestrated)');
  expect(fetched).toBe(false);
});
