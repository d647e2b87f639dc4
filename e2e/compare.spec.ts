/**
 * Compare (spec §6.3) driven like a person: from the Designs menu, the design on screen next to
 * another one, their measures with the better side marked, what each participant's failure ends
 * in, and a Monte Carlo of both in the worker — then back to the design, untouched.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './support/test.ts';
import { nodeNamed } from './support/canvas.ts';
import { renameDesign } from './support/designs.ts';
import { openFixture } from './support/fixtures.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

const picker = (page: Page, side: 'Left' | 'Right') => page.getByRole('combobox', { name: `${side} design` });
const view = (page: Page) => page.getByTestId('compare-view');
const diagram = (page: Page, side: 'left' | 'right') => page.getByTestId(`compare-diagram-${side}`);
const nodeIn = (page: Page, side: 'left' | 'right', name: string) =>
  diagram(page, side).locator('.react-flow__node').filter({ has: page.locator('.sb-node__name', { hasText: new RegExp(`^${name}$`) }) });
const measure = (page: Page, key: string) => page.getByTestId('compare-view').getByTestId(`measure-${key}`);
const cell = (row: Locator, side: 'left' | 'right') => row.locator(`[data-side="${side}"]`);
const monteCarlo = (page: Page, side: 'left' | 'right') => page.getByTestId(`monte-carlo-${side}`);

async function openCompareFromMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await page.getByRole('dialog', { name: 'Designs' }).getByRole('button', { name: /Compare designs/ }).click();
  await expect(view(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Compare', exact: true })).toBeVisible();
}

/** Both designs' Monte Carlo has finished with `runs` sagas each. */
async function expectMonteCarloOf(page: Page, runs: string): Promise<void> {
  for (const side of ['left', 'right'] as const) {
    const mc = monteCarlo(page, side);
    await expect(mc).toContainText(`${runs} sagas`, { timeout: 20_000 });
    await expect(mc).not.toHaveClass(/stale/);
    await expect(mc.getByTestId('share')).toHaveText([/^\d+\.\d%$/, /^\d+\.\d%$/, /^\d+\.\d%$/, /^\d+\.\d%$/]);
    for (const p of ['p50', 'p95', 'p99']) await expect(mc.getByTestId(`figure-${p}`)).toHaveText(new RegExp(`^${p}\\d[\\d,.]* ms`));
    const histogram = mc.getByTestId('latency-histogram');
    await expect(histogram).toBeVisible();
    expect(await histogram.locator('rect').count()).toBeGreaterThan(5);
    for (const p of ['p50', 'p95', 'p99']) await expect(histogram.getByTestId(`marker-${p}`)).toHaveCount(1);
  }
}

test('the two order processes side by side: measures, failures and a Monte Carlo of both', async ({ page }) => {
  test.slow(); // two builds of the comparison in the worker, one of 100,000 sagas
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
  const url = page.url();
  const nodesOnScreen = await page.getByTestId('canvas').locator('.react-flow__node').count();

  await openCompareFromMenu(page);
  // The design on screen is on the left; the right waits for a choice.
  await expect(picker(page, 'Left')).toHaveValue('screen');
  await expect(picker(page, 'Right')).toHaveValue('');
  await expect(page.getByTestId('compare-right')).toContainText('Choose a design above');
  await expect(nodeIn(page, 'left', 'OrderService')).toBeVisible();

  await picker(page, 'Right').selectOption({ label: 'Order fulfilment (choreographed)' });
  await expect(nodeIn(page, 'right', 'OrderCreated')).toBeVisible();
  await expect(diagram(page, 'left').locator('.react-flow__node')).toHaveCount(nodesOnScreen);
  await expect(diagram(page, 'right').locator('.react-flow__node')).toHaveCount(14);
  await expect(page.getByTestId('compare-style-left')).toHaveText('Orchestration');
  await expect(page.getByTestId('compare-style-right')).toHaveText('Choreography');

  // Measures: coupling 3 against 2, the right side marked better, and the verdict in the articles' words.
  const coupling = measure(page, 'coupling');
  await expect(coupling).toHaveAttribute('data-better', 'right', { timeout: 15_000 });
  await expect(cell(coupling, 'left').getByTestId('value')).toHaveText('3');
  await expect(cell(coupling, 'right').getByTestId('value')).toHaveText('2');
  await expect(cell(coupling, 'right')).toContainText('Better');
  await expect(cell(coupling, 'left')).not.toContainText('Better');
  await expect(coupling.getByTestId('verdict')).toHaveText('The choreography couples less: PaymentService depends on 2 others, OrderService on 3.');
  // The orchestration wins on visibility; blast radius is even.
  await expect(measure(page, 'flowVisibility')).toHaveAttribute('data-better', 'left');
  await expect(measure(page, 'flowVisibility').getByTestId('verdict')).toContainText('keeps the whole flow in one place (OrderService)');
  await expect(measure(page, 'blastRadius')).toHaveAttribute('data-better', 'same');
  await expect(cell(measure(page, 'blastRadius'), 'left')).toContainText('Same');
  await expect(cell(measure(page, 'latency'), 'right').getByTestId('value')).toHaveText('108 ms');
  await expect(page.getByTestId('compare-score')).toHaveText('Left better on 3, right on 5, even on 2.');

  // When a participant fails: the orchestration compensates a shipping failure, the choreography is left inconsistent.
  const shipping = page.getByTestId('failure-ShippingService');
  await expect(cell(shipping, 'left').getByTestId('outcome')).toHaveText('compensated');
  await expect(cell(shipping, 'right').getByTestId('outcome')).toHaveText('inconsistent');
  await expect(shipping).toHaveAttribute('data-better', 'left');
  await expect(cell(page.getByTestId('failure-OrderService'), 'left')).toHaveText('cannot fail (orchestrator)');

  // The Monte Carlo ran by itself: 1,000 sagas of each, on the same seeds.
  await expectMonteCarloOf(page, '1,000');
  await expect(page.getByTestId('compare-monte-carlo')).toContainText('The same seed for both (seeds 1–1,000), each design’s own failure rates');

  await page.screenshot({ path: `${SHOTS}/compare.png` });

  // A long run shows its progress and can be cancelled: the last result stays.
  const sagas = page.getByRole('textbox', { name: 'Sagas' });
  await sagas.fill('100000');
  await page.getByRole('button', { name: 'Run' }).click();
  const progress = page.getByRole('progressbar', { name: 'Sagas simulated' });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expectMonteCarloOf(page, '1,000');

  // 500 sagas, run again.
  await sagas.fill('500');
  await page.getByRole('button', { name: 'Run' }).click();
  await expectMonteCarloOf(page, '500');
  await expect(page.getByTestId('compare-monte-carlo')).toContainText('(seeds 1–500)');

  // A wrong number is refused with a reason.
  await sagas.fill('0');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sagas: a whole number from 1 to 100,000.');

  // Escape goes back to the design, as it was.
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('design-name')).toHaveText('Order fulfilment (orchestrated)');
  await expect(page.getByTestId('canvas').locator('.react-flow__node')).toHaveCount(nodesOnScreen);
  await expect(page.getByRole('button', { name: 'Designs', exact: true })).toBeFocused();
});

