/**
 * Test designs live in e2e/fixtures/, never in public/: the browser asks for
 * `/fixtures/<name>.sagaboard.json` (through `?file=`) and Playwright answers from disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The text of a fixture design, e.g. to serve it in place of an example. */
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, `${name}.sagaboard.json`), 'utf8');

export async function serveFixtures(page: Page): Promise<void> {
  // A predicate on the path, not a glob: `?file=/fixtures/…` in the page's own address must not match.
  await page.route((url) => url.pathname.startsWith('/fixtures/'), async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    try {
      await route.fulfill({ body: readFileSync(join(FIXTURES, name), 'utf8'), contentType: 'application/json' });
    } catch {
      await route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
    }
  });
}

/** Opens the app on a fixture design, as a person following a shared link would. */
export async function openFixture(page: Page, name: string): Promise<void> {
  await serveFixtures(page);
  await page.goto(`/?file=/fixtures/${name}.sagaboard.json`);
}

/** The text of a file in public/examples, parsed (to compare the screen with the data). */
export function exampleFile(id: string): { name: string; nodes: { id: string; name: string }[] } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'examples', `${id}.sagaboard.json`), 'utf8'));
}
