/** Full-text search (Pagefind) on the guide built from the real seed, in real Chromium. */
import { buildSeedSite } from '../__tests__/test-utils/build';
import { browseSite, describeWithBrowser } from '../__tests__/test-utils/browser';

/** What a city officer would type, and the entry of the seed that answers it. */
const QUESTIONS: [locale: string, query: string, expected: string][] = [
  ['fr', 'collecte des déchets dans les quartiers précaires', '/fr/case-studies/lagos-wecyclers-precollecte-selective-des-dechets/'],
  ['fr', 'budget participatif numérique', '/fr/case-studies/belo-horizonte-budget-participatif-numerique/'],
  ['fr', 'dematerialisation etat civil', '/fr/case-studies/fes-dematerialisation-de-l-etat-civil/'],
  ['fr', 'paludisme', '/fr/case-studies/ouagadougou-carto-malaria/'],
  ['fr', 'mutuelle communale', '/fr/case-studies/caumont-sur-durance-mutuelle-communale/'],
  ['fr', 'commande publique innovante', '/fr/good-practices/adapter-la-commande-publique-a-l-innovation/'],
  ['en', 'waste collection informal neighbourhoods', '/en/case-studies/lagos-wecyclers-precollecte-selective-des-dechets/'],
  ['en', 'tax collection', '/en/case-studies/kampala-e-citie-collecte-des-taxes/'],
  ['en', 'solar energy', '/en/case-studies/montmelian-politique-energetique-solaire/'],
  ['en', 'air quality sensors', '/en/case-studies/lausanne-captographies-capteurs-citoyens-qualite-de-l-air/'],
  ['en', '5G deployment', '/en/case-studies/etats-unis-coalition-de-villes-sur-le-deploiement-de-la-5g/'],
  ['en', 'open data competition', '/en/funding-calls/concours-donnees-ouvertes-rennes-metropole/'],
  ['ar', 'ميزانية تشاركية', '/ar/case-studies/belo-horizonte-budget-participatif-numerique/'],
];

