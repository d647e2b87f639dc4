/**
 * Live boards with two (or three) people, each in a browser of their own, on the real
 * collaboration server serving the production build: one draws and the other sees it within a
 * second; both edit at once and end alike; one goes offline, edits, comes back, and nothing is
 * lost; undo takes back only one's own changes; a view link changes nothing, and what a client
 * holding it sends is refused by the server; the board outlives a restart of the server.
 */
import AxeBuilder from '@axe-core/playwright';
import { readLiveLink } from '../src/collab/rooms.ts';
import { join as joinRoom, synced } from '../server/testing/clients.ts';
import { nodeNamed } from './support/canvas.ts';
import { dragConnection, dropNode, edgeCount } from './support/editing.ts';
import { anaAndBen, expect, join, liveState, namesOn, person, shareStart, START, test } from './support/live.ts';

test.describe.configure({ mode: 'serial' });

const START_NAMES = START.nodes.map((n) => n.name).sort();

test('what one draws, the other sees within a second; both drawing at once, both boards end alike', async ({ browser, liveServer }) => {
  const { ana, ben, close } = await anaAndBen(browser, liveServer);
  expect(await namesOn(ben.page)).toEqual(START_NAMES);

  // Ana drags a service from the palette and names it: Ben sees it within a second of her Enter.
  await dropNode(ana.page, 'service', 'PaymentService', { x: 420, y: 560 });
  await expect(nodeNamed(ben.page, 'PaymentService')).toBeVisible({ timeout: 1_000 });

  // Ana connects OrderCreated to it, handle to handle: Ben sees the connection within a second.
  const before = await edgeCount(ben.page);
  await dragConnection(ana.page, 'OrderCreated', 'PaymentService');
  await expect.poll(() => edgeCount(ben.page), { timeout: 1_000, intervals: [50] }).toBe(before + 1);

  // Both add a node at the same moment: each keeps theirs, and both boards hold both.
  await Promise.all([dropNode(ana.page, 'event', 'PaymentProcessed', { x: 700, y: 560 }), dropNode(ben.page, 'service', 'InventoryService', { x: 420, y: 700 })]);
  const expected = [...START_NAMES, 'InventoryService', 'PaymentProcessed', 'PaymentService'].sort();
  await expect.poll(() => namesOn(ana.page)).toEqual(expected);
  await expect.poll(() => namesOn(ben.page)).toEqual(expected);
  // …and the same connections.
  await expect.poll(async () => (await edgeCount(ana.page)) === (await edgeCount(ben.page))).toBe(true);

  // Each sees the other: an avatar, and the pointer over the canvas.
  await expect(ana.page.getByTestId('peer-avatar')).toHaveAttribute('data-peer', 'Ben');
  await ben.page.mouse.move(500, 450);
  await ben.page.mouse.move(520, 470, { steps: 4 });
  await expect(ana.page.locator('[data-testid="peer-cursor"][data-peer="Ben"]')).toBeVisible();
  await close();
});

test('offline: edits are kept, and merged with the other’s when the connection is back; nothing is lost', async ({ browser, liveServer }) => {
  const { ana, ben, close } = await anaAndBen(browser, liveServer);

  await ben.context.setOffline(true);
  await expect(liveState(ben.page)).toHaveAttribute('data-state', 'offline');
  await dropNode(ben.page, 'service', 'OfflineService', { x: 420, y: 560 });
  await expect(liveState(ben.page)).toContainText('edits kept here');
  await dropNode(ana.page, 'service', 'OnlineService', { x: 700, y: 560 });
  // Apart, each has only their own.
  await ana.page.waitForTimeout(500);
  await expect(nodeNamed(ana.page, 'OfflineService')).toHaveCount(0);
  await expect(nodeNamed(ben.page, 'OnlineService')).toHaveCount(0);

  await ben.context.setOffline(false);
  // Back online, the board goes into the room again at once (the socket let go of offline may never say it closed).
  await expect(liveState(ben.page)).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  const expected = [...START_NAMES, 'OfflineService', 'OnlineService'].sort();
  await expect.poll(() => namesOn(ana.page)).toEqual(expected);
  await expect.poll(() => namesOn(ben.page)).toEqual(expected);
  await close();
});

