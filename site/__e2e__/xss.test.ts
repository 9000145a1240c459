/**
 * Cross-site scripting in a real browser, end to end. Every vector of test-utils/xss.ts is typed into
 * every text field a contributor fills (case studies, their lists, the organisation's fiche, file names
 * and contents) and every text field an editor fills (entries of every type, sources and quotes, a
 * cover's alternative text and caption, comments to contributors, the editor's own name); the editor
 * asks for changes, opens each submission in the Moderation view and accepts it; the guide is built
 * from the CMS and served by its own server; then Chromium opens every page it has (every page type,
 * every locale), runs the search, signs in on the contribution page, and opens the admin's Moderation,
 * edit and media views. A hook defined before any page script records any vector that runs, any
 * dialog, any request a vector makes, any inline script the Content-Security-Policy blocks, and any
 * markup a vector made: none. Link fields refuse the addresses that would run. One CMS (SQLite), one build.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CONTRIBUTION_PAGE, LOCALES, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { ADMIN, TestCms } from '../../cms/tests/harness';
import { SmtpSink } from '../../cms/tests/smtp-sink';
import { PASSWORD, PDF, PNG, kb, multipart, onboard } from '../../cms/tests/contributors';
import { buildCms, freePort } from '../../scripts/lib/cms';
import { siteServer } from '../../scripts/lib/static-server';
import { REPO_DIR, buildSite } from '../__tests__/test-utils/build';
import { describeWithBrowser, launchBrowser } from '../__tests__/test-utils/browser';
import { htmlFiles, urlPathOf } from '../__tests__/test-utils/dist';
import { CONTROL_SEEN, REFUSED_URLS, URL_VECTORS, VECTORS, controlVector, injectedMarkup, packed, recordScriptExecution, vectorsIn, type Vector, type XssRecord } from '../__tests__/test-utils/xss';

const SEED = join(REPO_DIR, 'cms', 'tests', 'fixtures', 'seed');
const EMAIL = 'mairie@fixtureville.example';
const ORGANISATION = 'ville-fixture';
/** A source document the fixture knows: entries must cite one. */
const DOCUMENT = '003_8a1b5a3e89e4207d.txt';
const UID = {
  'case-study': 'plugin::knowledge-base.case-study',
  actor: 'plugin::knowledge-base.actor',
  'funding-call': 'plugin::knowledge-base.funding-call',
  'good-practice': 'plugin::knowledge-base.good-practice',
  theme: 'plugin::knowledge-base.theme',
} as const;
/** Every vector, one paragraph each: what a long text field holds. */
const ALL = VECTORS.map((v) => v.text).join('\n\n');
const fit = (v: Vector, max: number) => (v.text.length <= max ? v.text : undefined);
/** The `n`th of the values that pack every vector fitting in `max` characters. */
const chunk = (max: number, n: number) => {
  const values = packed(VECTORS, max);
  return values[n % values.length];
};
const json = (value: unknown) => JSON.stringify(value);
/** A Content-Security-Policy's directives: name → sources. */
const directives = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
/**
 * What the admin panel reports that no vector did: its own bundle calls eval, which Strapi's CSP refuses on
 * every page; and the Markdown preview's sanitiser (DOMPurify) first parses the text in an inert document,
 * where each event handler it meets is reported as blocked before it removes it (the live page is checked
 * for handlers by `injectedMarkup`). The guide has neither: there every report counts.
 */
const byVectors = (record: XssRecord) => !record.what.startsWith('CSP blocked script-src eval') && !record.what.startsWith('CSP blocked script-src-attr inline (#document,');

