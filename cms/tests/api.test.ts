import { join } from 'node:path';
import { pgQuery } from '../../scripts/lib/database-env';
import { TestCms, api } from './harness';
import { testDatabases } from './databases';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const CASE_STUDY = 'plugin::knowledge-base.case-study';

describe.each(testDatabases())('public API on %s', (database) => {
  const cms = new TestCms(database);
  const json = async (path: string, init?: RequestInit) => {
    const response = await api(cms, path, init);
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    await cms.seed(FIXTURES);
    await cms.start();
  });
  afterAll(() => cms.dispose());

  it('has the four collections and the theme taxonomy, in French (default), English and Arabic', async () => {
    const locales = (await (await cms.admin('/i18n/locales')).json()) as { code: string; isDefault: boolean }[];
    expect(locales.map((l) => l.code).sort()).toEqual(['ar', 'en', 'fr']);
    expect(locales.find((l) => l.isDefault)?.code).toBe('fr');
    const types = ((await (await cms.admin('/content-manager/content-types')).json()) as any).data.map((t: { uid: string }) => t.uid);
    for (const name of ['case-study', 'actor', 'funding-call', 'good-practice', 'theme']) {
      expect(types).toContain(`plugin::knowledge-base.${name}`);
    }
  });

  it('grants the Public role the read actions of the knowledge base and no write action', async () => {
    const { roles } = (await (await cms.admin('/users-permissions/roles')).json()) as any;
    const publicRole = roles.find((r: { type: string }) => r.type === 'public');
    const { role } = (await (await cms.admin(`/users-permissions/roles/${publicRole.id}`)).json()) as any;
    const controllers = role.permissions['plugin::knowledge-base'].controllers;
    const enabled = Object.entries(controllers).flatMap(([controller, actions]: [string, any]) =>
      Object.entries(actions).filter(([, a]: [string, any]) => a.enabled).map(([action]) => `${controller}.${action}`),
    );
    expect(enabled.sort()).toEqual(
      ['actor', 'case-study', 'funding-call', 'good-practice', 'theme'].flatMap((c) => [`${c}.find`, `${c}.findOne`]).sort(),
    );
    expect((await api(cms, '/case-studies', { method: 'POST', body: '{}' })).status).toBeGreaterThanOrEqual(400);
  });

  it('lists published entries per locale, with pagination', async () => {
    for (const [locale, expected] of [['fr', 2], ['en', 2], ['ar', 1]] as const) {
      const { status, body } = await json(`/case-studies?locale=${locale}`);
      expect(status).toBe(200);
      expect(body.meta.pagination).toMatchObject({ page: 1, total: expected });
      expect(body.data.every((e: { locale: string }) => e.locale === locale)).toBe(true);
    }
    const page2 = await json('/funding-calls?pageSize=2&page=2&sort=title:asc');
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(page2.body.data).toHaveLength(1);
  });

  it('reads one entry by slug with the relations a page needs, both ways', async () => {
    const { status, body } = await json('/case-studies/collecte-fixture?locale=en');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      collection: 'case-study',
      title: 'Waste collection in Fixtureville',
      translationOrigin: 'machine',
      country: 'FR',
      // The seed's provenance is kept: field → the source's quote.
      evidence: { country: 'la France' },
      lessons: ['Start small.'],
      themes: [{ slug: 'dechets', name: 'Waste' }],
      goodPractices: [{ slug: 'trier-a-la-source', title: 'Sort at source' }],
      fundingCalls: [{ slug: 'appel-ouvert', status: 'open' }],
    });
    expect(body.data.actors).toEqual(expect.arrayContaining([
      expect.objectContaining({ slug: 'ville-fixture', name: 'Fixture city', role: 'initiator' }),
      expect.objectContaining({ slug: 'fonds-fixture', role: 'funder' }),
    ]));
    expect(body.data).not.toHaveProperty('createdBy');
    expect(body.data).not.toHaveProperty('id');

    const actor = await json('/actors/ville-fixture?locale=ar');
    expect(actor.body.data.caseStudies).toEqual([expect.objectContaining({ slug: 'collecte-fixture', title: 'جمع النفايات في مدينة الاختبار' })]);
    const practice = await json('/good-practices/trier-a-la-source');
    expect(practice.body.data.caseStudies.map((c: { slug: string }) => c.slug)).toEqual(['collecte-fixture']);
  });

  it('derives each funding call’s status and filters on it', async () => {
    const all = await json('/funding-calls?sort=title:asc');
    expect(Object.fromEntries(all.body.data.map((c: any) => [c.slug, c.status]))).toEqual({
      'appel-ouvert': 'open',
      'programme-2015': 'closed',
      'programme-permanent': 'rolling',
    });
    const open = await json('/funding-calls?filters[status]=open,rolling');
    expect(open.body.data.map((c: any) => c.slug).sort()).toEqual(['appel-ouvert', 'programme-permanent']);
    expect(open.body.meta.pagination.total).toBe(2);
  });

  it('filters by theme, country and type', async () => {
    expect((await json('/case-studies?filters[theme]=dechets')).body.data.map((e: any) => e.slug)).toEqual(['collecte-fixture']);
    expect((await json('/actors?filters[country]=sn')).body.data.map((e: any) => e.slug)).toEqual(['fonds-fixture']);
    expect((await json('/actors?filters[type]=local-government,startup')).body.data.map((e: any) => e.slug)).toEqual(['ville-fixture']);
  });

  it('answers 404, in the caller’s language, for an unknown slug or a missing translation', async () => {
    const unknown = await json('/case-studies/nope?locale=en');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('No published case-studies has the slug “nope”');
    const missing = await json('/case-studies/sans-arabe?locale=ar');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('«sans-arabe»');
  });

  it('refuses bad parameters with a 400 naming each one, and caps a huge page size', async () => {
    const bad = await json('/case-studies?locale=klingon&page=-1&filters[password]=x&sort=secret');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['locale', 'page', 'sort', 'filters.password']);
    const french = await json('/actors?filters[type]=dragon', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(french.body.error.details.errors[0].message).toMatch(/^Valeur invalide « dragon »/);
    const injected = await json('/actors?filters[country][$ne]=FR');
    expect(injected.status).toBe(400);
    const huge = await json('/themes?pageSize=1000000');
    expect(huge.status).toBe(200);
    expect(huge.body.meta.pagination.pageSize).toBe(100);
    const malformed = await api(cms, '/case-studies?filters=%5B');
    expect(malformed.status).toBe(400);
  });

  it('keeps drafts invisible to the public until an editor publishes them', async () => {
    const created = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}?locale=fr`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'Brouillon en cours',
        slug: 'brouillon-en-cours',
        summary: 'Pas encore relu.',
        sources: [{ document: '002_3fbd6008e1083b73.txt', section: 'Test' }],
        translationOrigin: 'original',
      }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as any;
    expect((await api(cms, '/case-studies/brouillon-en-cours')).status).toBe(404);
    expect((await json('/case-studies?locale=fr')).body.meta.pagination.total).toBe(2);

    const published = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}/${data.documentId}/actions/publish?locale=fr`, { method: 'POST', body: '{}' });
    expect(published.status).toBe(200);
    expect((await api(cms, '/case-studies/brouillon-en-cours')).status).toBe(200);
  });

  it('answers from memory between publishes, and shows a publish or an unpublish at once', async () => {
    const [entry] = (await json('/case-studies?locale=fr&sort=title:asc')).body.data;
    const path = `/case-studies/${entry.slug}?locale=fr`;
    const titleInList = async () => (await json('/case-studies?locale=fr&sort=title:asc')).body.data.find((e: any) => e.slug === entry.slug)?.title;
    expect((await json(path)).body.data.title).toBe(entry.title);
    const admin = `/content-manager/collection-types/${CASE_STUDY}/${entry.documentId}`;

    // A draft change is not public: the same answer.
    const edited = await cms.admin(`${admin}?locale=fr`, { method: 'PUT', body: JSON.stringify({ title: `${entry.title} (revu)` }) });
    expect(edited.status).toBe(200);
    expect((await json(path)).body.data.title).toBe(entry.title);

    expect((await cms.admin(`${admin}/actions/publish?locale=fr`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await json(path)).body.data.title).toBe(`${entry.title} (revu)`);
    expect(await titleInList()).toBe(`${entry.title} (revu)`);

    expect((await cms.admin(`${admin}/actions/unpublish?locale=fr`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await api(cms, path)).status).toBe(404);
    expect(await titleInList()).toBeUndefined();

    expect((await cms.admin(`${admin}/actions/publish?locale=fr`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await json(path)).status).toBe(200);
  });

  it('finds an entry by slug, and checks a slug is free, through an index rather than a read of the whole table', async () => {
    const tables = ['kb_case_studies', 'kb_actors', 'kb_funding_calls', 'kb_good_practices', 'kb_themes'];
    if (database === 'sqlite') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Sqlite = require('better-sqlite3');
      const db = new Sqlite(cms.env.DATABASE_FILENAME, { readonly: true });
      try {
        for (const table of tables) {
          // The query Strapi runs for a uid's uniqueness and the plugin's by-slug lookup.
          const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${table} WHERE slug = ? AND published_at IS NOT NULL AND locale = ? LIMIT 1`).all('x', 'fr');
          expect([table, plan.map((row: { detail: string }) => row.detail).join('; ')]).toEqual([table, expect.stringMatching(new RegExp(`USING (COVERING )?INDEX ${table}_slug_idx`))]);
        }
      } finally {
        db.close();
      }
    } else {
      const rows = await pgQuery<{ indexname: string; indexdef: string }>('SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE $2', [cms.env.DATABASE_SCHEMA, '%_slug_idx']);
      for (const table of tables) {
        expect(rows.find((r) => r.indexname === `${table}_slug_idx`)?.indexdef).toMatch(/\(slug, locale, published_at\)/);
      }
    }
  });

  it('refuses a malformed entry from the admin with field-level errors and stores nothing', async () => {
    const response = await cms.admin(`/content-manager/collection-types/${CASE_STUDY}?locale=fr`, {
      method: 'POST',
      headers: { 'accept-language': 'en' },
      body: JSON.stringify({
        title: 'Mal formé',
        slug: 'mal-forme',
        summary: 'x',
        sources: [{ document: 'x.txt' }],
        sdgs: [42],
        links: [{ label: 'x', url: 'javascript:alert(1)' }],
        translationOrigin: 'original',
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.error.details.errors.map((e: any) => [e.path.join('.'), e.message])).toEqual([
      ['data.sources.0.section', 'Required.'],
      ['data.sdgs.0', 'Each goal must be a whole number from 1 to 17.'],
      ['data.links.0.url', 'Must be a web address starting with http:// or https://.'],
    ]);
    const list = (await (await cms.admin(`/content-manager/collection-types/${CASE_STUDY}?locale=fr&filters[slug][$eq]=mal-forme`)).json()) as any;
    expect(list.results).toHaveLength(0);
  });
});
