/**
 * The fault form says what will happen: each kind of fault asks only its own questions, in words;
 * a preview says what the fault will do; a transient fault on a command without a retry policy is
 * flagged as a business failure and fixed in one click (an undoable edit of the design); retry
 * policies and timeouts show on the canvas as badges on their commands.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

async function simulateAndSelect(page: Page, name: string): Promise<Locator> {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, name)).toBeVisible();
  await waitForViewportToSettle(page);
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
  await nodeNamed(page, name).click();
  return page.getByRole('form', { name: `Inject a fault on ${name}` });
}

/** The questions the form asks, as a person reads them (without the units said to screen readers). */
const questions = (form: Locator) => form.getByTestId('fault-fields').locator('.sb-field__label').evaluateAll((labels) => labels.map((l) => l.firstChild?.textContent ?? ''));

/** No serious or critical accessibility problem in the fault form and on the command's badges (WCAG 2.1 AA). */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="fault-editor"]')
    .include('.react-flow__node-command')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Attribute names of the format that must never reach the form's text. */
const RAW_NAMES = /delayMs|timeoutMs|maxAttempts|businessFailure|probability|initialIntervalMs/;

test('each kind of fault asks only what it uses, in words, and says what it will do', async ({ page }) => {
  const form = await simulateAndSelect(page, 'ProcessPayment');
  const preview = form.getByTestId('fault-preview');
  const kinds: [string, string, string[], RegExp][] = [
    ['businessFailure', 'Business failure', ['How many times', 'Chance'], /^What will happenPaymentService fails ProcessPayment every time\. A business failure is not retried/],
    ['transient', 'Transient failure', ['Failed attempts', 'Chance'], /ProcessPayment has no retry policy/],
    ['crash', 'Service crash', ['Restarts after', 'How many crashes', 'Chance'], /PaymentService crashes when ProcessPayment arrives and never restarts/],
    ['duplicate', 'Delivered twice', ['How many messages', 'Chance'], /ProcessPayment is delivered twice to PaymentService: PaymentService is idempotent and ignores the copy\./],
    ['delay', 'Arrives late', ['How much later', 'How many messages', 'Chance'], /^Say how much later to see what will happen\.$/],
  ];
  for (const [kind, label, asked, said] of kinds) {
    await form.getByLabel('Fault').selectOption(kind);
    await expect(form.getByLabel('Fault').locator('option:checked')).toHaveText(label);
    expect(await questions(form)).toEqual(asked);
    await expect(preview).toHaveText(said);
    await expect(form).not.toContainText(RAW_NAMES);
  }
  // The delay, once said, is previewed against the command's timeout.
  await form.getByLabel('How much later').fill('8000');
  await expect(preview).toContainText('ProcessPayment reaches PaymentService 8 s later than usual. That is longer than its 5 s timeout');
  // A question keeps its answer from one kind to another; a refused answer names the question.
  await form.getByLabel('Chance').fill('150');
  await expect(form.getByRole('alert')).toHaveText('Chance: a percentage from 0 to 100, not 150.');
  await expect(preview).toHaveCount(0);
  await form.getByLabel('Fault').selectOption('duplicate');
  await expect(form.getByLabel('Chance')).toHaveValue('150');
  await form.getByLabel('Chance').fill('25%');
  await expect(preview).toContainText('is delivered twice to PaymentService 25% of the time');
  await form.getByRole('button', { name: 'Inject fault' }).click();
  await expect(nodeNamed(page, 'ProcessPayment').getByTestId('fault-badge')).toHaveText(/delivered twice 25%/);
  // The injected fault says what it does too.
  await expect(page.getByRole('list', { name: 'Injected faults' })).toContainText('ProcessPayment is delivered twice to PaymentService 25% of the time');
  await expect(page.getByTestId('fault-editor')).not.toContainText(RAW_NAMES);
});

test('the orchestrator and the actor are offered only what does something there', async ({ page }) => {
  await simulateAndSelect(page, 'OrderService');
  const form = page.getByRole('form', { name: 'Inject a fault on OrderService' });
  await expect(form.getByLabel('Fault').locator('option')).toHaveText(['Delivered twice', 'Arrives late']);
  await nodeNamed(page, 'Customer').click();
  await expect(page.getByTestId('no-faults-here')).toHaveText(/^An actor only starts the process: select the command it sends/);
  await expect(page.getByRole('form', { name: /Inject a fault/ })).toHaveCount(0);
});

