/**
 * Small hostile links never freeze the tab or fill the screen: a share link whose `on` list
 * repeats one id tens of thousands of times is refused at once, naming the place; a design with
 * thousands of problems lists the first thousand, draws only those in view and says how many
 * more there are; a 3,000-character `?design=` id is quoted short.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from './support/test.ts';
import { canvas } from './support/canvas.ts';
import { forgetLongTasks, longestTask, watchLongTasks } from './support/longTasks.ts';

const ORDER_TEXT = readFileSync(new URL('../public/examples/order-orchestrated.sagaboard.json', import.meta.url), 'utf8');
const order = () => JSON.parse(ORDER_TEXT) as { name: string; nodes: { id: string }[]; edges: { id: string; source: string; target: string; on?: string[] }[] };
const shareLinkOf = (doc: unknown) => `#share=v1.${deflateRawSync(JSON.stringify(doc), { level: 9 }).toString('base64url')}`;
const problem = (page: Page) => page.getByTestId('load-problem');

/**
 * Opens the default example, then (once the page is idle) the link in the same tab, as pasting it
 * in the address bar would; resolves to the longest main-thread task from the link on, in ms.
 */
async function openAfterStart(page: Page, hash: string): Promise<number> {
  await page.goto('/?example=order-orchestrated');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
  await page.waitForTimeout(500);
  await forgetLongTasks(page);
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(problem(page).or(page.getByRole('region', { name: 'Shared design' }))).toBeVisible();
  await page.waitForTimeout(500);
  return longestTask(page);
}

/** The machine is shared: a try is repeated (up to three times) when something else held the main thread meanwhile. */
async function bestOf(tries: number, run: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < tries && best >= LONG_TASK_MS; i++) best = Math.min(best, await run());
  return best;
}
const LONG_TASK_MS = 200;

test('a short share link whose "on" list repeats one id 40,000 times is refused at once, naming the place', async ({ page }, info) => {
  const doc = order();
  const at = doc.edges.findIndex((e) => e.on && e.on.length > 0);
  doc.edges[at]!.on = Array.from({ length: 40_000 }, () => 'ghost');
  const link = shareLinkOf(doc);
  expect(link.length).toBeLessThan(4_000);
  await watchLongTasks(page);
  const longest = await bestOf(3, () => openAfterStart(page, link));
  await expect(problem(page)).toContainText('Could not open the shared link');
  await expect(problem(page)).toContainText(`edges[${at}].on: too many entries (40,000): at most 1,000`);
  await expect(page.getByTestId('design-name')).toHaveText(order().name);
  info.annotations.push({ type: 'timing', description: `link of ${link.length} characters; longest main-thread task ${longest} ms` });
  expect(longest).toBeLessThan(LONG_TASK_MS);
});

test('a design with 1,100 problems lists the first 1,000, draws those in view, and Tab walks through them', async ({ page }, info) => {
  const doc = order();
  // 1,100 connections to nodes that do not exist: 1,100 G001 errors, none of them drawn on the canvas.
  for (let i = 0; i < 1_100; i++) doc.edges.push({ id: `x${i}`, source: 'paymentService', target: `g${i}` });
  const link = shareLinkOf(doc);
  await watchLongTasks(page);
  const longest = await bestOf(3, () => openAfterStart(page, link));
  await expect(page.getByRole('region', { name: 'Shared design' })).toBeVisible();
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
  const drawn = await page.getByTestId('diagnostic').count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(60);
  await expect(page.getByTestId('diagnostics-omitted')).toHaveText('… and 100 more not listed (100 errors). Only the first 1,000 are shown: fix these first.');
  await expect(page.getByTestId('count-error')).toHaveText('1,100 errors');
  info.annotations.push({ type: 'timing', description: `link of ${link.length} characters; ${drawn} diagnostics drawn; longest main-thread task ${longest} ms` });
  expect(longest).toBeLessThan(LONG_TASK_MS);

  // The keyboard reaches diagnostics that were not drawn at first: Tab goes on to the next one.
  const list = page.getByRole('list', { name: 'Diagnostics' });
  await list.getByTestId('diagnostic').first().focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  const focused = page.locator('li:has(> [data-testid="diagnostic"]:focus)');
  await expect(focused).toHaveAttribute('aria-posinset', '41');
  await expect(focused).toHaveAttribute('aria-setsize', '1000');
  await expect(focused.getByTestId('diagnostic')).toBeInViewport();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('li:has(> [data-testid="diagnostic"]:focus)')).toHaveAttribute('aria-posinset', '40');
  expect(await page.getByTestId('diagnostic').count()).toBeLessThan(60);
});

test('a 3,000-character ?design= id is quoted short in the banner, which says what happened', async ({ page }) => {
  const id = `${'x'.repeat(1_500)}\u202E${'y'.repeat(1_499)}`;
  await page.goto(`/?design=${encodeURIComponent(id)}`);
  await expect(problem(page)).toContainText('Could not open the saved design “xxxxxxxxxx');
  await expect(problem(page)).toContainText('This is not the id of a saved design.');
  const text = (await problem(page).textContent())!;
  expect(text.length).toBeLessThan(200);
  expect(text).toContain('…”');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
});
