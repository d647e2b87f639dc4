/**
 * Node faces drawn in one layer (src/canvas/nodes/FaceLayer.tsx): every node's face is there, in
 * the node's place, named as the node; the HTML node draws its own face only while pointed at,
 * selected, renamed, dragged or highlighted, and the two read the same; far out the faces lose
 * their text as the nodes do.
 */
import { expect, test, type Page } from './support/test.ts';
import { canvas, nodeNamed, waitForViewportToSettle } from './support/canvas.ts';
import { chainDesign } from './support/designs.ts';
import { dragConnection } from './support/editing.ts';

const faces = (page: Page) => canvas(page).getByTestId('node-faces');
const face = (page: Page, id: string) => faces(page).locator(`g[data-node="${id}"]`);
const htmlFace = (page: Page, id: string) => canvas(page).locator(`.react-flow__node[data-id="${id}"] > .sb-node`);
const paints = (page: Page, id: string) => htmlFace(page, id).evaluate((el) => getComputedStyle(el).visibility === 'visible');

test('every node has its face in the layer, where the node is; the HTML node paints only while pointed at, selected or renamed', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await waitForViewportToSettle(page);
  const ids = await canvas(page).locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')!));
  expect(ids.length).toBeGreaterThan(10);
  await expect(faces(page).locator('g[data-node]')).toHaveCount(ids.length);

  // The face lies on its node, named as it: the outline's box is the node's box on screen.
  const node = nodeNamed(page, 'PaymentService');
  const id = (await node.getAttribute('data-id'))!;
  await expect(face(page, id).locator('.sb-face__name')).toHaveText('PaymentService');
  const nodeBox = (await node.boundingBox())!;
  const faceBox = (await face(page, id).locator('.sb-face__outline').boundingBox())!;
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(faceBox[key] - nodeBox[key])).toBeLessThan(2);

  // At rest the HTML node paints nothing; pointed at, it draws itself (with its handles).
  await page.mouse.move(5, 450);
  expect(await paints(page, id)).toBe(false);
  await node.hover();
  await expect.poll(() => paints(page, id)).toBe(true);
  await page.mouse.move(5, 450);
  await expect.poll(() => paints(page, id)).toBe(false);

  // Selected, it draws itself with its ring; Escape, and the face is back alone.
  await node.click();
  await page.mouse.move(5, 450);
  await expect(node).toHaveClass(/selected/);
  expect(await paints(page, id)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => paints(page, id)).toBe(false);

  // Renamed in place: the field shows; after Enter, the face has the new name.
  await node.dblclick();
  const field = canvas(page).getByLabel('Name', { exact: true });
  await expect(field).toBeFocused();
  expect(await paints(page, id)).toBe(true);
  await field.fill('CardPaymentService');
  await field.press('Enter');
  await expect(face(page, id).locator('.sb-face__name')).toHaveText('CardPaymentService');
});