test('a transient fault on a command without a retry policy: the warning, the one-click fix, its badge, and undo after leaving', async ({ page }) => {
  const form = await simulateAndSelect(page, 'ProcessPayment');
  const payment = nodeNamed(page, 'ProcessPayment');
  await expect(payment.getByTestId('retry-badge')).toHaveCount(0);
  // Timeouts show already: ProcessPayment waits 5 s for its reply; the compensations are retried without limit.
  await expect(payment.getByTestId('timeout-badge')).toHaveText('5 s');
  await expect(nodeNamed(page, 'RefundPayment').getByTestId('retry-badge')).toHaveText('∞');

  await form.getByLabel('Fault').selectOption('transient');
  await form.getByLabel('Failed attempts').fill('2');
  await expect(form.getByTestId('retry-warning')).toHaveText('Acts as a business failure');
  await expect(form.getByTestId('fault-preview')).toContainText(
    'PaymentService fails ProcessPayment twice. ProcessPayment has no retry policy, so the first failure counts as a business failure: PaymentService publishes PaymentFailed and the saga compensates.',
  );

  await expectAccessible(page);

  await form.getByRole('button', { name: 'Add a retry policy (3 attempts)' }).click();
  await expect(form.getByTestId('retry-warning')).toHaveCount(0);
  await expect(form.getByTestId('fault-preview')).toHaveText('What will happenPaymentService fails ProcessPayment twice, then succeeds: the retry policy (3 attempts) absorbs it.');
  await expect(page.getByTestId('revision-note')).toContainText('ProcessPayment now has a retry policy (3 attempts).');
  const badge = payment.getByTestId('retry-badge');
  await expect(badge).toHaveText('3');
  await expect(badge).toHaveAttribute('title', /^Retried, up to 3 attempts in all, waiting 100\sms before the second attempt/);
  await expect(payment).toHaveAttribute('aria-label', /^Command ProcessPayment, retried up to 3 attempts, 5\ss timeout$/);
  await expectAccessible(page);

  // The run uses it: two transient failures, absorbed.
  await form.getByRole('button', { name: 'Inject fault' }).click();
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
  await expect(page.getByTestId('sim-outcome')).toHaveAttribute('data-outcome', 'completed');

  // Undo in simulation mode: the design and the run as they were.
  await page.getByTestId('revision-note').getByRole('button', { name: 'Undo' }).click();
  await expect(badge).toHaveCount(0);
  await expect(page.getByTestId('sim-outcome')).not.toHaveAttribute('data-outcome', 'completed');
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
  await expect(page.getByTestId('sim-outcome')).toHaveAttribute('data-outcome', 'compensated');

  // Again, then leave: the policy is part of the design, one undo step of the editor.
  await form.getByRole('button', { name: 'Add a retry policy (3 attempts)' }).click();
  await expect(badge).toHaveText('3');
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await expect(page.getByTestId('simulation-dock')).toHaveCount(0);
  await expect(badge).toHaveText('3');
  await canvas(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(badge).toHaveCount(0);
  await expect(payment.getByTestId('timeout-badge')).toHaveText('5 s');
  await page.keyboard.press('Control+Shift+z');
  await expect(badge).toHaveText('3');
});

test('the badges are hidden far out, like the other small text', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  const badge = nodeNamed(page, 'RefundPayment').getByTestId('retry-badge');
  await expect(badge).toBeVisible();
  await waitForViewportToSettle(page);
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: /zoom out/i }).click();
  await expect(canvas(page)).toHaveClass(/sb-canvas--far/);
  await expect(badge).toBeHidden();
});

test('screenshots: the fault form warning of a transient fault, and a command with its retry badge', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const form = await simulateAndSelect(page, 'ProcessPayment');
  await form.getByLabel('Fault').selectOption('transient');
  await form.getByLabel('Failed attempts').fill('2');
  await expect(form.getByTestId('retry-warning')).toBeVisible();
  await form.getByTestId('retry-warning').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/fault-form.png` });

  await form.getByRole('button', { name: 'Add a retry policy (3 attempts)' }).click();
  await page.getByRole('button', { name: 'Back to editing' }).click();
  const payment = nodeNamed(page, 'ProcessPayment');
  await expect(payment.getByTestId('retry-badge')).toHaveText('3');
  // Closer, around the payment step: the badges read as they do at normal zoom.
  const box = (await payment.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -320);
  await waitForViewportToSettle(page);
  await payment.click();
  await expect(page.getByTestId('retry-policy')).toBeVisible();
  await page.mouse.move(5, 880);
  await page.screenshot({ path: `${SHOTS}/retry-badge.png` });
});
