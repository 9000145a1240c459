/**
 * Contributors' accounts and their addresses: users-permissions' account routes answer alike
 * whether or not an address has an account (same status, same body, as fast, whether the mail
 * server works, hangs or is down); a forgotten password is reset through an e-mail in the
 * contributor's language whose link opens the contribution page in that language, with a code
 * that works once, within an hour, for a password that follows the contributors' rule.
 */
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { pgQuery } from '../../scripts/lib/database-env';
import { TestCms } from './harness';
import { testDatabases } from './databases';
import { SmtpSink } from './smtp-sink';
import { PASSWORD, call, kb, login, onboard, type Reply } from './contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const SITE = 'https://guide.example';
const EN = 'city-hall@fixtureville.example';
const AR = 'baladiya@fixtureville.example';
const NOBODY = 'nobody@fixtureville.example';
const NEW_PASSWORD = 'Brand-new-Passw0rd';
const json = (value: unknown) => JSON.stringify(value);
const codeIn = (text: string) => /#reset=([0-9a-z]+\.[0-9a-f]+)/.exec(text)?.[1];

describe.each(testDatabases())('resetting a contributor’s password, telling nobody who has an account, on %s', (database) => {
  const cms = new TestCms(database);
  const smtp = new SmtpSink();
  let smtpRunning = false;
  const forgot = (email: string, lang = 'en') =>
    call(cms, '/api/auth/forgot-password', { method: 'POST', lang, body: json({ email }), signal: AbortSignal.timeout(5000) });
  const reset = (body: Record<string, unknown>, lang = 'en') => call(cms, '/api/auth/reset-password', { method: 'POST', lang, body: json(body) });
  /** Sets an account's reset code straight in the database (as a code issued an hour ago would be). */
  const storeCode = async (email: string, code: string) => {
    if (database === 'sqlite') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Sqlite = require('better-sqlite3');
      const db = new Sqlite(cms.env.DATABASE_FILENAME);
      try {
        expect(db.prepare('UPDATE up_users SET reset_password_token = ? WHERE email = ?').run(code, email).changes).toBe(1);
      } finally {
        db.close();
      }
    } else {
      await pgQuery(`UPDATE "${cms.env.DATABASE_SCHEMA}".up_users SET reset_password_token = $1 WHERE email = $2`, [code, email]);
    }
  };

  beforeAll(async () => {
    await smtp.start();
    smtpRunning = true;
    Object.assign(cms.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example', KB_SITE_URL: SITE });
    await cms.seed(FIXTURES);
    await cms.start();
    await onboard(cms, smtp, EN, 'ville-fixture', 'en');
    await onboard(cms, smtp, AR, 'ville-fixture', 'ar');
  }, 300_000);
  afterAll(async () => {
    await cms.dispose();
    if (smtpRunning) await smtp.stop();
  });

  describe('a forgotten password', () => {
    it('is reset through an e-mail in the contributor’s language, whose link opens the contribution page in that language', async () => {
      // Asked from a French page: the e-mail follows the contributor's profile, not the caller.
      const asked = await forgot(EN, 'fr');
      expect(asked).toMatchObject({ status: 200, body: { ok: true } });
      const mail = await smtp.next(EN, 2);
      expect(mail.subject).toBe(translate('en', 'mail.passwordReset.subject'));
      expect(mail.text).toMatch(/https:\/\/guide\.example\/en\/contribute\/#reset=[0-9a-z]+\.[0-9a-f]{64}(\s|$)/);
      expect(mail.text).toBe(translate('en', 'mail.passwordReset.text', { email: EN, link: `${SITE}/en/contribute/#reset=${codeIn(mail.text)}` }));

      expect((await forgot(AR)).status).toBe(200);
      const arabic = await smtp.next(AR, 2);
      expect(arabic.subject).toBe(translate('ar', 'mail.passwordReset.subject'));
      expect(arabic.text).toBe(translate('ar', 'mail.passwordReset.text', { email: AR, link: `${SITE}/ar/contribute/#reset=${codeIn(arabic.text)}` }));
    });

    it('refuses a weak or mistyped password, in the caller’s language, and keeps the code', async () => {
      const code = codeIn((await smtp.next(EN, 2)).text)!;
      const refused = await reset({ code, password: 'short', passwordConfirmation: 'other' }, 'fr');
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors).toEqual([
        { path: ['password'], message: translate('fr', 'error.password'), name: 'ValidationError' },
        { path: ['passwordConfirmation'], message: translate('fr', 'error.passwordMismatch'), name: 'ValidationError' },
      ]);
      await expect(login(cms, EN)).resolves.toEqual(expect.any(String));
    });

    it('takes the code to a new password and signs the contributor in; the code works once', async () => {
      const code = codeIn((await smtp.next(EN, 2)).text)!;
      const done = await reset({ code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
      expect(done.status).toBe(200);
      expect(done.body.user).toMatchObject({ email: EN });
      expect((await kb(cms, '/contribution/me', { jwt: done.body.jwt })).body.data).toMatchObject({ email: EN, locale: 'en' });
      await expect(login(cms, EN, NEW_PASSWORD)).resolves.toEqual(expect.any(String));
      await expect(login(cms, EN, PASSWORD)).rejects.toThrow(/login failed: 400/);

      const again = await reset({ code, password: 'Another-Passw0rd', passwordConfirmation: 'Another-Passw0rd' }, 'ar');
      expect(again.status).toBe(400);
      expect(again.body.error.details.errors).toEqual([{ path: ['code'], message: translate('ar', 'error.resetCodeInvalid'), name: 'ValidationError' }]);
    });

    it('sends a live code again rather than replacing it, so nobody can cancel a contributor’s link by asking for another', async () => {
      expect((await forgot(EN)).status).toBe(200);
      const first = codeIn((await smtp.next(EN, 3)).text)!;
      expect((await forgot(EN)).status).toBe(200);
      expect(codeIn((await smtp.next(EN, 4)).text)).toBe(first);
      const done = await reset({ code: first, password: 'Third-Passw0rd', passwordConfirmation: 'Third-Passw0rd' });
      expect(done.status).toBe(200);
      // Spent: the next request brings a new one.
      expect((await forgot(EN)).status).toBe(200);
      expect(codeIn((await smtp.next(EN, 5)).text)).not.toBe(first);
    });

    it('refuses a code past its hour', async () => {
      const code = codeIn((await smtp.next(AR, 2)).text)!;
      const issuedAnHourAgo = `${(Date.now() - 60_000).toString(36)}.${code.split('.')[1]}`;
      await storeCode(AR, issuedAnHourAgo);
      const late = await reset({ code: issuedAnHourAgo, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
      expect(late.status).toBe(400);
      expect(late.body.error.details.errors).toEqual([{ path: ['code'], message: translate('en', 'error.resetCodeInvalid'), name: 'ValidationError' }]);
    });
  });

  describe('no answer tells whether an address has an account', () => {
    const same = (a: Reply, b: Reply) => expect({ status: b.status, body: b.body }).toEqual({ status: a.status, body: a.body });

    it('send-email-confirmation: the same refusal for every address, in the caller’s language, and no e-mail', async () => {
      const before = smtp.mails.length;
      const send = (email: string) => call(cms, '/api/auth/send-email-confirmation', { method: 'POST', lang: 'fr', body: json({ email }) });
      const [known, unknown] = [await send(EN), await send(NOBODY)];
      same(known, unknown);
      expect(known.status).toBe(403);
      expect(known.body.error.message).toBe(translate('fr', 'error.emailConfirmation'));
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.mails.length).toBe(before);
    });

    it('forgot-password: the same answer for an account and for none, and no e-mail to an unknown address', async () => {
      same(await forgot(AR), await forgot(NOBODY));
      await smtp.next(AR, 3);
      expect(smtp.to(NOBODY)).toEqual([]);
    });

    it('forgot-password: the same answer, without waiting, while the mail server hangs', async () => {
      // Whatever connects to the mail server's port now waits for a greeting that never comes.
      await smtp.stop();
      smtpRunning = false;
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(smtp.port, '127.0.0.1', resolve));
      try {
        const timed = async (email: string) => ({ reply: await forgot(email) });
        const known = [await timed(AR), await timed(AR)];
        const unknown = [await timed(`again-${NOBODY}`), await timed(`other-${NOBODY}`)];
        for (const answer of [...known, ...unknown]) same(unknown[0].reply, answer.reply);
        expect(unknown[0].reply).toMatchObject({ status: 200, body: { ok: true } });
        // Each answer came while the mail server stayed silent: one waiting for it would have been aborted at 5 s.
        // The e-mails are attempted after the answers.
        for (const deadline = Date.now() + 5000; sockets.size < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
        expect(sockets.size).toBe(2);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    });

    it('forgot-password: the same answer while the mail server is down, and the failure is logged', async () => {
      // Nothing listens on the mail server's port any more.
      same(await forgot(`down-${NOBODY}`), await forgot(AR));
      const deadline = Date.now() + 10_000;
      while (!/password reset e-mail .*failed/i.test(cms.logs()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(cms.logs()).toMatch(/password reset e-mail .*failed/i);
    });
  });
});