test('undo takes back only my own change, on both boards; the buttons say what they undo', async ({ browser, liveServer }) => {
  const { ana, ben, close } = await anaAndBen(browser, liveServer);

  await dropNode(ana.page, 'service', 'AnasService', { x: 420, y: 560 });
  await expect(nodeNamed(ben.page, 'AnasService')).toBeVisible();
  await dropNode(ben.page, 'service', 'BensService', { x: 700, y: 560 });
  await expect(nodeNamed(ana.page, 'BensService')).toBeVisible();

  // Ben's change came last, but Ana's undo is hers: it takes her service away, on both boards.
  await expect(ana.page.getByTestId('undo')).toHaveAttribute('title', /^Undo: add a service/);
  await ana.page.keyboard.press('Escape');
  await ana.page.keyboard.press('ControlOrMeta+z');
  for (const page of [ana.page, ben.page]) {
    await expect(nodeNamed(page, 'AnasService')).toHaveCount(0);
    await expect(nodeNamed(page, 'BensService')).toBeVisible();
  }
  // Redo brings it back for both; Ben's own undo takes his away and leaves hers.
  await expect(ana.page.getByTestId('redo')).toHaveAttribute('title', /^Redo: add a service/);
  await ana.page.getByTestId('redo').click();
  await expect(nodeNamed(ben.page, 'AnasService')).toBeVisible();
  await ben.page.getByTestId('undo').click();
  for (const page of [ana.page, ben.page]) {
    await expect(nodeNamed(page, 'BensService')).toHaveCount(0);
    await expect(nodeNamed(page, 'AnasService')).toBeVisible();
  }
  await close();
});

test('a view link shows the board live and changes nothing: the app offers no edit, and the server refuses what a client sends with it', async ({ browser, liveServer }) => {
  const ana = await person(browser, liveServer, 'Ana', '#e11d48');
  const cleo = await person(browser, liveServer, 'Cleo', '#047857');
  const { view } = await shareStart(ana.page);
  await join(cleo.page, view);
  await expect(liveState(cleo.page)).toContainText('view only');
  await expect(cleo.page.getByTestId('view-only-banner')).toBeVisible();
  // No palette, no undo, no inspector; Delete on a selected node does nothing.
  await expect(cleo.page.getByTestId('palette-service')).toHaveCount(0);
  await expect(cleo.page.getByTestId('undo')).toHaveCount(0);
  await expect(cleo.page.getByTestId('inspector')).toHaveCount(0);
  await nodeNamed(cleo.page, 'OrderService').click();
  await cleo.page.keyboard.press('Delete');
  await expect(nodeNamed(cleo.page, 'OrderService')).toBeVisible();
  // The invite dialog of a view link has no edit link.
  await cleo.page.getByRole('button', { name: 'Invite people' }).click();
  await expect(cleo.page.getByTestId('edit-link')).toHaveCount(0);
  await cleo.page.getByRole('button', { name: 'Done' }).click();

  // It still sees Ana's changes live.
  await dropNode(ana.page, 'service', 'SeenByCleo', { x: 420, y: 560 });
  await expect(nodeNamed(cleo.page, 'SeenByCleo')).toBeVisible({ timeout: 1_000 });

  // A client that writes with the view key anyway: the server never passes it on or keeps it.
  const link = readLiveLink(view)!;
  const port = Number(new URL(liveServer.origin).port);
  const intruder = joinRoom(port, link.room, link.key);
  try {
    await synced(intruder);
    intruder.ydoc.getMap('nodes').delete('orders');
    intruder.ydoc.getMap('design').set('name', 'Hijacked');
    await ana.page.waitForTimeout(1_000);
    await expect(nodeNamed(ana.page, 'OrderService')).toBeVisible();
    await expect(ana.page.getByTestId('design-name')).toHaveText(START.name);
    await expect(nodeNamed(cleo.page, 'OrderService')).toBeVisible();
    // A newcomer gets the board as the server keeps it: unchanged.
    const dan = await person(browser, liveServer, 'Dan', '#7c3aed');
    await join(dan.page, view);
    await expect(nodeNamed(dan.page, 'OrderService')).toBeVisible();
    await expect(dan.page.getByTestId('design-name')).toHaveText(START.name);
    await dan.context.close();
  } finally {
    intruder.leave();
  }
  await ana.context.close();
  await cleo.context.close();
});

test('the server restarts: the board reconnects, what was made meanwhile reaches it, and a newcomer finds it all', async ({ browser, liveServer }) => {
  const ana = await person(browser, liveServer, 'Ana', '#e11d48');
  const { edit } = await shareStart(ana.page);
  await dropNode(ana.page, 'service', 'BeforeRestart', { x: 420, y: 560 });

  await liveServer.restart(async () => {
    await expect(liveState(ana.page)).toHaveAttribute('data-state', /reconnecting|connecting/);
    // Made while the server is down: kept in this browser.
    await dropNode(ana.page, 'service', 'WhileDown', { x: 700, y: 560 });
  });
  await expect(liveState(ana.page)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });

  const ben = await person(browser, liveServer, 'Ben', '#2563eb');
  await join(ben.page, edit);
  await expect.poll(() => namesOn(ben.page)).toEqual([...START_NAMES, 'BeforeRestart', 'WhileDown'].sort());
  await ana.context.close();
  await ben.context.close();
});

