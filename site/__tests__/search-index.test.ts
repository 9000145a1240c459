/** The Pagefind index every build writes: one per language, entries only, with their facets. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureSite, buildSeedSite, FIXTURE_SEED, REAL_SEED, SITE_DIR } from './test-utils/build';
import { htmlFiles, page, pageFile, seedSlugs, urlPathOf } from './test-utils/dist';

const ENTRY_PATHS = ['case-studies', 'actors', 'funding-calls', 'good-practices'];
const languages = (dist: string): Record<string, { page_count: number }> =>
  JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages;
const filters = (dist: string, url: string) =>
  page(dist, url)
    .querySelectorAll('[data-pagefind-filter]')
    .map((el) => el.getAttribute('data-pagefind-filter'));

describe('search index of the fixture site', () => {
  let dist: string;
  let log: string;
  beforeAll(async () => {
    ({ dist, log } = await buildFixtureSite());
  }, 300_000);

  it('is written into the build folder given to astro build, with one index per language', () => {
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const entries = ENTRY_PATHS.flatMap((path) => seedSlugs(FIXTURE_SEED, path)).length;
    // The Lagos case study has no Arabic text: its Arabic page (French text) stays out of the Arabic index.
    expect(languages(dist)).toEqual({
      fr: expect.objectContaining({ page_count: entries }),
      en: expect.objectContaining({ page_count: entries }),
      ar: expect.objectContaining({ page_count: entries - 1 }),
    });
  });

  it('is the same index when each language is indexed in a pass of its own (what a big guide gets)', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'kb-index-')), 'dist');
    cpSync(dist, copy, { recursive: true, filter: (source) => !source.startsWith(join(dist, 'pagefind')) });
    const output = execFileSync(process.execPath, [join(SITE_DIR, 'scripts', 'index-search.ts'), copy], {
      encoding: 'utf8',
      env: { ...process.env, KB_SEARCH_ONE_PASS_UP_TO: '0' },
    });
    expect(languages(copy)).toEqual(languages(dist));
    const metas = readdirSync(join(copy, 'pagefind')).filter((file) => file.endsWith('.pf_meta'));
    expect(metas.map((file) => file.split('.')[1].slice(0, 2)).sort()).toEqual(['ar', 'en', 'fr']);
    expect(output).toMatch(/^\[pagefind\] indexed \d+ pages in \d+ ms$/m);
    expect(output.match(/indexed (\d+)/)![1]).toBe(log.match(/\[pagefind\] indexed (\d+)/)![1]);
  });

  it('logs one line with the number of pages indexed and the time it took', () => {
    const lines = log.split('\n').filter((line) => line.includes('[pagefind]'));
    expect(lines).toHaveLength(1);
    const entries = ENTRY_PATHS.flatMap((path) => seedSlugs(FIXTURE_SEED, path)).length;
    expect(lines[0]).toMatch(new RegExp(`^\\[pagefind\\] indexed ${3 * entries - 1} pages in \\d+ ms$`));
  });

  it('marks the body of entry pages only, and not of fallbacks', () => {
    const marked = htmlFiles(dist)
      .filter((file) => pageFile(dist, file).querySelectorAll('[data-pagefind-body]').length > 0)
      .map((file) => urlPathOf(dist, file));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((url) => !/^\/(fr|en|ar)\/(case-studies|actors|funding-calls|good-practices)\/[^/]+\/$/.test(url))).toEqual([]);
    expect(marked).toContain('/fr/case-studies/lagos-collecte-des-dechets/');
    expect(marked).not.toContain('/ar/case-studies/lagos-collecte-des-dechets/');
    // The body is the fiche: not the header, breadcrumbs or footer.
    const body = page(dist, '/fr/case-studies/lyon-tiers-lieu-numerique/').querySelector('[data-pagefind-body]')!;
    expect(body.querySelector('h1')?.getAttribute('data-pagefind-weight')).toBe('10');
    expect(body.closest('header, footer, nav')).toBeNull();
    expect(body.querySelector('nav, .site-footer')).toBeNull();
  });

  it('gives every entry its facets as filters, with language-neutral values', () => {
    expect(filters(dist, '/ar/case-studies/dakar-budget-participatif/')).toEqual(
      expect.arrayContaining(['type:case-study', 'theme:participation-citoyenne', 'country:SN']),
    );
    expect(filters(dist, '/en/actors/ville-de-lyon/')).toEqual(expect.arrayContaining(['type:actor', 'actorType:local-government', 'country:FR']));
    const call = filters(dist, '/fr/funding-calls/appel-villes-durables-2026/');
    expect(call).toEqual(expect.arrayContaining(['type:funding-call']));
    expect(call.some((f) => /^status:(upcoming|open|closing-soon|closed|rolling)$/.test(f!))).toBe(true);
    expect(call.some((f) => f!.startsWith('instrument:'))).toBe(true);
    const sorts = page(dist, '/fr/funding-calls/appel-villes-durables-2026/')
      .querySelectorAll('[data-pagefind-sort]')
      .map((el) => el.getAttribute('data-pagefind-sort')!.split(':')[0]);
    expect(sorts.sort()).toEqual(['deadline', 'newest']);
  });
});

describe('search index of the real guide', () => {
  let dist: string;
  beforeAll(async () => {
    ({ dist } = await buildSeedSite());
  }, 600_000);

  it('holds every entry in every language', () => {
    const entries = ENTRY_PATHS.flatMap((path) => seedSlugs(REAL_SEED, path)).length;
    const indexes = languages(dist);
    expect(Object.keys(indexes).sort()).toEqual(['ar', 'en', 'fr']);
    for (const locale of ['fr', 'en', 'ar']) expect({ locale, pages: indexes[locale].page_count }).toEqual({ locale, pages: entries });
  });

  it('gives a theme’s entries the domain above it', () => {
    const theme = JSON.parse(readFileSync(join(REAL_SEED, 'case-studies', 'lagos-wecyclers-precollecte-selective-des-dechets.json'), 'utf8')).themes as string[];
    const found = filters(dist, '/fr/case-studies/lagos-wecyclers-precollecte-selective-des-dechets/');
    for (const slug of theme) expect(found).toContain(`theme:${slug}`);
    expect(found.filter((f) => f!.startsWith('domain:')).length).toBeGreaterThan(0);
  });
});
