/**
 * axe-core scans of every main screen (WCAG 2.0/2.1 A and AA): no serious or critical violation
 * anywhere. One test walks through the screens in turn and prints a table of the violations found
 * per screen, by impact, so a regression shows at a glance which screen and which rule.
 * Nothing is excluded from the scans, React Flow's own elements included.
 *
 * `AXE_DUMP=/tmp/axe.txt` also writes every violation and every "needs review" result (colours axe
 * cannot judge, e.g. text on a node drawn over the canvas) to that file, one line per element.
 */
import { appendFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from './support/test.ts';
import { nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { openFixture } from './support/fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];

interface ScreenResult {
  screen: string;
  counts: Record<Impact, number>;
  /** rule id (impact): how many elements */
  rules: string[];
}

async function scan(page: Page, screen: string, results: ScreenResult[], info: TestInfo): Promise<void> {
  // Let animations (fit view, panels sliding in) finish, so colours are read as they end up.
  await page.waitForTimeout(300);
  const { violations, incomplete } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[(v.impact ?? 'minor') as Impact] += v.nodes.length;
  results.push({ screen, counts, rules: violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}`) });
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await info.attach(`axe: ${screen}`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
  if (process.env.AXE_DUMP) {
    const lines = violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
    const review = incomplete.flatMap((v) => v.nodes.map((n) => `review: ${v.id} ${n.target.join(' ')}: ${(n.any[0]?.message ?? n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
    appendFileSync(process.env.AXE_DUMP, `## ${screen}\n${[...lines, ...review].join('\n')}\n`);
  }
  expect
    .soft(
      severe.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`) })),
      `serious or critical violations on “${screen}”`,
    )
    .toEqual([]);
}

function printTable(results: ScreenResult[]): string {
  const head = ['screen', ...IMPACTS];
  const rows = results.map((r) => [r.screen, ...IMPACTS.map((i) => String(r.counts[i]))]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  const table = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  const details = results.filter((r) => r.rules.length > 0).map((r) => `  ${r.screen}: ${r.rules.join(', ')}`);
  return [...table, ...(details.length ? ['', 'rules (elements affected):', ...details] : [])].join('\n');
}

async function openExample(page: Page, id: string, node: string): Promise<void> {
  await page.goto(`/?example=${id}`);
  await expect(nodeNamed(page, node)).toBeVisible();
  await waitForViewportToSettle(page);
}

test('axe-core finds no serious or critical violation on any main screen', async ({ page }, info) => {
  test.setTimeout(240_000);
  const results: ScreenResult[] = [];

  await test.step('viewer', async () => {
    await openExample(page, 'order-orchestrated', 'OrderService');
    await scan(page, 'viewer: an example', results, info);
  });

  await test.step('editor with a node selected', async () => {
    await nodeNamed(page, 'ProcessPayment').click();
    await expect(page.getByTestId('inspector').getByRole('textbox', { name: 'Name' })).toHaveValue('ProcessPayment');
    await scan(page, 'editor: node selected, inspector', results, info);
  });

  await test.step('shortcut sheet', async () => {
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await scan(page, 'shortcut sheet', results, info);
    await page.keyboard.press('Escape');
  });

  await test.step('connect picker', async () => {
    await nodeNamed(page, 'OrderService').click();
    await page.keyboard.press('c');
    const picker = page.getByRole('dialog', { name: 'Connect OrderService to…' });
    await expect(picker).toBeVisible();
    await page.keyboard.type('pay');
    await page.keyboard.press('ArrowDown');
    await scan(page, 'connect picker (C)', results, info);
    await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
  });

  await test.step('export menu', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
    await scan(page, 'export menu', results, info);
    await page.keyboard.press('Escape');
  });

  await test.step('design list', async () => {
    await page.getByRole('button', { name: 'Designs', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Designs' })).toBeVisible();
    await scan(page, 'design list (Designs menu)', results, info);
  });

  await test.step('import dialog', async () => {
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'credit.sagaboard.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await (await page.request.get('/examples/credit-reservation.sagaboard.json')).text()),
    });
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    await scan(page, 'import dialog', results, info);
    await page.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('empty design', async () => {
    await openFixture(page, 'empty');
    await expect(page.getByTestId('empty-canvas')).toBeVisible();
    await scan(page, 'editor: empty design', results, info);
  });

  await test.step('diagnostics with problems', async () => {
    await openFixture(page, 'broken-connections');
    await expect(page.getByTestId('diagnostic').first()).toBeVisible();
    await waitForViewportToSettle(page);
    await page.getByTestId('diagnostic').first().click();
    await scan(page, 'diagnostics with problems', results, info);
  });

  await test.step('simulation mid-run', async () => {
    await openExample(page, 'order-orchestrated', 'InitiateShipping');
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await expect(page.getByTestId('simulation-dock')).toBeVisible();
    await nodeNamed(page, 'InitiateShipping').click();
    await page.getByRole('form', { name: 'Inject a fault on InitiateShipping' }).getByRole('button', { name: 'Inject fault' }).click();
    await waitForViewportToSettle(page);
    await page.getByRole('slider', { name: 'Timeline' }).fill('31');
    await expect(page.getByTestId('sim-state').first()).toBeVisible();
    await scan(page, 'simulation: mid-run, trace', results, info);
  });

  await test.step('simulation finished', async () => {
    await page.getByRole('slider', { name: 'Timeline' }).press('End');
    await expect(page.getByTestId('sim-outcome')).toHaveAttribute('data-outcome', 'compensated');
    await page.getByRole('tab', { name: 'Sequence diagram' }).click();
    await expect(page.getByTestId('sequence-diagram')).toBeVisible();
    const save = page.getByRole('form', { name: 'Save as a scenario' });
    await save.getByLabel('Name').fill('Shipping fails');
    await save.getByRole('button', { name: 'Save as scenario' }).click();
    await expect(page.getByTestId('scenario')).toBeVisible();
    const monteCarlo = page.getByTestId('monte-carlo');
    await monteCarlo.getByLabel('Sagas').fill('500');
    await monteCarlo.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByTestId('monte-carlo-result')).toBeVisible({ timeout: 20_000 });
    await scan(page, 'simulation: finished, sequence, Monte Carlo', results, info);
    await page.getByRole('button', { name: /Back to editing/ }).click();
  });

  await test.step('shared-link preview', async () => {
    await openExample(page, 'checkout-fanout', 'EmailService');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('button', { name: /Share link/ }).click();
    const link = await page.getByTestId('share-link').inputValue();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByRole('region', { name: 'Shared design' })).toBeVisible();
    await expect(nodeNamed(page, 'EmailService')).toBeVisible();
    await waitForViewportToSettle(page);
    await scan(page, 'shared-link preview', results, info);
  });

  const table = printTable(results);
  console.log(`\naxe-core violations per screen (elements affected, by impact; tags ${TAGS.join(', ')}):\n${table}\n`);
  await info.attach('axe table', { body: table, contentType: 'text/plain' });
  expect(results.map((r) => r.screen)).toHaveLength(12);
});
