/** Importing design files (picked or dropped) and sharing a design through a link, like a person would. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test.ts';
import { canvas, nodeNamed } from './support/canvas.ts';

const EXAMPLE = readFileSync(new URL('../public/examples/credit-reservation.sagaboard.json', import.meta.url), 'utf8');

/** Drops a file on the canvas the way the browser does when one is dragged in from the desktop. */
async function dropFile(page: Page, name: string, content: string, type = 'application/json'): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      return dt;
    },
    { name, content, type },
  );
  const target = canvas(page).locator('.react-flow__pane');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a design file dropped on the canvas opens as a new design, the same design', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await dropFile(page, 'credit.sagaboard.json', EXAMPLE);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toContainText('Import “Credit reservation');
  await dialog.getByRole('button', { name: 'Open as a new design' }).click();
  await expect(page.getByTestId('design-name')).toContainText('Credit reservation');
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(JSON.parse(EXAMPLE).nodes.length);
  await expect(page).toHaveURL(/\?design=/);
});

test('an import can replace the design on screen, and Ctrl+Z brings it back', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await page.getByRole('button', { name: 'Designs' }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: 'credit.sagaboard.json', mimeType: 'application/json', buffer: Buffer.from(EXAMPLE) });
  await page.getByTestId('import-dialog').getByRole('button', { name: /Replace/ }).click();
  await expect(nodeNamed(page, 'CustomerService')).toBeVisible();
  await canvas(page).locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  await expect(nodeNamed(page, 'CustomerService')).toHaveCount(0);
});

test('files that are not designs are explained and change nothing', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
  const cases: [string, string, string, RegExp][] = [
    ['photo.png', '\u0089PNG\r\n', 'image/png', /an image, not a design/],
    ['process.bpmn', '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>', 'application/xml', /BPMN/],
    ['empty.json', '', 'application/json', /empty/],
    ['future.sagaboard.json', JSON.stringify({ ...JSON.parse(EXAMPLE), version: 7 }), 'application/json', /newer Sagaboard/],
    ['broken.sagaboard.json', JSON.stringify({ ...JSON.parse(EXAMPLE), nodes: [{ id: 'x', kind: 'service', name: 'S', failureRate: 3 }] }), 'application/json', /failureRate/],
  ];
  for (const [name, content, type, message] of cases) {
    await dropFile(page, name, content, type);
    const alert = page.getByTestId('load-problem');
    await expect(alert).toContainText(`Could not open the file “${name}”`);
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Still showing “Order fulfilment (orchestrated)”');
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  }
  await expect(nodeNamed(page, 'OrderService')).toBeVisible();
});

test('a share link opens as a read-only preview in a fresh browser, and can be copied to edit', async ({ page, browser }) => {
  await page.goto('/?example=checkout-fanout');
  await expect(nodeNamed(page, 'EmailService')).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: /Share link/ }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#share=v1\./);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('region', { name: 'Shared design' })).toContainText('read-only preview');
  await expect(nodeNamed(fresh, 'EmailService')).toBeVisible();
  await expect(canvas(fresh).locator('.sb-palette')).toHaveCount(0);
  await nodeNamed(fresh, 'EmailService').click();
  await fresh.keyboard.press('Delete');
  await expect(nodeNamed(fresh, 'EmailService')).toBeVisible();

  await fresh.getByRole('button', { name: 'Make a copy' }).click();
  await expect(fresh.getByRole('region', { name: 'Shared design' })).toHaveCount(0);
  await expect(fresh).toHaveURL(/\?design=[^#]*$/);
  await expect(canvas(fresh).locator('.sb-palette')).toBeVisible();
  await fresh.context().close();
});

test('a damaged share link says what is wrong and the app still opens', async ({ page }) => {
  await page.goto('/#share=v1.eNqrVkrLz1eyUkpKLFKqBQAdegQ4');
  await expect(page.getByTestId('load-problem')).toContainText('Could not open the shared link');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
});
