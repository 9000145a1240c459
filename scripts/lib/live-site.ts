/** Probes of a served site, shared by the publish-to-live test and benchmark. */
import type { Browser } from 'playwright-core';

/** Polls `probe` until it returns a value. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, { timeoutMs = 240_000, everyMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** The URLs Pagefind returns for `term` on the site at `siteUrl`, as a reader's browser would get them. */
export async function searchSite(browser: Browser, siteUrl: string, term: string, locale = 'fr'): Promise<string[]> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${siteUrl}/${locale}/`);
    // A string, so the test compiler leaves the browser's dynamic import alone.
    return (await tab.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const found = await pagefind.search(${JSON.stringify(term)});
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
  } finally {
    await tab.close();
  }
}
