/**
 * The main thread's long tasks (over 50 ms), recorded from the page's start with a
 * PerformanceObserver: a frozen tab is one long task. Call `watchLongTasks` before `goto`.
 */
import type { Page } from './test.ts';

type Watched = Window & { __longTasks: number[] };

export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task seen so far, in ms (0 when none). */
export const longestTask = (page: Page): Promise<number> => page.evaluate(() => Math.round(Math.max(0, ...(window as unknown as Watched).__longTasks)));

/** Long tasks seen so far are forgotten (e.g. the first drawing of the canvas). */
export const forgetLongTasks = (page: Page): Promise<void> => page.evaluate(() => void ((window as unknown as Watched).__longTasks = []));

/**
 * Waits until `selector`'s text matches `pattern`, checking once a frame in the page. While long
 * tasks are measured, use this rather than `expect(…).toHaveText`: a retried expectation makes
 * Playwright walk the page's accessibility tree on its main thread, a long task of its own.
 */
export async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([s, source, flags]) => new RegExp(source, flags).test(document.querySelector(s)?.textContent ?? ''),
    [selector, pattern.source, pattern.flags] as const,
    { polling: 'raf', timeout },
  );
}
