/**
 * Hostile designs never run: names, descriptions, the design's name and scenario names full of
 * markup, event handlers, `javascript:` addresses, CDATA ends, bidi overrides and 300-character
 * names are shown as text everywhere (canvas, inspector, problems, design list, simulation) and
 * come out of the SVG and Mermaid exports as text. Every payload would set `window.__pwned` or
 * open a dialog if it ran; the page's Content-Security-Policy would also refuse it, and the
 * fixture of ./support/test.ts fails the test on any refusal.
 */
import { readFileSync } from 'node:fs';
import { hostileDesign, HOSTILE_NAMES } from '../src/export/testing/hostile.ts';
import { expect, test, type Browser, type Page } from './support/test.ts';
import { fixtureText } from './support/fixtures.ts';
import { canvas, waitForViewportToSettle } from './support/canvas.ts';

interface Design {
  name: string;
  description: string;
  nodes: { id: string; kind: string; name: string; description?: string }[];
  scenarios: { name: string }[];
}

const HOSTILE_TEXT = fixtureText('hostile');
const HOSTILE: Design = JSON.parse(HOSTILE_TEXT);
const byId = (id: string) => HOSTILE.nodes.find((n) => n.id === id)!;
/** What nobody typed in the design and so must never appear as an element: markup that ran or was parsed (in a node's name, its lines, or its face). */
const PARSED_MARKUP = 'script:not([src]), iframe, object, embed, [onerror], [onload], [onbegin], [onclick], a[href^="javascript:" i], .sb-node__name *:not(.sb-node__line), .sb-node__line *, .sb-faces text *';

/** Watches for what a payload that ran would do: a dialog, or `window.__pwned`. */
function watchForPayloads(page: Page): { dialogs: string[]; check(): Promise<void> } {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  return {
    dialogs,
    async check() {
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator(PARSED_MARKUP).count()).toBe(0);
    },
  };
}

/** Opens a design file through Designs → Open a file…, as a new design. */
async function importDesign(page: Page, fileName: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text) });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Open as a new design' }).click();
  await expect(page).toHaveURL(/\?design=/);
}

/** The texts of the node names on the canvas, exactly as in the DOM. */
const namesOnCanvas = (page: Page) => canvas(page).locator('.sb-node__name').evaluateAll((els) => els.map((e) => e.textContent));

async function exportAs(page: Page, label: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  return readFileSync((await (await downloading).path())!, 'utf8');
}

/** An SVG export read by the browser's XML parser: well-formed, nothing that runs, and its text. */
async function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName,
      scripts: doc.getElementsByTagNameNS('*', 'script').length + doc.getElementsByTagNameNS('*', 'foreignObject').length,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      links: all.flatMap((e) => [...e.attributes].filter((a) => /href$/i.test(a.name) && /^\s*(javascript|data):/i.test(a.value)).map((a) => a.value)),
      elements: [...new Set(all.map((e) => e.localName))].sort(),
      text: doc.documentElement.textContent ?? '',
    };
  }, svg);
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Mermaid's own parser and renderer, in a blank page of their own: the export is well-formed and
 * draws the names as text, with nothing that runs.
 */
async function renderMermaid(browser: Browser, text: string) {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' });
    return await page.evaluate(async (source) => {
      const m = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false });
      await m.parse(source);
      const { svg } = await m.render('exported', source);
      const box = document.createElement('div');
      box.innerHTML = svg;
      const all = [...box.querySelectorAll('*')];
      return {
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
        scripts: box.querySelectorAll('script, iframe, a[href^="javascript:" i]').length,
        text: box.textContent ?? '',
        pwned: (window as { __pwned?: unknown }).__pwned,
      };
    }, text);
  } finally {
    await page.close();
  }
}

