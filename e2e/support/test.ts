/**
 * `test` and `expect` for every end-to-end test: Playwright's, with an automatic fixture that
 * fails the test when the page's Content-Security-Policy refused anything while it ran (an inline
 * script or style, an eval, a resource from elsewhere). The built page carries the policy
 * (vite.config.ts), so a test that passes also shows the app works under it.
 *
 * Every browser context of the test is watched: the default one and any the test opens itself
 * (`browser.newContext()`, `browser.newPage()`). Violations are caught twice over: a
 * `securitypolicyviolation` listener in every page, reported to the test at once through a
 * binding, and the "Refused to …" messages Chromium prints on the console of pages and of their
 * Web Workers. (A meta tag's policy does not reach workers, which take theirs from the headers
 * of their own script: served without one, as by `vite preview`, they have nothing to refuse.)
 */
import { test as base, expect, type BrowserContext, type ConsoleMessage } from '@playwright/test';

export { expect };
export type { Browser, BrowserContext, Download, Locator, Page, TestInfo } from '@playwright/test';

/** What a page's `securitypolicyviolation` event says, enough to find the cause. */
interface Violation {
  url: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

const BINDING = '__sagaboardCspViolation';

/** Runs in every page before its own scripts; it must not close over anything. */
function listenForViolations(binding: string): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    const v: Violation = {
      url: location.href,
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '',
      sample: e.sample,
    };
    const w = window as unknown as { __cspViolations?: Violation[] } & Record<string, unknown>;
    (w.__cspViolations ??= []).push(v);
    (w[binding] as ((v: Violation) => void) | undefined)?.(v);
  });
}

const isRefusal = (m: ConsoleMessage): boolean => /Content Security Policy|Refused to (load|execute|apply|evaluate|connect|create|frame|send)/i.test(m.text());

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const seen: string[] = [];
      const watched = new Set<BrowserContext>();
      const watch = async (ctx: BrowserContext): Promise<void> => {
        if (watched.has(ctx)) return;
        watched.add(ctx);
        const onConsole = (where: string) => (m: ConsoleMessage) => {
          if (isRefusal(m)) seen.push(`console of ${where} (${m.location().url || m.page()?.url() || ''}): ${m.text()}`);
        };
        ctx.on('console', onConsole('the page'));
        ctx.on('page', (page) => page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`))));
        await ctx.exposeBinding(BINDING, (_source, v: Violation) => {
          seen.push(`${v.directive} refused ${v.blocked || '(inline)'} on ${v.url}${v.source ? ` from ${v.source}` : ''}${v.sample ? `: ${v.sample}` : ''}`);
        });
        await ctx.addInitScript(listenForViolations, BINDING);
      };
      // Contexts the test opens itself: watched as soon as they exist, before their first page.
      const onContext = (ctx: BrowserContext): void => void watch(ctx).catch(() => {});
      browser.on('context', onContext);
      await watch(context);
      await use(seen);
      browser.off('context', onContext);
      expect(seen, `the Content-Security-Policy refused ${seen.length} thing(s) during the test:\n${seen.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});
