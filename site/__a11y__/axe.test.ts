/** axe-core in real Chromium on one page of every template, in every locale: no violation. */
import type { Browser, Page } from 'playwright-core';
import { buildFixtureSite, buildSeedSite, REAL_SEED } from '../__tests__/test-utils/build';
import { seedSlugs } from '../__tests__/test-utils/dist';
import { describeWithBrowser, launchBrowser } from '../__tests__/test-utils/browser';
import { serve, type StaticServer } from '../__tests__/test-utils/server';

const TEMPLATES: Record<string, (locale: string) => string> = {
  home: (l) => `/${l}/`,
  'case-study list': (l) => `/${l}/case-studies/sort/year/page/2/`,
  'funding-call list': (l) => `/${l}/funding-calls/`,
  'case study': (l) => `/${l}/case-studies/lyon-tiers-lieu-numerique/`,
  'case study without translation': (l) => `/${l}/case-studies/lagos-collecte-des-dechets/`,
  actor: (l) => `/${l}/actors/ville-de-lyon/`,
  'funding call': (l) => `/${l}/funding-calls/appel-villes-durables-2026/`,
  'good practice': (l) => `/${l}/good-practices/creer-un-guichet-unique-de-l-innovation/`,
  themes: (l) => `/${l}/themes/`,
  theme: (l) => `/${l}/themes/services-urbains/`,
  countries: (l) => `/${l}/countries/`,
  country: (l) => `/${l}/countries/fr/`,
  about: (l) => `/${l}/about/`,
  search: (l) => `/${l}/search/`,
  funding: (l) => `/${l}/funding/`,
  'open data': (l) => `/${l}/data/`,
  // Signed out (the login form); contribute.test.ts checks the signed-in form against a real CMS.
  contribute: (l) => (l === 'fr' ? '/fr/contribuer/' : `/${l}/contribute/`),
};
const PAGES: [string, string][] = [
  ['front door', '/'],
  ['not found', '/404.html'],
  ...['fr', 'en', 'ar'].flatMap((locale) => Object.entries(TEMPLATES).map(([name, url]): [string, string] => [`${name} (${locale})`, url(locale)])),
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxePage {
  browser: Browser;
  server: StaticServer;
  page: Page;
}

/** Serves a built site and opens a page that loads axe into every document it visits. */
async function openAxePage(dist: string): Promise<AxePage> {
  const server = await serve(dist);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // axe is added to every page the test opens (the guide itself ships no script).
  await page.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  // Only the guide itself: fixture cover images point to a host that is not there.
  await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  return { browser, server, page };
}

const closeAxePage = async (axe?: AxePage) => {
  await axe?.browser.close();
  await axe?.server.close();
};

/** axe's verdict on the current document: how many checks passed, and each violation. */
const runAxe = (page: Page) =>
  page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: result.passes.length as number,
      violations: result.violations.map((v: any) => ({
        rule: v.id as string,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`),
      })),
    };
  }, TAGS);

describeWithBrowser('accessibility (axe-core)', () => {
  let axe: AxePage;

  beforeAll(async () => {
    axe = await openAxePage((await buildFixtureSite()).dist);
  }, 300_000);
  afterAll(() => closeAxePage(axe));

  it('finds violations when there are some', async () => {
    await axe.page.goto(`${axe.server.url}/fr/`);
    await axe.page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/fr/"></a>'));
    const result = await runAxe(axe.page);
    expect(result.violations.map((v: { rule: string }) => v.rule)).toEqual(expect.arrayContaining(['image-alt', 'link-name']));
  });

  it.each(PAGES)('%s: %s has no violation', async (_name, url) => {
    await axe.page.goto(`${axe.server.url}${url}`);
    const result = await runAxe(axe.page);
    expect(result.passes).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
  });
});

describeWithBrowser('accessibility of the real content (axe-core)', () => {
  let axe: AxePage;
  // The seed keeps growing: take whichever entries it has.
  const first = (collection: string) => seedSlugs(REAL_SEED, collection).sort()[0];
  const urls = ['fr', 'en', 'ar'].flatMap((l) => [
    `/${l}/`,
    `/${l}/actors/`,
    ...['case-studies', 'actors', 'funding-calls', 'good-practices', 'themes'].filter(first).map((c) => `/${l}/${c}/${first(c)}/`),
  ]);

  beforeAll(async () => {
    axe = await openAxePage((await buildSeedSite()).dist);
  }, 300_000);
  afterAll(() => closeAxePage(axe));

  it.each(urls)('%s has no violation', async (url) => {
    await axe.page.goto(`${axe.server.url}${url}`);
    expect((await runAxe(axe.page)).violations).toEqual([]);
  });

  // The search page once its script has drawn results, facets (all opened) and paging.
  it.each(['/fr/search/?q=innovation&type=case-study', `/ar/search/?q=${encodeURIComponent('الابتكار')}&type=case-study`])('search %s has no violation', async (url) => {
    await axe.page.goto(`${axe.server.url}${url}`);
    await axe.page.waitForSelector('[data-search][data-ready]');
    await axe.page.$$eval('.search-facet', (details) => details.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axe.page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await axe.page.locator('[data-search-pages] a').count()).toBeGreaterThan(0);
    const result = await runAxe(axe.page);
    expect(result.passes).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
  });
});