test('a hostile design is shown as text everywhere and nothing in it runs', async ({ page, browser }) => {
  test.slow(); // opens, inspects, simulates and exports one design
  const payloads = watchForPayloads(page);
  await page.goto('/?example=order-orchestrated');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();

  // The import dialog names it as text.
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await page.getByTestId('open-file-input').setInputFiles({ name: '<img src=x onerror=alert(1)>.sagaboard.json', mimeType: 'application/json', buffer: Buffer.from(HOSTILE_TEXT) });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toContainText(HOSTILE.name);
  await dialog.getByRole('button', { name: 'Open as a new design' }).click();
  await expect(page).toHaveURL(/\?design=/);

  // The canvas: every name, exactly, as text.
  await expect(page.getByTestId('design-name')).toHaveText(HOSTILE.name);
  await expect.poll(() => namesOnCanvas(page)).toHaveLength(HOSTILE.nodes.length);
  expect((await namesOnCanvas(page)).sort()).toEqual(HOSTILE.nodes.map((n) => n.name).sort());
  await payloads.check();

  // The inspector: the design, then a node, with their names and descriptions as typed.
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue(HOSTILE.name);
  await expect(inspector.getByLabel('Description', { exact: true })).toHaveValue(HOSTILE.description);
  const service = byId('orderService');
  await canvas(page).locator('.react-flow__node[data-id="orderService"]').click();
  await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue(service.name);
  await expect(inspector.getByLabel('Description', { exact: true })).toHaveValue(service.description!);
  await expect(page.locator('.react-flow__node[data-id="orderService"]')).toHaveClass(/selected/);
  await page.keyboard.press('f');
  await waitForViewportToSettle(page);
  await page.screenshot({ path: test.info().outputPath('hostile-canvas-inspector.png') });
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/hostile-canvas-inspector.png` });
  await payloads.check();

  // The problems: the unreachable service and its trigger, named as text.
  const lonely = byId('lonely');
  const problem = page.getByTestId('diagnostic').filter({ hasText: 'is not reachable' });
  await expect(problem).toContainText(lonely.name);
  await expect(problem).toContainText(byId('createOrder').name);
  await problem.click();
  await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue(lonely.name);

  // The design list.
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const list = page.getByRole('dialog', { name: 'Designs' }).getByRole('list', { name: 'Saved designs' });
  await expect(list.locator('.sb-designs__name').filter({ hasText: HOSTILE.name })).toHaveText(HOSTILE.name);
  await page.keyboard.press('Escape');
  await payloads.check();

  // Exports: an SVG that an XML parser reads, with nothing in it that runs, and every name as text.
  const svg = await readSvg(page, await exportAs(page, /^SVG image/));
  expect(svg.errors).toBe(0);
  expect(svg.root).toBe('svg');
  expect(svg.scripts).toBe(0);
  expect(svg.handlers).toEqual([]);
  expect(svg.links).toEqual([]);
  for (const n of HOSTILE.nodes) expect(squash(svg.text)).toContain(squash(n.name));
  // Mermaid: parsed and drawn by Mermaid itself, names as text.
  const mermaidText = await exportAs(page, /^Mermaid flowchart/);
  // Markup characters, colons and directives are Mermaid entity codes (#lt;, #58;, #37;): words like "onerror" stay, as text.
  expect(mermaidText).not.toMatch(/<|javascript:|%%\{/i);
  for (const [, label] of mermaidText.matchAll(/"([^"\n]*)"/g)) expect(label).not.toMatch(/[<>&:]/);
  const drawn = await renderMermaid(browser, mermaidText);
  expect(drawn.scripts).toBe(0);
  expect(drawn.handlers).toEqual([]);
  expect(drawn.pwned).toBeUndefined();
  for (const n of HOSTILE.nodes) expect(squash(drawn.text)).toContain(squash(n.name));
  await payloads.check();

  // Simulation: scenario names, the trace and the outcome, all as text.
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('simulation-dock')).toBeVisible();
  const scenarios = page.getByTestId('scenario');
  await expect(scenarios).toHaveCount(2);
  for (const [i, s] of HOSTILE.scenarios.entries()) await expect(scenarios.nth(i)).toContainText(s.name);
  await page.getByRole('button', { name: `Run scenario ${HOSTILE.scenarios[0]!.name}` }).click();
  await canvas(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  const outcome = page.getByTestId('sim-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'compensated', { timeout: 15_000 });
  // "<customerService> failed on <orderCreated>; undone in this order: <createOrder>"
  for (const id of ['customerService', 'orderCreated', 'createOrder']) await expect(outcome).toContainText(byId(id).name);
  const trace = page.getByTestId('trace-log');
  for (const id of ['customer', 'createOrder', 'orderService', 'orderCreated', 'customerService', 'creditLimitExceeded', 'orderRejected'])
    await expect(trace).toContainText(byId(id).name);
  await page.getByRole('tab', { name: 'Sequence diagram' }).click();
  // Lifelines are named by their first 25 characters.
  for (const id of ['customer', 'orderService', 'customerService']) await expect(page.getByTestId('sequence-diagram')).toContainText(byId(id).name.slice(0, 25));
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(scenarios.nth(0)).toContainText('✓ compensated');
  await expect(scenarios.nth(1)).toContainText('✓ completed');
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/hostile-simulation.png` });
  await payloads.check();
});

test('the hostile design of the export tests opens, shows its names and exports as well-formed SVG', async ({ page }) => {
  const payloads = watchForPayloads(page);
  await page.goto('/?example=order-orchestrated');
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible();
  const doc = hostileDesign();
  await importDesign(page, 'hostile.sagaboard.json', JSON.stringify(doc));
  await expect(page.getByTestId('design-name')).toHaveText(HOSTILE_NAMES.design);
  await expect.poll(() => namesOnCanvas(page)).toHaveLength(doc.nodes.length);
  expect((await namesOnCanvas(page)).sort()).toEqual(doc.nodes.map((n) => n.name).sort());
  const svg = await readSvg(page, await exportAs(page, /^SVG image/));
  expect(svg.errors).toBe(0);
  expect(svg.scripts).toBe(0);
  expect(svg.handlers).toEqual([]);
  // Control characters XML cannot hold become U+FFFD (docs/decisions.md, Exports).
  // eslint-disable-next-line no-control-regex -- those control characters are the point
  for (const n of doc.nodes) expect(squash(svg.text)).toContain(squash(n.name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd')));
  await payloads.check();
});
