/** Saved designs as a person sees them: the name in the top bar, the save state, renaming. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The address of a saved design; group 1 is its id. */
export const DESIGN_URL = /\?design=([0-9a-f]{12})$/;

export const designName = (page: Page) => page.getByTestId('design-name');
export const saveState = (page: Page) => page.getByTestId('save-state');
export const inspector = (page: Page): Locator => page.getByTestId('inspector');

/** The id of the saved design the page shows. */
export const idIn = (page: Page): string => DESIGN_URL.exec(page.url())![1]!;

/** Renames the design on screen in the inspector (nothing selected), as a person would. */
export async function renameDesign(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('Design');
  const field = inspector(page).getByLabel('Name', { exact: true });
  await field.fill(name);
  await field.press('Enter');
  await expect(designName(page)).toHaveText(name);
}

/** A laid-out design of `n` nodes: services and the events they publish, in a chain. */
export function chainDesign(n: number): string {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    nodes.push(
      i % 2 === 0
        ? { id: `s${i}`, kind: 'service', name: `Service${i}`, position: { x: (i % 100) * 240, y: Math.floor(i / 100) * 120 } }
        : { id: `e${i}`, kind: 'event', name: `Happened${i}`, position: { x: (i % 100) * 240, y: Math.floor(i / 100) * 120 } },
    );
    if (i > 0) edges.push({ id: `c${i}`, source: nodes[i - 1]!.id, target: nodes[i]!.id });
  }
  return JSON.stringify({ format: 'sagaboard', version: 1, name: `Chain of ${n}`, nodes, edges });
}
