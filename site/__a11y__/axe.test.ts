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
};
const PAGES: [string, string][] = [
  ['front door', '/'],
  ['not found', '/404.html'],
  ...['fr', 'en', 'ar'].flatMap((locale) => Object.entries(TEMPLATES).map(([name, url]): [string, string] => [`${name} (${locale})`, url(locale)])),
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describeWithBrowser('accessibility (axe-core)', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  const violations = () =>
    page.evaluate(async (tags) => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return {
        passes: result.passes.length as number,
        violations: result.violations.map((v: any) => ({
          rule: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 5).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`),
        })),
      };
    }, TAGS);

  beforeAll(async () => {
    const { dist } = await buildFixtureSite();
    server = await serve(dist);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // axe is added to every page the test opens (the guide itself ships no script).
    await page.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
    // Only the guide itself: fixture cover images point to a host that is not there.
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds violations when there are some', async () => {
    await page.goto(`${server.url}/fr/`);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/fr/"></a>'));
    const result = await violations();
    expect(result.violations.map((v: { rule: string }) => v.rule)).toEqual(expect.arrayContaining(['image-alt', 'link-name']));
  });

  it.each(PAGES)('%s: %s has no violation', async (_name, url) => {
    await page.goto(`${server.url}${url}`);
    const result = await violations();
    expect(result.passes).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
  });
});

describeWithBrowser('accessibility of the real content (axe-core)', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  // The seed keeps growing: take whichever entries it has.
  const first = (collection: string) => seedSlugs(REAL_SEED, collection).sort()[0];
  const urls = ['fr', 'en', 'ar'].flatMap((l) => [
    `/${l}/`,
    `/${l}/actors/`,
    ...['case-studies', 'actors', 'funding-calls', 'good-practices', 'themes'].filter(first).map((c) => `/${l}/${c}/${first(c)}/`),
  ]);

  beforeAll(async () => {
    const { dist } = await buildSeedSite();
    server = await serve(dist);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(urls)('%s has no violation', async (url) => {
    await page.goto(`${server.url}${url}`);
    const violations = await page.evaluate(async (tags) => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v: any) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(' ')) }));
    }, TAGS);
    expect(violations).toEqual([]);
  });
});
