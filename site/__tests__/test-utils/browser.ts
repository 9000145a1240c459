/**
 * Real Chromium (Debian's `chromium`) driven by playwright-core. Without it, browser
 * suites fail on CI and are skipped, with a message, elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { serve, type StaticServer } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** `describe` when the suite can run (or must, on CI), `describe.skip` with a warning otherwise. */
export const describeWithBrowser = (name: string, suite: () => void) => {
  if (chromiumAvailable || process.env.CI) return describe(name, suite);
  console.warn(`Skipping "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  return describe.skip(name, suite);
};

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable) {
    throw new Error(`Chromium is required for the browser tests (CI is set): none at ${CHROMIUM_PATH}. Install it with apt-get install -y chromium.`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Inside a browser suite: builds a site once (`build`), serves it, launches Chromium, and gives
 * each test a fresh desktop-sized page. Read `browser`, `page` and `url` inside tests, once hooks have run.
 */
export function browseSite(build: () => Promise<{ dist: string }>, timeoutMs: number): { readonly browser: Browser; readonly page: Page; readonly url: string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await serve((await build()).dist);
    browser = await launchBrowser();
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page?.close());
  return {
    get browser() {
      return browser!;
    },
    get page() {
      return page!;
    },
    get url() {
      return server!.url;
    },
  };
}

/** Presses Tab until `selector` has the focus: it is reachable with the keyboard. */
export async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
  }
  throw new Error(`${selector} was not reached with Tab`);
}

/** The text of `selector` once the page's script has written some (requests take a moment). */
export async function textOf(page: Page, selector: string) {
  await page.waitForFunction((s) => Boolean(document.querySelector(s)?.textContent?.trim()), selector);
  return page.locator(selector).textContent();
}

/** The accessibility rules the guide's pages are held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's violations of the page as it is now, for the rules of `tags`, one line each. */
export async function axeViolations(page: Page, tags = WCAG_TAGS): Promise<string[]> {
  // Evaluated by the browser's tools, not added as an inline <script>, which the pages' Content-Security-Policy refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(', ')}`);
  }, tags);
}