test('a design compared with itself is even on every row', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
  await openCompareFromMenu(page);
  await picker(page, 'Right').selectOption('screen');
  await expect(nodeIn(page, 'right', 'OrderService')).toBeVisible();

  const rows = page.getByTestId('compare-measures').locator('tbody tr');
  await expect(rows).toHaveCount(10, { timeout: 15_000 });
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-better', 'same');
    await expect(cell(row, 'left')).toContainText('Same');
    await expect(cell(row, 'right')).toContainText('Same');
  }
  await expect(page.getByTestId('compare-score')).toHaveText('Left better on 0, right on 0, even on 10.');
  await expect(measure(page, 'latency').getByTestId('verdict')).toHaveText('Both take 154 ms on the happy path.');
  await expectMonteCarloOf(page, '1,000');
  // Same seeds, same design: the same sagas.
  await expect(monteCarlo(page, 'left').getByTestId('share')).toHaveText(await monteCarlo(page, 'right').getByTestId('share').allTextContents());

  await page.getByRole('button', { name: 'Back to the design' }).click();
  await expect(view(page)).toBeHidden();
});

test('a design that cannot be simulated still shows its structure, and says why the rest is missing', async ({ page }) => {
  await openFixture(page, 'no-trigger');
  await expect(nodeNamed(page, 'ShippingService')).toBeVisible();
  await openCompareFromMenu(page);
  await picker(page, 'Right').selectOption({ label: 'Order fulfilment (choreographed)' });

  const coupling = measure(page, 'coupling');
  await expect(cell(coupling, 'left').getByTestId('value')).toHaveText('1', { timeout: 15_000 });
  await expect(coupling).toHaveAttribute('data-better', 'left');
  const latency = measure(page, 'latency');
  await expect(cell(latency, 'left').getByTestId('value')).toHaveText('–');
  await expect(cell(latency, 'left')).toContainText('not measured');
  await expect(latency).toHaveAttribute('data-better', 'none');
  await expect(latency.getByTestId('verdict')).toContainText('Latency is not measured in “No trigger (test fixture)”, so no side wins: the design cannot be simulated: nothing starts the process');
  await expect(monteCarlo(page, 'left')).toContainText('Not simulated: the design cannot be simulated: nothing starts the process');
  await expect(monteCarlo(page, 'right').getByTestId('latency-histogram')).toBeVisible();
  await expect(cell(page.getByTestId('failure-ShippingService'), 'left')).toHaveText('not simulated');
});

test('any design saved in this browser can be compared, not only the one on screen', async ({ page }) => {
  // given a choreography saved under a name of its own
  await page.goto('/?example=order-choreographed');
  await expect(nodeNamed(page, 'OrderCreated')).toBeVisible();
  await renameDesign(page, 'Our choreography');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  // when the orchestration is on screen and the saved design is picked on the right
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
  await openCompareFromMenu(page);
  await expect(picker(page, 'Right').locator('optgroup[label="Saved in this browser"] option')).toHaveText(['Our choreography']);
  await picker(page, 'Right').selectOption({ label: 'Our choreography' });

  // then it is drawn and measured like any other
  await expect(nodeIn(page, 'right', 'OrderCreated')).toBeVisible();
  await expect(measure(page, 'coupling')).toHaveAttribute('data-better', 'right', { timeout: 15_000 });
  await expect(page.getByTestId('compare-measures').locator('thead')).toContainText('Our choreography');
});

test('the Compare view passes an axe scan (WCAG 2.1 A and AA): no serious or critical violation', async ({ page }) => {
  test.slow(); // axe reads every element of both diagrams
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
  await openCompareFromMenu(page);
  await picker(page, 'Right').selectOption({ label: 'Credit reservation (choreographed)' });
  await expectMonteCarloOf(page, '1,000');
  await page.waitForTimeout(300); // the diagrams' fit and the stale fade end
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="compare-view"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => ({ rule: v.id, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`) }))).toEqual([]);
});
