/** Reading the canvas the way a person sees it: nodes by name, where they are on screen. */
import { expect, type Locator, type Page } from '@playwright/test';

export const canvas = (page: Page): Locator => page.getByTestId('canvas');

/** The node on the canvas with exactly this name. */
export const nodeNamed = (page: Page, name: string): Locator =>
  canvas(page).locator('.react-flow__node').filter({ has: page.locator('.sb-node__name', { hasText: new RegExp(`^${name}$`) }) });

/** Waits until the viewport stops moving (fit-to-view and focus animations). */
export async function waitForViewportToSettle(page: Page): Promise<void> {
  const viewport = canvas(page).locator('.react-flow__viewport');
  let previous = '';
  await expect
    .poll(async () => {
      const now = (await viewport.getAttribute('style')) ?? '';
      const settled = now === previous;
      previous = now;
      return settled;
    }, { intervals: [150, 150, 150, 250, 250, 500] })
    .toBe(true);
}

/** Distance in screen pixels between the centre of a node and the centre of the canvas. */
export async function distanceFromCanvasCentre(page: Page, node: Locator): Promise<number> {
  const pane = (await canvas(page).boundingBox())!;
  const box = (await node.boundingBox())!;
  return Math.hypot(box.x + box.width / 2 - (pane.x + pane.width / 2), box.y + box.height / 2 - (pane.y + pane.height / 2));
}
