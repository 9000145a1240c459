import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../../scripts/lib/paths';
import { loadSeed } from '../../seed/load';
import { TestCms, api } from './harness';
import { testDatabases } from './databases';

const PATHS = { 'case-studies': 'case-studies', actors: 'actors', 'funding-calls': 'funding-calls', 'good-practices': 'good-practices', themes: 'themes' };
const summary = (output: string) => output.split('\n').find((line) => line.startsWith('Seed:')) ?? output;

describe.each(testDatabases())('importing the whole seed on %s', (database) => {
  const cms = new TestCms(database);
  const { entries } = loadSeed(SEED_DIR);
  let firstRun = '';

  beforeAll(async () => {
    firstRun = await cms.seed(SEED_DIR);
    await cms.start();
  }, 600_000);
  afterAll(() => cms.dispose());

  it('publishes every entry of every collection in every locale it has', async () => {
    expect(summary(firstRun)).toMatch(new RegExp(`^Seed: ${entries.length} created, 0 updated, 0 unchanged, 0 skipped`));
    for (const [collection, path] of Object.entries(PATHS)) {
      expect(readdirSync(join(SEED_DIR, collection)).length).toBeGreaterThan(0);
      for (const locale of ['fr', 'en', 'ar']) {
        const expected = entries.filter((e) => e.collection === collection && e.data[locale]).length;
        const response = await api(cms, `/${path}?locale=${locale}&pageSize=1`);
        const body = (await response.json()) as any;
        expect([collection, locale, body.meta.pagination.total]).toEqual([collection, locale, expected]);
      }
    }
  });

  it('keeps every relation the files name, in every entry, forward links within a collection included', async () => {
    // Case studies and practices may name each other from either side; the importer merges both.
    const practicesOf = new Map<string, Set<string>>();
    for (const e of entries) {
      if (e.collection === 'case-studies') for (const p of e.data.goodPractices ?? []) (practicesOf.get(e.data.slug) ?? practicesOf.set(e.data.slug, new Set()).get(e.data.slug)!).add(p);
      if (e.collection === 'good-practices') for (const c of e.data.caseStudies ?? []) (practicesOf.get(c) ?? practicesOf.set(c, new Set()).get(c)!).add(e.data.slug);
    }
    const slugs = (value: any) => (value == null ? [] : (Array.isArray(value) ? value : [value]).map((v: any) => v.slug ?? v.actor ?? v).sort());
    const FIELDS: Record<string, string[]> = {
      'case-studies': ['themes', 'actors', 'fundingCalls'],
      actors: ['themes'],
      'funding-calls': ['themes', 'funders', 'nextEdition'],
      'good-practices': ['themes', 'relatedPractices'],
      themes: ['parent'],
    };
    let checked = 0;
    for (const e of entries) {
      // Arabic where the entry has it: other locales get their relations from an update of the French document.
      const locale = e.data.ar ? 'ar' : 'fr';
      const body = (await (await api(cms, `/${PATHS[e.collection as keyof typeof PATHS]}/${e.data.slug}?locale=${locale}`)).json()) as any;
      const got = Object.fromEntries(FIELDS[e.collection].map((f) => [f, slugs(body.data[f])]));
      const expected = Object.fromEntries(FIELDS[e.collection].map((f) => [f, slugs(e.data[f])]));
      if (e.collection === 'case-studies') {
        got.goodPractices = slugs(body.data.goodPractices);
        expected.goodPractices = [...(practicesOf.get(e.data.slug) ?? [])].sort();
        expect([e.data.slug, body.data.actors.map((a: any) => [a.slug, a.role]).sort()]).toEqual([e.data.slug, e.data.actors.map((a: any) => [a.actor, a.role]).sort()]);
      }
      expect([e.collection, e.data.slug, got]).toEqual([e.collection, e.data.slug, expected]);
      checked++;
    }
    expect(checked).toBe(entries.length);
  }, 300_000);

  it('changes nothing on a second run, and never overwrites an editor’s change without --force', async () => {
    const study = entries.find((e) => e.collection === 'case-studies')!;
    const uid = 'plugin::knowledge-base.case-study';
    const found = (await (await cms.admin(`/content-manager/collection-types/${uid}?locale=fr&filters[slug][$eq]=${study.data.slug}`)).json()) as any;
    const documentId = found.results[0].documentId;
    const edited = await cms.admin(`/content-manager/collection-types/${uid}/${documentId}?locale=fr`, {
      method: 'PUT',
      body: JSON.stringify({ summary: 'Résumé revu par une éditrice.' }),
    });
    expect(edited.status).toBe(200);
    await cms.stop();

    expect(summary(await cms.seed(SEED_DIR))).toMatch(new RegExp(`^Seed: 0 created, 0 updated, ${entries.length - 1} unchanged, 1 skipped`));
    expect(summary(await cms.seed(SEED_DIR, '--force'))).toMatch(/^Seed: 0 created, 1 updated/);
    expect(summary(await cms.seed(SEED_DIR))).toMatch(new RegExp(`^Seed: 0 created, 0 updated, ${entries.length} unchanged, 0 skipped`));

    await cms.start();
    const draft = (await (await cms.admin(`/content-manager/collection-types/${uid}/${documentId}?locale=fr`)).json()) as any;
    expect(draft.data.summary).toBe(study.data.fr.summary);
  }, 600_000);
});