describeWithBrowser('cross-site scripting, from every field to every page, in Chromium', () => {
  const cms = new TestCms('sqlite');
  const smtp = new SmtpSink();
  let sitePort: number;
  let site: string;
  let server: Server;
  let browser: Browser;
  let jwt = '';
  let adminToken = '';
  /** What ran, was blocked or was injected, in the guide and in the admin panel. */
  const ran: XssRecord[] = [];
  const injected: string[] = [];
  /** Field → the vectors it took (the API answered 2xx). */
  const typed = new Map<string, Set<number>>();
  const take = (field: string, value: string | undefined | null) => {
    if (!value) return;
    const ids = typed.get(field) ?? typed.set(field, new Set()).get(field)!;
    for (const v of vectorsIn(value)) ids.add(v.id);
  };
  /** Case-study slug → the vector its title is. */
  const titles = new Map<string, Vector>();
  const counts = { refused: 0, unsafeAddressesStored: 0, sitePages: 0, pagesWithVectors: 0, pageTypes: new Set<string>(), shownAsText: 0, adminViews: 0, searchResults: 0, contributionViews: 0 };

  const editor = (path: string, init: RequestInit = {}) => cms.admin(`/knowledge-base${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any }));
  const revisionOf = async (id: string) => (await editor(`/moderation/submissions/${id}`)).body.data.revision as number;
  const expectOk = async (response: Response | Promise<Response>, what: string) => {
    const r = await response;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${(await r.text()).slice(0, 600)}`);
    return (await r.json().catch(() => null)) as any;
  };
  /** Adds the markup a vector made in `page`, if any, to the report. */
  const check = async (page: Page, where: string, strict: boolean) => {
    for (const found of await injectedMarkup(page, strict)) injected.push(`${where}: ${found}`);
  };

  beforeAll(async () => {
    // The admin panel is built for the suite (about a minute), then reused while its sources stay the same.
    buildCms({ admin: true });
    await smtp.start();
    sitePort = await freePort();
    site = `http://127.0.0.1:${sitePort}`;
    Object.assign(cms.env, {
      SERVE_ADMIN_PANEL: 'true',
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: site, KB_SITE_ORIGINS: site, KB_EDITOR_EMAILS: 'moderation@aimf.example',
      KB_SUBMISSIONS_PER_USER: '1000', KB_SUBMISSIONS_PER_IP: '1000',
    });
    await cms.seed(SEED);
    await cms.start();
    jwt = await onboard(cms, smtp, EMAIL, ORGANISATION, 'fr');
    const login = await expectOk(fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(ADMIN) }), 'admin login');
    adminToken = login.data.token;
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await cms.dispose();
    await smtp.stop();
    const by = (who: string) => [...typed].filter(([field]) => field.startsWith(who));
    const pairs = (fields: [string, Set<number>][]) => fields.reduce((sum, [, ids]) => sum + ids.size, 0);
    console.log(
      `xss: ${VECTORS.length} vectors + ${URL_VECTORS.length} address vectors; ${pairs([...typed])} vector × field pairs taken and published ` +
        `(${by('contributor').length} contributor fields: ${pairs(by('contributor'))}, ${typed.size - by('contributor').length} editor fields: ${pairs([...typed]) - pairs(by('contributor'))}); ` +
        `${counts.refused} addresses refused, ${counts.unsafeAddressesStored} stored by an editor and shown as text; ` +
        `${counts.sitePages} pages opened (${counts.pageTypes.size} page types × ${LOCALES.length} locales), ${counts.pagesWithVectors} carrying vectors, ` +
        `${counts.shownAsText} titles shown as text, ${counts.searchResults} search results, ${counts.contributionViews} contribution-page views, ${counts.adminViews} admin views; ` +
        `${ran.length} scripts run or blocked, ${injected.length} injected elements`,
    );
  });

  it('refuses the addresses that would run, in every link field a contributor or an editor fills', async () => {
    /** `refused` when the answer is a 400 naming `field`, else what came back. */
    const refusal = async (reply: { status: number; body: unknown } | Response, field: string) => {
      const body = reply instanceof Response ? await reply.json().catch(() => null) : reply.body;
      return reply.status === 400 && JSON.stringify(body).includes(`"${field}"`) ? 'refused' : `${reply.status} ${JSON.stringify(body).slice(0, 120)}`;
    };
    const source = { sources: [{ document: DOCUMENT, section: 'x' }], translationOrigin: 'original' };
    const answers: Record<string, string>[] = [];
    for (const [k, url] of REFUSED_URLS.entries()) {
      const study = await kb(cms, '/contribution/submissions', {
        method: 'POST', jwt, body: json({ data: { locale: 'fr', title: `Lien refusé ${k}`, summary: 'Un lien qui ne doit pas passer.', links: [{ label: 'x', url }] } }),
      });
      const fiche = await kb(cms, '/contribution/actor-updates', { method: 'POST', jwt, body: json({ data: { locale: 'fr', website: url } }) });
      const create = (uid: string, fields: Record<string, unknown>) => cms.admin(`/content-manager/collection-types/${uid}?locale=fr`, { method: 'POST', body: json({ ...fields, ...source }) });
      const got = {
        'contributor: link': await refusal(study, 'url'),
        'contributor: fiche website': await refusal(fiche, 'website'),
        'editor: link': await refusal(await create(UID['case-study'], { title: `Lien refusé ${k}`, slug: `lien-refuse-${k}`, summary: 'x', links: [{ label: 'x', url }] }), 'url'),
        'editor: actor website': await refusal(await create(UID.actor, { name: `Site refusé ${k}`, slug: `site-refuse-${k}`, description: 'x', website: url }), 'website'),
        'editor: application address': await refusal(await create(UID['funding-call'], { title: `Appel refusé ${k}`, slug: `appel-refuse-${k}`, summary: 'x', applicationUrl: url }), 'applicationUrl'),
      };
      counts.refused += Object.values(got).filter((answer) => answer === 'refused').length;
      answers.push({ url, ...got });
    }
    expect(answers).toEqual(answers.map(({ url, ...got }) => ({ url, ...Object.fromEntries(Object.keys(got).map((field) => [field, 'refused'])) })));
  });

  it(`takes ${VECTORS.length} vectors in every field of a case study, its files included, and the editor asks for changes in the same words`, async () => {
    // The editor's own name shows in the submissions' history.
    const named = await cms.admin('/admin/users/me', { method: 'PUT', body: json({ firstname: VECTORS[0].text, lastname: VECTORS[2].text }) });
    expect(named.status).toBe(200);
    take("editor: own name", `${VECTORS[0].text} ${VECTORS[2].text}`);

    for (const [i, v] of VECTORS.entries()) {
      const url = URL_VECTORS[i % URL_VECTORS.length];
      const data = {
        locale: LOCALES[i % LOCALES.length],
        title: v.text,
        summary: fit(v, 600),
        body: v.text,
        city: fit(v, 120),
        country: 'FR',
        yearStart: 2020,
        stage: 'pilot',
        themes: ['dechets'],
        sdgs: [11],
        partners: fit(v, 200) ? [{ name: v.text }] : [],
        results: [{ indicator: v.text, value: 3, unit: fit(v, 60) ?? null, year: 2023 }],
        lessons: [v.text],
        links: [{ label: fit(v, 200) ?? 'lien', url: url.text }],
      };
      // A real image and a real PDF, each named with the vector and carrying it after its end.
      // A name is the last segment of a path: the vector's slashes are sent as look-alikes, so all of it arrives.
      const name = v.text.replaceAll('/', '\u2215');
      const files = [{ name: `${name}.png`, content: Buffer.concat([PNG, Buffer.from(`<html>${v.text}</html>`)]) }];
      if (i % 4 === 0) files.push({ name: `${name}.pdf`, content: Buffer.concat([PDF, Buffer.from(v.text)]) });
      const created = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, body: multipart(data, files) });
      expect({ vector: v.kind, status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ vector: v.kind, status: 201, body: null });
      for (const field of ['title', 'summary', 'body', 'city'] as const) take(`contributor: case study ${field}`, data[field]);
      take('contributor: partner name', data.partners[0]?.name);
      take('contributor: result indicator', data.results[0].indicator);
      take('contributor: result unit', data.results[0].unit);
      take('contributor: lesson', data.lessons[0]);
      take('contributor: link label', data.links[0].label);
      take('contributor: link address', data.links[0].url);
      for (const file of files) take(`contributor: ${file.name.endsWith('.pdf') ? 'PDF' : 'image'} name and content`, v.text);

      const id = created.body.data.id as string;
      const asked = await editor(`/moderation/submissions/${id}/request-changes`, { method: 'POST', body: json({ comment: v.text, revision: await revisionOf(id) }) });
      expect(asked.status).toBe(200);
      take('editor: comment to the contributor', v.text);
      const resubmitted = await kb(cms, `/contribution/submissions/${id}`, { method: 'PUT', jwt, body: json({ data: { yearEnd: 2024 } }) });
      expect(resubmitted.status).toBe(200);
    }

    // One left open, every vector in its lists, sent back with all of them: the contributor edits it on the site.
    const units = packed(VECTORS, 60);
    const open = await kb(cms, '/contribution/submissions', {
      method: 'POST', jwt,
      body: json({
        data: {
          locale: 'fr', title: chunk(200, 0), summary: chunk(600, 0), body: ALL, city: chunk(120, 0),
          partners: packed(VECTORS, 200).map((name) => ({ name })),
          results: units.map((unit, k) => ({ indicator: chunk(300, k), value: k, unit })),
          lessons: packed(VECTORS, 1000),
          links: packed(VECTORS, 200).map((label, k) => ({ label, url: URL_VECTORS[k % URL_VECTORS.length].text })),
        },
      }),
    });
    expect(open.status).toBe(201);
    expect((await editor(`/moderation/submissions/${open.body.data.id}/request-changes`, { method: 'POST', body: json({ comment: ALL, revision: await revisionOf(open.body.data.id) }) })).status).toBe(200);
    for (const value of [...packed(VECTORS, 200), ...units, ...packed(VECTORS, 1000)]) take('contributor: lists of a case study sent back', value);

    // The organisation's fiche, in every locale: every vector in each long text.
    for (const [l, locale] of LOCALES.entries()) {
      const fiche = {
        locale,
        ...Object.fromEntries(['description', 'interests', 'competences', 'resources', 'network', 'priorities', 'difficulties', 'howToCollaborate'].map((field) => [field, ALL])),
        city: chunk(120, l),
        website: URL_VECTORS[l].text,
        publicContact: chunk(300, l),
      };
      const proposed = await kb(cms, '/contribution/actor-updates', { method: 'POST', jwt, body: json({ data: fiche }) });
      expect({ locale, status: proposed.status, body: proposed.status === 201 ? null : proposed.body }).toEqual({ locale, status: 201, body: null });
      for (const [field, value] of Object.entries(fiche)) if (field !== 'locale') take(`contributor: fiche ${field}`, value);
    }
  }, 300_000);

  it('shows every submission in the Moderation view with nothing run, and the editor accepts each one', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    const records = await recordScriptExecution(context);
    const page = await context.newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.fill('input[name="email"]', ADMIN.email);
    await page.fill('input[name="password"]', ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.getByRole('navigation').first().waitFor();
    await expect(controlVector(page, records, false)).resolves.toEqual(CONTROL_SEEN);
    let accepted = 0;
    // The page shows the queue's first page: each round opens it, every submission in it, then accepts them.
    for (let round = 0; round < 10; round++) {
      await page.goto(`${cms.url}/admin/plugins/knowledge-base/moderation`);
      await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      const buttons = page.locator('tbody tr td:first-child button');
      const rows = await buttons.count();
      if (rows === 0) break;
      for (let r = 0; r < rows; r++) {
        const title = (await buttons.nth(r).textContent()) ?? '';
        await buttons.nth(r).click();
        await page.waitForFunction((t) => document.getElementById('kb-moderation-detail')?.textContent === t, title);
        await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
        await check(page, `Moderation: ${title.slice(0, 40)}`, false);
        counts.adminViews++;
      }
      const { body } = await editor('/moderation/submissions?status=submitted,resubmitted');
      for (const s of body.data as { id: string }[]) {
        const decided = await editor(`/moderation/submissions/${s.id}/accept`, { method: 'POST', body: json({ revision: await revisionOf(s.id) }) });
        expect(decided.status).toBe(200);
        accepted++;
      }
    }
    expect(records.filter(byVectors)).toEqual([]);
    expect(injected).toEqual([]);
    expect(accepted).toBe(VECTORS.length + LOCALES.length);
    // The one sent back, and the history of an accepted one, under their own filter.
    for (const status of ['changes requested', 'accepted']) {
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: status, exact: true }).click();
      await page.locator('tbody tr td:first-child button').first().click();
      await page.locator('#kb-moderation-detail').waitFor();
      await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
      await check(page, `Moderation, ${status}`, false);
      counts.adminViews++;
    }
    ran.push(...records.filter(byVectors));
    expect(ran).toEqual([]);
    expect(injected).toEqual([]);
    await context.close();

    for (const id of (await editor(`/moderation/submissions?status=accepted&pageSize=100`)).body.data.filter((s: any) => s.kind === 'case-study').map((s: any) => s.id)) {
      const { content, title } = (await editor(`/moderation/submissions/${id}`)).body.data;
      titles.set(content.slug, VECTORS.find((v) => v.text === title)!);
    }
    expect(titles.size).toBe(VECTORS.length);
  }, 300_000);

  it('takes the vectors in every field an editor fills: entries of every type, sources, quotes, a cover’s text', async () => {
    const files = (await expectOk(cms.admin('/upload/files?pageSize=200'), 'media library')).results as { id: number; url: string }[];
    for (const [slug, v] of titles) {
      const locale = LOCALES[VECTORS.indexOf(v) % LOCALES.length];
      const list = await expectOk(cms.admin(`/content-manager/collection-types/${UID['case-study']}?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug)}`), 'case study');
      const { documentId } = list.results[0];
      const path = `/content-manager/collection-types/${UID['case-study']}/${documentId}`;
      const edits = { sources: [{ document: DOCUMENT, section: fit(v, 300) ?? 'x' }], evidence: { title: [v.text], summary: v.text } };
      await expectOk(cms.admin(`${path}?locale=${locale}`, { method: 'PUT', body: json(edits) }), `case study ${slug}`);
      await expectOk(cms.admin(`${path}/actions/publish?locale=${locale}`, { method: 'POST', body: '{}' }), `publish ${slug}`);
      take('editor: source section', edits.sources[0].section);
      take('editor: quote of a source', v.text);
      // The cover the accepted image became: its alternative text and caption.
      const cover = (await kb(cms, `/case-studies/${encodeURIComponent(slug)}?locale=${locale}`)).body.data.cover;
      const file = files.find((f) => f.url === cover?.url);
      expect({ slug, cover: Boolean(file) }).toEqual({ slug, cover: true });
      const form = new FormData();
      form.append('fileInfo', json({ alternativeText: v.text, caption: v.text }));
      await expectOk(fetch(`${cms.url}/upload?id=${file!.id}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: form }), `cover of ${slug}`);
      take('editor: image alternative text and caption', v.text);
    }

    // Entries of the other types, each field packed with as many vectors as it holds, in every locale.
    const sources = (e: number) => [{ document: DOCUMENT, section: chunk(300, e) }];
    // Quotes of the sources: at most five of 400 characters a field, so every vector over two fields.
    const quotes = packed(VECTORS, 400);
    expect(quotes.length).toBeLessThanOrEqual(10);
    const evidence = (first: string, second: string) => ({ [first]: quotes.slice(0, 5), [second]: quotes.slice(5) });
    const types: { type: keyof typeof UID; count: number; shared: (e: number) => Record<string, unknown>; localized: (n: number) => Record<string, unknown> }[] = [
      {
        type: 'actor', count: 6,
        shared: (e) => ({ slug: `xss-actor-${e}`, type: 'local-government', city: chunk(120, e), country: 'FR', website: URL_VECTORS[e % URL_VECTORS.length].text, publicContact: chunk(300, e), sources: sources(e), evidence: evidence('name', 'description') }),
        localized: (n) => ({
          name: chunk(200, n), translationOrigin: 'original',
          ...Object.fromEntries(['description', 'interests', 'competences', 'resources', 'network', 'priorities', 'difficulties', 'howToCollaborate'].map((f) => [f, ALL])),
        }),
      },
      {
        type: 'funding-call', count: 6,
        shared: (e) => ({ slug: `xss-call-${e}`, instrument: 'prize', deadline: '2099-06-30T12:00:00.000Z', timezone: 'Europe/Paris', applicationUrl: URL_VECTORS[(e + 3) % URL_VECTORS.length].text, sources: sources(e), evidence: evidence('title', 'summary') }),
        localized: (n) => ({ title: chunk(200, n), summary: chunk(600, n), body: ALL, contact: chunk(300, n), translationOrigin: 'original' }),
      },
      {
        type: 'good-practice', count: 6,
        shared: (e) => ({ slug: `xss-practice-${e}`, kind: 'fiche-action', leverCategory: 'governance', sources: sources(e), evidence: evidence('title', 'problem') }),
        localized: (n) => ({
          title: chunk(200, n), summary: chunk(600, n), problem: ALL, implementation: ALL, costs: ALL, pitfalls: ALL, timeline: ALL,
          keyQuestions: packed(VECTORS, 1000), indicators: packed(VECTORS, 1000), translationOrigin: 'original',
        }),
      },
      {
        type: 'theme', count: 10,
        shared: (e) => ({ slug: `xss-theme-${e}`, sources: sources(e) }),
        localized: (n) => ({ name: chunk(120, n), description: ALL, translationOrigin: 'original' }),
      },
    ];
    for (const { type, count, shared, localized } of types) {
      for (let e = 0; e < count; e++) {
        const base = `/content-manager/collection-types/${UID[type]}`;
        let documentId = '';
        for (const [l, locale] of LOCALES.entries()) {
          // Fields shared by the locales are sent with each: Strapi fills a new locale's from nothing else.
          const fields = { ...localized(e * LOCALES.length + l), ...shared(e) };
          const saved = documentId
            ? await expectOk(cms.admin(`${base}/${documentId}?locale=${locale}`, { method: 'PUT', body: json(fields) }), `${type} ${e} ${locale}`)
            : await expectOk(cms.admin(`${base}?locale=${locale}`, { method: 'POST', body: json(fields) }), `${type} ${e} ${locale}`);
          documentId = saved.data.documentId;
          await expectOk(cms.admin(`${base}/${documentId}/actions/publish?locale=${locale}`, { method: 'POST', body: '{}' }), `publish ${type} ${e} ${locale}`);
          for (const [field, value] of Object.entries(fields)) {
            if (typeof value === 'string') take(`editor: ${type} ${field}`, value);
            else if (field === 'sources') take(`editor: ${type} source section`, (value as { section: string }[])[0].section);
            else if (Array.isArray(value)) for (const item of value) take(`editor: ${type} ${field}`, item);
            else if (field === 'evidence') for (const quote of quotes) take(`editor: ${type} quotes of a source`, quote);
          }
        }
      }
    }

    // Addresses the CMS still takes from an editor though they would run if linked (the first test says so): the guide must show them as text.
    for (const [type, field, slug] of [['actor', 'website', 'xss-actor-0'], ['funding-call', 'applicationUrl', 'xss-call-0']] as const) {
      const list = await expectOk(cms.admin(`/content-manager/collection-types/${UID[type]}?locale=fr&filters[slug][$eq]=${slug}`), slug);
      const path = `/content-manager/collection-types/${UID[type]}/${list.results[0].documentId}`;
      if ((await cms.admin(`${path}?locale=fr`, { method: 'PUT', body: json({ [field]: REFUSED_URLS[0] }) })).status !== 200) continue;
      for (const locale of LOCALES) await expectOk(cms.admin(`${path}/actions/publish?locale=${locale}`, { method: 'POST', body: '{}' }), `publish ${slug} ${locale}`);
      counts.unsafeAddressesStored++;
    }
  }, 300_000);

  it('runs scripts of the admin panel only, never of the uploads, whose files are served sandboxed', async () => {
    const policy = directives((await fetch(`${cms.url}/admin/`)).headers.get('content-security-policy') ?? '');
    expect([policy['script-src'], policy['script-src-attr'], policy['object-src']]).toEqual([[`${new URL(cms.url).host}/admin/`], ["'none'"], ["'none'"]]);
    const [slug, vector] = [...titles][0];
    const cover = (await kb(cms, `/case-studies/${encodeURIComponent(slug)}?locale=${LOCALES[VECTORS.indexOf(vector) % LOCALES.length]}`)).body.data.cover;
    const file = await fetch(`${cms.url}${cover.url}`);
    expect([file.status, file.headers.get('x-content-type-options'), file.headers.get('content-security-policy')]).toEqual([200, 'nosniff', expect.stringMatching(/default-src 'none'.*sandbox/)]);
  });

  it('opens the content manager’s edit views, Markdown previews included, and the media library with nothing run', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    const records = await recordScriptExecution(context);
    const page = await context.newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.fill('input[name="email"]', ADMIN.email);
    await page.fill('input[name="password"]', ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    // An entry of every type, in the locales in turn, each in its edit view; the case studies' list.
    const views: { uid: string; documentId: string; locale: Locale; field: string }[] = [];
    for (const [k, [type, uid]] of Object.entries(UID).entries()) {
      const field = type === 'actor' || type === 'theme' ? 'name' : 'title';
      const locale = LOCALES[k % LOCALES.length];
      const list = await expectOk(cms.admin(`/content-manager/collection-types/${uid}?locale=${locale}&filters[${field}][$contains]=__xss&pageSize=1`), type);
      views.push({ uid, documentId: list.results[0].documentId, locale, field });
    }
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID['case-study']}?plugins[i18n][locale]=fr`);
    await page.locator('tbody tr').first().waitFor();
    await check(page, 'list view of the case studies', false);
    counts.adminViews++;
    for (const { uid, documentId, locale, field } of views) {
      await page.goto(`${cms.url}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`);
      await page.waitForFunction((name) => Boolean((document.querySelector(`input[name="${name}"]`) as HTMLInputElement | null)?.value), field);
      // Markdown fields rendered as the editor previews them.
      const previews = page.getByRole('button', { name: 'Preview mode' });
      const markdown = await previews.count();
      for (let k = markdown; k > 0; k--) await previews.first().click();
      await expect(page.getByRole('button', { name: 'Markdown mode' }).count()).resolves.toBe(markdown);
      await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
      await check(page, `edit view ${uid} ${locale}`, false);
      counts.adminViews++;
    }
    await page.goto(`${cms.url}/admin/plugins/upload`);
    await page.waitForFunction(() => Array.from(document.images).length > 0 && Array.from(document.images).every((img) => img.complete));
    await check(page, 'media library', false);
    counts.adminViews++;
    ran.push(...records.filter(byVectors));
    expect(ran).toEqual([]);
    expect(injected).toEqual([]);
    await context.close();
  }, 300_000);

  it('builds the guide from the CMS, served with its policy as a header too', async () => {
    // As of now, so never a build of another run's content.
    const { dist, log } = await buildSite('xss', { KB_API_URL: cms.url, KB_PUBLIC_API_URL: cms.url, KB_NOW: new Date().toISOString() });
    expect(log).toContain('security headers written');
    server = siteServer({ root: () => dist, log: () => undefined });
    await new Promise<void>((resolve) => server.listen(sitePort, '127.0.0.1', resolve));
    const answer = await fetch(`${site}/fr/`);
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[^;]*; style-src 'self' 'sha256-/);
    expect(policy).toContain(`connect-src 'self' ${cms.url}`);
    expect(policy).toMatch(/frame-ancestors 'none'$/);
    expect([answer.headers.get('x-frame-options'), answer.headers.get('referrer-policy')]).toEqual(['DENY', 'strict-origin-when-cross-origin']);
    expect(await answer.text()).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy.replace(/; frame-ancestors 'none'$/, '')}">`);
    pages.push(...htmlFiles(dist).map((file) => urlPathOf(dist, file)));
  }, 300_000);

  const pages: string[] = [];
  /** `/fr/case-studies/x/` → `case-studies entry`; a listing's later pages and sorts count as the listing, the contribution page under one name. */
  const pageType = (path: string) => {
    if (path === '/' || path === '/404.html') return path;
    const [, section = 'home', item] = path.split('/').filter(Boolean);
    const name = Object.values(CONTRIBUTION_PAGE).includes(section) ? 'contribution' : section;
    return !item || item === 'page' || item === 'sort' ? name : `${name} entry`;
  };

  it('opens every page of the guide, every type in every locale, with nothing run and each vector shown as text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const records = await recordScriptExecution(context);
    const control = await context.newPage();
    await control.goto(`${site}/fr/`);
    await expect(controlVector(control, records, true)).resolves.toEqual(CONTROL_SEEN);
    await control.close();
    const queue = [...pages];
    const withVectors = new Set<string>();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await context.newPage();
        for (let path = queue.shift(); path; path = queue.shift()) {
          const response = await page.goto(`${site}${path}`, { waitUntil: 'load' });
          expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
          await check(page, path, true);
          counts.sitePages++;
          counts.pageTypes.add(pageType(path));
          if ((await page.locator('body').textContent())?.includes('__xss')) withVectors.add(path);
          const slug = path.match(/^\/(?:fr|en|ar)\/case-studies\/([^/]+)\/$/)?.[1];
          const vector = slug && titles.get(decodeURIComponent(slug));
          if (vector) {
            const h1 = (await page.locator('h1').textContent()) ?? '';
            expect({ path, h1: h1.replace(/\s+/g, ' ').trim() }).toEqual({ path, h1: vector.text.replace(/\s+/g, ' ').trim() });
            counts.shownAsText++;
          }
        }
        await page.close();
      }),
    );
    ran.push(...records);
    await context.close();
    counts.pagesWithVectors = withVectors.size;
    expect(ran).toEqual([]);
    expect(injected).toEqual([]);
    expect(counts.shownAsText).toBe(VECTORS.length * LOCALES.length);
    // Every entry page of every type carries vectors, in every locale.
    for (const section of ['case-studies', 'actors', 'funding-calls', 'good-practices', 'themes']) {
      for (const locale of LOCALES) expect({ section, locale, pages: [...withVectors].filter((p) => p.startsWith(`/${locale}/${section}/`)).length > 0 }).toEqual({ section, locale, pages: true });
    }
  }, 300_000);

  it('runs the search and opens the contribution page, vectors in their addresses too, then signed in, in every locale, with nothing run', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const records = await recordScriptExecution(context);
    const page = await context.newPage();
    // Addresses a reader could be sent: the search's state and the contribution page's codes come from them.
    const reflected = [VECTORS[0], VECTORS[2], VECTORS.find((v) => v.kind === 'polyglot')!].map((v) => encodeURIComponent(v.text));
    for (const locale of LOCALES) {
      const search = `${site}/${locale}/search/`;
      for (const query of ['q=xss', ...reflected.flatMap((v) => [`q=${v}`, `q=xss&type=${v}&sort=${v}&page=${v}`])]) {
        await page.goto(`${search}?${query}`);
        await page.waitForSelector('[data-search][data-ready]');
        if (query === 'q=xss') await page.locator('.search-result').first().waitFor();
        counts.searchResults += await page.locator('.search-result').count();
        await check(page, `/${locale}/search/?${query}`, true);
      }
      const contribution = `${site}/${locale}/${CONTRIBUTION_PAGE[locale]}/`;
      for (const v of reflected) {
        await page.goto(`${contribution}?invitation=${v}#reset=${v}`);
        await page.locator('#invitation-form, #reset-form').first().waitFor();
        await check(page, `/${locale}/${CONTRIBUTION_PAGE[locale]}/ with a code`, true);
        counts.contributionViews++;
      }
      await page.goto(contribution);
      if (await page.locator('#login-form').isVisible()) {
        await page.fill('#l-email', EMAIL);
        await page.fill('#l-password', PASSWORD);
        await page.press('#l-password', 'Enter');
      }
      // My submissions, with the editors' comments; the fiche as published; the one sent back, opened in the form.
      await page.waitForFunction((n) => document.querySelectorAll('[data-mine] li').length >= n, VECTORS.length + LOCALES.length + 1);
      await page.waitForFunction(() => (document.getElementById('a-description') as HTMLTextAreaElement | null)?.value.includes('__xss'));
      await check(page, `/${locale}/${CONTRIBUTION_PAGE[locale]}/ signed in`, true);
      await page.locator('[data-mine] li [data-edit]').first().click();
      await page.waitForFunction(() => (document.getElementById('c-title') as HTMLInputElement | null)?.value.includes('__xss'));
      await check(page, `/${locale}/${CONTRIBUTION_PAGE[locale]}/ editing what was sent back`, true);
      counts.contributionViews += 2;
    }
    ran.push(...records);
    await context.close();
    expect(ran).toEqual([]);
    expect(injected).toEqual([]);
    expect(counts.searchResults).toBeGreaterThan(0);
  }, 300_000);
});
