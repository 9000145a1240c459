/** The guide built from the tiny fixture seed: every page, language and link. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import guide from '../guide.config';
import { buildFixtureSite, FIXTURE_SEED } from './test-utils/build';
import { COLLECTION_PATHS, LOCALES, SITE_ORIGIN, TEMPLATE_SLIPS, htmlFiles, isInternal, page, pageFile, resolveUrl, seedSlugs, urlPathOf } from './test-utils/dist';

let dist: string;
beforeAll(async () => {
  ({ dist } = await buildFixtureSite());
}, 300_000);

const entryPages = () =>
  COLLECTION_PATHS.flatMap((path) => seedSlugs(FIXTURE_SEED, path).flatMap((slug) => LOCALES.map((locale) => `/${locale}/${path}/${slug}/`)));

describe('fixture site: pages', () => {
  it('has a page for every entry in every locale', () => {
    const missing = entryPages().filter((url) => !resolveUrl(dist, url));
    expect(entryPages().length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('has the home, listings, theme, country, about and search pages in every locale', () => {
    const pages = ['/', '/sitemap.xml', '/robots.txt', '/404.html'];
    for (const locale of LOCALES) {
      pages.push(`/${locale}/`, `/${locale}/about/`, `/${locale}/search/`, `/${locale}/themes/`, `/${locale}/countries/`);
      pages.push(`/${locale}/countries/ng/`, `/${locale}/countries/fr/`, `/${locale}/countries/sn/`);
      for (const path of ['case-studies', 'actors', 'funding-calls', 'good-practices']) pages.push(`/${locale}/${path}/`);
      pages.push(`/${locale}/case-studies/page/2/`, `/${locale}/case-studies/sort/year/`, `/${locale}/case-studies/sort/recent/page/2/`);
      pages.push(`/${locale}/funding-calls/sort/title/`);
    }
    expect(pages.filter((url) => !resolveUrl(dist, url))).toEqual([]);
  });

  it('sets lang and dir on every page: ar is right to left', () => {
    for (const file of htmlFiles(dist)) {
      const url = urlPathOf(dist, file);
      const html = pageFile(dist, file).querySelector('html')!;
      const locale = url.match(/^\/(fr|en|ar)\//)?.[1] ?? 'fr';
      expect({ url, lang: html.getAttribute('lang'), dir: html.getAttribute('dir') }).toEqual({
        url,
        lang: locale,
        dir: locale === 'ar' ? 'rtl' : 'ltr',
      });
    }
  });

  it('gives every page a title, a description, a canonical URL and Open Graph tags', () => {
    for (const file of htmlFiles(dist)) {
      const doc = pageFile(dist, file);
      const url = urlPathOf(dist, file);
      if (url === '/404.html') {
        expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
        continue;
      }
      const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim();
      expect({ url, title: !!doc.querySelector('title')?.text.trim() }).toEqual({ url, title: true });
      expect({ url, description: !!meta('meta[name="description"]') }).toEqual({ url, description: true });
      expect({ url, og: [meta('meta[property="og:title"]'), meta('meta[property="og:url"]'), meta('meta[property="og:type"]')].every(Boolean) }).toEqual({ url, og: true });
      expect({ url, canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.startsWith(SITE_ORIGIN) }).toEqual({ url, canonical: true });
    }
  });

  it('shows no template slip (undefined, NaN, stray braces)', () => {
    const slips = htmlFiles(dist).filter((file) => TEMPLATE_SLIPS.test(pageFile(dist, file).querySelector('body')!.text));
    expect(slips.map((file) => urlPathOf(dist, file))).toEqual([]);
  });

  // The deadline clock and the funding filters are the only scripts: funding.test.ts checks where they go.
  it('ships no client JavaScript besides the deadline clock and the funding filters', () => {
    // The search page runs Pagefind: search.test.ts covers it; the contribution page, contribute.test.ts.
    for (const file of htmlFiles(dist).filter((f) => !/^\/(fr|en|ar)\/(search|contribuer|contribute)\/$/.test(urlPathOf(dist, f)))) {
      const scripts = pageFile(dist, file)
        .querySelectorAll('script')
        .filter((s) => s.getAttribute('type') !== 'application/ld+json' && !s.hasAttribute('data-kb-clock') && !s.hasAttribute('data-kb-filters'));
      expect({ url: urlPathOf(dist, file), scripts: scripts.length }).toEqual({ url: urlPathOf(dist, file), scripts: 0 });
    }
  });
});

/** A policy's directives: name → sources. */
const directives = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('fixture site: Content-Security-Policy', () => {
  it('carries one policy on every page, before anything it governs, allowing no inline code but by hash', () => {
    const policies = new Set<string>();
    for (const file of htmlFiles(dist)) {
      const url = urlPathOf(dist, file);
      const head = pageFile(dist, file).querySelector('head')!;
      const meta = head.querySelector('meta[http-equiv="Content-Security-Policy"]');
      policies.add(meta?.getAttribute('content') ?? '(none)');
      // A <meta> policy covers only what follows it: nothing but <meta charset> may come first.
      const first = head.childNodes.filter((n): n is HTMLElement => n.nodeType === 1).slice(0, 2).map((e) => `${e.rawTagName} ${e.getAttribute('charset') ?? e.getAttribute('http-equiv')}`);
      expect({ url, first }).toEqual({ url, first: ['meta utf-8', 'meta Content-Security-Policy'] });
      expect({ url, referrer: head.querySelector('meta[name="referrer"]')?.getAttribute('content') }).toEqual({ url, referrer: 'strict-origin-when-cross-origin' });
    }
    expect([...policies]).toHaveLength(1);
    const policy = directives([...policies][0]);
    expect(policy['script-src'][0]).toBe("'self'");
    expect(policy['script-src'].slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source) || source === "'wasm-unsafe-eval'")).toBe(true);
    expect(policy['style-src'].slice(1).every((source) => /^'sha256-/.test(source))).toBe(true);
    expect([policy['default-src'], policy['object-src'], policy['base-uri'], policy['frame-src']]).toEqual([["'self'"], ["'none'"], ["'self'"], ["'none'"]]);
  });

  it('allows every inline script and style the pages ship by its hash, no more, and has no inline handler or style attribute', () => {
    const policy = directives(readFileSync(join(dist, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)![1]);
    const used = new Set<string>();
    const unlisted: string[] = [];
    for (const file of htmlFiles(dist)) {
      const url = urlPathOf(dist, file);
      const doc = pageFile(dist, file);
      for (const script of doc.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        if (script.hasAttribute('src')) {
          // Files of the guide itself: 'self'.
          expect({ url, src: script.getAttribute('src')!.startsWith('/_astro/') }).toEqual({ url, src: true });
        } else if (type !== 'application/json' && type !== 'application/ld+json') {
          used.add(sha256(script.rawText));
          if (!policy['script-src'].includes(sha256(script.rawText))) unlisted.push(`${url}: <script ${script.rawAttrs}>`);
        }
      }
      for (const style of doc.querySelectorAll('style')) {
        used.add(sha256(style.rawText));
        if (!policy['style-src'].includes(sha256(style.rawText))) unlisted.push(`${url}: <style>`);
      }
      const inline = doc.querySelectorAll('*').filter((e) => Object.keys(e.attributes).some((name) => /^on|^style$/i.test(name)));
      expect({ url, inline: inline.map((e) => e.rawTagName) }).toEqual({ url, inline: [] });
    }
    expect(unlisted).toEqual([]);
    // The deadline clock, the funding filters and the guide's colours: each hash is of something a page ships.
    const hashes = [...policy['script-src'], ...policy['style-src']].filter((source) => source.startsWith("'sha256-"));
    expect(hashes.sort()).toEqual([...used].sort());
    expect(hashes).toHaveLength(3);
  });

  it('writes the same policy as headers for the site server and static hosts, with frame protection', () => {
    const meta = page(dist, '/fr/').querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(
      [
        '/*',
        `  Content-Security-Policy: ${meta}; frame-ancestors 'none'`,
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '  X-Frame-Options: DENY',
        '  X-Content-Type-Options: nosniff',
        '',
      ].join('\n'),
    );
  });
});

describe('fixture site: languages', () => {
  it('has hreflang alternates that resolve on every page', () => {
    for (const file of htmlFiles(dist)) {
      const url = urlPathOf(dist, file);
      if (url === '/404.html') continue;
      const alternates = pageFile(dist, file).querySelectorAll('link[rel="alternate"][hreflang]');
      expect({ url, count: alternates.length > 0 }).toEqual({ url, count: true });
      for (const link of alternates) {
        const href = link.getAttribute('href')!;
        expect({ url, href, resolves: !!resolveUrl(dist, href) }).toEqual({ url, href, resolves: true });
      }
    }
  });

  it('has a language switcher leading to the same page in each other locale', () => {
    for (const url of entryPages()) {
      const links = page(dist, url).querySelectorAll('.language-switcher a');
      expect(links.map((a) => a.getAttribute('hreflang'))).toEqual(['fr', 'en', 'ar']);
      for (const a of links) {
        const href = a.getAttribute('href')!;
        expect(href).toBe(url.replace(/^\/(fr|en|ar)\//, `/${a.getAttribute('hreflang')}/`));
        expect(resolveUrl(dist, href)).not.toBeNull();
      }
      expect(page(dist, url).querySelector('.language-switcher a[aria-current]')?.getAttribute('hreflang')).toBe(url.slice(1, 3));
    }
  });

  it('shows the French text, marked lang="fr", with a notice, where a translation is missing', () => {
    const ar = page(dist, '/ar/case-studies/lagos-collecte-des-dechets/');
    expect(ar.querySelector('[data-notice="fallback"]')).not.toBeNull();
    expect(ar.querySelector('h1')!.getAttribute('lang')).toBe('fr');
    expect(ar.querySelector('h1')!.text).toBe('Collecte des déchets recyclables à Lagos');
    expect(ar.querySelector('.prose')!.getAttribute('lang')).toBe('fr');
    // The French page is canonical; hreflang lists only the real translations.
    expect(ar.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${SITE_ORIGIN}/fr/case-studies/lagos-collecte-des-dechets/`);
    expect(ar.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'))).toEqual(['fr', 'en', 'x-default']);
    // Links to it from other pages (listings, theme and country pages) carry the language of the title too.
    const links = htmlFiles(dist)
      .filter((file) => urlPathOf(dist, file).startsWith('/ar/'))
      .flatMap((file) => pageFile(dist, file).querySelectorAll('a[href="/ar/case-studies/lagos-collecte-des-dechets/"]'))
      .filter((a) => a.text.includes('Lagos'));
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((a) => a.getAttribute('lang'))).toEqual(links.map(() => 'fr'));

    for (const url of ['/fr/case-studies/lagos-collecte-des-dechets/', '/en/case-studies/lagos-collecte-des-dechets/', '/ar/case-studies/lyon-tiers-lieu-numerique/']) {
      expect(page(dist, url).querySelector('[data-notice="fallback"]')).toBeNull();
    }
  });

  it('says when a text is a machine translation, and links to the original', () => {
    const en = page(dist, '/en/case-studies/lyon-tiers-lieu-numerique/');
    expect(en.querySelector('[data-notice="machine"]')).not.toBeNull();
    expect(en.querySelector('[data-notice="machine"] a')!.getAttribute('href')).toBe('/fr/case-studies/lyon-tiers-lieu-numerique/');
    expect(page(dist, '/fr/case-studies/lyon-tiers-lieu-numerique/').querySelector('[data-notice="machine"]')).toBeNull();
    // Reviewed by a person: no notice.
    expect(page(dist, '/en/actors/ville-de-lyon/').querySelector('[data-notice="machine"]')).toBeNull();
    expect(page(dist, '/ar/actors/ville-de-lyon/').querySelector('[data-notice="machine"]')).not.toBeNull();
  });

  it('writes a sitemap of canonical pages with their alternates', () => {
    const xml = readFileSync(`${dist}/sitemap.xml`, 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${SITE_ORIGIN}/fr/case-studies/lyon-tiers-lieu-numerique/`);
    expect(locs).toContain(`${SITE_ORIGIN}/ar/case-studies/lyon-tiers-lieu-numerique/`);
    expect(locs).not.toContain(`${SITE_ORIGIN}/ar/case-studies/lagos-collecte-des-dechets/`);
    expect(locs.filter((loc) => !resolveUrl(dist, loc))).toEqual([]);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${SITE_ORIGIN}/ar/case-studies/lyon-tiers-lieu-numerique/"/>`);
    expect(readFileSync(`${dist}/robots.txt`, 'utf8')).toContain(`Sitemap: ${SITE_ORIGIN}/sitemap.xml`);
  });
});

describe('fixture site: links', () => {
  it('has no broken internal link, image or anchor', () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set(pageFile(dist, file).querySelectorAll('[id]').map((e) => e.id)));
      return ids.get(file)!;
    };
    for (const file of htmlFiles(dist)) {
      const from = urlPathOf(dist, file);
      for (const element of pageFile(dist, file).querySelectorAll('[href], [src], [srcset]')) {
        const urls = [element.getAttribute('href'), element.getAttribute('src'), ...(element.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0])]
          .filter((u): u is string => !!u);
        for (const url of urls) {
          if (!isInternal(url, from)) continue;
          const target = resolveUrl(dist, url, from);
          const fragment = new URL(url, `${SITE_ORIGIN}${from}`).hash.slice(1);
          if (!target) broken.push(`${from} → ${url}`);
          else if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${from} → ${url} (no #${fragment})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('links an entry to its related entries of other types, both ways', () => {
    const links = (url: string) => page(dist, url).querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(links('/fr/case-studies/lyon-tiers-lieu-numerique/')).toEqual(
      expect.arrayContaining([
        '/fr/actors/ville-de-lyon/',
        '/fr/actors/agence-exemple-de-financement/',
        '/fr/good-practices/creer-un-guichet-unique-de-l-innovation/',
        '/fr/funding-calls/appel-villes-durables-2026/',
        '/fr/themes/services-urbains/',
        '/fr/countries/fr/',
        '/fr/about/#source-000',
      ]),
    );
    expect(links('/en/actors/ville-de-lyon/')).toEqual(expect.arrayContaining(['/en/case-studies/lyon-tiers-lieu-numerique/', '/en/funding-calls/prix-innovation-urbaine-2026/']));
    expect(links('/ar/funding-calls/appel-villes-durables-2026/')).toEqual(
      expect.arrayContaining(['/ar/actors/agence-exemple-de-financement/', '/ar/case-studies/lyon-tiers-lieu-numerique/']),
    );
    expect(links('/fr/good-practices/creer-un-guichet-unique-de-l-innovation/')).toEqual(
      expect.arrayContaining(['/fr/case-studies/lyon-tiers-lieu-numerique/', '/fr/good-practices/cartographier-les-acteurs-de-l-innovation/']),
    );
    expect(links('/fr/funding-calls/appel-innovation-2015/')).toContain('/fr/funding-calls/appel-villes-durables-2026/');
  });

  it('gathers every type on a theme page, sub-themes included, and on a country page', () => {
    const urban = page(dist, '/fr/themes/services-urbains/').querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(urban).toEqual(
      expect.arrayContaining([
        '/fr/themes/dechets/',
        '/fr/case-studies/lagos-collecte-des-dechets/',
        '/fr/case-studies/lyon-tiers-lieu-numerique/',
        '/fr/actors/wecyclers/',
        '/fr/funding-calls/programme-permanent-d-assistance/',
        '/fr/good-practices/cartographier-les-acteurs-de-l-innovation/',
      ]),
    );
    const nigeria = page(dist, '/en/countries/ng/');
    expect(nigeria.querySelector('h1')!.text).toBe('Nigeria');
    expect(nigeria.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['/en/case-studies/lagos-collecte-des-dechets/', '/en/actors/wecyclers/', '/en/funding-calls/programme-permanent-d-assistance/']),
    );
  });

  it('paginates and sorts the listings', () => {
    const titles = (url: string) => page(dist, url).querySelectorAll('.card-title a').map((a) => a.getAttribute('href'));
    expect(titles('/fr/case-studies/')).toHaveLength(2);
    expect([...titles('/fr/case-studies/'), ...titles('/fr/case-studies/page/2/')]).toEqual([
      '/fr/case-studies/dakar-budget-participatif/',
      '/fr/case-studies/lagos-collecte-des-dechets/',
      '/fr/case-studies/lyon-tiers-lieu-numerique/',
    ]);
    expect([...titles('/fr/case-studies/sort/year/'), ...titles('/fr/case-studies/sort/year/page/2/')]).toEqual([
      '/fr/case-studies/dakar-budget-participatif/',
      '/fr/case-studies/lyon-tiers-lieu-numerique/',
      '/fr/case-studies/lagos-collecte-des-dechets/',
    ]);
    // Calls one can still answer come first.
    expect(titles('/fr/funding-calls/')[0]).toBe('/fr/funding-calls/appel-villes-durables-2026/');
    const nav = page(dist, '/fr/case-studies/page/2/').querySelector('.pagination')!;
    expect(nav.querySelector('a[aria-current="page"]')!.text.trim()).toBe('2');
    expect(nav.querySelector('a[rel="prev"]')!.getAttribute('href')).toBe('/fr/case-studies/');
  });
});

describe('fixture site: content', () => {
  it('shows a funding call’s derived status and its deadline in the reader’s locale', () => {
    const call = (locale: string, slug = 'appel-villes-durables-2026') => page(dist, `/${locale}/funding-calls/${slug}/`);
    expect(call('fr').querySelector('.call-status [data-status]')!.getAttribute('data-status')).toBe('closing-soon');
    expect(call('fr').querySelector('[data-deadline]')!.text).toContain('20 mars 2026');
    expect(call('fr').querySelector('[data-deadline]')!.text).toContain('23:59');
    expect(call('en').querySelector('[data-deadline]')!.text).toContain('20 March 2026');
    expect(call('ar').querySelector('[data-deadline]')!.text).toContain('مارس');
    expect(call('fr').querySelector('.days-left')!.text).toMatch(/dans 19 jours/);
    expect(call('fr', 'appel-innovation-2015').querySelector('.call-status [data-status]')!.getAttribute('data-status')).toBe('closed');
    expect(call('fr', 'programme-permanent-d-assistance').querySelector('.call-status [data-status]')!.getAttribute('data-status')).toBe('rolling');
    expect(call('en', 'prix-innovation-urbaine-2026').querySelector('.call-status [data-status]')!.text).toBe('Upcoming');
    expect(page(dist, '/fr/').querySelector('#closing-soon')!.parentNode.querySelector('a')!.getAttribute('href')).toBe(
      '/fr/funding-calls/appel-villes-durables-2026/',
    );
  });

  it('renders markdown and shows raw HTML of the sources as text', () => {
    const lyon = page(dist, '/fr/case-studies/lyon-tiers-lieu-numerique/');
    const prose = lyon.querySelector('.prose')!;
    expect(prose.querySelector('h3')!.text).toBe('Comment');
    expect(prose.querySelectorAll('li')).toHaveLength(2);
    expect(prose.querySelector('script')).toBeNull();
    expect(prose.innerHTML).toContain('&lt;script&gt;');
    expect(prose.text).toContain('< 2 €');
    expect(prose.querySelector('a[href="https://www.lyon.fr"]')).not.toBeNull();
    expect(prose.innerHTML).not.toContain('javascript:');
  });

  it('shows everything a case study holds', () => {
    const lyon = page(dist, '/en/case-studies/lyon-tiers-lieu-numerique/');
    const text = lyon.querySelector('main')!.text;
    for (const expected of ['Lyon', 'France', '2016–2019', 'Scaled up', 'SDG 11', 'Key takeaways', 'Measure attendance from the start.', '12,500', 'third places opened', 'Initiator', 'Funder', 'City website', '45.76, 4.84']) {
      expect(text).toContain(expected);
    }
    const img = lyon.querySelector('.cover img')!;
    expect(img.getAttribute('srcset')).toBe(
      'https://example.org/uploads/small_lyon.jpg 500w, https://example.org/uploads/medium_lyon.jpg 750w, https://example.org/uploads/lyon.jpg 1600w',
    );
    expect(img.getAttribute('alt')).toBe('Un tiers-lieu numérique à Lyon');
    expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('shows the quotes of the source behind a case study’s facts, in French, under its sources', () => {
    const lagos = page(dist, '/ar/case-studies/lagos-collecte-des-dechets/');
    const evidence = lagos.querySelector('.sources details.evidence')!;
    expect(evidence.querySelector('summary')!.text).toBe('ما يقوله المصدر');
    const quotes = evidence.querySelectorAll('dd q').map((q) => ({ lang: q.getAttribute('lang'), text: q.text }));
    expect(quotes).toEqual([
      { lang: 'fr', text: 'habitant·es des quartiers précaires de Lagos' },
      { lang: 'fr', text: 'WeCyclers : précollecte sélective des déchets' },
    ]);
    expect(page(dist, '/en/case-studies/lyon-tiers-lieu-numerique/').querySelector('details.evidence')).toBeNull();
  });

  it('presents the five source documents on the about page', () => {
    const about = page(dist, '/fr/about/');
    expect(about.querySelectorAll('.source-doc').map((s) => s.id)).toEqual(['source-000', 'source-001', 'source-002', 'source-003', 'source-004']);
  });

  it('offers every language from the front door', () => {
    const root = page(dist, '/');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/fr/', '/en/', '/ar/']);
  });
});

describe('fixture site: the guide guide.config.ts describes', () => {
  it('shows the name, publisher and logo of the config in every page header and footer', () => {
    for (const locale of LOCALES) {
      const home = page(dist, `/${locale}/`);
      expect(home.querySelector('.site-header .brand-name')!.text).toBe(guide.name[locale]);
      expect(home.querySelector('.site-header .brand-publisher')!.text).toBe(guide.publisher.name[locale]);
      expect(home.querySelector('.site-header .brand-logo')!.getAttribute('src')).toBe(guide.logo!.src);
      expect(home.querySelector('.site-header .brand-logo')!.getAttribute('alt')).toBe(guide.logo!.alt[locale]);
      expect(home.querySelector(`.site-footer a[href="${guide.publisher.url}"]`)!.text).toBe(guide.publisher.name[locale]);
      expect(home.querySelector('meta[property="og:site_name"]')!.getAttribute('content')).toBe(guide.name[locale]);
    }
    expect(page(dist, '/en/about/').querySelector('.lead')!.text).toBe(guide.about.en);
  });

  it('takes the favicon and the colours from the config', () => {
    for (const url of ['/', '/ar/case-studies/lyon-tiers-lieu-numerique/']) {
      const doc = page(dist, url);
      expect(doc.querySelector('link[rel="icon"]')!.getAttribute('href')).toBe(guide.favicon);
      const style = doc.querySelector('head style')!.text;
      expect(style).toContain(`--brand:${guide.colours.brand}`);
      expect(style).toContain(`--brand-ink:${guide.colours.brandInk}`);
    }
  });
});
