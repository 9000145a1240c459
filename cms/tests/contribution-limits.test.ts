import { join } from 'node:path';
import { TestCms } from './harness';
import { freePort } from '../../scripts/lib/cms';
import { SmtpSink } from './smtp-sink';
import { caseStudy, kb, login, tokenOf, PASSWORD } from './contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';

const FIXTURES = join(__dirname, 'fixtures', 'seed');

// Limits are per process and in memory: one CMS with tiny limits, on SQLite (the database plays no part).
describe('submission rate limits and mail failures', () => {
  const cms = new TestCms('sqlite');
  const smtp = new SmtpSink();

  beforeAll(async () => {
    await smtp.start();
    Object.assign(cms.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), KB_SUBMISSIONS_PER_USER: '2', KB_SUBMISSIONS_PER_IP: '3', KB_SUBMISSION_WINDOW_MS: '600000' });
    await cms.seed(FIXTURES);
    await cms.start();
  });
  afterAll(async () => {
    await cms.dispose();
    await smtp.stop();
  });

  const onboard = async (email: string) => {
    await cms.admin('/knowledge-base/moderation/invitations', { method: 'POST', body: JSON.stringify({ email, organisation: 'ville-fixture' }) });
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    await kb(cms, '/contribution/invitations/accept', { method: 'POST', body: JSON.stringify({ token: tokenOf(mail.text), password: PASSWORD }) });
    return login(cms, email);
  };
  const submit = (jwt: string, n: number) =>
    kb(cms, '/contribution/submissions', { method: 'POST', jwt, lang: 'en', body: JSON.stringify({ data: caseStudy({ title: `Limite ${n}`, partners: [] }) }) });

  it('answers 429 with Retry-After past the per-user limit, then past the per-IP limit', async () => {
    const [first, second] = [await onboard('one@x.example'), await onboard('two@x.example')];
    expect((await submit(first, 1)).status).toBe(201);
    expect((await submit(first, 2)).status).toBe(201);
    const overUser = await submit(first, 3);
    expect(overUser.status).toBe(429);
    expect(Number(overUser.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(Number(overUser.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(overUser.body.error.message).toBe(translate('en', 'error.rateLimited', { seconds: overUser.headers.get('retry-after') }));
    // The second user is under their own limit, but the IP has used its three.
    expect((await submit(second, 4)).status).toBe(201);
    const overIp = await submit(second, 5);
    expect(overIp.status).toBe(429);
    expect(overIp.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await kb(cms, '/contribution/submissions', { jwt: second })).body.data.map((s: any) => s.title)).not.toContain('Limite 5');
  });

  it('logs a mail failure and still answers the request', async () => {
    await cms.stop();
    cms.env.SMTP_PORT = String(await freePort()); // nothing listens there
    await cms.start();
    const invited = await cms.admin('/knowledge-base/moderation/invitations', { method: 'POST', body: JSON.stringify({ email: 'nomail@x.example', organisation: 'ville-fixture' }) });
    expect(invited.status).toBe(201);
    const { link } = ((await invited.json()) as any).data;
    expect((await kb(cms, '/contribution/invitations/accept', { method: 'POST', body: JSON.stringify({ token: tokenOf(link), password: PASSWORD }) })).status).toBe(201);
    const created = await submit(await login(cms, 'nomail@x.example'), 6);
    expect(created.status).toBe(201);
    const deadline = Date.now() + 10_000;
    while (!/e-mail to \S+ failed/.test(cms.logs()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(cms.logs()).toMatch(/\[knowledge-base\] e-mail to nomail@x\.example failed/);
  });
});
