/**
 * A forgotten password, in real Chromium against a real CMS, in Arabic: "Forgot your password?"
 * under the sign-in form asks for a link, reached with the keyboard and laid out right to left; the
 * e-mail that arrives is in the contributor's language and its link opens the contribution page in
 * that language on the "choose a new password" form, which signs the contributor in; the new password
 * then signs in, and the spent link says so and offers a new one. axe finds nothing on either form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestCms } from '../../cms/tests/harness';
import { SmtpSink } from '../../cms/tests/smtp-sink';
import { onboard } from '../../cms/tests/contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';
import { freePort } from '../../scripts/lib/cms';
import { buildSite, FIXTURE_NOW, REPO_DIR, SITE_DIR } from '../__tests__/test-utils/build';
import { describeWithBrowser, launchBrowser, axeViolations, tabTo as tabToIn, textOf as textIn } from '../__tests__/test-utils/browser';
import { serve, type StaticServer } from '../__tests__/test-utils/server';

const SEED = join(REPO_DIR, 'cms', 'tests', 'fixtures', 'seed');
const EMAIL = 'baladiya@fixtureville.example';
const NEW_PASSWORD = 'Jadida-Passw0rd-2026';
const strings: Record<string, string> = JSON.parse(readFileSync(join(SITE_DIR, 'src', 'translations', 'ar.json'), 'utf8'));
/** The page's words in Arabic, placeholders filled. */
const ar = (key: string, vars: Record<string, string> = {}) => strings[`contribute.${key}`].replace(/\{(\w+)\}/g, (_, name: string) => vars[name]);

describeWithBrowser('a forgotten password on the contribution page, in Chromium against a real CMS', () => {
  const cms = new TestCms('sqlite');
  const smtp = new SmtpSink();
  let site: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let link = '';

  beforeAll(async () => {
    await smtp.start();
    const port = await freePort();
    const built = await buildSite('contribute', { KB_SEED_DIR: SEED, KB_NOW: FIXTURE_NOW, KB_PUBLIC_API_URL: `http://127.0.0.1:${port}` });
    site = await serve(built.dist);
    Object.assign(cms.env, {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: site.url, KB_SITE_ORIGINS: site.url, KB_EDITOR_EMAILS: 'moderation@aimf.example',
    });
    await cms.seed(SEED);
    await cms.start({ port });
    await onboard(cms, smtp, EMAIL, 'ville-fixture', 'ar');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await cms.dispose();
    await smtp.stop();
  });

  const tabTo = (selector: string, max = 40) => tabToIn(page, selector, max);
  const textOf = (selector: string) => textIn(page, selector);
  const axe = () => axeViolations(page);
  /** Where a form's first label sits in the column, and whether the page scrolls sideways. */
  const layoutOf = (form: string) =>
    page.evaluate((form) => {
      const text = document.createRange();
      text.selectNodeContents(document.querySelector(`${form} label`)!);
      const label = text.getBoundingClientRect();
      const column = document.querySelector('main .wrap')!.getBoundingClientRect();
      return {
        direction: getComputedStyle(document.querySelector(form)!).direction,
        labelOnTheRight: column.right - label.right < label.left - column.left,
        overflows: document.documentElement.scrollWidth > window.innerWidth,
      };
    }, form);

  it('asks for a link from the sign-in form, with the keyboard, right to left', async () => {
    await page.goto(`${site.url}/ar/contribute/`);
    await page.waitForSelector('[data-view="login"]:not([hidden])');
    await page.fill('#l-email', EMAIL);
    await tabTo('[data-view="login"] [data-show-forgot]');
    await expect(page.locator('[data-view="login"] [data-show-forgot]').textContent()).resolves.toBe(ar('forgot.link'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-view="forgot"]:not([hidden])');
    await expect(page.locator('#forgot-title').textContent()).resolves.toBe(ar('forgot.title'));
    // The address typed to sign in is kept, and the focus is in its field.
    await expect(page.locator('#f-email').inputValue()).resolves.toBe(EMAIL);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-email');
    await expect(layoutOf('#forgot-form')).resolves.toEqual({ direction: 'rtl', labelOnTheRight: true, overflows: false });
    await expect(axe()).resolves.toEqual([]);

    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-view="login"]:not([hidden])');
    // The same words whether or not the address has an account: the page cannot know.
    await expect(textOf('[data-status]')).resolves.toBe(ar('forgot.sent', { email: EMAIL }));
    await expect(page.locator('#l-email').inputValue()).resolves.toBe(EMAIL);
  });

  it('gets an e-mail in Arabic whose link opens the Arabic contribution page on the new-password form', async () => {
    const mail = await smtp.next(EMAIL, 2);
    expect(mail.subject).toBe(translate('ar', 'mail.passwordReset.subject'));
    link = /https?:\/\/\S+#reset=\S+/.exec(mail.text)![0];
    expect(link.startsWith(`${site.url}/ar/contribute/#reset=`)).toBe(true);
    expect(mail.text).toBe(translate('ar', 'mail.passwordReset.text', { email: EMAIL, link }));

    // Opened from the mail client: a new tab.
    page = await context.newPage();
    await page.goto(link);
    await page.waitForSelector('[data-view="reset"]:not([hidden])');
    await expect(page.locator('#reset-title').textContent()).resolves.toBe(ar('reset.title'));
    await expect(layoutOf('#reset-form')).resolves.toEqual({ direction: 'rtl', labelOnTheRight: true, overflows: false });
    await expect(axe()).resolves.toEqual([]);
  });

  it('chooses the new password, typed twice, and signs the contributor in; it then signs in', async () => {
    await page.focus('#r-password');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${NEW_PASSWORD}!`);
    await page.keyboard.press('Enter');
    // Checked in the browser first: nothing sent, the message beside the field.
    await expect(textOf('#r-confirm-error')).resolves.toBe(ar('passwordMismatch'));
    await expect(axe()).resolves.toEqual([]);

    await page.fill('#r-confirm', NEW_PASSWORD);
    await page.press('#r-confirm', 'Enter');
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
    await expect(textOf('[data-status]')).resolves.toBe(ar('reset.done'));
    await expect(textOf('[data-signed-in]')).resolves.toContain(EMAIL);
    // The code is spent: it leaves the address bar.
    expect(new URL(page.url()).hash).toBe('');

    await page.click('[data-logout]');
    await page.fill('#l-email', EMAIL);
    await page.fill('#l-password', NEW_PASSWORD);
    await page.press('#l-password', 'Enter');
    await page.waitForSelector('[data-view="contribute"]:not([hidden])');
  });

  it('says a spent link is no longer valid, and offers a new one', async () => {
    page = await context.newPage();
    await page.goto(link);
    await page.waitForSelector('[data-view="reset"]:not([hidden])');
    await page.fill('#r-password', 'Another-Passw0rd-2026');
    await page.fill('#r-confirm', 'Another-Passw0rd-2026');
    await page.press('#r-confirm', 'Enter');
    await expect(textOf('#reset-form [data-summary] li')).resolves.toBe(ar('reset.invalid'));
    await page.click('[data-view="reset"] [data-show-forgot]');
    await page.waitForSelector('[data-view="forgot"]:not([hidden])');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-email');
    // The spent code leaves the address bar: a reload shows the sign-in form.
    expect(new URL(page.url()).hash).toBe('');
  });
});
