/** Editing the design the way a person does: palette drags, handle-to-handle connections, keys. */
import { expect, type Page } from '@playwright/test';
import { canvas, nodeNamed } from './canvas.ts';

export type Preset = 'actor' | 'service' | 'orchestrator' | 'command' | 'event' | 'failureEvent';

/** Drags a palette item to a point of the canvas (relative to its top-left) and types the name. */
export async function dropNode(page: Page, preset: Preset, name: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-${preset}`).dragTo(canvas(page), { targetPosition: at });
  const field = canvas(page).getByLabel('Name', { exact: true });
  await expect(field).toBeFocused();
  await field.fill(name);
  await field.press('Enter');
  await expect(nodeNamed(page, name)).toBeVisible();
}

/** Drags from the output handle of one node to the input handle of another, with the mouse. */
export async function dragConnection(page: Page, from: string, to: string): Promise<void> {
  const source = nodeNamed(page, from);
  const target = nodeNamed(page, to);
  await source.hover();
  const out = (await source.locator('.react-flow__handle[data-handleid="out"]').boundingBox())!;
  await page.mouse.move(out.x + out.width / 2, out.y + out.height / 2);
  await page.mouse.down();
  await target.hover();
  const into = (await target.locator('.react-flow__handle[data-handleid="in"]').boundingBox())!;
  await page.mouse.move(into.x + into.width / 2 - 3, into.y + into.height / 2, { steps: 8 });
  await page.mouse.move(into.x + into.width / 2, into.y + into.height / 2, { steps: 2 });
  await page.mouse.up();
}

export const edgeCount = (page: Page) => canvas(page).locator('.react-flow__edge').count();
export const nodeCount = (page: Page) => canvas(page).locator('.react-flow__node').count();
