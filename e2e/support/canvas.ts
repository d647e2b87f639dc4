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

/** Clicks a connection in the middle of its drawn line, as a person would. */
export async function clickConnection(page: Page, connection: Locator): Promise<void> {
  const point = await connection.locator('path.react-flow__edge-interaction').evaluate((path: SVGPathElement) => {
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  });
  await page.mouse.click(point.x, point.y);
}
