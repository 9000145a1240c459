/**
 * Funding-call alerts end to end against a real Strapi and a real SMTP server: subscribe,
 * double opt-in, expiry, the digest over days and weeks, one-click unsubscribe, bad
 * input refused field by field in the caller's language, rate limits. The digest only runs
 * near the server's clock, so time passes here by moving the stored instants back.
 */
import { join } from 'node:path';
import { pgQuery } from '../../scripts/lib/database-env';
import { TestCms, api } from './harness';
import { testDatabases } from './databases';
import { SmtpSink } from './smtp-sink';
import { translate } from '../../plugins/knowledge-base/server/src/translations';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const SITE = 'https://guide.example';
const FUNDING_CALL = 'plugin::knowledge-base.funding-call';

const linkIn = (text: string, path: string) => {
  const found = text.match(new RegExp(`https?://\\S+/api/knowledge-base/alerts/${path}\\?token=\\S+`));
  if (!found) throw new Error(`no ${path} link in: ${text}`);
  return found[0];
};

describe.each(testDatabases())('funding-call alerts on %s', (database) => {
  const cms = new TestCms(database);
  const mailbox = new SmtpSink();
  const subscribe = (body: unknown, headers: Record<string, string> = {}) =>
    api(cms, '/alerts', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  // The instant the tests pretend it is: reaching it moves every stored instant the digest reads back by the difference.
  let pretended = Date.now();
  const STORED_INSTANTS: Record<string, string[]> = {
    kb_alert_subscriptions: ['confirmed_at', 'last_sent_at', 'confirm_by'],
    kb_funding_calls: ['published_at', 'deadline'],
  };
  const travelTo = async (instant: string) => {
    const ms = new Date(instant).getTime() - pretended;
    expect(ms).toBeGreaterThanOrEqual(0);
    pretended += ms;
    for (const [table, columns] of Object.entries(STORED_INSTANTS)) {
      for (const column of columns) {
        if (database === 'sqlite') {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const Sqlite = require('better-sqlite3');
          const db = new Sqlite(cms.env.DATABASE_FILENAME);
          try {
            // Strapi keeps SQLite datetimes as milliseconds since 1970.
            expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND typeof(${column}) != 'integer'`).get().n).toBe(0);
            db.prepare(`UPDATE ${table} SET ${column} = ${column} - ? WHERE ${column} IS NOT NULL`).run(ms);
          } finally {
            db.close();
          }
        } else {
          await pgQuery(`UPDATE "${cms.env.DATABASE_SCHEMA}".${table} SET ${column} = ${column} - make_interval(secs => $1) WHERE ${column} IS NOT NULL`, [ms / 1000]);
        }
      }
    }
  };
  /** The digest as if it were `instant`: run now, after moving the stored instants back. */
  const digest = async (instant: string) => {
    await travelTo(instant);
    const response = await cms.admin('/knowledge-base/alerts/digest', { method: 'POST', body: JSON.stringify({ now: new Date().toISOString() }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as any).data as { sent: number; skipped: number; failed: number; purged: number; confirmationsSent: number };
  };

  beforeAll(async () => {
    await mailbox.start();
    Object.assign(cms.env, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: SITE,
      KB_ALERTS_PER_IP_PER_HOUR: '14',
    });
    await cms.seed(FIXTURES);
    await cms.start();
  });
  afterAll(async () => {
    await cms.dispose();
    await mailbox.stop();
  });

  it('refuses bad input field by field, in the caller’s language, and sends nothing', async () => {
    const response = await subscribe(
      { email: 'not-an-address', locale: 'ar', themes: ['dechets', 'jardins-suspendus'], beneficiaries: ['aliens'], scopes: ['galactic'], frequency: 'hourly', phone: '1' },
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as any;
    expect(error.message).toBe(translate('ar', 'alerts.error.invalid'));
    expect(error.details.errors.map((e: any) => [e.path.join('.'), e.message])).toEqual([
      ['phone', translate('ar', 'error.unknownParameter', { name: 'phone' })],
      ['email', translate('ar', 'error.notEmail')],
      ['themes', translate('ar', 'alerts.error.unknownTheme', { value: 'jardins-suspendus', allowed: 'dechets, services-urbains' })],
      ['beneficiaries', expect.stringContaining('aliens')],
      ['scopes', expect.stringContaining('galactic')],
      ['frequency', expect.stringContaining('hourly')],
    ]);
    const english = await subscribe({ themes: 'dechets' }, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(english.status).toBe(400);
    expect(((await english.json()) as any).error.details.errors).toEqual([expect.objectContaining({ path: ['email'], message: 'Required.' })]);
    const notJson = await api(cms, '/alerts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": [1, 2]}' });
    expect(notJson.status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox.mails).toEqual([]);
  });

  let readerUnsubscribe = '';

  it('double opt-in: a confirmation mail with a single-use link', async () => {
    const response = await subscribe({ email: 'Reader@Example.org', locale: 'fr', themes: ['dechets'], beneficiaries: ['local-governments'], scopes: ['international'], frequency: 'daily' });
    expect(response.status).toBe(202);
    const mail = await mailbox.next('reader@example.org', 1);
    expect(mail.subject).toBe(translate('fr', 'alerts.mail.confirm.subject'));
    const confirm = linkIn(mail.text, 'confirm');
    expect(confirm.startsWith(cms.url)).toBe(true);

    const first = await fetch(confirm);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain(translate('fr', 'alerts.page.confirmed.title'));
    const again = await fetch(confirm);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(translate('fr', 'alerts.page.badToken.text'));
    expect((await fetch(`${cms.url}/api/knowledge-base/alerts/confirm?token=forged`)).status).toBe(400);
  });

  it('accepts a plain HTML form post (no JavaScript) and answers with a page in the reader’s language', async () => {
    const form = new URLSearchParams([['email', 'pending@example.org'], ['locale', 'ar'], ['themes', 'services-urbains'], ['frequency', 'weekly']]);
    const response = await api(cms, '/alerts', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain(translate('ar', 'alerts.page.pending.title'));
    await mailbox.next('pending@example.org', 1);

    const bad = new URLSearchParams([['email', 'nope'], ['locale', 'en']]);
    const refused = await api(cms, '/alerts', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: bad.toString() });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(translate('en', 'error.notEmail'));
  });

  it('sends each due subscriber the new calls and those closing soon of their filter, then waits for the next period', async () => {
    // A subscriber to everything, in English, and one whose filter matches no call.
    await subscribe({ email: 'all@example.org', locale: 'en', frequency: 'weekly' });
    await subscribe({ email: 'local@example.org', scopes: ['local'] });
    for (const address of ['all@example.org', 'local@example.org']) {
      const confirmed = await fetch(linkIn((await mailbox.next(address, 1)).text, 'confirm'));
      expect(confirmed.status).toBe(200);
    }
    // A call published after they subscribed is "new" for them.
    const created = await cms.admin(`/content-manager/collection-types/${FUNDING_CALL}?locale=en`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'Fresh call', slug: 'fresh-call', summary: 'Published after the subscriptions.', instrument: 'prize',
        sources: [{ document: '002_3fbd6008e1083b73.txt', section: 'Test' }], translationOrigin: 'original',
      }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as any;
    expect((await cms.admin(`/content-manager/collection-types/${FUNDING_CALL}/${data.documentId}/actions/publish?locale=en`, { method: 'POST', body: '{}' })).status).toBe(200);

    // Mid-December 2098 the fixture's "appel-ouvert" (deadline 1 January 2099) closes within 30 days;
    // the unconfirmed subscription is long past its 48 hours.
    const result = await digest('2098-12-15T07:00:00Z');
    expect(result).toEqual({ sent: 2, skipped: 1, failed: 0, purged: 1, confirmationsSent: 0 });

    const reader = await mailbox.next('reader@example.org', 2);
    expect(reader.subject).toBe(translate('fr', 'alerts.mail.digest.subject', { count: 1 }));
    expect(reader.text).toContain(translate('fr', 'alerts.mail.digest.closing'));
    expect(reader.text).toContain('Appel ouvert');
    expect(reader.text).toContain(`${SITE}/fr/funding-calls/appel-ouvert/`);
    expect(reader.text).not.toContain(translate('fr', 'alerts.mail.digest.new'));
    expect(reader.text).not.toContain('Programme permanent');
    readerUnsubscribe = linkIn(reader.text, 'unsubscribe');
    expect(reader.headers).toContain(`List-Unsubscribe: <${readerUnsubscribe}>`);
    expect(reader.headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const everything = await mailbox.next('all@example.org', 2);
    expect(everything.text).toContain(`${translate('en', 'alerts.mail.digest.new')}\n• Fresh call`);
    expect(everything.text).toContain(`${SITE}/en/funding-calls/fresh-call/`);
    expect(everything.text).toContain('Open call');
    expect(mailbox.to('local@example.org')).toHaveLength(1);

    // The pending subscription is gone: its confirmation link no longer works.
    expect((await fetch(linkIn(mailbox.to('pending@example.org')[0].text, 'confirm'))).status).toBe(400);
    // Nobody is due again the same day.
    expect(await digest('2098-12-15T12:00:00Z')).toEqual({ sent: 0, skipped: 3, failed: 0, purged: 0, confirmationsSent: 0 });
  });

  it('unsubscribes in one click, deleting the address', async () => {
    const page = await fetch(readerUnsubscribe);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const oneClick = await fetch(readerUnsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain(translate('fr', 'alerts.page.unsubscribed.title'));
    const tampered = readerUnsubscribe.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(tampered, { method: 'POST' })).status).toBe(400);
    // The next day the daily reader gets nothing; the weekly one is not due yet.
    const before = mailbox.mails.length;
    expect(await digest('2098-12-16T07:00:00Z')).toEqual({ sent: 0, skipped: 2, failed: 0, purged: 0, confirmationsSent: 0 });
    // A week later the weekly reader is due, but every call was already announced: no repeat.
    expect(await digest('2098-12-22T07:00:00Z')).toEqual({ sent: 0, skipped: 2, failed: 0, purged: 0, confirmationsSent: 0 });
    expect(mailbox.mails.length).toBe(before);
  });

  it('keeps addresses out of every public surface', async () => {
    expect((await api(cms, '/alert-subscriptions')).status).toBe(404);
    const openapi = await api(cms, '/openapi.json');
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as any;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.servers[0].url).toBe(cms.url);
    expect(JSON.stringify(document)).not.toContain('example.org');
    expect((await fetch(`${cms.url}/api/alert-subscriptions`)).status).toBe(404);
  });

  it('limits subscriptions per address and per IP with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await subscribe({ email: 'eager@example.org' })).status).toBe(202);
    const limited = await subscribe({ email: 'eager@example.org', locale: 'en' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(((await limited.json()) as any).error.message).toMatch(/^Too many subscription requests/);

    // 14 an hour from one IP, valid or not: this suite has posted 12 so far.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await subscribe({ email: `ip${i}@example.org` })).status);
    expect(statuses).toEqual([202, 202, 429, 429]);
  });
});
