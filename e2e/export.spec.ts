/** Exports from the Export menu, checked by what the downloaded files hold. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test.ts';
import { canvas, nodeNamed } from './support/canvas.ts';

async function exportAs(page: Page, label: string | RegExp): Promise<{ name: string; body: Buffer }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

/** Width and height from a PNG's header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test.beforeEach(async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await expect(nodeNamed(page, 'InitiateShipping')).toBeVisible();
});

test('PNG: twice the size of the drawing, with the design in it', async ({ page }) => {
  const { name, body } = await exportAs(page, /^PNG image Twice/);
  if (process.env.SHOTS_DIR) writeFileSync(`${process.env.SHOTS_DIR}/export.png`, body);
  expect(name).toBe('order-fulfilment-orchestrated.png');
  expect(body.subarray(1, 4).toString()).toBe('PNG');
  const { width, height } = pngSize(body);
  // The drawing is about 1,500 × 500 flow pixels: the PNG is twice that, plus padding.
  expect(width).toBeGreaterThan(2000);
  expect(height).toBeGreaterThan(600);
  expect(width).toBeLessThan(8000);
});

test('SVG: a self-contained picture with every node name in it, that a browser opens', async ({ page, browser }) => {
  const { name, body } = await exportAs(page, /^SVG image/);
  expect(name).toBe('order-fulfilment-orchestrated.svg');
  const svg = body.toString();
  for (const n of ['Customer', 'OrderService', 'InitiateShipping', 'RestoreInventory', 'OrderCancelled']) expect(svg).toContain(`>${n}<`);
  expect(svg).not.toMatch(/<script|onload=|href="http/i);
  const viewer = await browser.newPage();
  await viewer.setContent(svg);
  const box = await viewer.locator('svg').boundingBox();
  expect(box!.width).toBeGreaterThan(500);
  await viewer.close();
});

test('JSON: dropping the exported file back opens the same design', async ({ page }) => {
  const { name, body } = await exportAs(page, /^JSON design file/);
  expect(name).toBe('order-fulfilment-orchestrated.sagaboard.json');
  const exported = JSON.parse(body.toString());
  // The example is a version 1 file; Sagaboard writes version 2, with its notes and groups (none).
  const example = JSON.parse(readFileSync(new URL('../public/examples/order-orchestrated.sagaboard.json', import.meta.url), 'utf8'));
  expect(exported).toEqual({ ...example, version: 2, notes: [], groups: [] });
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'order.sagaboard.json', { type: 'application/json' }));
    return dt;
  }, body.toString());
  const pane = canvas(page).locator('.react-flow__pane');
  await pane.dispatchEvent('dragover', { dataTransfer: transfer });
  await pane.dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Open as a new design' }).click();
  await expect(page).toHaveURL(/\?design=/);
  await expect(page.getByTestId('design-name')).toHaveText(/Order fulfilment \(orchestrated\)/);
  await expect(page.locator('.react-flow__node')).toHaveCount(exported.nodes.length);
});

test('Mermaid and AsyncAPI: text files named after the design', async ({ page }) => {
  const mermaid = await exportAs(page, /^Mermaid flowchart/);
  expect(mermaid.name).toBe('order-fulfilment-orchestrated.mmd');
  expect(mermaid.body.toString()).toMatch(/flowchart LR/);
  const asyncapi = await exportAs(page, /^AsyncAPI 3\.0/);
  expect(asyncapi.body.toString()).toMatch(/asyncapi: 3\.0\.0/);
  expect(asyncapi.body.toString().split(/^---$/m).length).toBe(4);
});

test('exporting an empty design says there is nothing to export', async ({ page }) => {
  await page.getByRole('button', { name: 'Designs' }).click();
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page.getByTestId('design-name')).toHaveText(/Untitled design/);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^SVG image/ }).click();
  await expect(page.getByRole('alert')).toContainText('nothing to export');
});
