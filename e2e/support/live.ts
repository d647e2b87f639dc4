/**
 * Live boards end to end: the real collaboration server (`npm run serve` in a process of its own,
 * on a free loopback port, with a temporary data folder) serving the production build that
 * Playwright's web server built, and people as browser contexts of their own.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startServeProcess, temporaryFolders, type ServeProcess } from '../../server/testing/serveProcess.ts';
import { expect, test as base } from './test.ts';

export { expect };

export interface LiveServer {
  /** The server's origin, where its pages are: `http://127.0.0.1:<port>`. */
  origin: string;
  /** Stops the server (SIGTERM: it stores its rooms), then starts it again on the same port and data folder. */
  restart(between?: () => Promise<void>): Promise<void>;
}

/** The build the web server made (playwright.config.ts), served by the collaboration server. */
const BUILD = process.env.E2E_OUT ?? 'dist';

export const test = base.extend<object, { liveServer: LiveServer }>({
  liveServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const folders = temporaryFolders('sagaboard-e2e-live-');
      const data = folders.make();
      let server: ServeProcess = await startServeProcess(data, BUILD);
      const port = server.port;
      try {
        await use({
          origin: `http://127.0.0.1:${port}`,
          restart: async (between) => {
            await server.stop();
            await between?.();
            server = await startServeProcess(data, BUILD, port);
          },
        });
      } finally {
        await server.stop();
        folders.removeAll();
      }
    },
    { scope: 'worker' },
  ],
});

export interface Person {
  context: BrowserContext;
  page: Page;
}

/** Someone with a browser of their own, who calls themselves `name` on live boards. */
export async function person(browser: Browser, server: LiveServer, name: string, colour: string, viewport = { width: 1440, height: 900 }): Promise<Person> {
  const context = await browser.newContext({ baseURL: server.origin, viewport });
  // As if they had chosen it before: a name they change later is theirs (the script runs on every load).
  await context.addInitScript((who) => localStorage.getItem('sagaboard.person') ?? localStorage.setItem('sagaboard.person', JSON.stringify(who)), { name, colour });
  const page = await context.newPage();
  return { context, page };
}

/** A small design to start from: a customer placing an order with an order service, on the left. */
export const START = {
  format: 'sagaboard',
  version: 2,
  name: 'Checkout, together',
  nodes: [
    { id: 'customer', kind: 'actor', name: 'Customer', position: { x: 0, y: 160 } },
    { id: 'place', kind: 'command', name: 'PlaceOrder', position: { x: 200, y: 160 } },
    { id: 'orders', kind: 'service', name: 'OrderService', position: { x: 420, y: 160 } },
    { id: 'created', kind: 'event', name: 'OrderCreated', position: { x: 640, y: 160 } },
  ],
  edges: [
    { id: 'e1', source: 'customer', target: 'place' },
    { id: 'e2', source: 'place', target: 'orders' },
    { id: 'e3', source: 'orders', target: 'created' },
  ],
};

/** Opens START on `page` (served as a file of the site) and makes a live board of it; returns its links. */
export async function shareStart(page: Page, design: object = START): Promise<{ edit: string; view: string }> {
  await page.route((url) => url.pathname === '/fixtures/live-start.sagaboard.json', (route) => route.fulfill({ body: JSON.stringify(design), contentType: 'application/json' }));
  await page.goto('/?file=/fixtures/live-start.sagaboard.json');
  await expect(page.locator('.react-flow__node')).toHaveCount((design as typeof START).nodes.length);
  await page.getByRole('button', { name: 'Share live' }).click();
  const dialog = page.getByTestId('share-dialog');
  const edit = await dialog.getByTestId('edit-link').inputValue();
  const view = await dialog.getByTestId('view-link').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(liveState(page)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  return { edit, view };
}

export const liveState = (page: Page) => page.getByTestId('live-state');

/** Opens a board's link and waits until it is live. */
export async function join(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(liveState(page)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
}

/** The names of the nodes drawn, sorted. */
export async function namesOn(page: Page): Promise<string[]> {
  return (await page.locator('.react-flow__node .sb-node__name').allTextContents()).map((t) => t.trim()).sort();
}

/** Ana shares START; Ben joins it with the edit link. `close` ends both their browsers. */
export async function anaAndBen(browser: Browser, server: LiveServer, benColour = '#2563eb'): Promise<{ ana: Person; ben: Person; links: { edit: string; view: string }; close(): Promise<void> }> {
  const ana = await person(browser, server, 'Ana', '#e11d48');
  const ben = await person(browser, server, 'Ben', benColour);
  const links = await shareStart(ana.page);
  await join(ben.page, links.edit);
  return { ana, ben, links, close: async () => void (await Promise.all([ana.context.close(), ben.context.close()])) };
}
