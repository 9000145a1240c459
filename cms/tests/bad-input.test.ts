/**
 * Bad input never gets a 5xx and is never stored. Each request below once answered 500, or was
 * stored (201): huge page numbers, a value nested 5,000 deep where text is expected, `__proto__`
 * in multipart data, names of Object.prototype as fields, the CMS favicon, an alert subscription
 * while SMTP is down, the digest run as of a far-future instant. Against a real Strapi on SQLite
 * and PostgreSQL: a 4xx naming the field, in the caller's language, and no row written.
 */
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { pgQuery } from '../../scripts/lib/database-env';
import { freePort } from '../../scripts/lib/cms';
import { TestCms } from './harness';
import { testDatabases } from './databases';
import { SmtpSink } from './smtp-sink';
import { caseStudy, kb, login, multipart, tokenOf, PASSWORD, type Reply } from './contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';
import { MAX_PAGE, MAX_PAGE_SIZE_ASKED } from '../../plugins/knowledge-base/server/src/validation/query';
import type { MessageKey } from '../../plugins/knowledge-base/server/src/translations';
import type { Locale } from '../../plugins/knowledge-base/server/src/shared/locales';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const LISTS = ['case-studies', 'actors', 'funding-calls', 'good-practices', 'themes'];
const json = (value: unknown) => JSON.stringify(value);
// Built as text: JSON.stringify itself overflows the stack on such values.
const deepList = (levels: number) => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
const hugeList = (items: number) => `[${'"FR",'.repeat(items - 1)}"FR"]`;
/** A JSON body whose `field` (a dotted path) holds `raw`, a JSON text. */
const withRaw = (body: Record<string, unknown>, field: string, raw: string) => {
  const marker = '"__raw__"';
  const [head, ...rest] = field.split('.');
  const copy = structuredClone(body);
  if (rest.length) (copy[head] as Record<string, unknown>)[rest.join('.')] = '__raw__';
  else copy[head] = '__raw__';
  return json(copy).replace(marker, raw);
};

