import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedEntries } from '../src/loaders/seed-entries';
import type { Actor, CaseStudy, FundingCall, GoodPractice, PublicEntry, Theme } from '../src/loaders/public-entry';
import { FIXTURE_NOW, FIXTURE_SEED } from './test-utils/build';

const now = new Date(FIXTURE_NOW);
const entries = seedEntries(FIXTURE_SEED, { now, warn: () => undefined });
const find = <T extends PublicEntry>(collection: T['collection'], slug: string, locale = 'fr') =>
  entries.find((e) => e.collection === collection && e.slug === slug && e.locale === locale) as T;

describe('seed entries (the public API shape, from seed files)', () => {
  it('has one entry per document and written locale, none where a translation is missing', () => {
    expect(find('case-study', 'lagos-collecte-des-dechets', 'fr')).toBeDefined();
    expect(find('case-study', 'lagos-collecte-des-dechets', 'en')).toBeDefined();
    expect(find('case-study', 'lagos-collecte-des-dechets', 'ar')).toBeUndefined();
    expect(entries.filter((e) => e.slug === 'lyon-tiers-lieu-numerique').map((e) => e.locale).sort()).toEqual(['ar', 'en', 'fr']);
  });

  it('flattens the text of the locale and keeps the fields that are not language-bound', () => {
    const lyon = find<CaseStudy>('case-study', 'lyon-tiers-lieu-numerique', 'en');
    expect(lyon).toMatchObject({
      collection: 'case-study',
      locale: 'en',
      slug: 'lyon-tiers-lieu-numerique',
      title: "Digital third places in Lyon's neighbourhoods",
      translationOrigin: 'machine',
      city: 'Lyon',
      country: 'FR',
      yearStart: 2016,
      sdgs: [11, 17],
    });
    expect(lyon.documentId).toMatch(/^[0-9a-f]{24}$/);
    expect(lyon.documentId).toBe(find('case-study', 'lyon-tiers-lieu-numerique', 'fr').documentId);
    expect(Date.parse(lyon.updatedAt)).not.toBeNaN();
    expect(lyon).not.toHaveProperty('fr');
    expect(lyon).not.toHaveProperty('ar');
  });

  it('resolves relations to slugs and titles in the same locale, with actor roles', () => {
    const lyon = find<CaseStudy>('case-study', 'lyon-tiers-lieu-numerique', 'ar');
    expect(lyon.actors).toEqual([
      { slug: 'ville-de-lyon', name: 'مدينة ليون', type: 'local-government', role: 'initiator' },
      { slug: 'agence-exemple-de-financement', name: 'وكالة التمويل النموذجية', type: 'public-agency', role: 'funder' },
    ]);
    expect(lyon.themes).toEqual([
      { slug: 'participation-citoyenne', name: 'المشاركة المواطنة' },
      { slug: 'services-urbains', name: 'الخدمات الحضرية' },
    ]);
    expect(lyon.goodPractices).toEqual([{ slug: 'creer-un-guichet-unique-de-l-innovation', title: 'إحداث شباك موحّد للابتكار' }]);
    expect(lyon.fundingCalls).toEqual([
      // The deadline's instant in UTC, as the API gives it (the call's zone is its `timezone`).
      expect.objectContaining({ slug: 'appel-villes-durables-2026', deadline: '2026-03-20T22:59:00.000Z', status: 'closing-soon' }),
    ]);
  });

  it('computes the inverse relations', () => {
    const lyonCity = find<Actor>('actor', 'ville-de-lyon');
    expect(lyonCity.caseStudies).toEqual([
      { slug: 'lyon-tiers-lieu-numerique', title: 'Des tiers-lieux numériques dans les quartiers de Lyon', city: 'Lyon', country: 'FR' },
    ]);
    expect(lyonCity.fundedCalls.map((c) => c.slug)).toEqual(['prix-innovation-urbaine-2026']);
    const agency = find<Actor>('actor', 'agence-exemple-de-financement');
    expect(agency.fundedCalls.map((c) => c.slug).sort()).toEqual(['appel-innovation-2015', 'appel-villes-durables-2026']);

    const guichet = find<GoodPractice>('good-practice', 'creer-un-guichet-unique-de-l-innovation');
    expect(guichet.caseStudies.map((c) => c.slug)).toEqual(['lyon-tiers-lieu-numerique']);
    expect(guichet.relatedPractices).toEqual([{ slug: 'cartographier-les-acteurs-de-l-innovation', title: "Cartographier les acteurs de l'innovation" }]);
    // The relation named on the practice's side shows on the case study's too.
    const lagos = find<CaseStudy>('case-study', 'lagos-collecte-des-dechets');
    expect(lagos.goodPractices.map((p) => p.slug)).toEqual(['cartographier-les-acteurs-de-l-innovation']);

    const call = find<FundingCall>('funding-call', 'appel-villes-durables-2026');
    expect(call.caseStudies.map((c) => c.slug)).toEqual(['lyon-tiers-lieu-numerique']);
    expect(call.funders).toEqual([{ slug: 'agence-exemple-de-financement', name: 'Agence exemple de financement', type: 'public-agency' }]);

    const urban = find<Theme>('theme', 'services-urbains');
    expect(urban.parent).toBeNull();
    expect(urban.children).toEqual([{ slug: 'dechets', name: 'Déchets' }]);
    expect(find<Theme>('theme', 'dechets', 'en').parent).toEqual({ slug: 'services-urbains', name: 'Urban services' });
  });

  it('derives every funding-call status with the plugin rule', () => {
    const status = (slug: string) => find<FundingCall>('funding-call', slug).status;
    expect(status('appel-villes-durables-2026')).toBe('closing-soon');
    expect(status('appel-innovation-2015')).toBe('closed');
    expect(status('programme-permanent-d-assistance')).toBe('rolling');
    expect(status('prix-innovation-urbaine-2026')).toBe('upcoming');
    const old = find<FundingCall>('funding-call', 'appel-innovation-2015');
    expect(old.nextEdition).toMatchObject({ slug: 'appel-villes-durables-2026', status: 'closing-soon' });
    expect(seedEntries(FIXTURE_SEED, { now: new Date('2026-04-01T00:00:00Z'), warn: () => undefined }).find(
      (e) => e.slug === 'appel-villes-durables-2026',
    )).toMatchObject({ status: 'closed' });
  });

  it('relates, like the CMS, only entries written in the locale (cms/tests/contract holds the two together)', () => {
    expect(find<GoodPractice>('good-practice', 'cartographier-les-acteurs-de-l-innovation', 'ar').caseStudies).toEqual([]);
    expect(find<GoodPractice>('good-practice', 'cartographier-les-acteurs-de-l-innovation', 'fr').caseStudies).toEqual([
      expect.objectContaining({ slug: 'lagos-collecte-des-dechets', title: 'Collecte des déchets recyclables à Lagos' }),
    ]);
  });

  describe('with a broken seed folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'aimf-seed-'));
      cpSync(FIXTURE_SEED, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('fails with the name of a malformed file', () => {
      writeFileSync(join(dir, 'actors', 'broken.json'), '{ "slug": "broken", ');
      expect(() => seedEntries(dir, { now })).toThrow(/actors\/broken\.json/);
    });

    it('warns once about a relation to an entry the seed does not have, and drops it', () => {
      const file = join(dir, 'case-studies', 'dakar-budget-participatif.json');
      const raw = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...raw, goodPractices: ['nowhere'] }));
      const warn = jest.fn();
      const result = seedEntries(dir, { now, warn });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/dakar-budget-participatif\.json.*"nowhere"/);
      expect((result.find((e) => e.slug === 'dakar-budget-participatif') as CaseStudy).goodPractices).toEqual([]);
    });
  });
});