describeWithBrowser('search (Pagefind) on the real guide', () => {
  const site = browseSite(buildSeedSite, 600_000);

  /** Opens a search URL and waits for the first results (or the prompt) to be shown. */
  const open = async (path: string) => {
    await site.page.goto(`${site.url}${path}`);
    await site.page.waitForSelector('[data-search][data-ready]');
  };
  const status = () => site.page.locator('[data-search-status]').textContent();
  const count = async () => Number((await status())!.match(/(\d+)\s*$/)?.[1] ?? NaN);
  const results = () => site.page.$$eval('.search-result h3 a', (links) => links.map((a) => a.getAttribute('href')));
  const url = () => new URL(site.page.url());
  /** A facet's count once its data is loaded and counted for the current results. */
  const countOf = async (id: string) => {
    await site.page.waitForSelector(`fieldset[data-counts="shown"] #${id}`, { state: 'attached' });
    return Number((await site.page.locator(`label[for="${id}"] .search-count`).textContent())!.replace(/\D/g, ''));
  };
  /** Waits until the status line changes from `before`. */
  const changed = (before: string | null) => site.page.waitForFunction((b) => document.querySelector('[data-search-status]')!.textContent !== b, before);

  it.each(QUESTIONS)('%s: “%s” finds %s first', async (locale, query, expected) => {
    await open(`/${locale}/search/?q=${encodeURIComponent(query)}`);
    expect((await results())[0]).toBe(expected);
  });

  it('ignores accents and case: dechets, DÉCHETS and déchets find the same French entries', async () => {
    const found: string[][] = [];
    for (const query of ['dechets', 'DÉCHETS', 'déchets']) {
      await open(`/fr/search/?q=${encodeURIComponent(query)}`);
      found.push((await results()) as string[]);
    }
    expect(found[0].length).toBeGreaterThan(3);
    expect(found[1]).toEqual(found[0]);
    expect(found[2]).toEqual(found[0]);
    // The match is highlighted in the excerpt, in its accented form.
    expect(await site.page.locator('.search-result mark').first().textContent()).toMatch(/déchets/i);
  });

  it('shows each result’s type and place, and an excerpt', async () => {
    await open('/fr/search/?q=paludisme');
    const first = site.page.locator('.search-result').first();
    expect(await first.locator('.search-result-about').textContent()).toBe('Étude de cas · Ouagadougou, Burkina Faso');
    expect(await first.locator('.search-result-excerpt mark').count()).toBeGreaterThan(0);
  });

  it('searches only entries in the page’s language, and only their own text', async () => {
    await open('/fr/search/?q=informal');
    expect((await results()).every((href) => href!.startsWith('/fr/'))).toBe(true);
    await open('/ar/search/?q=' + encodeURIComponent('الملاريا'));
    expect((await results())[0]).toBe('/ar/case-studies/ouagadougou-carto-malaria/');
    // The footer and the machine-translation notice are on every page, but not in the index.
    await open(`/en/search/?q=${encodeURIComponent('"open to contributions from cities"')}`);
    expect(await results()).toEqual([]);
    await open(`/en/search/?q=${encodeURIComponent('"has not been reviewed yet"')}`);
    expect(await results()).toEqual([]);
  });

  it('narrows with a facet whose count is right, and adds up values of one facet', async () => {
    await open('/fr/search/?q=innovation');
    const total = await count();
    const caseStudies = site.page.locator('#facet-type-case-study');
    const actors = site.page.locator('#facet-type-actor');
    await site.page.locator('summary', { hasText: 'Type de fiche' }).click();
    const nCases = await countOf('facet-type-case-study');
    const nActors = await countOf('facet-type-actor');
    expect(nCases).toBeGreaterThan(0);
    expect(nCases).toBeLessThan(total);

    let before = await status();
    await caseStudies.check();
    await changed(before);
    expect(await count()).toBe(nCases);
    expect(url().searchParams.getAll('type')).toEqual(['case-study']);
    const abouts = await site.page.$$eval('.search-result-about', (ps) => ps.map((p) => p.textContent));
    expect(abouts.every((text) => text!.startsWith('Étude de cas'))).toBe(true);

    before = await status();
    await actors.check();
    await changed(before);
    expect(await count()).toBe(nCases + nActors);

    // A second facet narrows further, and its counts are those of the current results.
    const countryBox = site.page.locator('[name="country"][value="CI"]');
    await site.page.locator('summary', { hasText: 'Pays' }).click();
    const nIvory = await countOf('facet-country-CI');
    before = await status();
    await countryBox.check();
    await changed(before);
    expect(await count()).toBe(nIvory);
    expect(nIvory).toBeLessThan(nCases + nActors);
  });

  it('fetches a facet’s data only when the facet is opened, and then counts it', async () => {
    const filterFiles: string[] = [];
    site.page.on('request', (request) => {
      if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url());
    });
    await open('/fr/search/?q=innovation');
    const total = await count();
    expect(total).toBeGreaterThan(0);
    expect(filterFiles).toEqual([]);
    await site.page.locator('summary', { hasText: 'Pays' }).click();
    await site.page.waitForSelector('details:has([name="country"]) fieldset[data-counts="shown"]', { state: 'attached' });
    const counts = await site.page.$$eval('fieldset[data-counts="shown"] li:not([hidden]) .search-count', (spans) => spans.map((s) => Number(s.textContent!.replace(/\D/g, ''))));
    expect(filterFiles).toHaveLength(1);
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.every((n) => n > 0 && n <= total)).toBe(true);
    // The other facets stay unloaded, their values listed without counts.
    expect(await site.page.locator('details:has(#facet-type-case-study) fieldset').getAttribute('data-counts')).toBe('pending');
  });

  it('restores the query, filters, sort and page from the URL, and the back button undoes a step', async () => {
    await open('/fr/search/?q=innovation&type=case-study&sort=newest&page=2');
    expect(await site.page.inputValue('#search-q')).toBe('innovation');
    expect(await site.page.isChecked('#facet-type-case-study')).toBe(true);
    expect(await site.page.inputValue('#search-sort')).toBe('newest');
    expect(await site.page.locator('[data-search-pages] [aria-current="page"]').textContent()).toMatch(/^Page 2 sur \d+$/);
    const secondPage = await results();
    expect(secondPage).toHaveLength(10);

    // The same URL gives the same page of results.
    await open('/fr/search/?q=innovation&type=case-study&sort=newest&page=2');
    expect(await results()).toEqual(secondPage);

    // A facet in use is open.
    expect(await site.page.locator('details:has(#facet-type-case-study)').getAttribute('open')).not.toBeNull();
    let before = await status();
    await site.page.locator('#facet-type-case-study').uncheck();
    await changed(before);
    expect(url().searchParams.get('type')).toBeNull();
    expect(url().searchParams.get('page')).toBeNull();

    before = await status();
    await site.page.goBack();
    await changed(before);
    expect(url().searchParams.get('page')).toBe('2');
    expect(await site.page.isChecked('#facet-type-case-study')).toBe(true);
    expect(await results()).toEqual(secondPage);
  });

  it('sorts funding calls by deadline', async () => {
    await open('/en/search/?sort=deadline');
    const abouts = await site.page.$$eval('.search-result-about', (ps) => ps.map((p) => p.textContent));
    expect(abouts.length).toBe(10);
    expect(abouts.every((text) => text!.startsWith('Funding ·'))).toBe(true);
    // Calls one can still answer come before closed ones.
    const closed = abouts.map((text) => /Closed/.test(text!));
    expect(closed).toEqual([...closed].sort((a, b) => Number(a) - Number(b)));
  });

  it('can be used with the keyboard only: header box, facets, paging and a result', async () => {
    await site.page.goto(`${site.url}/fr/`);
    const focus = async (test: string, max = 80) => {
      for (let i = 0; i < max; i++) {
        await site.page.keyboard.press('Tab');
        if (await site.page.evaluate((t) => document.activeElement!.matches(t), test)) return;
      }
      throw new Error(`never reached ${test}`);
    };
    await focus('#header-search');
    await site.page.keyboard.type('innovation');
    await site.page.keyboard.press('Enter');
    await site.page.waitForSelector('[data-search][data-ready]');
    expect(url().pathname).toBe('/fr/search/');
    expect(url().searchParams.get('q')).toBe('innovation');
    const total = await count();

    await focus('.search-facet summary');
    await site.page.keyboard.press('Enter');
    await site.page.keyboard.press('Tab');
    expect(await site.page.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe('facet-type-case-study');
    const before = await status();
    await site.page.keyboard.press('Space');
    await changed(before);
    expect(await count()).toBeLessThan(total);

    await focus('[data-search-pages] a[rel="next"]');
    await site.page.keyboard.press('Enter');
    await site.page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    // Focus goes to the results heading (once the new page is drawn), so the next Tab reaches the first result.
    await site.page.waitForFunction(() => document.activeElement!.id === 'search-results-heading', undefined, { timeout: 5000 });
    await focus('.search-result h3 a', 5);
    const target = await site.page.evaluate(() => document.activeElement!.getAttribute('href'));
    await site.page.keyboard.press('Enter');
    await site.page.waitForURL(`**${target}`);
    expect(url().pathname).toBe(target);
  });

  it('reads right to left in Arabic, with the facets on the right', async () => {
    await open('/ar/search/?q=' + encodeURIComponent('ميزانية'));
    const layout = await site.page.evaluate(() => ({
      dir: getComputedStyle(document.querySelector('.search-layout')!).direction,
      facets: document.querySelector('.search-facets')!.getBoundingClientRect().left,
      results: document.querySelector('.search-results')!.getBoundingClientRect().left,
      legend: document.querySelector('.search-facet summary')!.textContent,
    }));
    expect(layout.dir).toBe('rtl');
    expect(layout.facets).toBeGreaterThan(layout.results);
    expect(layout.legend).toBe('نوع البطاقة');
  });

  it('announces the number of results in a live region', async () => {
    await open('/en/search/');
    expect(await site.page.getAttribute('[data-search-status]', 'role')).toBe('status');
    expect(await status()).toBe('Type some words or choose a filter.');
    const before = await status();
    await site.page.fill('#search-q', 'malaria');
    await changed(before);
    expect(await status()).toMatch(/^Results for “malaria”: \d+$/);
  });

  it('says plainly without JavaScript that search needs it, and links to the listings', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}/fr/search/?q=dechets`);
    expect(await noJs.locator('noscript .notice, .notice').first().textContent()).toMatch(/La recherche a besoin de JavaScript/);
    expect(await noJs.isVisible('[data-search]')).toBe(false);
    expect(await noJs.locator('a[href="/fr/case-studies/"]').last().isVisible()).toBe(true);
    await context.close();
  });
});
