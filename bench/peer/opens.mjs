#!/usr/bin/env node
// bench/peer opens only: how long each page takes from navigation to the design drawn (bench-core's
// renderMs), for many interleaved opens (bpmn-js, Sagaboard, bpmn-js, ...), each in a fresh browser
// context, without the pan and edit phases: quick enough for 9-11 opens per size, which the
// opening figures need (they move by tens of ms with the load). Run by run.sh with OPENS=N.
//   node opens.mjs --opens N --sizes 1000,2000 --bpmn URL --sagaboard URL [--zoom 0.5]
import { chromium } from 'playwright-core';

const arg = (k, d) => {
  const i = process.argv.indexOf(`--${k}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const opens = Number(arg('opens', 9));
const sizes = arg('sizes', '1000,2000').split(',').map(Number);
const zoom = arg('zoom', '0.5');
const pages = [
  ['bpmn-js', arg('bpmn')],
  ['sagaboard', arg('sagaboard')],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const n of sizes) {
    const times = pages.map(() => []);
    for (let r = 0; r < opens; r++) {
      for (let p = 0; p < pages.length; p++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(`${pages[p][1]}?n=${n}&zoom=${zoom}`, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__bench && (window.__bench.renderMs || window.__bench.error), null, { timeout: 300_000, polling: 50 });
        const { renderMs, error } = await page.evaluate(() => ({ renderMs: window.__bench.renderMs, error: window.__bench.error }));
        if (error) throw new Error(`${pages[p][0]} N=${n}: ${error}`);
        times[p].push(renderMs);
        await context.close();
      }
    }
    const [bpmn, sagaboard] = times.map(median);
    const runs = (p) => times[p].map((t) => t.toFixed(0)).join(' ');
    console.log(`N=${n}  open, median of ${opens}: sagaboard ${sagaboard.toFixed(0)} ms, bpmn-js ${bpmn.toFixed(0)} ms, ratio ${(sagaboard / bpmn).toFixed(2)}x`);
    console.log(`  sagaboard: ${runs(1)}\n  bpmn-js:   ${runs(0)}`);
  }
} finally {
  await browser.close();
}