describe.each(testDatabases())('bad input on %s', (database) => {
  const cms = new TestCms(database);
  const mailbox = new SmtpSink();
  let smtpPort = 0;
  let jwt = '';

  const rows = async (table: string): Promise<number> => {
    if (database === 'sqlite') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Sqlite = require('better-sqlite3');
      const db = new Sqlite(cms.env.DATABASE_FILENAME, { readonly: true });
      try {
        return db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
      } finally {
        db.close();
      }
    }
    return Number((await pgQuery<{ n: string }>(`SELECT COUNT(*) AS n FROM "${cms.env.DATABASE_SCHEMA}".${table}`))[0].n);
  };
  const counts = async (...tables: string[]) => Promise.all(tables.map(rows));
  const paths = (reply: Reply) => (reply.body?.error?.details?.errors ?? []).map((e: { path: unknown }) => e.path);
  const messageAt = (reply: Reply, path: (string | number)[]) =>
    reply.body.error.details.errors.find((e: { path: unknown }) => JSON.stringify(e.path) === JSON.stringify(path))?.message;
  const digest = (body: unknown, lang = 'en') =>
    cms.admin('/knowledge-base/alerts/digest', { method: 'POST', headers: { 'accept-language': lang }, body: typeof body === 'string' ? body : json(body) })
      .then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any }));

  beforeAll(async () => {
    // Nothing listens on the SMTP port until the alert test brings mail back: every mail fails.
    smtpPort = await freePort();
    Object.assign(cms.env, {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: 'https://guide.example', KB_EDITOR_EMAILS: 'moderation@aimf.example',
      KB_SUBMISSIONS_PER_USER: '500', KB_SUBMISSIONS_PER_IP: '1000',
      KB_ALERTS_PER_IP_PER_HOUR: '500', KB_ALERTS_PER_ADDRESS_PER_DAY: '50',
    });
    await cms.seed(FIXTURES);
    await cms.start();
    // Mail is down: the invitation link is taken from the editor's answer instead.
    const invited = await cms.admin('/knowledge-base/moderation/invitations', { method: 'POST', body: json({ email: 'mairie@fixtureville.example', organisation: 'ville-fixture' }) });
    const token = tokenOf(((await invited.json()) as any).data.link);
    const accepted = await kb(cms, '/contribution/invitations/accept', { method: 'POST', body: json({ token, password: PASSWORD }) });
    expect(accepted.status).toBe(201);
    jwt = await login(cms, 'mairie@fixtureville.example');
  }, 300_000);
  afterAll(async () => {
    await cms.dispose();
    await mailbox.stop().catch(() => undefined);
  });

  describe('numbers in queries', () => {
    it.each(LISTS)('/%s refuses a page or page size past its maximum, naming it, in the caller’s language', async (list) => {
      const cases: [string, string, MessageKey, Record<string, unknown>][] = [
        ['page=400000000000000000', 'page', 'error.tooLarge', { max: MAX_PAGE }],
        ['page=99999999999999999999', 'page', 'error.tooLarge', { max: MAX_PAGE }],
        [`page=${MAX_PAGE + 1}`, 'page', 'error.tooLarge', { max: MAX_PAGE }],
        ['pageSize=99999999999999999999', 'pageSize', 'error.tooLarge', { max: MAX_PAGE_SIZE_ASKED }],
        [`page=1${'0'.repeat(400)}`, 'page', 'error.tooLarge', { max: MAX_PAGE }],
        ['page=1e3', 'page', 'error.notInteger', {}],
      ];
      for (const [query, param, key, params] of cases) {
        for (const [lang, how] of [['en', { query: '&locale=en' }], ['ar', { header: 'ar' }], ['fr', {}]] as [Locale, { query?: string; header?: string }][]) {
          const reply = await kb(cms, `/${list}?${query}${how.query ?? ''}`, { lang: how.header });
          expect({ query, lang, status: reply.status }).toEqual({ query, lang, status: 400 });
          expect(reply.body.error.details.errors).toEqual([{ path: [param], message: translate(lang, key, params), name: 'ValidationError' }]);
        }
      }
    });

    it('still serves the last allowed page, empty, labelled as asked', async () => {
      const reply = await kb(cms, `/case-studies?page=${MAX_PAGE}&pageSize=100`);
      expect(reply.status).toBe(200);
      expect(reply.body.data).toEqual([]);
      expect(reply.body.meta.pagination).toMatchObject({ page: MAX_PAGE, pageSize: 100 });
    });
  });

  describe('values that are not text where text is expected', () => {
    //   case                                   route                                  body                                                                                       lang  path                   key
    const table: [string, string, () => string, Locale, (string | number)[], MessageKey][] = [
      ['invitation token nested 5,000 deep', '/contribution/invitations/accept', () => withRaw({ token: 0, password: PASSWORD }, 'token', deepList(5000)), 'ar', ['token'], 'error.tooComplex'],
      ['invitation token as a list', '/contribution/invitations/accept', () => json({ token: ['a'.repeat(43)], password: PASSWORD }), 'en', ['token'], 'error.invitationInvalid'],
      ['alert locale nested 5,000 deep', '/alerts', () => withRaw({ email: 'deep@example.org' }, 'locale', deepList(5000)), 'en', ['locale'], 'error.tooComplex'],
      ['alert e-mail nested 5,000 deep', '/alerts', () => withRaw({ locale: 'fr' }, 'email', deepObject(5000)), 'fr', ['email'], 'error.tooComplex'],
      ['alert locale as a list', '/alerts', () => json({ email: 'deep@example.org', locale: [['fr']] }), 'ar', ['locale'], 'error.unknownLocale'],
      ['submission country nested 5,000 deep', '/contribution/submissions', () => withRaw({ data: caseStudy() }, 'data.country', deepList(5000)), 'en', ['data', 'country'], 'error.tooComplex'],
      ['submission country as a huge list', '/contribution/submissions', () => withRaw({ data: caseStudy() }, 'data.country', hugeList(100_000)), 'ar', ['data', 'country'], 'error.tooComplex'],
      ['submission country as an object', '/contribution/submissions', () => json({ data: caseStudy({ country: { FR: true } }) }), 'en', ['data', 'country'], 'error.invalidValue'],
      ['fiche proposal locale nested 5,000 deep', '/contribution/actor-updates', () => withRaw({ data: { description: 'Profonde.' } }, 'data.locale', deepList(5000)), 'ar', ['data', 'locale'], 'error.tooComplex'],
      ['fiche proposal locale as a list', '/contribution/actor-updates', () => json({ data: { locale: ['fr'], description: 'Liste.' } }), 'en', ['data', 'locale'], 'error.unknownLocale'],
    ];

    it.each(table)('%s: 400 naming the field, in the caller’s language, nothing stored', async (_name, route, body, lang, path, key) => {
      const tables = ['kb_submissions', 'kb_alert_subscriptions', 'up_users', 'kb_contributors'];
      const before = await counts(...tables);
      const reply = await kb(cms, route, { method: 'POST', jwt: route.startsWith('/contribution/invitations') ? undefined : jwt, lang, body: body() });
      expect(reply.status).toBe(400);
      expect(paths(reply)).toContainEqual(path);
      const message = messageAt(reply, path);
      if (key === 'error.invalidValue' || key === 'error.unknownLocale') expect(message).toMatch(new RegExp(`^${translate(lang, key, { value: '\u0000', allowed: '\u0001' }).split(/\u0000|\u0001/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
      else expect(message).toBe(translate(lang, key));
      expect(await counts(...tables)).toEqual(before);
    });
  });

  describe('keys that are names of Object.prototype', () => {
    it('refuses __proto__ in multipart data as an unknown field, at any depth, and stores nothing', async () => {
      const before = await counts('kb_submissions', 'files');
      const top = json(caseStudy()).replace(/^\{/, '{"__proto__":{"title":"polluted","polluted":true},');
      const reply = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, lang: 'en', body: multipart(top, []) });
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.errors).toEqual([{ path: ['data', '__proto__'], message: translate('en', 'error.unknownField', { name: '__proto__' }), name: 'ValidationError' }]);

      const nested = json(caseStudy()).replace('"indicator"', '"__proto__":{"isAdmin":true},"indicator"');
      const inResults = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, lang: 'ar', body: multipart(nested, []) });
      expect(inResults.status).toBe(400);
      expect(paths(inResults)).toEqual([['data', 'results', 0, '__proto__']]);
      expect(await counts('kb_submissions', 'files')).toEqual(before);
    });

    it('refuses toString, constructor, hasOwnProperty and valueOf in a fiche proposal, in Arabic, and stores nothing', async () => {
      const before = await rows('kb_submissions');
      const names = ['toString', 'constructor', 'hasOwnProperty', 'valueOf'];
      const data = { locale: 'fr', description: 'Une ville.', ...Object.fromEntries(names.map((n) => [n, 'x'])) };
      const reply = await kb(cms, '/contribution/actor-updates', { method: 'POST', jwt, lang: 'ar', body: json({ data }) });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toBe(translate('ar', 'error.invalidSubmission'));
      expect(reply.body.error.details.errors).toEqual(names.map((name) => ({ path: ['data', name], message: translate('ar', 'error.unknownField', { name }), name: 'ValidationError' })));
      expect(await rows('kb_submissions')).toBe(before);
    });

    it('refuses a case study with a constructor field, and an alert with a toString field, storing nothing', async () => {
      const before = await counts('kb_submissions', 'kb_alert_subscriptions');
      const submission = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, lang: 'en', body: json({ data: caseStudy({ constructor: 'x' }) }) });
      expect(submission.status).toBe(400);
      expect(submission.body.error.details.errors).toEqual([{ path: ['data', 'constructor'], message: translate('en', 'error.unknownField', { name: 'constructor' }), name: 'ValidationError' }]);
      const alert = await kb(cms, '/alerts', { method: 'POST', lang: 'fr', body: json({ email: 'proto@example.org', toString: 'x' }) });
      expect(alert.status).toBe(400);
      expect(paths(alert)).toEqual([['toString']]);
      expect(await counts('kb_submissions', 'kb_alert_subscriptions')).toEqual(before);
    });
  });

  it('answers a burst of malformed URLs and unexpected methods with a 4xx, and stays up', async () => {
    // Raw HTTP: fetch would refuse some of these methods and normalise some of these paths.
    const raw = (method: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${cms.url}/`, { method, path }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    const paths = [
      '/%', '/%%', '/%E0%A4%A', '/api/knowledge-base/case-studies/%E0%A4%A', '/api/knowledge-base/case-studies/%', '/api/knowledge-base/case-studies?locale=%',
      '/api/knowledge-base/case-studies?page=%', '/uploads/%', '/uploads/%E0%A4%A', '/admin/%',
      '/api/knowledge-base/%2e%2e/%2e%2e/etc/passwd', '/uploads/..%2f..%2fpackage.json', `/api/knowledge-base/case-studies/${'a'.repeat(8000)}`,
    ];
    const got: [string, number][] = [];
    for (let round = 0; round < 3; round++) {
      for (const path of paths) got.push([`GET ${path.slice(0, 60)}`, await raw('GET', path)]);
      for (const method of ['PUT', 'DELETE', 'TRACE', 'PATCH', 'PROPFIND']) got.push([`${method} list`, await raw(method, '/api/knowledge-base/case-studies')]);
    }
    expect(got.filter(([, status]) => status < 400 || status >= 500)).toEqual([]);
    // A query value that is not valid percent-encoding is read as the text it is: no such theme.
    expect((await raw('GET', '/api/knowledge-base/case-studies?locale=fr&filters[theme]=%ZZ'))).toBe(200);
    expect((await fetch(`${cms.url}/_health`)).status).toBe(204);
    expect((await kb(cms, '/case-studies?locale=fr')).status).toBe(200);
  });

  it('answers /favicon.ico on the CMS with an icon', async () => {
    const response = await fetch(`${cms.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  describe('alerts while mail is down', () => {
    it('keeps the subscription and answers as usual; the digest task sends the confirmation once mail is back', async () => {
      const before = await rows('kb_alert_subscriptions');
      const reply = await kb(cms, '/alerts', { method: 'POST', body: json({ email: 'down@example.org', locale: 'en' }) });
      expect(reply.status).toBe(202);
      expect(reply.body.data).toEqual({ status: 'pending-confirmation' });
      const form = await kb(cms, '/alerts', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=form-down%40example.org&locale=ar' });
      expect(form.status).toBe(202);
      expect(form.body).toContain(translate('ar', 'alerts.page.pending.title'));
      expect(await rows('kb_alert_subscriptions')).toBe(before + 2);
      // The failure is logged (twice), and the rows are still there afterwards.
      const deadline = Date.now() + 15_000;
      while ((cms.logs().match(/alert confirmation mail .* failed/g) ?? []).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect((cms.logs().match(/alert confirmation mail .* failed/g) ?? []).length).toBe(2);
      expect(await rows('kb_alert_subscriptions')).toBe(before + 2);

      await mailbox.start(smtpPort);
      const run = await digest({ now: new Date().toISOString() });
      expect(run.status).toBe(200);
      expect(run.body.data).toMatchObject({ confirmationsSent: 2, purged: 0, failed: 0 });
      const mail = await mailbox.next('down@example.org', 1);
      expect(mail.subject).toBe(translate('en', 'alerts.mail.confirm.subject'));
      const link = /https?:\/\/\S+\/alerts\/confirm\?token=\S+/.exec(mail.text)![0];
      expect((await fetch(link)).status).toBe(200);
      await mailbox.next('form-down@example.org', 1);
      // Sent once: the next run has nothing to resend.
      expect((await digest({ now: new Date().toISOString() })).body.data).toMatchObject({ confirmationsSent: 0 });
    });
  });

  describe('the digest’s `now`', () => {
    it('refuses an instant far from the server clock, naming `now`, and purges nothing', async () => {
      expect((await kb(cms, '/alerts', { method: 'POST', body: json({ email: 'pending@example.org', locale: 'fr' }) })).status).toBe(202);
      const mail = await mailbox.next('pending@example.org', 1);
      const before = await rows('kb_alert_subscriptions');
      const inEnglish = new RegExp(`^${translate('en', 'error.dateRange', { min: '\u0000', max: '\u0001' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\u0000|\u0001/g, '.+')}$`);
      for (const now of ['2098-12-15T07:00:00Z', new Date(Date.now() + 2 * 3600_000).toISOString(), new Date(Date.now() - 3 * 86400_000).toISOString()]) {
        const reply = await digest({ now });
        expect({ now, status: reply.status }).toEqual({ now, status: 400 });
        expect(reply.body.error.details.errors).toEqual([{ path: ['now'], message: expect.stringMatching(inEnglish), name: 'ValidationError' }]);
      }
      const arabic = await digest({ now: '2098-12-15T07:00:00Z' }, 'ar');
      expect(arabic.body.error.message).toBe(translate('ar', 'alerts.error.invalid'));
      for (const [body, path] of [[{ now: 'soon' }, ['now']], [{ now: 20981215 }, ['now']], [`{"now":${deepList(5000)}}`, ['now']], [{ now: new Date().toISOString(), purge: true }, ['purge']]] as const) {
        const reply = await digest(body);
        expect({ body: String(body).slice(0, 40), status: reply.status }).toEqual({ body: String(body).slice(0, 40), status: 400 });
        expect(paths({ ...reply, headers: new Headers() })).toEqual([path]);
      }
      expect(await rows('kb_alert_subscriptions')).toBe(before);
      // Still pending, still confirmable.
      const link = /https?:\/\/\S+\/alerts\/confirm\?token=\S+/.exec(mail.text)![0];
      expect((await fetch(link)).status).toBe(200);
      expect((await digest({ now: new Date(Date.now() - 3600_000).toISOString() })).status).toBe(200);
    });
  });
});
