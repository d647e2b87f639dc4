/**
 * The Trade-offs panel (spec §6.1) and the conversion (§6.2) as an architect uses them: read the
 * scorecard, click a measure to see why and which nodes, convert to the other style as a new
 * design, and be told why a design cannot be converted.
 */
import { expect, test, type Page } from './support/test.ts';
import { canvas } from './support/canvas.ts';
import { designName } from './support/designs.ts';
import { serveFixtures } from './support/fixtures.ts';
import { storedDesigns } from './support/storage.ts';

const panel = (page: Page) => page.getByTestId('trade-offs');
const measure = (page: Page, key: string) => panel(page).getByTestId(`measure-${key}`);
/** The first measures come from a worker that loads the simulator: allow a loaded machine time. */
const MEASURED = { timeout: 30_000 };
const node = (page: Page, id: string) => canvas(page).locator(`.react-flow__node[data-id="${id}"] .sb-node`);

test('the scorecard reads the orchestrated order process, and a row lights its nodes', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(measure(page, 'coupling').getByTestId('measure-value')).toHaveText('3', MEASURED);
  await expect(measure(page, 'coupling')).toContainText('most dependencies: OrderService');
  await expect(measure(page, 'blastRadius').getByTestId('measure-value')).toHaveText('100%');
  await expect(measure(page, 'latency').getByTestId('measure-value')).toHaveText('154 ms');
  await expect(measure(page, 'testPaths').getByTestId('measure-value')).toHaveText('4');
  await expect(panel(page).getByTestId('advice')).toContainText('Workflow steps');

  await test.step('a row unfolds to its sentence and lights the nodes it points at', async () => {
    await measure(page, 'blastRadius').getByRole('button').click();
    await expect(measure(page, 'blastRadius').getByTestId('measure-message')).toContainText('OrderService is the single point of failure');
    await expect(node(page, 'orderService')).toHaveAttribute('data-lit', 'true');
    await expect(node(page, 'paymentService')).toHaveAttribute('data-lit', 'false');
    await expect(page.getByTestId('highlight-banner')).toContainText('Blast radius: 100%');
  });

  await test.step('another row moves the light; Escape puts it out', async () => {
    await measure(page, 'schemaChange').getByRole('button').click();
    await expect(measure(page, 'blastRadius').getByTestId('measure-message')).toBeHidden();
    await expect(node(page, 'processPayment')).toHaveAttribute('data-lit', 'true');
    await expect(node(page, 'paymentService')).toHaveAttribute('data-lit', 'true');
    await expect(node(page, 'shippingService')).toHaveAttribute('data-lit', 'false');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('highlight-banner')).toBeHidden();
    await expect(node(page, 'orderService')).not.toHaveAttribute('data-lit');
    await expect(measure(page, 'schemaChange').getByTestId('measure-message')).toBeHidden();
  });

  await test.step('the measures follow an edit', async () => {
    await canvas(page).locator('.react-flow__node[data-id="shippingService"]').click();
    await page.keyboard.press('Delete');
    await expect(measure(page, 'testPaths').getByTestId('measure-value')).not.toHaveText('4', MEASURED);
  });
});

test('converting to choreography makes a new, well-formed design and reports what it did', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(measure(page, 'coupling').getByTestId('measure-value')).toHaveText('3', MEASURED);
  await panel(page).getByRole('button', { name: 'Convert to choreography' }).click();

  const report = page.getByTestId('conversion-report');
  // Converted and laid out in the analysis worker.
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report.getByRole('heading', { name: 'Converted to choreography' })).toBeVisible();
  await expect(report).toContainText('“Order fulfilment (orchestrated)” is unchanged');
  await expect(report.getByTestId('conversion-decisions').locator('li').first()).toBeVisible();
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toBeHidden();

  await expect(page.getByTestId('verdict-style')).toHaveText('Choreography');
  await expect(page.getByTestId('verdict-health')).toHaveText('Well-formed: no errors');
  await expect(page).toHaveURL(/\?design=/);
  await expect(designName(page)).not.toHaveText('Order fulfilment (orchestrated)');
  // The conversion is laid out: no two nodes on top of each other.
  const boxes = await canvas(page).locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  // Its measures are the choreography's: nobody depends on 3 others any more.
  await expect(measure(page, 'flowVisibility').getByTestId('measure-value')).not.toHaveText('1', MEASURED);
  const saved = await storedDesigns(page);
  expect(saved.map((d) => (d as { doc: { name: string } }).doc.name)).toContain(await designName(page).textContent());

  await test.step('Back returns to the original, as it was', async () => {
    await page.goBack();
    await expect(designName(page)).toHaveText('Order fulfilment (orchestrated)');
    await expect(page.getByTestId('verdict-style')).toHaveText('Orchestration');
  });
});

test('a design that cannot be converted says why, and nothing is made', async ({ page }) => {
  await serveFixtures(page);
  await page.goto('/?file=/fixtures/empty.sagaboard.json');
  await expect(panel(page)).toBeVisible();
  const before = (await storedDesigns(page)).length;
  await panel(page).getByRole('button', { name: 'Convert to orchestration' }).click();
  await expect(panel(page).getByTestId('convert-refused')).toHaveText(/^Cannot convert: the design is empty/);
  await expect(page.getByTestId('conversion-report')).toBeHidden();
  expect((await storedDesigns(page)).length).toBe(before);
  await expect(measure(page, 'latency').getByTestId('measure-value')).toHaveText('–', MEASURED);
  await measure(page, 'latency').getByRole('button').click();
  await expect(measure(page, 'latency').getByTestId('measure-message')).toContainText('Latency cannot be measured');
});

test('folding the panel stops measuring; unfolding measures again', async ({ page }) => {
  await page.goto('/?example=credit-reservation');
  await expect(measure(page, 'coupling')).toBeVisible(MEASURED);
  await panel(page).getByRole('button', { name: 'Trade-offs' }).click();
  await expect(measure(page, 'coupling')).toBeHidden();
  await panel(page).getByRole('button', { name: 'Trade-offs' }).click();
  await expect(measure(page, 'coupling').getByTestId('measure-value')).toBeVisible();
});

test('after a conversion, Compare puts the original and the conversion side by side', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(measure(page, 'coupling').getByTestId('measure-value')).toHaveText('3', MEASURED);
  await panel(page).getByRole('button', { name: 'Convert to choreography' }).click();
  const report = page.getByTestId('conversion-report');
  await expect(report).toBeVisible({ timeout: 20_000 });
  const converted = await designName(page).textContent();
  await report.getByRole('button', { name: 'Compare with the original' }).click();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Left design' }).locator('option:checked')).toHaveText('Order fulfilment (orchestrated)');
  await expect(page.getByRole('combobox', { name: 'Right design' }).locator('option:checked')).toHaveText(converted!);
  await expect(page.getByTestId('compare-style-left')).toHaveText('Orchestration');
  await expect(page.getByTestId('compare-style-right')).toHaveText('Choreography');
  // The conversion behaves the same when each participant fails (spec §6.2).
  await expect(view.getByTestId('measure-coupling')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(designName(page)).toHaveText(converted!);

  await test.step('"Compare with…" in the panel opens Compare with the design on screen on the left', async () => {
    await panel(page).getByRole('button', { name: 'Compare with…' }).click();
    await expect(page.getByRole('combobox', { name: 'Left design' }).locator('option:checked')).toHaveText(converted!);
    await expect(page.getByTestId('compare-right')).toContainText('Choose a design above');
  });
});