test('screenshot: two people on one board, side by side, each seeing the other', async ({ browser, liveServer }, info) => {
  const size = { width: 1440, height: 860 };
  const ana = await person(browser, liveServer, 'Ana Lima', '#e11d48', size);
  const ben = await person(browser, liveServer, 'Ben Okafor', '#7c3aed', size);
  const cleo = await person(browser, liveServer, 'Cleo Park', '#047857', size);
  await ana.page.goto('/?example=order-choreographed');
  await expect(nodeNamed(ana.page, 'PaymentService')).toBeVisible();
  await ana.page.getByRole('button', { name: 'Share live' }).click();
  const edit = await ana.page.getByTestId('edit-link').inputValue();
  const view = await ana.page.getByTestId('view-link').inputValue();
  await ana.page.getByRole('button', { name: 'Done' }).click();
  await join(ben.page, edit);
  await join(cleo.page, view);

  // Ana selects PaymentService, her pointer resting beside ShippingScheduled; Ben selects OrderCreated.
  await nodeNamed(ana.page, 'PaymentService').click();
  await nodeNamed(ben.page, 'OrderCreated').click();
  await expect(ana.page.locator('[data-testid="peer-selection"][data-peer="Ben Okafor"]')).toBeVisible();
  const scheduled = (await nodeNamed(ana.page, 'ShippingScheduled').boundingBox())!;
  await ana.page.mouse.move(scheduled.x + scheduled.width + 60, scheduled.y + scheduled.height / 2, { steps: 6 });
  await expect(ben.page.locator('[data-testid="peer-cursor"][data-peer="Ana Lima"]')).toBeVisible();
  await expect(ben.page.locator('[data-testid="peer-selection"][data-peer="Ana Lima"]')).toBeVisible();
  await expect(ana.page.getByTestId('peer-avatar')).toHaveCount(2);

  // Ben is dragging InventoryService: Ana sees where it is now, before the drop reaches the design.
  const inventory = (await nodeNamed(ben.page, 'InventoryService').boundingBox())!;
  await ben.page.mouse.move(inventory.x + 40, inventory.y + inventory.height / 2);
  await ben.page.mouse.down();
  await ben.page.mouse.move(inventory.x + 90, inventory.y + inventory.height / 2 + 90, { steps: 12 });
  await ben.page.mouse.move(inventory.x + 110, inventory.y + inventory.height / 2 + 130, { steps: 8 });
  await expect(ana.page.getByTestId('peer-drag')).toBeVisible();
  await expect(ana.page.locator('[data-testid="peer-cursor"][data-peer="Ben Okafor"]')).toBeVisible();
  await ana.page.waitForTimeout(400);

  const shots = await Promise.all([ana.page.screenshot({ path: info.outputPath('ana.png') }), ben.page.screenshot({ path: info.outputPath('ben.png') })]);
  const composer = await browser.newPage({ viewport: { width: 2 * size.width + 96, height: size.height + 120 } });
  const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await composer.setContent(`<!doctype html><html><body style="margin:0;background:#e8ebf0;font:600 15px system-ui,sans-serif;color:#344054">
    <div style="display:flex;gap:32px;padding:28px 32px">
      ${[
        ['Ana Lima', '#e11d48', 'shared the board', shots[0]!],
        ['Ben Okafor', '#7c3aed', 'joined with the edit link', shots[1]!],
      ]
        .map(
          ([name, colour, what, png]) => `<figure style="margin:0">
        <figcaption style="display:flex;align-items:center;gap:8px;margin:0 0 10px 4px"><span style="width:10px;height:10px;border-radius:50%;background:${colour as string}"></span>${name as string}’s window <span style="font-weight:400;color:#667085">· ${what as string}</span></figcaption>
        <img src="${img(png as Buffer)}" width="${size.width}" height="${size.height}" style="display:block;border-radius:10px;box-shadow:0 1px 2px rgb(16 24 40/.08),0 12px 32px rgb(16 24 40/.16)">
      </figure>`,
        )
        .join('')}
    </div></body></html>`);
  await composer.screenshot({ path: '/work/live-shot.png' });
  await info.attach('live-shot', { path: '/work/live-shot.png', contentType: 'image/png' });
  await composer.close();

  // The drop: the move reaches the design once, and the outline goes.
  await ben.page.mouse.up();
  await expect(ana.page.getByTestId('peer-drag')).toHaveCount(0);
  await expect.poll(async () => (await nodeNamed(ana.page, 'InventoryService').boundingBox())!.y).toBeGreaterThan(inventory.y + 60);
  await Promise.all([ana.context.close(), ben.context.close(), cleo.context.close()]);
});

