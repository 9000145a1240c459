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

  it('keeps every relation the files name', async () => {
    const study = entries.find((e) => e.collection === 'case-studies' && e.data.actors.length > 1)!;
    const body = (await (await api(cms, `/case-studies/${study.data.slug}?locale=ar`)).json()) as any;
    expect(body.data.title).toBe(study.data.ar.title);
    expect(body.data.actors.map((a: any) => [a.slug, a.role]).sort()).toEqual(study.data.actors.map((a: any) => [a.actor, a.role]).sort());
    expect(body.data.themes.map((t: any) => t.slug).sort()).toEqual([...study.data.themes].sort());
  });

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