test('a dragged node takes its face along; a highlight has every node draw itself; zoomed out the faces drop their captions, far out their text', async ({ page }) => {
  await page.goto('/?example=order-orchestrated');
  await waitForViewportToSettle(page);
  const node = nodeNamed(page, 'ShippingService');
  const id = (await node.getAttribute('data-id'))!;
  const outline = face(page, id).locator('.sb-face__outline');
  const before = (await outline.boundingBox())!;
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + 120, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(5, 450);
  await expect.poll(async () => (await outline.boundingBox())!.y - before.y).toBeGreaterThan(80);
  const moved = (await node.boundingBox())!;
  const after = (await outline.boundingBox())!;
  expect(Math.abs(after.x - moved.x)).toBeLessThan(2);
  expect(Math.abs(after.y - moved.y)).toBeLessThan(2);

  // A measure's row lights some nodes and dims the rest: the layer steps aside, every node draws itself.
  const blastRadius = page.getByTestId('trade-offs').getByTestId('measure-blastRadius');
  await expect(blastRadius.getByTestId('measure-value')).toHaveText('100%', { timeout: 30_000 });
  await blastRadius.getByRole('button').click();
  await expect(faces(page)).toBeHidden();
  expect(await paints(page, id)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(faces(page)).toBeAttached();
  await expect.poll(() => paints(page, id)).toBe(false);

  // Zoomed out below 60 %, a face drops its kind caption and shadow (too small to read or see) and keeps its name.
  const caption = face(page, id).locator('.sb-face__caption');
  await expect(caption).toBeVisible();
  await expect(face(page, id).locator('.sb-face__shadow')).toBeVisible();
  await zoomOutUntil(page, 'sb-canvas--mid');
  await expect(canvas(page)).not.toHaveClass(/sb-canvas--far/);
  await expect(caption).toBeHidden();
  await expect(face(page, id).locator('.sb-face__shadow')).toBeHidden();
  await expect(face(page, id).locator('.sb-face__name')).toBeVisible();

  // Far out (below 40 %), names and captions are gone from the faces as from the nodes; the shapes stay.
  await zoomOutUntil(page, 'sb-canvas--far');
  await expect(face(page, id).locator('.sb-face__name')).toBeHidden();
  await expect(outline).toBeVisible();
});

/** Clicks Zoom out, a step at a time, until the canvas has the class `name`. */
async function zoomOutUntil(page: Page, name: string): Promise<void> {
  const has = async () => ((await canvas(page).getAttribute('class')) ?? '').split(' ').includes(name);
  for (let i = 0; i < 12 && !(await has()); i++) {
    await canvas(page).getByRole('button', { name: 'Zoom out' }).click();
    await waitForViewportToSettle(page);
  }
  await expect(canvas(page)).toHaveClass(new RegExp(`\\b${name}\\b`));
}

test('a big design has React Flow mount only the nodes in view: a far node comes into the page as it comes into view, and is dragged and connected as any other', async ({ page }) => {
  // 600 nodes in 6 rows of 100, framed far out from the start: the last columns are out of view.
  await page.route((url) => url.pathname === '/chain.sagaboard.json', (route) => route.fulfill({ body: chainDesign(600), contentType: 'application/json' }));
  await page.goto('/?file=/chain.sagaboard.json');
  await expect(faces(page).locator('.sb-face')).toHaveCount(600);
  await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(599);
  await waitForViewportToSettle(page);
  const mounted = await canvas(page).locator('.react-flow__node').count();
  expect(mounted).toBeGreaterThan(0);
  expect(mounted).toBeLessThan(300);
  const last = canvas(page).locator('.react-flow__node[data-id="s598"]');
  await expect(last).toHaveCount(0);
  await expect(face(page, 's598')).toBeAttached();

  // Dragging the empty canvas above the design pans towards the end until its node is in the page.
  const pane = (await canvas(page).boundingBox())!;
  for (let i = 0; i < 8 && (await last.count()) === 0; i++) {
    await page.mouse.move(pane.x + pane.width * 0.8, pane.y + 200);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width * 0.2, pane.y + 200, { steps: 6 });
    await page.mouse.up();
  }
  await expect(last).toBeVisible();

  // The wheel over it zooms in around it; pointed at, it draws itself, as any node.
  const at = (await face(page, 's598').boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  await waitForViewportToSettle(page);
  const node = nodeNamed(page, 'Service598');
  await node.hover();
  await expect.poll(() => paints(page, 's598')).toBe(true);

  // Dragged, its face goes along.
  const box = (await node.boundingBox())!;
  const outline = face(page, 's598').locator('.sb-face__outline');
  const before = (await outline.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y - 100, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => before.y - (await outline.boundingBox())!.y).toBeGreaterThan(80);

  // Connected by hand from its handle to a node of the next row: one connection more.
  await dragConnection(page, 'Happened597', 'Service498');
  await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(600);

  // Everything selected and moved with an arrow key: nodes far out of view (not in the page) move too.
  // (A face is drawn where its node is, every position absolute: moved, its markup changes.)
  const far = face(page, 's0');
  const markup = () => far.evaluate((g) => g.innerHTML);
  const farBefore = await markup();
  await expect(canvas(page).locator('.react-flow__node[data-id="s0"]')).toHaveCount(0);
  await node.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ArrowRight');
  await expect.poll(markup).not.toBe(farBefore);
});