test('presence: a new name reaches the others, following someone moves the view with theirs, and a shared run is on everyone’s board', async ({ browser, liveServer }) => {
  const { ana, ben, close } = await anaAndBen(browser, liveServer, '#7c3aed');

  // Ben calls himself Benjamin, in green: Ana's avatar of him says so.
  await ben.page.getByRole('button', { name: /^You: Ben/ }).click();
  const form = ben.page.getByRole('form', { name: 'How others see you' });
  await form.getByLabel('Your name on this board').fill('Benjamin');
  await form.getByRole('radio', { name: '#047857' }).click();
  await form.getByLabel('Your name on this board').press('Enter');
  await expect(ana.page.getByTestId('peer-avatar')).toHaveAttribute('data-peer', 'Benjamin');
  await expect(ana.page.getByTestId('peer-avatar')).toHaveCSS('background-color', 'rgb(4, 120, 87)');
  // Remembered in his browser: a reload keeps it.
  await ben.page.reload();
  await expect(liveState(ben.page)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(ana.page.getByTestId('peer-avatar')).toHaveAttribute('data-peer', 'Benjamin');

  // Ana follows Benjamin; he zooms in on OrderService: her view goes where his is.
  await ana.page.getByRole('button', { name: 'Follow Benjamin’s view' }).click();
  await expect(ana.page.getByRole('button', { name: 'Stop following Benjamin' })).toHaveAttribute('aria-pressed', 'true');
  const orders = (await nodeNamed(ben.page, 'OrderService').boundingBox())!;
  await ben.page.mouse.move(orders.x + orders.width / 2, orders.y + orders.height / 2);
  for (let i = 0; i < 4; i++) await ben.page.mouse.wheel(0, -240);
  const zoomOf = async (page: typeof ana.page) => Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1]);
  await expect.poll(async () => Math.abs((await zoomOf(ana.page)) - (await zoomOf(ben.page)))).toBeLessThan(0.01);
  const centre = async (page: typeof ana.page) => {
    const box = (await nodeNamed(page, 'OrderService').boundingBox())!;
    return { x: Math.round(box.x), y: Math.round(box.y) };
  };
  await expect.poll(() => centre(ana.page)).toEqual(await centre(ben.page));
  // Her own scroll stops following.
  await ana.page.mouse.move(300, 500);
  await ana.page.mouse.wheel(0, 200);
  await expect(ana.page.getByRole('button', { name: 'Follow Benjamin’s view' })).toHaveAttribute('aria-pressed', 'false');

  // Ana's run, shared: its seed and faults are a scenario on Benjamin's board too.
  await ana.page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await ana.page.getByRole('button', { name: 'Share this run' }).click();
  await ben.page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(ben.page.getByRole('button', { name: 'Run scenario Ana’s run (seed 1)' })).toBeVisible();
  await close();
});

test('no serious or critical accessibility problem on a live board: presence, the links dialog, your name, a view-only board', async ({ browser, liveServer }) => {
  const { ana, ben, links, close } = await anaAndBen(browser, liveServer);
  const severe = async (page: typeof ana.page, what: string) => {
    await page.waitForTimeout(300);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect.soft(found, `serious or critical violations on ${what}`).toEqual([]);
  };
  await nodeNamed(ben.page, 'OrderService').click();
  await ben.page.mouse.move(600, 600);
  await expect(ana.page.getByTestId('peer-cursor')).toBeVisible();
  await severe(ana.page, 'a board with someone else on it');
  await ana.page.getByRole('button', { name: 'Invite people' }).click();
  await severe(ana.page, 'the links dialog');
  await ana.page.getByRole('button', { name: 'Done' }).click();
  await ana.page.getByRole('button', { name: /^You: Ana/ }).click();
  await severe(ana.page, 'your name and colour');
  await ana.page.keyboard.press('Escape');
  const cleo = await person(browser, liveServer, 'Cleo', '#047857');
  await join(cleo.page, links.view);
  await expect(cleo.page.getByTestId('view-only-banner')).toBeVisible();
  await severe(cleo.page, 'a view-only board');
  await cleo.context.close();
  await close();
});
