import { readFileSync } from 'node:fs';
/**
 * The guide built from the repository's real seed. The seed keeps growing: nothing here
 * depends on how many entries it holds.
 */
import { buildSeedSite, REAL_SEED } from './test-utils/build';
import { COLLECTION_PATHS, LOCALES, SITE_ORIGIN, TEMPLATE_SLIPS, htmlFiles, isInternal, page, pageFile, resolveUrl, seedSlugs, urlPathOf } from './test-utils/dist';

let dist: string;
beforeAll(async () => {
  ({ dist } = await buildSeedSite());
}, 300_000);

describe('site built from the real seed', () => {
  it('has a page for every seed entry in every locale', () => {
    const urls = COLLECTION_PATHS.flatMap((path) => seedSlugs(REAL_SEED, path).flatMap((slug) => LOCALES.map((l) => `/${l}/${path}/${slug}/`)));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !resolveUrl(dist, url))).toEqual([]);
  });

  it('is right to left in Arabic and left to right elsewhere', () => {
    for (const file of htmlFiles(dist)) {
      const url = urlPathOf(dist, file);
      const html = pageFile(dist, file).querySelector('html')!;
      const rtl = url.startsWith('/ar/');
      expect({ url, dir: html.getAttribute('dir') }).toEqual({ url, dir: rtl ? 'rtl' : 'ltr' });
    }
  });

  it('has no broken internal link, and hreflang alternates and language switchers that resolve', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(dist)) {
      const from = urlPathOf(dist, file);
      const doc = pageFile(dist, file);
      for (const element of doc.querySelectorAll('[href], [src]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src')!;
        if (isInternal(url, from) && !resolveUrl(dist, url, from)) broken.push(`${from} → ${url}`);
      }
      if (from !== '/404.html' && doc.querySelectorAll('link[rel="alternate"][hreflang]').length === 0) broken.push(`${from}: no hreflang`);
      if (from.match(/^\/(fr|en|ar)\//) && doc.querySelectorAll('.language-switcher a').length !== LOCALES.length) broken.push(`${from}: switcher`);
    }
    expect(broken).toEqual([]);
  });

  it('shows no template slip (undefined, NaN, stray braces)', () => {
    const slips = htmlFiles(dist).filter((file) => TEMPLATE_SLIPS.test(pageFile(dist, file).querySelector('body')!.text));
    expect(slips.map((file) => urlPathOf(dist, file))).toEqual([]);
  });

  it('ships no client JavaScript besides the deadline clock and the funding filters', () => {
    // The search page runs Pagefind: search.test.ts covers it; the contribution page, contribute.test.ts.
    const withScripts = htmlFiles(dist).filter((file) =>
      !/^\/(fr|en|ar)\/(search|contribuer|contribute)\/$/.test(urlPathOf(dist, file)) &&
      pageFile(dist, file)
        .querySelectorAll('script')
        .some((s) => s.getAttribute('type') !== 'application/ld+json' && !s.hasAttribute('data-kb-clock') && !s.hasAttribute('data-kb-filters')),
    );
    expect(withScripts).toEqual([]);
  });

  it('puts the calls the sources do not date apart, neither open nor closed, in every locale', () => {
    for (const locale of ['fr', 'en', 'ar']) {
      const funding = page(dist, `/${locale}/funding/`);
      const in_ = (id: string) => funding.querySelectorAll(`#${id} [data-call] .card-title a`).map((a) => a.getAttribute('href'));
      expect(in_('calls-unknown')).toEqual(expect.arrayContaining([`/${locale}/funding-calls/cifre/`, `/${locale}/funding-calls/horizon-2020/`]));
      expect(in_('calls-open')).not.toContain(`/${locale}/funding-calls/cifre/`);
      expect(funding.querySelector(`#calls-unknown [data-call]`)!.getAttribute('data-call-status')).toBe('unknown');
    }
  });

  it('lists every page it keeps canonical in the sitemap', () => {
    const xml = readFileSync(`${dist}/sitemap.xml`, 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${SITE_ORIGIN}/fr/`);
    expect(locs.filter((loc) => !resolveUrl(dist, loc))).toEqual([]);
    expect(page(dist, '/fr/').querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${SITE_ORIGIN}/fr/`);
  });
});
